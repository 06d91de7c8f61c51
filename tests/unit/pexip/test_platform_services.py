"""Platform service resources (pexip_catalog_platform.py): what their descriptions make the engine do."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import EVENT_SINK
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine

from fake_http import FakeResponse, listing

SINKS = '/api/admin/configuration/v1/event_sink/'


def params(resource, **values):
    base = dict((name, None) for name in resource.fields)
    base.update(values)
    return base


def test_blank_event_name_is_called_an_event_not_a_codec(client, session):
    with pytest.raises(ApiError) as info:
        Engine(client, EVENT_SINK).ensure(params(EVENT_SINK, name='Sink', url='https://events.example.com/',
                                                 events=['conference_started', ' ']))
    message = str(info.value)
    assert 'events[1] must be an event name such as participant_connected' in message
    assert 'codec' not in message
    assert session.writes() == []


def test_events_are_sent_as_name_objects_and_compared_as_names(client, session):
    current = {'id': 4, 'name': 'Sink', 'url': 'https://events.example.com/', 'resource_uri': SINKS + '4/',
               'events': [{'name': 'conference_ended'}, {'name': 'conference_started'}]}
    session.add('GET', SINKS, listing([current]))
    result = Engine(client, EVENT_SINK).ensure(params(EVENT_SINK, name='Sink', events=[
        'conference_started', 'conference_ended', 'conference_started']))
    assert result['changed'] is False and result['event_sink']['events'] == ['conference_ended', 'conference_started']
    session.add('GET', SINKS, listing([current]))
    session.add('PATCH', SINKS + '4/', FakeResponse(202))
    session.add('GET', SINKS + '4/', FakeResponse(200, dict(current, events=[{'name': 'participant_connected'}])))
    result = Engine(client, EVENT_SINK, diff_mode=True).ensure(params(EVENT_SINK, name='Sink',
                                                                      events=['participant_connected']))
    assert session.writes()[-1]['data'] == {'events': [{'name': 'participant_connected'}]}
    assert result['diff'] == {'before': {'events': ['conference_ended', 'conference_started']},
                              'after': {'events': ['participant_connected']}}
