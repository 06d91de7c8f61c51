"""Crossbar's rate limiting (429 too_many_requests) through the real urllib3 retry policy.

Kazoo answers 429 from its token buckets before the request is carried out, and sends no
Retry-After (cb_context:add_system_error(too_many_requests)); a proxy in front may add one.
A small local HTTP server plays the answers, so these tests exercise urllib3 itself.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient

TOO_MANY = {'data': {'message': 'too many requests'}, 'error': '429', 'message': 'too_many_requests',
            'status': 'error'}


class Script(object):
    def __init__(self):
        self.answers = []  # (status, headers) in order; then 200
        self.seen = []


@pytest.fixture
def server():
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, *args):
            pass

        def _answer(self):
            length = int(self.headers.get('Content-Length') or 0)
            if length:
                self.rfile.read(length)
            script.seen.append((self.command, self.path))
            status, headers = script.answers.pop(0) if script.answers else (200, {})
            body = TOO_MANY if status == 429 else {'data': {'ok': True}, 'status': 'success'}
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(payload)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

    httpd = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    script.url = 'http://127.0.0.1:%s' % httpd.server_address[1]
    yield script
    httpd.shutdown()
    httpd.server_close()


def client(server, waits, **kw):
    c = KazooClient(server.url, auth_token='T', **kw)
    for session in (c.session, c.session_once):
        for adapter in session.adapters.values():
            adapter.max_retries.sleep_function = waits.append
    return c


@pytest.mark.parametrize('method, idempotent', [('GET', None), ('PATCH', None), ('POST', True), ('POST', False)])
def test_429_without_retry_after_is_retried_for_every_verb(server, method, idempotent):
    # a 429 comes from the token bucket before Crossbar carried anything out: even a POST
    # that must not be sent twice is safe to send again
    server.answers = [(429, {}), (429, {})]
    waits = []
    reply = client(server, waits).request(method, '/v2/system_configs/ecallmgr', data={} if method != 'GET' else None,
                                          idempotent=idempotent)
    assert reply.data == {'ok': True}
    assert len(server.seen) == 3
    assert waits == [1.0]  # urllib3's backoff: 0 s, then 1 s (the first wait is 0 and not slept)


def test_429_waits_what_retry_after_asks(server):
    server.answers = [(429, {'Retry-After': '2'})]
    waits = []
    client(server, waits).request('PATCH', '/v2/system_configs/ecallmgr', data={'default': {}})
    assert waits == [2.0] and len(server.seen) == 2


def test_retry_after_is_capped_by_the_timeout(server):
    # a wait never outlasts kazoo_timeout: Retry-After 3600 with a 5 s timeout waits 5 s
    server.answers = [(429, {'Retry-After': '3600'})]
    waits = []
    client(server, waits, timeout=5).request('GET', '/v2/system_configs/ecallmgr')
    assert waits == [5.0]


def test_429_exhausted_is_a_clear_rate_limit_error(server):
    server.answers = [(429, {})] * 10
    waits = []
    with pytest.raises(ApiError) as info:
        client(server, waits, retries=3).request('POST', '/v2/system_configs/ecallmgr', data={})
    err = info.value
    assert err.status == 429 and err.kind == 'rate_limited'
    assert len(server.seen) == 4
    text = str(err)
    assert 'POST /v2/system_configs/ecallmgr returned HTTP 429' in text
    assert 'rate limit' in text and '4 attempts' in text


def test_503_post_not_declared_idempotent_is_still_sent_once(server):
    # the 429 rule does not widen what else a non-idempotent POST is retried on
    server.answers = [(503, {}), (503, {})]
    with pytest.raises(ApiError) as info:
        client(server, []).request('POST', '/v2/system_configs/ecallmgr', data={})
    assert info.value.status == 503 and len(server.seen) == 1
