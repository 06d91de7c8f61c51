"""The lab against the reference document (every example) and NOTES.md behaviours."""
import hashlib
import time

import pytest

from conftest import Api

SYS = '/v2/system_configs/sysconf'


def test_reference_examples_in_order(api):
    # Fetch Specific Config Category Default Values
    st, body = api('GET', SYS)
    assert st == 200 and body['data'] == {'default': {'acl_request_timeout_fudge_ms': 100,
                                                      'acl_request_timeout_ms': 2000}, 'id': 'sysconf'}
    for key in ('timestamp', 'version', 'node', 'request_id', 'auth_token'):
        assert key in body
    assert body['status'] == 'success' and 'revision' not in body
    # Update System Config Category (POST)
    st, body = api('POST', SYS, {'default': {'acl_request_timeout_fudge_ms': 100, 'acl_request_timeout_ms': 2000},
                                 'id': 'sysconf', 'node': {'acl_request_timeout_fudge_ms': 101}})
    assert st == 200 and body['data'] == {'node': {'acl_request_timeout_fudge_ms': 101}, 'id': 'sysconf'}
    assert body['revision']
    # Patch
    st, body = api('PATCH', SYS, {'node': {'acl_request_timeout_fudge_ms': 102}})
    assert st == 200 and body['data'] == {'node': {'acl_request_timeout_fudge_ms': 102}, 'id': 'sysconf'}
    # with defaults
    st, body = api('GET', SYS, with_defaults='true')
    assert body['data'] == {'node': {'acl_request_timeout_fudge_ms': 102, 'acl_request_timeout_ms': 2000},
                            'default': {'acl_request_timeout_fudge_ms': 100, 'acl_request_timeout_ms': 2000},
                            'id': 'sysconf'}
    # Remove (document)
    st, body = api('DELETE', SYS)
    assert st == 200 and body['data']['node'] == {'acl_request_timeout_fudge_ms': 102}
    assert body['data']['id'] == 'sysconf' and body['revision']
    # Sections: fetch a node of a missing document
    st, body = api('GET', SYS + '/node')
    assert st == 200 and body['data'] == {'id': 'sysconf/node'}
    st, body = api('POST', SYS + '/node', {'id': 'sysconf/node', 'acl_request_timeout_fudge_ms': 101})
    assert st == 200 and body['data'] == {'acl_request_timeout_fudge_ms': 101, 'id': 'sysconf/node'}
    st, body = api('PATCH', SYS + '/node', {'acl_request_timeout_fudge_ms': 102})
    assert st == 200 and body['data'] == {'acl_request_timeout_fudge_ms': 102, 'id': 'sysconf/node'}
    st, body = api('GET', SYS + '/node', with_defaults='true')
    assert body['data'] == {'acl_request_timeout_fudge_ms': 102, 'acl_request_timeout_ms': 2000, 'id': 'sysconf/node'}
    st, body = api('DELETE', SYS + '/node')
    assert st == 200 and body['data'] == {'id': 'sysconf/node'} and body['revision']


def test_listing_is_paginated(api):
    for cat in ('crossbar', 'ecallmgr', 'sysconf', 'media', 'fax'):
        assert api('PATCH', '/v2/system_configs/' + cat, {'zone1': {}})[0] == 200
    st, body = api('GET', '/v2/system_configs')
    assert body['data'] == ['sysconf', 'media', 'fax', 'ecallmgr', 'crossbar'] and 'next_start_key' not in body
    seen, params = [], {'page_size': '2'}
    while True:
        st, body = api('GET', '/v2/system_configs', **params)
        seen += body['data']
        if 'next_start_key' not in body:
            break
        params['start_key'] = body['next_start_key']
    assert seen == ['sysconf', 'media', 'fax', 'ecallmgr', 'crossbar']
    assert api('GET', '/v2/system_configs', paginate='false')[1]['data'] == seen


