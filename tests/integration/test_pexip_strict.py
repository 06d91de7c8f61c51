"""The modules against the lab's strict profile (`make test-strict` starts a lab with LAB_PEXIP_PROFILE=strict).

Under the default profile this test is skipped: the rest of the suite covers that profile's behaviour.
"""

import pytest


def test_strict_profile_playbook(playbook, lab_env, tmp_path):
    if lab_env.get('LAB_PEXIP_PROFILE', 'default') != 'strict':
        pytest.skip('the lab runs the default profile (LAB_PEXIP_PROFILE=strict: make test-strict)')
    playbook('pexip_strict.yml', '-e', 'node_dir=%s' % tmp_path).expect_success()
    written = list(tmp_path.iterdir())
    assert [path.name for path in written] == ['strict-node.ova']
    assert written[0].stat().st_mode & 0o777 == 0o600
