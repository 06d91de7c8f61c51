import hashlib

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, retry_on_conflict, seg

from kazoo_fakes import FakeSession, envelope


def auth_ok(token):
    return envelope({'account_id': 'a1'}, status=201, auth_token=token)


def make(session, **kw):
    args = dict(username='Admin', password='S3cret!', account_name='master')
    args.update(kw)
    return KazooClient('https://kazoo.example.com:8443/v2/', session=session, **args)


def test_user_auth_hashes_lowercased_username_and_reuses_token():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('T1'))
    s.add('GET', '/v2/system_configs', envelope(['crossbar']), times=2)
    c = make(s)
    assert c.get('/v2/system_configs').data == ['crossbar']
    c.get('/v2/system_configs')
    auth = s.calls[0]
    assert auth['json']['data']['credentials'] == hashlib.md5(b'admin:S3cret!').hexdigest()
    assert auth['json']['data']['account_name'] == 'master'
    assert 'X-Auth-Token' not in auth['headers']
    assert [x['path'] for x in s.calls] == ['/v2/user_auth', '/v2/system_configs', '/v2/system_configs']
    assert s.calls[1]['headers']['X-Auth-Token'] == 'T1'


def test_api_key_auth():
    s = FakeSession()
    s.add('PUT', '/v2/api_auth', auth_ok('T2'))
    s.add('GET', '/v2/schemas', envelope([]))
    c = make(s, api_key='k' * 64, username=None, password=None, account_name=None)
    c.get('/v2/schemas')
    assert s.calls[0]['json'] == {'data': {'api_key': 'k' * 64}}
    assert s.calls[1]['headers']['X-Auth-Token'] == 'T2'


def test_expired_token_triggers_one_reauthentication():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('OLD'))
    s.add('GET', '/v2/system_configs', envelope({'message': 'invalid credentials'}, 401, message='invalid_credentials'))
    s.add('PUT', '/v2/user_auth', auth_ok('NEW'))
    s.add('GET', '/v2/system_configs', envelope(['x']))
    c = make(s)
    assert c.get('/v2/system_configs').data == ['x']
    assert s.calls[-1]['headers']['X-Auth-Token'] == 'NEW'
    assert len([x for x in s.calls if x['path'] == '/v2/user_auth']) == 2


def test_second_401_after_reauthentication_is_an_error():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('T'), times=2)
    s.add('GET', '/v2/system_configs', envelope({'message': 'invalid credentials'}, 401, message='invalid_credentials'),
          times=2)
    with pytest.raises(ApiError) as exc:
        make(s).get('/v2/system_configs')
    assert exc.value.status == 401
    assert len(s.calls) == 4


def test_given_token_is_not_renewed():
    s = FakeSession()
    s.add('GET', '/v2/system_configs', envelope({'message': 'invalid credentials'}, 401, message='invalid_credentials'))
    c = KazooClient('https://k', auth_token='GIVEN', session=s)
    with pytest.raises(ApiError) as exc:
        c.get('/v2/system_configs')
    assert 'expired or revoked' in exc.value.message
    assert len(s.calls) == 1


def test_wrong_credentials_message_names_user_not_password():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', envelope({'message': 'invalid credentials'}, 401, message='invalid_credentials'))
    with pytest.raises(ApiError) as exc:
        make(s).get('/v2/system_configs')
    text = str(exc.value)
    assert 'authentication failed' in text and "'Admin'" in text and 'S3cret' not in text
    assert exc.value.kind == 'auth'


def test_validation_envelope_becomes_field_errors():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('T'))
    s.add('POST', '/v2/system_configs/crossbar', envelope(
        {'default.port': {'type': {'message': 'Value did not match type(s): integer', 'target': 'integer',
                                   'value': 'abc'}}}, 400, message='validation error'))
    with pytest.raises(ApiError) as exc:
        make(s).post('/v2/system_configs/crossbar', {'default': {'port': 'abc'}})
    err = exc.value
    assert err.status == 400 and err.method == 'POST' and err.path == '/v2/system_configs/crossbar'
    assert err.message == 'validation error'
    assert err.field_errors == {'default.port': ["Value did not match type(s): integer (got 'abc')"]}
    assert 'auth_token' not in err.body


def test_forbidden_names_superduper():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('T'))
    s.add('GET', '/v2/system_configs', envelope({'message': 'forbidden'}, 403, message='forbidden'))
    with pytest.raises(ApiError) as exc:
        make(s).get('/v2/system_configs')
    assert exc.value.kind == 'forbidden' and 'superduper_admin' in str(exc.value)


