"""docs/troubleshooting.md quotes only messages the collection really prints.

Each quoted message (the ``text`` blocks and the inline quotes of several words) must match a
message produced here by the clients themselves, from scripted answers and transport failures:
``...`` and ``<placeholder>`` in the guide stand for any text. The fatal example at the top must
be exactly the result a module fails with for that error.
"""

import json
import os
import re

import pytest
import requests

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import ensure_present
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GUIDE = os.path.join(ROOT, 'docs', 'troubleshooting.md')
URL = 'https://manager.example.com'
CONF = '/api/admin/configuration/v1/conference/'
METHODS = ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')
# inline code of several words that is not a message
NOT_MESSAGES = ('openssl s_client',)


class Answer:
    def __init__(self, status, body=None):
        self.status_code = status
        self.text = '' if body is None else json.dumps(body)
        self.content = self.text.encode()
        self.reason = 'reason'
        self.headers = {}

    def json(self):
        return json.loads(self.text)


class Session:
    """Answers every request with one answer, or raises one transport failure."""

    verify = True

    def __init__(self, answer):
        self.answer = answer

    def request(self, method, url, **kwargs):
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def pexip_error(answer, method='GET', path=CONF, body=None):
    client = PexipClient(URL, 'admin', 'pw', sleep=lambda seconds: None)
    client._session = client._once = Session(answer)
    with pytest.raises(ApiError) as info:
        if method == 'GET':
            client.request('GET', path)
        else:
            client.request(method, path, data=body, retry=False, resource='conference')
    return info.value


