"""PexipClient: errors, pagination, refusal of root DELETE, safe POST retries."""

import time

import pytest
import requests

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient, parse_error_body

from fake_http import FakeResponse, listing

ROOT = '/api/admin/configuration/v1/conference/'


def test_parse_error_shapes():
    assert parse_error_body({'error': 'bad thing'}) == ('bad thing', {})
    assert parse_error_body({'pin': ['Enter digits only.']}) == ('', {'pin': ['Enter digits only.']})
    assert parse_error_body({'conference': {'name': ['already exists']}}, 'conference') == ('', {'name': ['already exists']})
    assert parse_error_body({'conference': {'name': 'taken'}}) == ('', {'name': ['taken']})
    assert parse_error_body('plain text') == ('plain text', {})


@pytest.mark.parametrize('path', [ROOT, ROOT.rstrip('/'), ROOT + '?name=x', '/api/admin/configuration/v1/'])
def test_delete_on_root_is_refused_before_any_request(client, session, path):
    with pytest.raises(ApiError) as caught:
        client.request('DELETE', path)
    assert 'every object' in str(caught.value)
    assert session.calls == []


def test_delete_detail_and_already_gone(client, session):
    session.add('DELETE', ROOT + '3/', FakeResponse(204))
    session.add('DELETE', ROOT + '4/', FakeResponse(404))
    assert client.delete(ROOT + '3/') is True
    assert client.delete(ROOT + '4/') is False


def test_pagination_follows_meta_next(client, session):
    session.add('GET', ROOT, listing([{'id': 1}, {'id': 2}], next_path=ROOT + '?limit=2&offset=2'),
                listing([{'id': 3}], next_path=None))
    assert [o['id'] for o in client.iter_list('conference', page_size=2)] == [1, 2, 3]
    assert session.calls[0]['params'] == {'limit': 2}
    assert session.calls[1]['query'] == 'limit=2&offset=2' and session.calls[1]['params'] is None


def test_find_rechecks_the_filter_client_side(client, session):
    # a server that ignored the filter must not make us pick another object
    session.add('GET', ROOT, listing([{'id': 1, 'name': 'other'}, {'id': 2, 'name': 'VMR_1'}]))
    assert [o['id'] for o in client.find('conference', 'name', 'VMR_1')] == [2]
    assert session.calls[0]['params'] == {'name': 'VMR_1', 'limit': 500}


def test_validation_error_carries_status_method_path_and_fields(client, session):
    session.add('POST', ROOT, FakeResponse(400, {'conference': {'pin': ['Enter 4 to 20 digits']}}))
    with pytest.raises(ApiError) as caught:
        client.create('conference', {'name': 'x', 'pin': 'abcd'})
    error = caught.value
    assert (error.status, error.method, error.path) == (400, 'POST', ROOT)
    assert error.field_errors == {'pin': ['Enter 4 to 20 digits']}
    assert 'pin: Enter 4 to 20 digits' in str(error) and 'HTTP 400' in str(error)


def test_401_names_the_credentials(client, session):
    session.add('GET', ROOT, FakeResponse(401, text=''))
    with pytest.raises(ApiError) as caught:
        client.list('conference')
    assert caught.value.kind == 'auth' and 'pexip_password' in str(caught.value)


def test_post_returns_location_path(client, session):
    session.add('POST', ROOT, FakeResponse(201, headers={'Location': 'https://mgr.example.com' + ROOT + '7/'}))
    assert client.create('conference', {'name': 'x'}) == ROOT + '7/'


def test_post_after_dropped_answer_finds_the_object_instead_of_posting_again(client, session):
    session.add('POST', ROOT, requests.exceptions.ConnectionError('Connection aborted'))
    looked = []

    def lookup():
        looked.append(True)
        return ROOT + '9/'

    assert client.create('conference', {'name': 'x'}, lookup=lookup) == ROOT + '9/'
    assert looked == [True]
    assert [c['method'] for c in session.calls] == ['POST']


def test_post_after_503_retries_when_nothing_was_created(client, session):
    session.add('POST', ROOT, FakeResponse(503, {'error': 'busy'}, headers={'Retry-After': '0'}),
                FakeResponse(201, headers={'Location': ROOT + '5/'}))
    assert client.create('conference', {'name': 'x'}, lookup=lambda: None) == ROOT + '5/'
    assert [c['method'] for c in session.calls] == ['POST', 'POST']