def test_pagination_follows_next_start_key():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('T'))
    s.add('GET', '/v2/system_configs', envelope(['c', 'b'], next_start_key='K1'))
    s.add('GET', '/v2/system_configs', envelope(['a']))
    assert make(s).paginate('/v2/system_configs', page_size=2) == ['c', 'b', 'a']
    assert s.calls[1]['params'] == {'page_size': 2}
    assert s.calls[2]['params'] == {'page_size': 2, 'start_key': 'K1'}


def test_missing_credentials_is_a_usage_error():
    with pytest.raises(ApiError) as exc:
        KazooClient('https://k', session=FakeSession())
    assert exc.value.kind == 'usage'


def always_conflict():
    raise ApiError('x', status=409)


def test_retry_on_conflict_reruns_then_gives_up():
    calls = []

    def conflict():
        calls.append(1)
        if len(calls) < 3:
            raise ApiError('datastore_conflict', status=409)
        return 'ok'

    assert retry_on_conflict(conflict) == 'ok'
    calls[:] = [0, 0, 0, 0]
    with pytest.raises(ApiError):
        retry_on_conflict(always_conflict)


def test_on_secret_receives_the_token():
    s = FakeSession()
    s.add('PUT', '/v2/user_auth', auth_ok('SECRET-TOKEN'))
    s.add('GET', '/v2/schemas', envelope([]))
    seen = []
    make(s, on_secret=seen.append).get('/v2/schemas')
    assert seen == ['SECRET-TOKEN']


def test_retry_policy_covers_5xx_for_idempotent_verbs_and_patch():
    # issue 11 item 10: a Kazoo PATCH (a merge of absolute values) is retried after a 503
    c = KazooClient('https://k', auth_token='t')
    retry = c.session.get_adapter('https://k').max_retries
    assert 500 in retry.status_forcelist and 503 in retry.status_forcelist
    assert {'GET', 'PUT', 'DELETE', 'PATCH', 'POST'} <= set(retry.allowed_methods)  # POST: declared idempotent only
    once = c.session_once.get_adapter('https://k').max_retries
    # a POST not declared idempotent: no read retries and no status retries but Crossbar's 429
    # (nothing carried out; see test_kazoo_rate_limit.py)
    assert not once.allowed_methods and once.read == 0 and once.connect > 0
    assert once.refused_statuses == frozenset([429]) and not once.is_retry('POST', 503)


def test_post_is_retried_only_when_declared_idempotent():
    c = KazooClient('https://k', auth_token='t')
    used = []
    c.session.request = lambda method, url, **kw: used.append(('retrying', method)) or envelope({})
    c.session_once.request = lambda method, url, **kw: used.append(('once', method)) or envelope({})
    c.post('/v2/system_configs/x', {})
    c.post('/v2/system_configs/x/default', {}, idempotent=True)
    c.patch('/v2/system_configs/x', {})
    assert used == [('once', 'POST'), ('retrying', 'POST'), ('retrying', 'PATCH')]


@pytest.mark.parametrize('path, resolved', [
    ('/v2/system_configs/crossbar/.', '/v2/system_configs/crossbar'),
    ('/v2/system_configs/./ecallmgr', '/v2/system_configs/ecallmgr'),
    ('/v2/system_configs/crossbar/..', '/v2/system_configs'),
    ('/v2/system_configs/%2E/ecallmgr', '/v2/system_configs/ecallmgr'),
    ('/v2/system_configs/%2e%2E/x', '/v2/x'),
    ('/v2/system_configs/crossbar/', '/v2/system_configs/crossbar'),
    ('/v2/system_configs//crossbar', '/v2/system_configs/crossbar'),
])
def test_paths_a_server_resolves_elsewhere_are_refused_before_sending(path, resolved):
    # issue 11 item 1: DELETE .../crossbar/. deleted the whole document
    s = FakeSession()
    c = make(s)
    for method in ('DELETE', 'GET', 'POST', 'PATCH', 'PUT'):
        with pytest.raises(ApiError) as exc:
            c.request(method, path, data={} if method != 'GET' else None)
        assert exc.value.kind == 'usage' and resolved in str(exc.value) and 'nothing was sent' in str(exc.value)
    assert s.calls == []


def test_quoted_segments_pass_the_guard():
    s = FakeSession()
    s.add('GET', '/v2/system_configs/ecallmgr/ecallmgr@fs1.example.com', envelope({}))
    c = KazooClient('https://k', auth_token='t', session=s)
    c.get('/v2/system_configs/%s/%s' % (seg('ecallmgr'), seg('ecallmgr@fs1.example.com')))
    assert seg('a/b') == 'a%2Fb' and seg('a b') == 'a%20b'


def test_conflict_retries_pause_with_jitter():
    pauses = []

    def conflict():
        raise ApiError('datastore_conflict', status=409)

    with pytest.raises(ApiError):
        retry_on_conflict(conflict, attempts=5, sleep=pauses.append)
    assert len(pauses) == 4 and all(0 <= p <= 2 for p in pauses)
