"""pexip_resource: schema-aware validation before any write, composite keys, references."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_generic import converge

from fake_http import FakeResponse, listing

ADP = '/api/admin/configuration/v1/automatic_participant/'
CONF = '/api/admin/configuration/v1/conference/'
SCHEMA = {
    'fields': {
        'id': {'type': 'integer', 'readonly': True, 'nullable': False},
        'resource_uri': {'type': 'string', 'readonly': True, 'nullable': False},
        'alias': {'type': 'string', 'readonly': False, 'nullable': False, 'blank': False},
        'remote_display_name': {'type': 'string', 'readonly': False, 'nullable': False, 'blank': True},
        'role': {'type': 'string', 'readonly': False, 'nullable': False, 'valid_choices': ['guest', 'chair']},
        'streaming': {'type': 'boolean', 'readonly': False, 'nullable': False},
        'conference': {'type': 'related', 'related_type': 'to_many', 'readonly': False, 'nullable': False},
        'system_location': {'type': 'related', 'related_type': 'to_one', 'readonly': False, 'nullable': True},
        'creation_time': {'type': 'datetime', 'readonly': True, 'nullable': False},
    },
}


def params(**values):
    base = {'resource': 'automatic_participant', 'key': ['alias'], 'fields': {}, 'references': {}, 'secrets': [],
            'state': 'present'}
    base.update(values)
    return base


@pytest.fixture
def schema(session):
    session.add('GET', ADP + 'schema/', FakeResponse(200, SCHEMA))
    return session


@pytest.mark.parametrize('fields, message', [
    ({'alias': 'a@example.com', 'colour': 'red'}, 'colour is not a field of automatic_participant'),
    ({'alias': 'a@example.com', 'role': 'king'}, "role must be one of 'guest', 'chair', got 'king'"),
    ({'alias': 'a@example.com', 'streaming': 'yes'}, 'streaming must be a boolean'),
    ({'alias': 'a@example.com', 'creation_time': '2026-01-01T00:00:00'}, 'creation_time is read-only'),
    ({'alias': 'a@example.com', 'conference': 'Board room'}, 'conference must be a list of references'),
    ({'alias': None}, 'alias cannot be null'),
    ({'remote_display_name': 'x'}, 'alias is a key field but has no value'),
])
def test_bad_fields_fail_before_any_write(client, schema, fields, message):
    with pytest.raises(ApiError) as info:
        converge(client, params(fields=fields))
    assert message in str(info.value)
    assert schema.writes() == []
    # only the schema was read: not even a lookup of the object
    assert [call['path'] for call in schema.calls] == [ADP + 'schema/']


def test_unknown_resource_is_named(client, session):
    session.add('GET', '/api/admin/configuration/v1/flux_capacitor/schema/', FakeResponse(404, {'error': 'nope'}))
    with pytest.raises(ApiError) as info:
        converge(client, params(resource='flux_capacitor', fields={'name': 'x'}, key=['name']))
    assert "no 'flux_capacitor' resource" in str(info.value)


def test_schema_is_fetched_once_per_task(client, schema):
    schema.add('GET', ADP, listing([]))
    schema.add('POST', ADP, FakeResponse(201, headers={'Location': 'https://mgr' + ADP + '1/'}))
    schema.add('GET', ADP + '1/', FakeResponse(200, {'id': 1, 'alias': 'a@example.com', 'resource_uri': ADP + '1/'}))
    converge(client, params(fields={'alias': 'a@example.com'}))
    converge(client, params(fields={'alias': 'b@example.com'}, state='absent'))
    assert [call['path'] for call in schema.calls].count(ADP + 'schema/') == 1


def test_references_by_name_and_composite_key(client, schema):
    existing = {'id': 3, 'alias': 'rec@example.com', 'remote_display_name': 'Recorder', 'role': 'guest',
                'conference': [{'id': 1, 'name': 'Board', 'resource_uri': CONF + '1/'}], 'resource_uri': ADP + '3/'}
    other = dict(existing, id=4, remote_display_name='Other', resource_uri=ADP + '4/')
    schema.add('GET', ADP, listing([existing, other]))
    schema.add('GET', CONF, listing([{'id': 1, 'name': 'Board', 'resource_uri': CONF + '1/'}]),
               listing([{'id': 2, 'name': 'Lobby', 'resource_uri': CONF + '2/'}]))
    schema.add('PATCH', ADP + '3/', FakeResponse(202))
    schema.add('GET', ADP + '3/', FakeResponse(200, dict(existing, conference=[CONF + '1/', CONF + '2/'])))
    result = converge(client, params(key=['alias', 'remote_display_name'], references={'conference': 'conference'},
                                     fields={'alias': 'rec@example.com', 'remote_display_name': 'Recorder',
                                             'conference': ['Board', 'Lobby']}), diff_mode=True)
    assert result['changed'] is True
    assert schema.writes()[-1]['path'] == ADP + '3/'
    assert schema.writes()[-1]['data'] == {'conference': [CONF + '1/', CONF + '2/']}


def test_ambiguous_key_fails_clearly(client, schema):
    twin = {'id': 3, 'alias': 'rec@example.com', 'resource_uri': ADP + '3/'}
    schema.add('GET', ADP, listing([twin, dict(twin, id=4, resource_uri=ADP + '4/')]))
    with pytest.raises(ApiError) as info:
        converge(client, params(fields={'alias': 'rec@example.com', 'role': 'chair'}))
    assert '2 automatic_participant objects match' in str(info.value)
    assert schema.writes() == []


def test_reference_by_name_without_target_is_refused(client, schema):
    with pytest.raises(ApiError) as info:
        converge(client, params(fields={'alias': 'a@example.com', 'system_location': 'London'}))
    assert 'references' in str(info.value)
    assert schema.writes() == []


def test_null_clears_a_field(client, schema):
    existing = {'id': 3, 'alias': 'a@example.com', 'remote_display_name': 'Rec', 'resource_uri': ADP + '3/'}
    schema.add('GET', ADP, listing([existing]))
    schema.add('PATCH', ADP + '3/', FakeResponse(202))
    schema.add('GET', ADP + '3/', FakeResponse(200, dict(existing, remote_display_name='')))
    result = converge(client, params(fields={'alias': 'a@example.com', 'remote_display_name': None}))
    assert result['changed'] is True
    assert schema.writes()[-1]['data'] == {'remote_display_name': ''}


def test_host_system_fields_come_from_the_schema(client, session):
    host = '/api/admin/configuration/v1/host_system/'
    session.add('GET', host + 'schema/', FakeResponse(200, {'fields': {
        'name': {'type': 'string', 'readonly': False, 'nullable': False},
        'username': {'type': 'string', 'readonly': False, 'nullable': False, 'blank': True},
        'password': {'type': 'string', 'readonly': False, 'nullable': False, 'blank': True}}}))
    session.add('GET', host, listing([]))
    session.add('POST', host, FakeResponse(201, headers={'Location': 'https://mgr' + host + '1/'}))
    stored = {'id': 1, 'name': 'vc', 'password': 'p4ss-Word', 'resource_uri': host + '1/'}
    session.add('GET', host + '1/', FakeResponse(200, stored))
    result = converge(client, params(resource='host_system', key=['name'], secrets=['password'],
                                     fields={'name': 'vc', 'username': 'u', 'password': 'p4ss-Word'}), diff_mode=True)
    assert result['changed'] is True
    assert 'p4ss-Word' not in repr(result)
    assert session.writes()[0]['data'] == {'name': 'vc', 'username': 'u', 'password': 'p4ss-Word'}


HOSTS = '/api/admin/configuration/v1/host_system/'
HOST_SCHEMA = {'fields': {
    'id': {'type': 'integer', 'readonly': True, 'nullable': False},
    'name': {'type': 'string', 'readonly': False, 'nullable': False},
    'password': {'type': 'string', 'readonly': False, 'nullable': False, 'blank': True},
}}


@pytest.mark.parametrize('mode, writes', [('on_create', 0), ('always', 1)])
def test_a_secret_the_manager_never_returns_is_write_only(client, session, mode, writes):
    session.add('GET', HOSTS + 'schema/', FakeResponse(200, HOST_SCHEMA))
    session.add('GET', HOSTS, listing([{'id': 1, 'name': 'vc', 'resource_uri': HOSTS + '1/'}]))
    session.add('PATCH', HOSTS + '1/', FakeResponse(202))
    session.add('GET', HOSTS + '1/', FakeResponse(200, {'id': 1, 'name': 'vc', 'resource_uri': HOSTS + '1/'}))
    result = converge(client, {'resource': 'host_system', 'key': ['name'], 'fields': {'name': 'vc', 'password': 'pw-123456'},
                               'references': {}, 'secrets': ['password'], 'state': 'present', 'update_password': mode},
                      result_key='host_system')
    assert len(session.writes()) == writes and result['changed'] is bool(writes)
    assert 'host_system' in result and 'pw-123456' not in repr(result)
