"""The kinds of resource current Infinity versions add: missing on older managers, scoped keys, PUT-only
updates, objects the manager makes, singletons emptied by DELETE, and files sent with the creating POST."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import stored_file_differs

from fake_http import FakeResponse, listing

BASE = '/api/admin/configuration/v1/'
ENTRY = BASE + 'media_library_playlist_entry/'
PLAYLIST = BASE + 'media_library_playlist/'

PLAYLIST_ENTRY = Resource('media_library_playlist_entry', key='position', scope=('playlist',), fields=dict(
    position=Field(type='int', required=True),
    playlist=Field(kind='ref', target='media_library_playlist', required=True),
    playcount=Field(type='int'),
))
TUNEABLE = Resource('system_tuneable', key='name', update_method='PUT', fields=dict(
    name=Field(required=True), setting=Field(required=True), comment=Field(),
))
BUNDLE = Resource('software_bundle', key='bundle_type', creatable=False, fields=dict(
    bundle_type=Field(required=True), selected_revision=Field(kind='ref', target='software_bundle_revision'),
))
TOKEN = Resource('gms_gateway_token', key=None, singleton=True, singleton_absent='delete', fields=dict(
    certificate=Field(required=True), private_key=Field(kind='write_only', required=True),
))
MEDIA = Resource('media_library_entry', key='name', fields=dict(
    name=Field(required=True), description=Field(), media_file=Field(kind='upload'),
))


def params(resource, **values):
    base = dict((name, None) for name in resource.fields)
    base.update(values)
    return base


def test_a_404_on_the_list_names_the_resource_and_the_version(client, session):
    session.add('GET', BASE + 'teams_proxy/', FakeResponse(404, text='<h1>Not Found</h1>'))
    with pytest.raises(ApiError) as info:
        client.list('teams_proxy')
    message = str(info.value)
    assert "no 'teams_proxy' resource" in message and 'older than the one that added' in message
    assert 'newer than one that removed it' in message


def test_a_404_on_a_detail_uri_is_still_not_found(client, session):
    assert client.get_object('conference', 7) is None


def test_scoped_key_finds_the_entry_of_the_right_playlist(client, session):
    session.add('GET', PLAYLIST, listing([{'id': 1, 'name': 'Lobby', 'resource_uri': PLAYLIST + '1/'},
                                          {'id': 2, 'name': 'Hold', 'resource_uri': PLAYLIST + '2/'}]))
    entries = [{'id': 10, 'position': 1, 'playlist': PLAYLIST + '1/', 'playcount': 1, 'resource_uri': ENTRY + '10/'},
               {'id': 11, 'position': 1, 'playlist': PLAYLIST + '2/', 'playcount': 3, 'resource_uri': ENTRY + '11/'}]
    session.add('GET', ENTRY, listing(entries))
    session.add('PATCH', ENTRY + '11/', FakeResponse(202))
    session.add('GET', ENTRY + '11/', FakeResponse(200, dict(entries[1], playcount=2)))
    result = Engine(client, PLAYLIST_ENTRY).ensure(params(PLAYLIST_ENTRY, position=1, playlist='Hold', playcount=2))
    assert result['changed'] is True
    assert [(call['method'], call['path']) for call in session.writes()] == [('PATCH', ENTRY + '11/')]


def test_scoped_key_needs_its_scope(client, session):
    with pytest.raises(ApiError) as info:
        Engine(client, PLAYLIST_ENTRY).ensure(params(PLAYLIST_ENTRY, position=1))
    assert 'playlist is required' in str(info.value)
    assert session.writes() == []


def test_put_only_resource_sends_the_whole_object(client, session):
    path = BASE + 'system_tuneable/'
    current = {'id': 3, 'name': 'max_calls', 'setting': '10', 'comment': 'kept', 'resource_uri': path + '3/'}
    session.add('GET', path, listing([current]))
    session.add('PUT', path + '3/', FakeResponse(204))
    session.add('GET', path + '3/', FakeResponse(200, dict(current, setting='20')))
    result = Engine(client, TUNEABLE).ensure(params(TUNEABLE, name='max_calls', setting='20'))
    assert result['changed'] is True
    assert session.writes() == [{'method': 'PUT', 'path': path + '3/', 'params': None, 'query': None,
                                 'data': {'name': 'max_calls', 'setting': '20', 'comment': 'kept'}}]


def test_objects_the_manager_makes_are_never_created_nor_deleted(client, session):
    path = BASE + 'software_bundle/'
    session.add('GET', path, listing([{'id': 1, 'bundle_type': 'teams', 'resource_uri': path + '1/'}]))
    with pytest.raises(ApiError) as info:
        Engine(client, BUNDLE).ensure(params(BUNDLE, bundle_type='team'))
    assert "no software_bundle with bundle_type 'team'" in str(info.value)
    assert "did you mean 'teams'" in str(info.value)
    with pytest.raises(ApiError) as info:
        Engine(client, BUNDLE).ensure(params(BUNDLE, bundle_type='teams'), state='absent')
    assert 'cannot be deleted' in str(info.value) or 'not deleted' in str(info.value)
    assert session.writes() == []


@pytest.mark.parametrize('after', ['blank', 'gone'])
def test_singleton_absent_deletes_once(client, session, after):
    path = BASE + 'gms_gateway_token/'
    token = {'id': 1, 'certificate': 'PEM', 'resource_uri': path + '1/'}
    empty = [{'id': 1, 'certificate': '', 'resource_uri': path + '1/'}] if after == 'blank' else []
    session.add('GET', path, listing([token]), listing(empty))
    session.add('DELETE', path + '1/', FakeResponse(204))
    result = Engine(client, TOKEN).ensure(params(TOKEN), state='absent')
    assert result['changed'] is True
    assert [(call['method'], call['path']) for call in session.writes()] == [('DELETE', path + '1/')]
    again = Engine(client, TOKEN).ensure(params(TOKEN), state='absent')
    assert again['changed'] is False
    assert len(session.writes()) == 1


def test_an_emptied_singleton_is_set_with_its_write_only_fields(client, session):
    """A singleton emptied by DELETE is set up afresh, as an object is created: update_password=on_create
    sends its write-only fields then (the key of a gateway token was left out, the token half set)."""
    path = BASE + 'gms_gateway_token/'
    empty = {'id': 1, 'certificate': '', 'resource_uri': path + '1/'}
    token = dict(empty, certificate='PEM')
    session.add('GET', path, listing([empty]), listing([token]))
    session.add('PATCH', path + '1/', FakeResponse(202))
    session.add('GET', path + '1/', FakeResponse(200, token))
    wanted = params(TOKEN, certificate='PEM', private_key='KEY')
    result = Engine(client, TOKEN, update_password='on_create', diff_mode=True).ensure(wanted)
    assert result['changed'] is True
    assert [call['data'] for call in session.writes()] == [{'certificate': 'PEM', 'private_key': 'KEY'}]
    assert 'KEY' not in str(result) and 'private_key' in result['diff']['after']
    again = Engine(client, TOKEN, update_password='on_create').ensure(wanted)
    assert again['changed'] is False
    assert len(session.writes()) == 1


def test_upload_fields_are_sent_as_form_fields_with_the_file(client, session, tmp_path):
    path = BASE + 'media_library_entry/'
    session.add('GET', path, listing([]))
    session.add('POST', path, FakeResponse(201, headers={'Location': 'https://mgr.example.com' + path + '4/'}))
    session.add('GET', path + '4/', FakeResponse(200, {'id': 4, 'name': 'Hold music', 'resource_uri': path + '4/'}))
    media = tmp_path / 'hold.mp4'
    media.write_bytes(b'0123456789')
    engine = Engine(client, MEDIA)
    with open(str(media), 'rb') as handle:
        engine.create_files = {'media_file': ('hold.mp4', handle)}
        result = engine.ensure(params(MEDIA, name='Hold music', description='On hold', media_file=str(media)))
    assert result['changed'] is True
    post = session.writes()[0]
    assert post['method'] == 'POST'
    assert post['data'] == {'name': 'Hold music', 'description': 'On hold'}   # the path itself is never a field
    assert 'media_file' not in post['data']


def test_stored_file_comparison(tmp_path):
    media = tmp_path / 'hold.mp4'
    media.write_bytes(b'0123456789')
    assert stored_file_differs({'file_name': 'hold.mp4', 'media_size': 10}, str(media)) is False
    assert stored_file_differs({'file_name': 'hold.mp4', 'media_size': 11}, str(media)) is True
    assert stored_file_differs({'file_name': 'other.mp4'}, str(media)) is True
    assert stored_file_differs({'name': 'x'}, str(media)) is None


def test_a_reference_to_objects_without_a_name_asks_for_a_uri(client, session):
    alias = Resource('webapp_alias', key='slug', fields=dict(
        slug=Field(required=True), bundle=Field(kind='ref', target='software_bundle_revision')))
    session.add('GET', BASE + 'webapp_alias/', listing([]))
    with pytest.raises(ApiError) as info:
        Engine(client, alias).ensure(params(alias, slug='meet', bundle='webapp3'))
    assert 'software_bundle_revision objects have no name' in str(info.value)
    assert 'resource URI or the id' in str(info.value)
    assert [call['path'] for call in session.calls] == [BASE + 'webapp_alias/']


AUTOBACKUP = Resource('autobackup', key=None, singleton=True, fields=dict(
    autobackup_enabled=Field(type='bool'), autobackup_passphrase=Field(kind='write_only'),
))


def test_a_singleton_says_when_it_does_not_send_a_write_only_value(client, session):
    path = BASE + 'autobackup/'
    current = {'id': 1, 'autobackup_enabled': True, 'resource_uri': path + '1/'}
    session.add('GET', path, listing([current]))
    result = Engine(client, AUTOBACKUP, update_password='on_create').ensure(
        params(AUTOBACKUP, autobackup_enabled=True, autobackup_passphrase='Backup-Secret-1'))
    assert result['changed'] is False and session.writes() == []
    assert 'autobackup_passphrase not sent' in result['warnings'][0]
    assert 'update_password: always' in result['warnings'][0]
    assert 'Backup-Secret-1' not in str(result)
    session.add('PATCH', path + '1/', FakeResponse(202))
    session.add('GET', path + '1/', FakeResponse(200, current))
    result = Engine(client, AUTOBACKUP, update_password='always').ensure(
        params(AUTOBACKUP, autobackup_enabled=True, autobackup_passphrase='Backup-Secret-1'))
    assert result['changed'] is True and 'warnings' not in result
    assert session.writes()[0]['data'] == {'autobackup_passphrase': 'Backup-Secret-1'}


NODE = Resource('management_vm', key=None, singleton=True, fields=dict(
    address=Field(format='ip'), description=Field(),
))


def test_a_field_the_manager_does_not_keep_fails_instead_of_changing_every_run(client, session):
    path = BASE + 'management_vm/'
    current = {'id': 1, 'address': '192.0.2.5', 'description': '', 'resource_uri': path + '1/'}
    session.add('GET', path, listing([current]))
    session.add('PATCH', path + '1/', FakeResponse(202))
    # a version that treats address as read-only: the PATCH is accepted, the address stays
    session.add('GET', path + '1/', FakeResponse(200, dict(current, description='Manager')))
    with pytest.raises(ApiError) as info:
        Engine(client, NODE).ensure(params(NODE, address='192.0.2.6', description='Manager'))
    message = str(info.value)
    assert "did not keep address (sent '192.0.2.6', reads back '192.0.2.5')" in message
    assert 'description' not in message.split('did not keep')[1]