def test_put_section_is_405_and_put_document_is_post(api):
    st, body = api('PUT', SYS + '/node', {'acl_request_timeout_ms': 1})
    assert st == 405 and body['message'] == 'invalid_method' and body['error'] == '405'
    st, body = api('PUT', SYS, {'default': {'acl_request_timeout_ms': 5}})
    assert 200 <= st < 300 and body['data'] == {'default': {'acl_request_timeout_ms': 5}, 'id': 'sysconf'}
    st, body = api('PUT', SYS, {'default': {'acl_request_timeout_ms': 6}})
    assert 200 <= st < 300 and body['revision'].startswith('2-')


def test_404_bodies(api):
    st, body = api('DELETE', SYS)
    assert st == 404 and body['message'] == 'bad_identifier' and body['data'] == {'cause': 'sysconf', 'message': 'bad identifier'}
    api('POST', SYS, {'default': {'acl_request_timeout_ms': 5}})
    st, body = api('DELETE', SYS + '/nowhere')
    assert st == 404 and body['data'] == ['nowhere'] and body['message'] == 'bad identifier'
    st, body = api('GET', '/v2/nothing_here')
    assert st == 404 and body['message'] == 'not_found'


def test_validation_envelope(api):
    st, body = api('POST', '/v2/system_configs/crossbar', {'default': {'load_view_chunk_size': 0, 'allow_tracing': 'maybe'}})
    assert st == 400 and body['message'] == 'validation error' and body['error'] == '400'
    assert body['data']['default.load_view_chunk_size']['minimum']['message'] == 'Value must be at least 1'
    assert body['data']['default.allow_tracing']['type'] == {
        'message': 'Value did not match type(s): boolean', 'target': 'boolean', 'value': 'maybe'}
    assert api('GET', '/v2/system_configs')[1]['data'] == []
    st, body = api('POST', SYS, raw=b'{not json')
    assert st == 400 and body['data']['json']['invalid']['message'] == 'All JSON must be valid'


def test_stores_only_differences_and_merges_defaults(api):
    st, body = api('POST', '/v2/system_configs/ecallmgr', {
        'default': {'fetch_timeout': 2600, 'authz_enabled': True},
        'z1': {'authz_enabled': True, 'fetch_timeout': 1}})
    assert body['data'] == {'default': {'authz_enabled': True}, 'z1': {'fetch_timeout': 1}, 'id': 'ecallmgr'}
    eff = api('GET', '/v2/system_configs/ecallmgr/z1', with_defaults='true')[1]['data']
    assert eff['fetch_timeout'] == 1 and eff['authz_enabled'] is True and eff['authz_default_action'] == 'deny'
    raw = api('GET', '/v2/system_configs/ecallmgr')[1]['data']
    assert raw['z1'] == {'fetch_timeout': 1} and raw['default']['fetch_timeout'] == 2600
    # null resets to default through PATCH
    api('PATCH', '/v2/system_configs/ecallmgr', {'default': {'authz_enabled': None}})
    assert api('GET', '/v2/system_configs/ecallmgr/default')[1]['data'] == {'id': 'ecallmgr/default'}


def test_section_post_on_default_keeps_values_equal_to_schema_defaults(api):
    # Kazoo compares a section with document-shaped defaults: nothing is dropped
    st, body = api('POST', SYS + '/default', {'acl_request_timeout_ms': 2000})
    assert body['data'] == {'acl_request_timeout_ms': 2000, 'id': 'sysconf/default'}
    # a node section drops what equals the effective default (all equal -> {})
    st, body = api('POST', SYS + '/n@h', {'acl_request_timeout_ms': 2000})
    assert body['data'] == {'id': 'sysconf/n@h'}


def test_nested_defaults_and_refs(api):
    eff = api('GET', '/v2/system_configs/crossbar.auth/default', with_defaults='true')[1]['data']
    assert eff['auth_modules']['cb_user_auth']['token_auth_expiry_s'] == 3600
    st, body = api('PATCH', '/v2/system_configs/crossbar.auth', {'default': {'auth_modules': {'cb_api_auth': {'enabled': 'no'}}}})
    assert st == 400 and 'default.auth_modules.cb_api_auth.enabled' in body['data']


