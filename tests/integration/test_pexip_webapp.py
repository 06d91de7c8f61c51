"""Web app modules the lifecycle harness cannot cover, against the lab."""


def test_external_webapp_host(playbook):
    """Its only field is its key, so the lifecycle's change step has nothing to change: the rest runs here."""
    playbook('pexip_external_webapp_host.yml').expect_success()
