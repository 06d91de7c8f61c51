"""PexipClient: errors, pagination, refusal of root DELETE, safe POST retries."""

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
