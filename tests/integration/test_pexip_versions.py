"""A module for a resource the manager's version lacks fails naming the resource and the version gap."""

from lab.control import LabControl


def test_missing_resources_are_named(playbook, lab_env):
    lab = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                     lab_env['PEXIP_CA_PATH'])
    lab.set_absent_resources(['smtp_server', 'host_system'])
    try:
        lab.clear_requests()
        playbook('pexip_versions.yml').expect_success()
        assert lab.writes() == []
    finally:
        lab.set_absent_resources([])
