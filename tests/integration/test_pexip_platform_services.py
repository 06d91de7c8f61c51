"""Platform services whose lifecycle the lifecycle harness cannot run (see tests/integration/lifecycles)."""


def test_software_bundle_playbook(playbook):
    """pexip_software_bundle never creates nor deletes: check mode, change with diff, rerun, refusals, writes."""
    playbook('pexip_software_bundle.yml').expect_success()
