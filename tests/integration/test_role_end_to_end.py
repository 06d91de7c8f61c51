"""A role end to end through ansible-playbook: the pexip_services molecule scenario without molecule.

scripts/matrix.sh runs this on every supported ansible-core (molecule itself runs on the default
release only): the role's argument spec, its templating and conditionals, check mode with diff,
idempotence and the read-back of extensions/molecule/pexip_services/verify.yml.
"""

import os
import re

import pytest

from lab.control import LabControl

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'extensions', 'molecule', 'pexip_services')


def recap(run):
    found = re.search(r'localhost\s+: ok=(\d+)\s+changed=(\d+)', run.out)
    assert found, run
    return int(found.group(2))


@pytest.fixture
def control(lab_env):
    control = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                         lab_env['PEXIP_CA_PATH'])
    control.reset()
    return control


def test_pexip_services_role_check_diff_converge_idempotence_verify(playbook, control):
    converge = os.path.join(SCENARIO, 'converge.yml')
    # --check --diff on an empty manager: every change shown, nothing written
    control.clear_requests()
    run = playbook(converge, '--check', '--diff').expect_success()
    assert recap(run) > 0
    # the diffs of the tasks the role does not hide (its services task is no_log: PINs)
    assert '"name": "Molecule theme"' in run.out and '"name": "Molecule outbound SIP"' in run.out
    assert '"sip:molecule-recorder@example.test": "created"' in run.out
    assert control.writes() == [], 'check mode wrote to the manager'

    assert recap(playbook(converge).expect_success()) > 0
    # idempotence as molecule checks it: the scenario's preparation is skipped
    again = playbook(converge, '--diff', '--skip-tags', 'molecule-idempotence-notest').expect_success()
    assert recap(again) == 0, again
    playbook(os.path.join(SCENARIO, 'verify.yml')).expect_success()