def oauth2_error(*answers):
    """A GET with OAuth2 credentials, the manager answering ``answers`` in turn (the token request first)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    queue = list(answers)

    class Turns(Session):
        def request(self, method, url, **kwargs):
            return queue.pop(0) if len(queue) > 1 else queue[0]

    client = PexipClient(URL, None, None, oauth2_client_id='3f2a', oauth2_private_key=key, sleep=lambda seconds: None)
    client._session = client._once = Turns(None)
    with pytest.raises(ApiError) as info:
        client.request('GET', CONF)
    return info.value


def pool_failure(kind, cause):
    """A transport failure worded as requests/urllib3 word them."""
    return kind("HTTPSConnectionPool(host='manager.example.com', port=443): Max retries exceeded with url: %s "
                "(Caused by %s)" % (CONF, cause))


def kazoo_error(answer, **credentials):
    client = KazooClient('https://kazoo.example.com:8443', session=Session(answer),
                         **(credentials or {'username': 'admin', 'password': 'pw', 'account_name': 'example'}))
    with pytest.raises(ApiError) as info:
        client.request('GET', '/v2/system_configs/ecallmgr')
    return info.value


def usage_error(call):
    with pytest.raises(ApiError) as info:
        call()
    return info.value


def missing_reference():
    """A theme referenced by a name that does not exist, while one with a close name does."""
    theme = {'id': 3, 'name': 'Corporate theme', 'resource_uri': '/api/admin/configuration/v1/ivr_theme/3/'}
    client = PexipClient(URL, 'admin', 'pw', sleep=lambda seconds: None)
    client._session = client._once = Session(Answer(200, {'meta': {'next': None, 'total_count': 1},
                                                          'objects': [theme]}))
    return usage_error(lambda: Engine(client, CONFERENCE).resolve('ivr_theme', 'ivr_theme', 'Corporate'))


def unknown_create():
    """A POST without an answer, and the object never appears."""
    client = PexipClient(URL, 'admin', 'pw', sleep=lambda seconds: None)
    client._session = client._once = Session(requests.exceptions.ReadTimeout('read timeout'))
    return usage_error(lambda: client.create('conference', {'name': 'Team room'}, lookup=lambda: None, key='name'))


class KazooConfigs:
    """The reads ensure_present makes before it validates: the ecallmgr schema, an empty section."""

    def schema(self, category):
        schema = {'type': 'object', 'properties': {'fetch_timeout': {'type': 'integer'}, 'authz_enabled': {}}}
        return SchemaBundle('system_config.' + category, {'system_config.' + category: schema})

    def section(self, category, node, with_defaults=True):
        return {}

    def schema_categories(self):
        return ['ecallmgr', 'crossbar']


def kazoo_unknown_key():
    with pytest.raises(Exception) as info:
        ensure_present(KazooConfigs(), 'ecallmgr', 'default', {'fetch_timout': 3000}, 'merge', False)
    return info.value


def invalid_pin():
    client = PexipClient(URL, 'admin', 'pw')
    params = dict((name, None) for name in CONFERENCE.fields)
    params.update(name="Alice's VMR", pin='12ab')
    return usage_error(lambda: Engine(client, CONFERENCE).validate(params))


def messages():
    """Every message the guide may quote, as the collection words it."""
    field_error = Answer(400, {'conference': {'pin': ['Ensure this value has at least 4 characters (it has 2).']}})
    errors = [
        pexip_error(field_error, 'POST', body={'name': 'Team room', 'pin': '12'}),
        pexip_error(pool_failure(requests.exceptions.SSLError, "SSLError(SSLCertVerificationError(1, '[SSL: "
                                 "CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate "
                                 "(_ssl.c:1006)')))")),
        pexip_error(pool_failure(requests.exceptions.SSLError, "SSLError(SSLError(1, '[SSL: "
                                 "TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)')))")),
        pexip_error(Answer(401, {'error': 'Authentication credentials were not provided.'})),
        pexip_error(Answer(403), 'PATCH', '/api/admin/configuration/v1/global/1/', {'enable_sip': True}),
        pexip_error(Answer(404), 'GET', CONF + '999999/'),
        pexip_error(Answer(405), 'DELETE', '/api/admin/configuration/v1/global/1/'),
        pexip_error(Answer(429)),
        pexip_error(Answer(500, {'error': 'internal error'})),
        pexip_error(Answer(400, {'error': 'Invalid filter: name__nope'})),
        pexip_error(requests.exceptions.ConnectTimeout('connect timeout')),
        pexip_error(requests.exceptions.ReadTimeout('read timeout')),
        pexip_error(pool_failure(requests.exceptions.ConnectionError,
                                 "NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f00>: Failed to "
                                 "establish a new connection: [Errno 111] Connection refused'))")),
        pexip_error(pool_failure(requests.exceptions.ConnectionError,
                                 "NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f00>: Failed "
                                 "to resolve 'manager.example.com' ([Errno -2] Name or service not known)\"))")),
        pexip_error(pool_failure(requests.exceptions.RetryError, "ResponseError('too many 503 error responses'))")),
        usage_error(lambda: PexipClient(None, 'admin', 'pw')),
        usage_error(lambda: PexipClient('manager.example.com', 'admin', 'pw')),
        usage_error(lambda: PexipClient(URL, 'admin', 'pw', ca_path='/etc/pki/corp-ca.pem')),
        usage_error(lambda: PexipClient(URL, 'admin', 'pw').request('DELETE', CONF)),
        usage_error(lambda: PexipClient(URL, 'admin', 'pw').request('DELETE', CONF + '7/../')),
        unknown_create(),
        usage_error(lambda: KazooClient(None)),
        usage_error(lambda: KazooClient('https://kazoo.example.com:8443')),
        kazoo_error(Answer(401, {'error': '401', 'message': 'invalid_credentials', 'data': {}})),
        kazoo_error(Answer(401, {'error': '401', 'message': 'invalid_credentials', 'data': {}}), api_key='k'),
        kazoo_error(Answer(401, {'error': '401', 'message': 'invalid_credentials', 'data': {}}), auth_token='expired'),
        kazoo_error(Answer(403, {'error': '403', 'message': 'forbidden', 'data': {}}), auth_token='t'),
        kazoo_error(Answer(404, {'error': '404', 'message': 'not_found', 'data': {}}), auth_token='t'),
        kazoo_unknown_key(),
        missing_reference(),
        invalid_pin(),
        oauth2_error(Answer(401, {'error': 'invalid_client', 'error_description': 'Invalid signature.'})),
        oauth2_error(Answer(401, {'error': 'invalid_client', 'error_description': 'Client not found.'})),
        oauth2_error(Answer(400, {'error': 'invalid_grant', 'error_description': 'The assertion has expired.'})),
        oauth2_error(Answer(404)),
        oauth2_error(*[Answer(400, {'error': 'invalid_grant', 'error_description': 'jti already used'})] * 2),
        oauth2_error(Answer(200, {'access_token': 't', 'expires_in': 3600, 'token_type': 'Bearer'}), Answer(401)),
    ]
    return errors


def quoted_messages(text):
    """The messages the guide quotes: each message of a ``text`` block, and inline quotes of 3+ words."""
    quotes = []
    for block in re.findall(r'```text\n(.*?)```', text, re.S):
        current = None
        for line in block.splitlines():
            line = line.strip()
            starts = line.startswith(METHODS + ('fatal:',)) or current is None
            if starts:
                if current:
                    quotes.append(current)
                current = line.strip()
            else:
                current += ' ' + line.strip()
        if current:
            quotes.append(current)
    prose = re.sub(r'```.*?```', '', text, flags=re.S)
    for span in re.findall(r'`([^`]+)`', prose):
        span = ' '.join(span.split())
        if len(span.split()) >= 3 and not span.startswith(NOT_MESSAGES):
            quotes.append(span)
    return quotes


def pattern_of(quote):
    """A regular expression for a quoted message: ``...`` and ``<placeholder>`` match any text, ``<url>`` a URL."""
    parts = re.split(r'(\.\.\.|<[a-z ]+>)', quote)
    wildcards = {'...': '.*', '<url>': r'https?://\S+'}
    return ''.join(wildcards.get(part, '.+?' if part.startswith('<') else re.escape(part)) for part in parts)


def test_every_quoted_message_is_one_the_collection_prints():
    with open(GUIDE) as handle:
        guide = handle.read()
    real = [str(error) for error in messages()]
    unknown = []
    for quote in quoted_messages(guide):
        if quote.startswith('fatal:'):
            continue
        if not any(re.search(pattern_of(quote), message) for message in real):
            unknown.append(quote)
    assert not unknown, ('docs/troubleshooting.md quotes messages the collection does not print:\n  '
                         + '\n  '.join(unknown) + '\nmessages it prints:\n  ' + '\n  '.join(real))


def test_the_fatal_example_is_what_a_module_returns():
    with open(GUIDE) as handle:
        guide = handle.read()
    fatal = [quote for quote in quoted_messages(guide) if quote.startswith('fatal:')]
    assert len(fatal) == 1
    shown = json.loads(fatal[0].split('=> ', 1)[1])
    error = messages()[0]
    assert shown == dict(changed=False, msg=str(error), **error.to_result())
