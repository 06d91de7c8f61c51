"""Real ansible-playbook runs of the Kazoo modules against the lab."""
import re

import pytest

from lab.kazoo.testing import start_private_lab


def _no_secrets(output, lab):
    for name in ('KAZOO_PASSWORD', 'KAZOO_API_KEY'):
        assert lab.env[name] not in output, '%s leaked into the output' % name
    # tokens and API keys are 64 hex characters; none may appear in the output
    assert not re.search(r'(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])', output)


def test_system_config_lifecycle(run_playbook, kazoo_lab):
    rc, out = run_playbook('kazoo_system_config.yml', verbosity=3)
    assert rc == 0, out[-6000:]
    assert 'changed=' in out
    _no_secrets(out, kazoo_lab)


def test_failures_are_clear(run_playbook, kazoo_lab):
    sub = kazoo_lab.info()['sub_account']
    rc, out = run_playbook('kazoo_failures.yml', verbosity=3, drop=('KAZOO_API_KEY',), extra_vars={
        'api_key': kazoo_lab.env['KAZOO_API_KEY'],
        'sub_user': sub['username'], 'sub_account': sub['name'],
        'sub_password': kazoo_lab.env['KAZOO_PASSWORD'] + '-sub'})
    assert rc == 0, out[-6000:]
    _no_secrets(out, kazoo_lab)


def test_concurrent_writers_keep_every_section(run_playbook, kazoo_lab):
    """20 forks write 20 node sections of one category at once: replace and merge keep 20 of 20."""
    rc, out = run_playbook('kazoo_concurrent_writers.yml', inventory='writers.ini', forks=20)
    assert rc == 0, out[-6000:]
    assert 'failed=0' in out and 'ok=3' in out


def test_names_unknown_keys_and_retries(run_playbook, kazoo_lab):
    """Dot segments and unaddressable names are refused before any request; unknown keys and
    categories fail with a suggestion unless allow_unknown; a 503 on PATCH or section POST is retried."""
    rc, out = run_playbook('kazoo_hardening.yml')
    assert rc == 0, out[-8000:]
    assert 'Traceback' not in out


def test_empty_objects_are_no_change(run_playbook, kazoo_lab):
    """Kazoo's merge writes no key for a {} in the request: such settings are no change and no
    write, in merge and replace mode, in the default and node sections (kz_json:merge_recursive)."""
    rc, out = run_playbook('kazoo_empty_objects.yml')
    assert rc == 0, out[-6000:]


@pytest.fixture(scope='module')
def kazoo_master_lab(tmp_path_factory):
    """A lab with Kazoo master's schemas, whose notify categories use format: email."""
    lab = start_private_lab(str(tmp_path_factory.mktemp('kazoo-master')), extra_env={'LAB_KAZOO_SCHEMA_VERSION': 'master'})
    yield lab
    lab.stop()


def test_kazoo_variants(run_playbook, kazoo_master_lab):
    """{} and null under Kazoo 4.3+'s and 4.2's document PATCH merge; Crossbar's 429 with and
    without Retry-After, retried for PATCH and POST, a clear error when the attempts run out;
    format: email refused before any write exactly where jesse refuses it."""
    kazoo_master_lab.reset()
    rc, out = type(run_playbook)(kazoo_master_lab)('kazoo_variants.yml')
    assert rc == 0, out[-8000:]
    assert 'Traceback' not in out
