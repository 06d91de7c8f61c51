"""OAuth2 client credentials of the Pexip client: the token flow over a fake HTTP session."""
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fake_http import FakeResponse, FakeSession, listing

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2_auth import ASSERTION_TYPE, check_credentials

URL = 'https://mgr.example.com'
TOKEN_URL = URL + '/oauth/token/'
CONF = '/api/admin/configuration/v1/conference/'


def _pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@pytest.fixture(scope='module')
def key():
    return ec.generate_private_key(ec.SECP256R1())


class HeaderSession(FakeSession):
    """Also records the Authorization header and the form of each request."""

    def request(self, method, url, params=None, data=None, **kwargs):
        response = super().request(method, url, params=params, data=data, **kwargs)
        self.calls[-1]['authorization'] = (kwargs.get('headers') or {}).get('Authorization')
        self.calls[-1]['content_type'] = (kwargs.get('headers') or {}).get('Content-Type')
        return response


def token(value, expires_in=3600):
    return FakeResponse(200, {'access_token': value, 'expires_in': expires_in, 'token_type': 'Bearer'})


def make_client(key, session, private_key=None):
    client = PexipClient(URL, None, None, oauth2_client_id='c1d2', oauth2_private_key=private_key or _pem(key),
                         sleep=lambda seconds: None)
    client._session = session
    client._once = session
    return client


def test_one_token_per_task_and_a_valid_es256_assertion(key):
    session = HeaderSession()
    session.add('POST', '/oauth/token/', token('tok-1'))
    session.add('GET', CONF, listing([]))
    client = make_client(key, session)
    before = int(time.time())
    client.list('conference')
    client.list('conference')
    token_calls = [call for call in session.calls if call['path'] == '/oauth/token/']
    assert len(token_calls) == 1
    form = token_calls[0]['data']
    assert token_calls[0]['content_type'] == 'application/x-www-form-urlencoded'
    assert form['grant_type'] == 'client_credentials'
    assert form['client_assertion_type'] == ASSERTION_TYPE
    claims = jwt.decode(form['client_assertion'], key.public_key(), algorithms=['ES256'], audience=TOKEN_URL)
    assert claims['iss'] == claims['sub'] == 'c1d2'
    assert before <= claims['iat'] <= claims['exp'] <= claims['iat'] + 300
    assert jwt.get_unverified_header(form['client_assertion'])['alg'] == 'ES256'
    assert token_calls[0]['authorization'] is None
    gets = [call for call in session.calls if call['method'] == 'GET']
    assert [call['authorization'] for call in gets] == ['Bearer tok-1', 'Bearer tok-1']


def test_a_401_gets_a_fresh_token_once_with_a_new_jti(key):
    session = HeaderSession()
    session.add('POST', '/oauth/token/', token('old'), token('new'))
    session.add('GET', CONF, FakeResponse(200, {'meta': {'next': None}, 'objects': []}))
    client = make_client(key, session)
    client.list('conference')
    session.routes[('GET', CONF)] = [FakeResponse(401, {'error': 'Authentication required.'}), listing([])]
    client.list('conference')
    gets = [call['authorization'] for call in session.calls if call['method'] == 'GET']
    assert gets == ['Bearer old', 'Bearer old', 'Bearer new']
    assertions = [call['data']['client_assertion'] for call in session.calls if call['path'] == '/oauth/token/']
    jtis = [jwt.decode(a, options={'verify_signature': False})['jti'] for a in assertions]
    assert len(jtis) == 2 and jtis[0] != jtis[1]


def test_a_401_with_a_fresh_token_is_not_retried_again(key):
    session = HeaderSession()
    session.add('POST', '/oauth/token/', token('t1'), token('t2'), token('t3'))
    session.add('GET', CONF, FakeResponse(401, {'error': 'Authentication required.'}))
    client = make_client(key, session)
    with pytest.raises(ApiError) as info:
        client.list('conference')
    assert info.value.status == 401 and 'pexip_oauth2_client_id' in str(info.value)
    # the first token was fresh: no second fetch
    assert len([c for c in session.calls if c['path'] == '/oauth/token/']) == 1
    assert 't1' not in str(info.value)