def test_post_validation_error_is_not_retried(client, session):
    session.add('POST', ROOT, FakeResponse(400, {'name': ['exists']}))
    with pytest.raises(ApiError):
        client.create('conference', {'name': 'x'}, lookup=lambda: pytest.fail('no lookup on a 400'))
    assert len(session.calls) == 1


def test_url_must_be_http():
    with pytest.raises(ApiError):
        PexipClient('manager.example.com', 'a', 'b')


def test_tls_failure_message_names_the_cause(client, session):
    session.add('GET', ROOT, requests.exceptions.SSLError('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))
    with pytest.raises(ApiError) as caught:
        client.list('conference')
    assert caught.value.kind == 'tls' and 'ca_path' in str(caught.value)


def test_read_timeout_wrapped_by_urllib3_is_reported_as_a_timeout(client, session):
    wrapped = requests.exceptions.ConnectionError(
        "HTTPSConnectionPool(host='mgr', port=443): Max retries exceeded (Caused by ReadTimeoutError(\"Read timed out.\"))")
    session.add('GET', ROOT, wrapped)
    with pytest.raises(ApiError) as caught:
        client.list('conference')
    assert caught.value.kind == 'timeout' and 'Timed out waiting for an answer' in str(caught.value)


# -- a POST whose outcome is unknown is never sent twice (issue 11 item 3) -------------------------
RULE = '/api/admin/configuration/v1/gateway_routing_rule/'


def recording_client(session, **kw):
    slept = []
    c = PexipClient('https://mgr.example.com', 'admin', 's3cret', sleep=slept.append, **kw)
    c._session = session
    c._once = session
    return c, slept


def late_lookup(found_after, uri):
    """A lookup that finds the object from its ``found_after``-th call on (the commit landed late)."""
    calls = []

    def lookup():
        calls.append(True)
        return uri if len(calls) >= found_after else None
    return lookup, calls


def test_timed_out_post_committed_late_is_found_not_sent_again(session):
    # the manager commits the rule after the client gave up: it appears at the third look
    session.add('POST', RULE, requests.exceptions.ReadTimeout('Read timed out. (read timeout=2)'))
    client, slept = recording_client(session, timeout=2)
    lookup, calls = late_lookup(3, RULE + '1/')
    assert client.create('gateway_routing_rule', {'name': 'r', 'priority': 50}, lookup=lookup) == RULE + '1/'
    assert [c['method'] for c in session.calls] == ['POST']
    assert len(calls) == 3 and slept == [1.0, 2.0]


@pytest.mark.parametrize('failure', [
    requests.exceptions.ReadTimeout('Read timed out.'),
    requests.exceptions.ConnectionError('Connection aborted. RemoteDisconnected'),
    FakeResponse(504, text='Gateway Timeout'),
    FakeResponse(502, text='Bad Gateway'),
], ids=['timeout', 'dropped', '504', '502'])
def test_unknown_outcome_never_found_fails_clearly_without_a_second_post(session, failure):
    session.add('POST', RULE, failure, FakeResponse(201, headers={'Location': RULE + '2/'}))
    client, slept = recording_client(session, timeout=2)
    lookup, calls = late_lookup(99, RULE + '1/')
    with pytest.raises(ApiError) as caught:
        client.create('gateway_routing_rule', {'name': 'Route to Skype'}, lookup=lookup)
    message = str(caught.value)
    assert [c['method'] for c in session.calls if c['method'] == 'POST'] == ['POST']
    # bounded: looked for during max(pexip_timeout, 10) seconds, pauses growing to 5 s
    assert sum(slept) == 10.0 and max(slept) <= 5.0 and len(calls) == len(slept) + 1
    assert "gateway_routing_rule name='Route to Skype'" in message
    assert 'may still be creating it' in message and 'pexip_timeout' in message and 'run the task again' in message
    assert caught.value.outcome == 'unknown'


def test_settle_follows_a_longer_pexip_timeout(session):
    session.add('POST', '/api/admin/configuration/v1/dns_server/', requests.exceptions.ReadTimeout('Read timed out.'))
    client, slept = recording_client(session, timeout=30)
    with pytest.raises(ApiError) as caught:
        client.create('dns_server', {'address': '192.0.2.53'}, lookup=lambda: None)
    assert sum(slept) == 30.0 and "dns_server address='192.0.2.53'" in str(caught.value)


def test_unknown_outcome_without_lookup_is_never_sent_again(session):
    session.add('POST', '/api/admin/configuration/v1/licence/', requests.exceptions.ReadTimeout('Read timed out.'),
                FakeResponse(201, headers={'Location': '/api/admin/configuration/v1/licence/FID-1/'}))
    client, slept = recording_client(session)
    with pytest.raises(ApiError) as caught:
        client.create('licence', {'entitlement_id': 'ABCD-1234'})
    assert len(session.calls) == 1 and slept == []
    assert 'cannot be looked up' in str(caught.value) and 'may still be creating it' in str(caught.value)


def test_nothing_sent_is_not_an_unknown_outcome(session):
    refused = requests.exceptions.ConnectionError(
        "HTTPSConnectionPool(host='mgr', port=443): Max retries exceeded (Caused by NewConnectionError("
        "'Failed to establish a new connection: [Errno 111] Connection refused'))")
    session.add('POST', RULE, refused)
    client, slept = recording_client(session)
    with pytest.raises(ApiError) as caught:
        client.create('gateway_routing_rule', {'name': 'r'}, lookup=lambda: pytest.fail('nothing was sent'))
    assert 'connection refused' in str(caught.value) and slept == []


def test_500_looks_once_and_does_not_post_again(session):
    session.add('POST', RULE, FakeResponse(500, {'error': 'boom'}))
    client, slept = recording_client(session)
    lookup, calls = late_lookup(99, None)
    with pytest.raises(ApiError) as caught:
        client.create('gateway_routing_rule', {'name': 'r'}, lookup=lookup)
    assert caught.value.status == 500 and len(calls) == 1 and len(session.calls) == 1


def test_503_retry_after_is_capped_and_checked_before_posting_again(session):
    session.add('POST', RULE, FakeResponse(503, {'error': 'busy'}, headers={'Retry-After': '45'}),
                FakeResponse(201, headers={'Location': RULE + '5/'}))
    client, slept = recording_client(session)
    lookup, calls = late_lookup(99, None)
    assert client.create('gateway_routing_rule', {'name': 'r'}, lookup=lookup) == RULE + '5/'
    assert slept == [30.0] and len(calls) == 1
    assert [c['method'] for c in session.calls] == ['POST', 'POST']


# -- Retry-After is capped for every verb, in urllib3's own retry loop (issue 11 item 10) -------------
@pytest.fixture
def slow_down_server():
    """A local HTTP server answering 503 + Retry-After: 45 to the first request, then 200."""
    import http.server
    import threading

    served = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self):
            served.append(self.command)
            length = int(self.headers.get('Content-Length') or 0)
            if length:
                self.rfile.read(length)
            if len(served) == 1:
                self.send_response(503)
                self.send_header('Retry-After', '45')
            else:
                self.send_response(200)
            body = b'{"objects": [], "meta": {"next": null}}'
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_PUT = do_DELETE = do_PATCH = _answer

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield 'http://127.0.0.1:%d' % server.server_address[1], served
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize('method', ['GET', 'PUT', 'DELETE', 'PATCH'])
def test_retry_after_is_capped_on_every_retried_verb(slow_down_server, method):
    from ansible_collections.ucops.platform.plugins.module_utils import transport
    url, served = slow_down_server
    slept = []
    retry = transport.make_retry(allowed_methods=transport.IDEMPOTENT_METHODS | frozenset(['PATCH']),
                                 sleep=slept.append)
    session = transport.build_session(retry=retry)
    response = transport.send(session, method, url + '/api/admin/configuration/v1/conference/1/')
    assert response.status_code == 200
    assert served == [method, method]
    assert slept == [transport.MAX_RETRY_DELAY] == [30.0]


def test_pexip_client_get_waits_at_most_the_cap(slow_down_server):
    url, served = slow_down_server
    slept = []
    client = PexipClient(url, 'admin', 's3cret', sleep=slept.append)
    assert client.list('conference') == []
    assert served == ['GET', 'GET'] and slept == [30.0]


def test_backoff_and_retry_after_caps():
    from urllib3.response import HTTPResponse

    from ansible_collections.ucops.platform.plugins.module_utils import transport
    retry = transport.make_retry(total=20, backoff_factor=10, sleep=lambda s: None)
    for dummy in range(8):
        retry = retry.increment('GET', '/x', response=HTTPResponse(status=503))
    assert retry.get_backoff_time() == 30.0 and retry.max_delay == 30.0
    assert retry.get_retry_after(HTTPResponse(status=503, headers={'Retry-After': '7'})) == 7.0
    assert retry.get_retry_after(HTTPResponse(status=503, headers={'Retry-After': 'Wed, 21 Oct 2099 07:28:00 GMT'})) \
        == 30.0
    assert transport.retry_after_seconds('45') == 30.0 and transport.retry_after_seconds('2') == 2.0
    assert transport.retry_after_seconds('soon') is None and transport.retry_after_seconds(None) is None


def test_kazoo_client_uses_the_capped_retry():
    from ansible_collections.ucops.platform.plugins.module_utils import transport
    from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient
    kazoo = KazooClient('https://kazoo.example.com:8443', api_key='k')
    retry = kazoo.session.get_adapter('https://kazoo.example.com:8443/v2/').max_retries
    assert isinstance(retry, transport.CappedRetry) and retry.max_delay == 30.0


# -- bulk PATCH: sent again only with what is missing (issue 11 item 10) ---------------------------
CREATE_A = {'name': 'A'}
CREATE_B = {'name': 'B'}
UPDATE_C = {'description': 'x', 'resource_uri': ROOT + '3/'}


def state_reader(*states):
    """A ``remaining`` callable whose manager holds the names in ``states[i]`` at its i-th call."""
    calls = []

    def remaining(objects, deleted):
        names = states[min(len(calls), len(states) - 1)]
        calls.append((list(objects), list(deleted)))
        return ([o for o in objects if o.get('resource_uri') or o.get('name') not in names],
                [uri for uri in deleted if uri in names])
    return remaining, calls


def test_bulk_patch_503_is_sent_again_after_checking(session):
    session.add('PATCH', ROOT, FakeResponse(503, {'error': 'busy'}, headers={'Retry-After': '1'}), FakeResponse(202))
    client, slept = recording_client(session)
    remaining, calls = state_reader(set())
    client.patch_list('conference', [CREATE_A, UPDATE_C], remaining=remaining, key='name')
    sent = [c['data'] for c in session.calls if c['method'] == 'PATCH']
    assert sent == [{'objects': [CREATE_A, UPDATE_C]}] * 2
    assert slept == [1.0] and len(calls) == 1


def test_bulk_patch_503_without_creates_needs_no_read(session):
    session.add('PATCH', ROOT, FakeResponse(429, {'error': 'slow down'}), FakeResponse(202))
    client, slept = recording_client(session)
    client.patch_list('conference', [UPDATE_C], remaining=lambda *a: pytest.fail('no read needed'))
    assert len(session.calls) == 2 and slept == [0.5]


def test_bulk_patch_503_every_time_gives_up_after_the_retries(session):
    session.add('PATCH', ROOT, FakeResponse(503, {'error': 'busy'}, headers={'Retry-After': '45'}))
    client, slept = recording_client(session)
    with pytest.raises(ApiError) as caught:
        client.patch_list('conference', [CREATE_A], remaining=state_reader(set())[0])
    assert caught.value.status == 503 and len(session.calls) == 5 and slept == [30.0] * 4


def test_bulk_patch_timed_out_then_committed_is_not_sent_again(session):
    session.add('PATCH', ROOT, requests.exceptions.ReadTimeout('Read timed out.'), FakeResponse(202))
    client, slept = recording_client(session)
    remaining, calls = state_reader(set(), set(), {'A', 'B'})
    assert client.patch_list('conference', [CREATE_A, CREATE_B], remaining=remaining) is None
    assert len(session.calls) == 1 and slept == [1.0, 2.0]


def test_bulk_patch_unknown_outcome_resends_only_updates_and_remaining_deletes(session):
    session.add('PATCH', ROOT, requests.exceptions.ConnectionError('Connection aborted.'), FakeResponse(202))
    client, slept = recording_client(session)
    remaining, calls = state_reader({'A', ROOT + '8/'})
    client.patch_list('conference', [CREATE_A, UPDATE_C], deleted_objects=[ROOT + '8/', ROOT + '9/'],
                      remaining=remaining)
    sent = [c['data'] for c in session.calls if c['method'] == 'PATCH']
    assert sent[1] == {'objects': [UPDATE_C], 'deleted_objects': [ROOT + '8/']}
    assert slept == [0.5]


def test_bulk_patch_unknown_outcome_with_creates_that_never_appear_fails_clearly(session):
    session.add('PATCH', ROOT, FakeResponse(504, text='Gateway Timeout'), FakeResponse(202))
    client, slept = recording_client(session, timeout=2)
    with pytest.raises(ApiError) as caught:
        client.patch_list('conference', [CREATE_A, CREATE_B, UPDATE_C], remaining=state_reader({'B'})[0], key='name')
    message = str(caught.value)
    assert len(session.calls) == 1 and sum(slept) == 10.0
    assert "conference name='A'" in message and "name='B'" not in message and 'may still be creating' in message


def test_bulk_patch_resent_delete_that_landed_meanwhile_is_done(session):
    # the first PATCH had no answer, is carried out while the second is refused as deleting a missing object
    session.add('PATCH', ROOT, requests.exceptions.ReadTimeout('Read timed out.'),
                FakeResponse(404, {'error': 'not found'}))
    client, slept = recording_client(session)
    remaining, calls = state_reader({ROOT + '8/'}, set())
    assert client.patch_list('conference', [], deleted_objects=[ROOT + '8/'], remaining=remaining) is None
    assert len(session.calls) == 2


def test_bulk_engine_batch_answered_503_is_written_once(session):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import BulkEngine
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
    session.add('GET', ROOT, listing([]))
    session.add('PATCH', ROOT, FakeResponse(503, {'error': 'busy'}, headers={'Retry-After': '1'}), FakeResponse(202))
    client, slept = recording_client(session)
    result = BulkEngine(client, CONFERENCE).ensure_all([{'name': 'VMR_1'}, {'name': 'VMR_2'}])
    assert result['changed'] and result['created'] == ['VMR_1', 'VMR_2']
    sent = [c['data'] for c in session.calls if c['method'] == 'PATCH']
    assert sent == [{'objects': [{'name': 'VMR_1'}, {'name': 'VMR_2'}]}] * 2
    # the plan's list, then one list to check what exists before sending again
    assert [c['method'] for c in session.calls] == ['GET', 'PATCH', 'GET', 'PATCH'] and slept == [1.0]


def test_bulk_engine_batch_without_answer_but_committed_is_not_sent_again(session):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import BulkEngine
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
    created = [{'id': i, 'name': 'VMR_%d' % i, 'resource_uri': '%s%d/' % (ROOT, i)} for i in (1, 2)]
    session.add('GET', ROOT, listing([]), listing([]), listing(created))
    session.add('PATCH', ROOT, requests.exceptions.ReadTimeout('Read timed out.'), FakeResponse(202))
    client, slept = recording_client(session)
    result = BulkEngine(client, CONFERENCE).ensure_all([{'name': 'VMR_1'}, {'name': 'VMR_2'}])
    assert result['created'] == ['VMR_1', 'VMR_2']
    assert [c['method'] for c in session.calls] == ['GET', 'PATCH', 'GET', 'GET'] and slept == [1.0]


def test_prefetch_asks_for_the_next_page_while_the_caller_reads_this_one(client, session):
    session.add('GET', ROOT, listing([{'id': 1}, {'id': 2}], next_path=ROOT + '?limit=2&offset=2'),
                listing([{'id': 3}, {'id': 4}], next_path=ROOT + '?limit=2&offset=4'), listing([{'id': 5}]))
    pages = client.iter_list('conference', page_size=2, prefetch=True)
    assert next(pages)['id'] == 1
    deadline = time.time() + 5
    while len(session.calls) < 2 and time.time() < deadline:
        time.sleep(0.01)
    assert len(session.calls) == 2  # page 2 asked for while page 1 is being read, page 3 not yet
    assert [o['id'] for o in pages] == [2, 3, 4, 5]
    assert [call['query'] for call in session.calls] == [None, 'limit=2&offset=2', 'limit=2&offset=4']
    assert client.request_count == 3


def test_a_failed_prefetched_page_fails_the_listing_in_the_callers_thread(client, session):
    session.add('GET', ROOT, listing([{'id': 1}], next_path=ROOT + '?limit=1&offset=1'),
                FakeResponse(400, {'error': 'bad page'}))
    pages = client.iter_list('conference', page_size=1, prefetch=True)
    assert next(pages)['id'] == 1
    with pytest.raises(ApiError) as caught:
        next(pages)
    assert caught.value.status == 400 and caught.value.method == 'GET'
