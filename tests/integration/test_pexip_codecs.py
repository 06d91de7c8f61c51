"""Disabled codecs (issue 17): users give names, the manager holds embedded {"value"} objects."""


def test_disabled_codecs_playbook(playbook):
    playbook('pexip_codecs.yml').expect_success()
