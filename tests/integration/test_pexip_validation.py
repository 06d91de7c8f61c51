"""ansible-playbook runs showing that input the manager would refuse stops a module before its first write."""


def test_validation_playbook(playbook):
    playbook('pexip_validation.yml').expect_success()
