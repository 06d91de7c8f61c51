"""Converge with purge through the roles: by prefix, tag and type; check mode; max_deletes; the scope's edge."""


def test_roles_purge_by_prefix_tag_and_type(playbook):
    playbook('pexip_purge.yml').expect_success()