@pytest.mark.parametrize('status,body,words', [
    (401, {'error': 'invalid_client', 'error_description': 'Invalid signature.'},
     ['signature', 'pexip_oauth2_private_key']),
    (401, {'error': 'invalid_client', 'error_description': 'Client not found.'},
     ['does not know', "'c1d2'", 'pexip_oauth2_client_id']),
    (400, {'error': 'invalid_grant', 'error_description': 'The assertion has expired.'},
     ['clocks', 'NTP']),
    (400, {'error': 'invalid_grant', 'error_description': 'The assertion is not yet valid (iat in the future).'},
     ['clocks']),
    (404, None, ['OAuth2 is not available', 'POST /oauth/token/', 'pexip_username']),
])
def test_refused_token_requests_name_the_cause(key, status, body, words):
    session = HeaderSession()
    session.add('POST', '/oauth/token/', FakeResponse(status, body))
    client = make_client(key, session)
    with pytest.raises(ApiError) as info:
        client.list('conference')
    message = str(info.value)
    # the token request's status is not the status of the request the task wanted to send
    assert info.value.status is None and info.value.token_status == status
    assert 'HTTP %d' % status in message
    for word in words:
        assert word in message
    assert '-----BEGIN' not in message
    assert [call['path'] for call in session.calls] == ['/oauth/token/']


def test_a_manager_without_oauth2_is_not_read_as_a_missing_object(key):
    session = HeaderSession()
    session.add('POST', '/oauth/token/', FakeResponse(404, None))
    client = make_client(key, session)
    with pytest.raises(ApiError) as info:
        client.get_object('conference', 7)
    assert 'OAuth2 is not available' in str(info.value)


