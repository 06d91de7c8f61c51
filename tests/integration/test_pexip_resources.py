"""ansible-playbook runs of the per-resource Pexip modules and pexip_resource against the lab."""

import pytest


@pytest.mark.parametrize('name', ['pexip_platform.yml', 'pexip_callcontrol.yml', 'pexip_services.yml', 'pexip_users.yml',
                                  'pexip_generic.yml'])
def test_resource_playbook(playbook, name):
    playbook(name).expect_success()
