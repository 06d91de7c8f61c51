"""One-Touch Join behaviour beyond the lifecycle files, against the lab."""


def test_otj_rules_and_links(playbook):
    """Rules of one name in two profiles are two objects, each found within its profile; links are set on the
    object that holds them and the lists on the other side (a deployment's profiles and autodiscover URLs, a
    profile's endpoint groups) follow without being options."""
    playbook('pexip_otj.yml').expect_success()