def test_key_file_path_and_key_problems(key, tmp_path):
    path = tmp_path / 'client.pem'
    path.write_text(_pem(key))
    session = HeaderSession()
    session.add('POST', '/oauth/token/', token('t'))
    session.add('GET', CONF, listing([]))
    make_client(key, session, private_key=str(path)).list('conference')

    with pytest.raises(ApiError) as info:
        make_client(key, session, private_key=str(tmp_path / 'missing.pem'))
    assert 'pexip_oauth2_private_key' in str(info.value) and 'cannot be read' in str(info.value)

    rsa_pem = _pem(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    with pytest.raises(ApiError) as info:
        make_client(key, session, private_key=rsa_pem)
    assert 'not an EC key' in str(info.value) and '-----BEGIN' not in str(info.value)

    junk = tmp_path / 'junk.pem'
    junk.write_text('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n')
    with pytest.raises(ApiError) as info:
        make_client(key, session, private_key=str(junk))
    assert 'no usable private key' in str(info.value)


@pytest.mark.parametrize('args,words', [
    (('u', 'p', 'c', 'k'), ['not both']),
    ((None, None, None, None), ['no credentials', 'pexip_oauth2_client_id']),
    ((None, None, 'c', None), ['pexip_oauth2_private_key']),
    ((None, None, None, 'k'), ['pexip_oauth2_client_id']),
    (('u', None, None, None), ['pexip_password']),
])
def test_exactly_one_method(args, words):
    with pytest.raises(ApiError) as info:
        check_credentials(*args)
    for word in words:
        assert word in str(info.value)
    assert check_credentials('u', 'p', None, None) == 'basic'
    assert check_credentials(None, '', 'c', 'k') == 'oauth2'


def test_basic_401_mentions_oauth2_when_basic_is_disabled(session):
    session.add('GET', CONF, FakeResponse(401, {'error': 'Authentication required.'}))
    client = PexipClient(URL, 'admin', 'pw', sleep=lambda seconds: None)
    client._session = client._once = session
    with pytest.raises(ApiError) as info:
        client.list('conference')
    assert 'api_oauth2_disable_basic' in str(info.value)


def test_module_options_mask_the_key(key):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import connection_argument_spec
    spec = connection_argument_spec()
    assert spec['pexip_oauth2_private_key']['no_log'] is True
    assert not spec['pexip_username'].get('required') and not spec['pexip_password'].get('required')


ENV_BOTH = {'PEXIP_USERNAME': 'admin', 'PEXIP_PASSWORD': 'pw', 'PEXIP_OAUTH2_CLIENT_ID': 'cid',
            'PEXIP_OAUTH2_PRIVATE_KEY': '/k.pem'}


@pytest.mark.parametrize('given,environ,expected', [
    # nothing set in the task: an environment with both methods (the lab's .lab/env) keeps basic auth
    ({}, ENV_BOTH, ('admin', 'pw', None, None)),
    ({}, {'PEXIP_OAUTH2_CLIENT_ID': 'cid', 'PEXIP_OAUTH2_PRIVATE_KEY': '/k.pem'}, (None, None, 'cid', '/k.pem')),
    # the task's options choose the method, the environment completes it
    ({'pexip_oauth2_client_id': 'mine'}, ENV_BOTH, (None, None, 'mine', '/k.pem')),
    ({'pexip_username': 'ops'}, ENV_BOTH, ('ops', 'pw', None, None)),
    ({'pexip_username': 'ops', 'pexip_oauth2_client_id': 'c'}, {}, ('ops', None, 'c', None)),
])
def test_choose_credentials(given, environ, expected):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2_auth import choose_credentials
    chosen = choose_credentials(given, environ)
    assert (chosen['pexip_username'], chosen['pexip_password'], chosen['pexip_oauth2_client_id'],
            chosen['pexip_oauth2_private_key']) == expected


def test_an_upload_repeated_after_a_401_is_sent_whole_again(key):
    import io

    class ReadingSession(HeaderSession):
        def request(self, method, url, params=None, data=None, files=None, **kwargs):
            response = super().request(method, url, params=params, data=data, **kwargs)
            if files:
                self.calls[-1]['file'] = files['package'][1].read()
            return response

    session = ReadingSession()
    session.add('POST', '/oauth/token/', token('a'), token('b'))
    path = '/api/admin/configuration/v1/ivr_theme/3/'
    session.add('PATCH', path, FakeResponse(401, {'error': 'Authentication required.'}), FakeResponse(202))
    session.add('GET', CONF, listing([]))
    client = make_client(key, session)
    client.list('conference')  # token 'a', then it expires
    client.request('PATCH', path, files={'package': ('theme.zip', io.BytesIO(b'PK-theme'))}, expect_json=False)
    uploads = [call for call in session.calls if call['method'] == 'PATCH']
    assert [call['file'] for call in uploads] == [b'PK-theme', b'PK-theme']
    assert [call['authorization'] for call in uploads] == ['Bearer a', 'Bearer b']


def test_an_assertion_refused_as_replayed_is_followed_by_one_fresh_one(key):
    replayed = FakeResponse(400, {'error': 'invalid_grant', 'error_description': 'jti already used'})
    session = HeaderSession()
    session.add('POST', '/oauth/token/', replayed, token('t1'))
    session.add('GET', CONF, listing([]))
    client = make_client(key, session)
    client.list('conference')
    assertions = [call['data']['client_assertion'] for call in session.calls if call['path'] == '/oauth/token/']
    jtis = [jwt.decode(a, options={'verify_signature': False})['jti'] for a in assertions]
    assert len(jtis) == 2 and jtis[0] != jtis[1]
    assert [c['authorization'] for c in session.calls if c['method'] == 'GET'] == ['Bearer t1']


def test_two_assertions_refused_as_replayed_name_the_cause(key):
    replayed = FakeResponse(400, {'error': 'invalid_grant', 'error_description': 'jti already used'})
    session = HeaderSession()
    session.add('POST', '/oauth/token/', replayed, replayed)
    client = make_client(key, session)
    with pytest.raises(ApiError) as info:
        client.list('conference')
    assert 'sends requests twice' in str(info.value) and "'c1d2'" in str(info.value)
    assert not [c for c in session.calls if c['method'] == 'GET']
