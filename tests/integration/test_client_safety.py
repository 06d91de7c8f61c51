"""The shared Pexip client against the lab: a path that would reach another URI is never sent."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient, resource_path
from lab.control import LabControl


@pytest.fixture()
def lab(lab_env):
    control = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                         lab_env['PEXIP_CA_PATH'])
    client = PexipClient(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                         ca_path=lab_env['PEXIP_CA_PATH'])
    return control, client


@pytest.mark.parametrize('segment', ['./', '%2e/', 'x/../'])
def test_dot_segment_delete_keeps_every_conference(lab, segment):
    control, client = lab
    names = ['Dot segment room %d' % n for n in range(2)]
    for name in names:
        if not client.find('conference', 'name', name):
            client.create('conference', {'name': name})
    control.clear_requests()
    with pytest.raises(ApiError) as caught:
        client.delete(resource_path('conference') + segment)
    assert caught.value.kind == 'usage'
    assert control.writes() == []
    for name in names:
        assert client.find('conference', 'name', name), '%s was deleted' % name