def test_superduper_required(lab):
    sub = lab.info()['sub_account']
    password = lab.env['KAZOO_PASSWORD'] + '-sub'
    token = lab.token(sub['username'], password, sub['name'])
    st, body = Api(lab, token)('GET', '/v2/system_configs')
    assert st == 403 and body['data'] == {'message': 'forbidden'} and body['message'] == 'forbidden'
    assert Api(lab, token)('GET', '/v2/schemas/system_config.crossbar')[0] == 200


def test_auth_endpoints(lab):
    api = Api(lab, token='')
    st, body = api('PUT', '/v2/user_auth', {'credentials': hashlib.md5(b'x:y').hexdigest(), 'account_name': 'lab-master'},
                   token=False)
    assert st == 401 and body['message'] == 'invalid_credentials'
    st, body = api('PUT', '/v2/api_auth', {'api_key': lab.env['KAZOO_API_KEY']}, token=False)
    assert st == 201 and body['auth_token'] and body['data']['account_name'] == 'lab-master'
    api.token = body['auth_token']
    st, body = api('GET', '/v2/token_auth')
    assert st == 200 and body['data']['method'] == 'cb_api_auth'
    api('DELETE', '/v2/token_auth')
    assert api('GET', '/v2/system_configs')[0] == 401
    assert api('GET', '/v2/system_configs', token=False)[0] == 401


def test_token_expiry_follows_crossbar_auth(lab, api):
    api('PATCH', '/v2/system_configs/crossbar.auth', {'default': {'auth_modules': {'cb_user_auth': {'token_auth_expiry_s': 1}}}})
    short = Api(lab)
    assert short('GET', '/v2/system_configs')[0] == 200
    time.sleep(1.3)
    assert short('GET', '/v2/system_configs')[0] == 401
    assert api('GET', '/v2/system_configs')[0] == 200  # older token, older lifetime


def test_schemas_endpoint(api):
    st, body = api('GET', '/v2/schemas', token=False)
    assert 'system_config.crossbar' in body['data'] and 'auth_module_config' in body['data']
    st, body = api('GET', '/v2/schemas/system_config.nope', token=False)
    assert st == 404 and body['message'] == 'bad_identifier'
    st, body = api('PUT', '/v2/schemas/system_config.sysconf/validation', {'acl_request_timeout_ms': 5})
    assert st == 200 and body['data'] == {'acl_request_timeout_ms': 5, 'acl_request_timeout_fudge_ms': 100}


def test_faults_and_request_log(lab, api):
    lab.clear_log()
    lab.fault(method='POST', path=SYS, kind='conflict')
    st, body = api('POST', SYS, {'default': {'acl_request_timeout_ms': 5}})
    assert st == 409 and body['message'] == 'datastore_conflict'
    assert api('POST', SYS, {'default': {'acl_request_timeout_ms': 5}})[0] == 200
    lab.fault(method='GET', path=SYS, kind='status', status=503, count=1)
    assert api('GET', SYS)[0] == 503
    log = lab.requests_log()
    assert [(e['method'], e['status']) for e in log] == [('POST', 409), ('POST', 200), ('GET', 503)]
    assert set(log[0]) == {'method', 'path', 'query', 'status', 'ts'}


def test_stale_revision_is_a_conflict(lab):
    from lab.kazoo.store import Conflict
    from lab.kazoo.schemas import SchemaStore
    from lab.kazoo.store import ConfigDB
    db = ConfigDB(SchemaStore())
    saved = db.save('x', {'default': {}}, None)
    db.save('x', {'default': {'a': 1}}, saved['_rev'])
    with pytest.raises(Conflict):
        db.save('x', {'default': {'a': 2}}, saved['_rev'])


def test_master_schemas_selectable():
    from lab.kazoo.schemas import SchemaStore
    master, v43 = SchemaStore(version='master'), SchemaStore(version='4.3')
    assert 'system_config.yodb' in master.schemas and 'system_config.yodb' not in v43.schemas
    fallback = SchemaStore(root='/nonexistent')
    assert sorted(n for n in fallback.names() if n.startswith('system_config.')) == [
        'system_config.crossbar', 'system_config.ecallmgr', 'system_config.sysconf']


