"""Singleton resources: found by listing, only ever patched, never created or deleted."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import GLOBAL, MANAGEMENT_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import AUTHENTICATION
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK

from fake_http import FakeResponse, listing

GLOBAL_PATH = '/api/admin/configuration/v1/global/'
MGR = '/api/admin/configuration/v1/management_vm/'
AUTH = '/api/admin/configuration/v1/authentication/'


def params(resource, **values):
    base = dict((name, None) for name in resource.fields)
    base.update(values)
    return base


def test_present_patches_only_the_changed_fields(client, session):
    current = {'id': 1, 'enable_h323': True, 'enable_sip': True, 'resource_uri': GLOBAL_PATH + '1/'}
    session.add('GET', GLOBAL_PATH, listing([current]))
    session.add('PATCH', GLOBAL_PATH + '1/', FakeResponse(202))
    session.add('GET', GLOBAL_PATH + '1/', FakeResponse(200, dict(current, enable_h323=False)))
    result = Engine(client, GLOBAL, diff_mode=True).ensure(params(GLOBAL, enable_h323=False, enable_sip=True))
    assert result['changed'] is True
    assert session.writes() == [{'method': 'PATCH', 'path': GLOBAL_PATH + '1/', 'params': None, 'query': None,
                                 'data': {'enable_h323': False}}]
    assert result['diff'] == {'before': {'enable_h323': True}, 'after': {'enable_h323': False}}
    assert result['global']['enable_h323'] is False


def test_unchanged_sends_nothing_and_never_posts(client, session):
    session.add('GET', GLOBAL_PATH, listing([{'id': 1, 'enable_h323': False, 'resource_uri': GLOBAL_PATH + '1/'}]))
    result = Engine(client, GLOBAL).ensure(params(GLOBAL, enable_h323=False))
    assert result['changed'] is False
    assert session.writes() == []


def test_check_mode_predicts_without_writing(client, session):
    session.add('GET', GLOBAL_PATH, listing([{'id': 1, 'enable_h323': True, 'resource_uri': GLOBAL_PATH + '1/'}]))
    result = Engine(client, GLOBAL, check_mode=True).ensure(params(GLOBAL, enable_h323=False))
    assert result['changed'] is True and result['global']['enable_h323'] is False
    assert session.writes() == []


def test_management_vm_is_found_by_listing_whatever_its_id(client, session):
    node = {'id': 7, 'name': 'mgr', 'description': '', 'resource_uri': MGR + '7/'}
    session.add('GET', MGR, listing([node]))
    session.add('PATCH', MGR + '7/', FakeResponse(202))
    session.add('GET', MGR + '7/', FakeResponse(200, dict(node, description='Manager')))
    result = Engine(client, MANAGEMENT_VM).ensure(params(MANAGEMENT_VM, description='Manager'))
    assert result['changed'] is True
    assert [call['path'] for call in session.writes()] == [MGR + '7/']


def test_absent_is_refused_and_nothing_is_deleted(client, session):
    session.add('GET', GLOBAL_PATH, listing([{'id': 1, 'resource_uri': GLOBAL_PATH + '1/'}]))
    with pytest.raises(ApiError) as info:
        Engine(client, GLOBAL).ensure(params(GLOBAL), state='absent')
    assert 'singleton' in str(info.value)
    assert session.writes() == []


def test_missing_singleton_is_a_clear_error(client, session):
    session.add('GET', GLOBAL_PATH, listing([]))
    with pytest.raises(ApiError) as info:
        Engine(client, GLOBAL).ensure(params(GLOBAL, enable_h323=True))
    assert 'exactly one global' in str(info.value)
    assert session.writes() == []


def test_write_only_secret_is_sent_only_when_asked_and_masked(client, session):
    current = {'id': 1, 'source': 'LOCAL', 'ldap_bind_password': '', 'resource_uri': AUTH + '1/'}
    session.add('GET', AUTH, listing([current]))
    on_create = Engine(client, AUTHENTICATION, update_password='on_create', diff_mode=True)
    result = on_create.ensure(params(AUTHENTICATION, source='LOCAL', ldap_bind_password='s3cret-bind'))
    assert result['changed'] is False and session.writes() == []
    session.add('PATCH', AUTH + '1/', FakeResponse(202))
    session.add('GET', AUTH + '1/', FakeResponse(200, current))
    always = Engine(client, AUTHENTICATION, update_password='always', diff_mode=True)
    result = always.ensure(params(AUTHENTICATION, ldap_bind_password='s3cret-bind'))
    assert result['changed'] is True
    assert session.writes()[-1]['data'] == {'ldap_bind_password': 's3cret-bind'}
    assert 's3cret-bind' not in repr(result)
    assert result['diff']['after']['ldap_bind_password'].startswith(MASK)


CODECS = [{'value': 'MP4A-LATM_128'}, {'value': 'H264_H_0'}, {'value': 'H264_H_1'}]


def test_disabled_codecs_are_sent_as_embedded_objects_and_shown_as_names(client, session):
    """Issue 17: disabled_codecs is a list of {"value": codec} objects, not references to a resource."""
    current = {'id': 1, 'disabled_codecs': CODECS, 'resource_uri': GLOBAL_PATH + '1/'}
    session.add('GET', GLOBAL_PATH, listing([current]))
    session.add('PATCH', GLOBAL_PATH + '1/', FakeResponse(202))
    session.add('GET', GLOBAL_PATH + '1/', FakeResponse(200, dict(current, disabled_codecs=[{'value': 'VP9'}])))
    result = Engine(client, GLOBAL, diff_mode=True).ensure(params(GLOBAL, disabled_codecs=['VP9', 'VP9']))
    assert result['changed'] is True
    assert session.writes() == [{'method': 'PATCH', 'path': GLOBAL_PATH + '1/', 'params': None, 'query': None,
                                 'data': {'disabled_codecs': [{'value': 'VP9'}]}}]
    assert result['diff'] == {'before': {'disabled_codecs': ['H264_H_0', 'H264_H_1', 'MP4A-LATM_128']},
                              'after': {'disabled_codecs': ['VP9']}}
    assert result['global']['disabled_codecs'] == ['VP9']


def test_disabled_codecs_compare_as_a_set_of_names(client, session):
    session.add('GET', GLOBAL_PATH, listing([{'id': 1, 'disabled_codecs': CODECS,
                                              'resource_uri': GLOBAL_PATH + '1/'}]))
    result = Engine(client, GLOBAL).ensure(params(GLOBAL, disabled_codecs=['H264_H_1', 'MP4A-LATM_128', 'H264_H_0']))
    assert result['changed'] is False
    assert session.writes() == []


def test_disabled_codecs_clear_sends_an_empty_list(client, session):
    session.add('GET', GLOBAL_PATH, listing([{'id': 1, 'disabled_codecs': CODECS,
                                              'resource_uri': GLOBAL_PATH + '1/'}]))
    session.add('PATCH', GLOBAL_PATH + '1/', FakeResponse(202))
    session.add('GET', GLOBAL_PATH + '1/', FakeResponse(200, {'id': 1, 'disabled_codecs': [],
                                                              'resource_uri': GLOBAL_PATH + '1/'}))
    result = Engine(client, GLOBAL).ensure(params(GLOBAL), clear=['disabled_codecs'])
    assert result['changed'] is True
    assert session.writes()[0]['data'] == {'disabled_codecs': []}


def test_blank_codec_name_fails_before_any_request(client, session):
    with pytest.raises(ApiError) as info:
        Engine(client, GLOBAL).ensure(params(GLOBAL, disabled_codecs=['H264_H_0', ' ']))
    assert 'disabled_codecs' in str(info.value) and 'codec name' in str(info.value)
    assert session.writes() == []
