"""The resource engine against a scripted API: what it compares, writes and reports."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog import CONFERENCE, CONFERENCE_ALIAS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK, Field, Resource

from fake_http import FakeResponse, listing

CONF = '/api/admin/configuration/v1/conference/'
ALIAS = '/api/admin/configuration/v1/conference_alias/'
THEME = '/api/admin/configuration/v1/ivr_theme/'
ADP = '/api/admin/configuration/v1/automatic_participant/'


def vmr(**extra):
    obj = {'id': 1, 'name': 'VMR_1', 'description': '', 'pin': '', 'guest_pin': '', 'guest_view': None,
           'host_view': 'one_main_seven_pips', 'ivr_theme': None, 'max_callrate_in': None, 'service_type': 'conference',
           'tag': '', 'automatic_participants': [], 'resource_uri': CONF + '1/',
           'aliases': [{'alias': 'meet@example.com', 'conference': CONF + '1/', 'description': '', 'id': 1}]}
    obj.update(extra)
    return obj


def params(**values):
    base = dict((name, None) for name in CONFERENCE.fields)
    base.update(aliases=None, purge_aliases=True)
    base.update(values)
    return base


def engine(client, **kw):
    return Engine(client, CONFERENCE, **kw)


def test_uri_of_shapes():
    assert uri_of({'resource_uri': 'https://h' + THEME + '2/'}) == THEME + '2/'
    assert uri_of({'resource_uri': '', 'id': 4}, 'automatic_participant') == ADP + '4/'
    assert uri_of(THEME + '2') == THEME + '2/'
    assert uri_of('') is None and uri_of(None) is None


def test_no_change_means_no_write(client, session):
    theme = {'id': 2, 'name': 'Corp', 'resource_uri': THEME + '2/'}
    session.add('GET', CONF, listing([vmr(ivr_theme=theme, description=None, automatic_participants=[
        {'id': 4, 'resource_uri': ''}, {'id': 5, 'resource_uri': ADP + '5/'}])]))
    session.add('GET', THEME, listing([theme]))
    session.add('GET', ADP + '4/', FakeResponse(200, {'id': 4}))
    session.add('GET', ADP + '5/', FakeResponse(200, {'id': 5}))
    result = engine(client, diff_mode=True).ensure(params(
        name='VMR_1', description='', ivr_theme='Corp', guest_view='', host_view='one_main_seven_pips',
        automatic_participants=[ADP + '5/', '4'],
        aliases=[{'alias': 'meet@example.com', 'description': None}]))
    assert result['changed'] is False
    assert session.writes() == []
    assert result['diff'] == {'before': {}, 'after': {}}


def test_update_patches_only_changed_fields_and_masks_pins_in_diff(client, session):
    session.add('GET', CONF, listing([vmr(pin='1111')]))
    session.add('PATCH', CONF + '1/', FakeResponse(202))
    session.add('GET', CONF + '1/', FakeResponse(200, vmr(pin='2222', description='new')))
    result = engine(client, diff_mode=True).ensure(params(name='VMR_1', pin='2222', description='new', tag=''))
    assert result['changed'] is True
    assert session.writes() == [{'method': 'PATCH', 'path': CONF + '1/', 'params': None, 'query': None,
                                 'data': {'pin': '2222', 'description': 'new'}}]
    assert result['diff']['before'] == {'pin': MASK, 'description': ''}
    assert result['diff']['after'] == {'pin': MASK + ' (changed)', 'description': 'new'}
    assert result['conference']['pin'] == MASK
    assert '2222' not in repr(result) and '1111' not in repr(result)


def test_check_mode_create_predicts_and_writes_nothing(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', ALIAS, listing([]))
    result = engine(client, check_mode=True, diff_mode=True).ensure(params(
        name='VMR_2', pin='1234', aliases=[{'alias': 'a@x', 'description': 'A'}, {'alias': 'b@x'}]))
    assert result['changed'] is True and session.writes() == []
    assert result['conference']['name'] == 'VMR_2' and result['conference']['pin'] == MASK
    assert result['conference']['aliases'] == [{'description': 'A', 'alias': 'a@x'}, {'alias': 'b@x'}]
    assert result['diff']['after']['aliases'] == [{'alias': 'a@x', 'description': 'A'}, {'alias': 'b@x', 'description': ''}]


def test_create_posts_nested_aliases_in_one_request(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', ALIAS, listing([]))
    session.add('POST', CONF, FakeResponse(201, headers={'Location': CONF + '9/'}))
    session.add('GET', CONF + '9/', FakeResponse(200, vmr(id=9, name='VMR_9')))
    result = engine(client).ensure(params(name='VMR_9', aliases=[{'alias': 'b@x'}, {'alias': 'a@x'}]))
    assert result['changed'] is True
    posts = session.writes()
    assert len(posts) == 1
    assert posts[0]['data'] == {'name': 'VMR_9', 'aliases': [{'alias': 'a@x'}, {'alias': 'b@x'}]}


def test_alias_set_is_converged_with_purge(client, session):
    current = vmr(aliases=[
        {'alias': 'keep@x', 'conference': CONF + '1/', 'description': 'old', 'id': 1, 'resource_uri': ALIAS + '1/'},
        {'alias': 'drop@x', 'conference': CONF + '1/', 'description': '', 'id': 2, 'resource_uri': ALIAS + '2/'}])
    session.add('GET', CONF, listing([current]))
    session.add('GET', ALIAS, listing([]))
    session.add('DELETE', ALIAS + '2/', FakeResponse(204))
    session.add('PATCH', ALIAS + '1/', FakeResponse(202))
    session.add('POST', ALIAS, FakeResponse(201, headers={'Location': ALIAS + '3/'}))
    session.add('GET', CONF + '1/', FakeResponse(200, current))
    result = engine(client, diff_mode=True).ensure(params(
        name='VMR_1', aliases=[{'alias': 'keep@x', 'description': 'new'}, {'alias': 'add@x'}]))
    writes = [(w['method'], w['path'], w['data']) for w in session.writes()]
    assert writes == [('DELETE', ALIAS + '2/', None), ('PATCH', ALIAS + '1/', {'description': 'new'}),
                      ('POST', ALIAS, {'alias': 'add@x', 'conference': CONF + '1/'})]
    assert result['diff']['before']['aliases'] == [{'alias': 'drop@x', 'description': ''}, {'alias': 'keep@x', 'description': 'old'}]
    assert result['diff']['after']['aliases'] == [{'alias': 'add@x', 'description': ''}, {'alias': 'keep@x', 'description': 'new'}]


def test_no_purge_keeps_unlisted_aliases(client, session):
    session.add('GET', CONF, listing([vmr()]))
    result = engine(client).ensure(params(name='VMR_1', aliases=[], purge_aliases=False))
    assert result['changed'] is False and session.writes() == []


def test_alias_taken_by_another_service_fails_before_any_write(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', ALIAS, listing([{'alias': 'taken@x', 'conference': CONF + '7/', 'id': 5}]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', description='x', aliases=[{'alias': 'taken@x'}]))
    assert 'taken@x' in str(caught.value) and CONF + '7/' in str(caught.value)
    assert session.writes() == []


def test_missing_reference_fails_naming_it(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', THEME, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', ivr_theme='Nope'))
    assert "ivr_theme: no ivr_theme with name 'Nope'" in str(caught.value)
    assert session.writes() == []


def test_bad_pin_and_limits_fail_before_any_request(client, session):
    session.add('GET', CONF, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', pin='abcd', max_callrate_in=64, description='x' * 251))
    text = str(caught.value)
    assert 'pin must be 4 to 20 digits' in text and 'max_callrate_in must be at least 128' in text
    assert 'description must be at most 250' in text
    assert 'abcd' not in text
    assert session.writes() == []


def test_clear_sets_null_and_empty(client, session):
    session.add('GET', CONF, listing([vmr(max_callrate_in=512, ivr_theme={'id': 2, 'resource_uri': THEME + '2/'})]))
    session.add('PATCH', CONF + '1/', FakeResponse(202))
    session.add('GET', CONF + '1/', FakeResponse(200, vmr()))
    engine(client).ensure(params(name='VMR_1'), clear=['max_callrate_in', 'ivr_theme', 'description'])
    assert session.writes()[0]['data'] == {'max_callrate_in': None, 'ivr_theme': None}


def test_clear_refuses_booleans_and_conflicts(client, session):
    session.add('GET', CONF, listing([vmr()]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', tag='x'), clear=['allow_guests', 'tag'])
    assert 'allow_guests is a boolean' in str(caught.value) and 'tag is both set' in str(caught.value)


def test_delete_reports_removed_aliases_and_check_mode_deletes_nothing(client, session):
    session.add('GET', CONF, listing([vmr()]))
    result = engine(client, check_mode=True).ensure(params(name='VMR_1'), state='absent')
    assert result['changed'] is True and result['removed_aliases'] == ['meet@example.com']
    assert session.writes() == []
    session.add('DELETE', CONF + '1/', FakeResponse(204))
    result = engine(client).ensure(params(name='VMR_1'), state='absent')
    assert [w['path'] for w in session.writes()] == [CONF + '1/']


def test_absent_when_missing_is_unchanged(client, session):
    session.add('GET', CONF, listing([]))
    assert engine(client).ensure(params(name='gone'), state='absent')['changed'] is False


def test_ambiguous_natural_key_fails(client, session):
    session.add('GET', CONF, listing([vmr(id=1), vmr(id=2)]))
    with pytest.raises(ApiError):
        engine(client).ensure(params(name='VMR_1'))


def test_alias_reference_to_conference_by_name(client, session):
    session.add('GET', ALIAS, listing([]))
    session.add('GET', CONF, listing([vmr()]))
    session.add('POST', ALIAS, FakeResponse(201, headers={'Location': ALIAS + '4/'}))
    session.add('GET', ALIAS + '4/', FakeResponse(200, {'alias': 'x@y', 'conference': CONF + '1/', 'id': 4}))
    result = Engine(client, CONFERENCE_ALIAS).ensure({'alias': 'x@y', 'conference': 'VMR_1', 'description': None})
    assert session.writes()[0]['data'] == {'alias': 'x@y', 'conference': CONF + '1/'}
    assert result['alias']['conference'] == CONF + '1/'


WORKER = Resource('worker_vm', key='name', fields=dict(
    name=Field(), password=Field(kind='write_only'), description=Field()))


@pytest.mark.parametrize('mode, writes', [('on_create', 0), ('always', 1)])
def test_write_only_secrets_compared_only_when_asked(client, session, mode, writes):
    path = '/api/admin/configuration/v1/worker_vm/'
    session.add('GET', path, listing([{'id': 1, 'name': 'n1', 'description': '', 'resource_uri': path + '1/'}]))
    session.add('PATCH', path + '1/', FakeResponse(202))
    session.add('GET', path + '1/', FakeResponse(200, {'id': 1, 'name': 'n1'}))
    result = Engine(client, WORKER, diff_mode=True, update_password=mode).ensure(
        {'name': 'n1', 'password': 'hunter22', 'description': ''})
    assert len(session.writes()) == writes
    assert result['changed'] is bool(writes)
    assert 'hunter22' not in repr(result)


def test_check_mode_assumes_a_missing_reference_is_created_earlier(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', THEME, listing([]))
    result = engine(client, check_mode=True, diff_mode=True).ensure(params(name='VMR_1', ivr_theme='Corp'))
    assert result['changed'] is True and session.writes() == []
    assert "no ivr_theme with name 'Corp' exists yet" in result['warnings'][0]
    assert result['diff']['after'] == {'ivr_theme': "(ivr_theme 'Corp', not yet created)"}