def test_launcher_kazoo_entry_starts_this_server(tmp_path):
    """lab/launcher.py passes KAZOO_* (not LAB_KAZOO_*): the server must accept them."""
    launcher = pytest.importorskip('lab.launcher')
    from lab.kazoo.server import Lab
    env = launcher._kazoo_env('https://127.0.0.1:9800', '/ca.pem', {'kazoo_password': 'pw', 'kazoo_api_key': 'k' * 64})
    accounts = Lab(env=env).accounts
    assert accounts.master['name'] == env['KAZOO_ACCOUNT_NAME']
    assert accounts.master['users'][0]['username'] == env['KAZOO_USERNAME']
    assert accounts.master['users'][0]['password'] == 'pw' and accounts.master['api_key'] == 'k' * 64
    server = next(s for s in launcher.SERVERS if s.name == 'kazoo')
    assert server.module == 'lab.kazoo.server' and server.enabled()


def test_dot_segments_and_empty_segments_are_resolved_like_the_http_stack(api):
    api('POST', SYS, {'default': {'acl_request_timeout_ms': 5}, 'n@h': {'acl_request_timeout_ms': 6}})
    # requests sends %2E as "."; the server resolves it: this DELETE reaches the whole document
    st, body = api('DELETE', SYS + '/%2E')
    assert st == 200 and body['data']['_read_only'] == {'deleted': True}
    assert api('GET', '/v2/system_configs')[1]['data'] == []
    api('POST', SYS, {'n@h': {'acl_request_timeout_ms': 6}})
    st, body = api('GET', '/v2/system_configs/x/%2E%2E/sysconf/n@h/')
    assert st == 200 and body['data']['id'] == 'sysconf/n@h'


def _in_thread(fn):
    import threading
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault('result', fn()))
    thread.start()
    return thread, out


def test_concurrent_saves_of_one_document_conflict_and_nothing_is_merged(lab):
    # CouchDB semantics: each save names the revision read; the later save of a stale read is a 409
    slow, fast = Api(lab), Api(lab)
    lab.fault(method='POST', path=SYS + '/a@h', kind='slow_save', seconds=1.0)
    thread, out = _in_thread(lambda: slow('POST', SYS + '/a@h', {'acl_request_timeout_ms': 7}))
    time.sleep(0.3)
    assert fast('POST', SYS + '/b@h', {'acl_request_timeout_ms': 8})[0] == 200
    thread.join()
    st, body = out['result']
    assert st == 409 and body['message'] == 'datastore_conflict'
    assert slow('POST', SYS + '/a@h', {'acl_request_timeout_ms': 7})[0] == 200
    doc = fast('GET', SYS)[1]['data']
    assert doc['a@h'] == {'acl_request_timeout_ms': 7} and doc['b@h'] == {'acl_request_timeout_ms': 8}


def test_a_document_posted_back_from_a_stale_read_loses_other_writes(api):
    # Crossbar ignores a client's _rev: a read-modify-write of the whole document overwrites silently
    api('POST', SYS, {'default': {}, 'a@h': {'acl_request_timeout_ms': 7}})
    read = api('GET', SYS)[1]['data']
    assert api('POST', SYS + '/b@h', {'acl_request_timeout_ms': 8})[0] == 200
    read['c@h'] = {'acl_request_timeout_ms': 9}
    assert api('POST', SYS, read)[0] == 200
    assert 'b@h' not in api('GET', SYS)[1]['data']


def test_a_conflicting_document_delete_answers_success_and_keeps_the_document(lab):
    # cb_system_configs discards the result of the hard delete (reference notes, DELETE)
    slow, fast = Api(lab), Api(lab)
    fast('POST', SYS, {'default': {'acl_request_timeout_ms': 5}})
    lab.fault(method='DELETE', path=SYS, kind='slow_save', seconds=1.0)
    thread, out = _in_thread(lambda: slow('DELETE', SYS))
    time.sleep(0.3)
    assert fast('POST', SYS + '/b@h', {'acl_request_timeout_ms': 8})[0] == 200
    thread.join()
    st, body = out['result']
    assert st == 200 and body['data']['_read_only'] == {'deleted': True}
    assert fast('GET', '/v2/system_configs')[1]['data'] == ['sysconf']
