"""Product variants the lab can show (``/_lab/profile``), each as Kazoo's source has it.

* Rate limiting: crossbar's token buckets (kz_buckets; cb_token_auth / cb_user_auth /
  cb_api_auth; cb_context:add_system_error(too_many_requests)): 429, no ``Retry-After``
  (Kazoo sends none), or one as a proxy in front may add.
* Document PATCH merge: kz_json:merge_recursive (4.3, master) or kz_json:merge (4.2).
* ``format: email``: jesse 1.5-rc13 check_format, ``^[^@]+@[^@]+$`` (PCRE, unicode).
"""
import pytest

from lab.kazoo.schemas import SchemaStore
from lab.kazoo.server import TokenBuckets

SYS = '/v2/system_configs/ecallmgr'


class Clock(object):
    now = 100.0

    def __call__(self):
        return self.now


def test_token_bucket_refuses_then_refills_like_kz_buckets():
    clock = Clock()
    buckets = TokenBuckets(3, 2, clock=clock)
    assert [buckets.consume('ip/no_account', 1)[0] for dummy in range(4)] == [True, True, True, False]
    ok, wait = buckets.consume('ip/no_account', 1)
    assert not ok and wait == pytest.approx(0.5)  # 2 tokens a second
    clock.now += 0.5
    assert buckets.consume('ip/no_account', 1) == (True, 0.0)
    assert buckets.consume('other/no_account', 1)[0]  # one bucket per client
    # consume_tokens_until (user_auth, api_auth): a refused login empties the bucket
    clock.now += 1.0
    assert buckets.consume('ip/no_account', 35, until=True)[0] is False
    assert buckets.consume('ip/no_account', 1)[0] is False


def test_rate_limited_answers_are_kazoos_429_without_retry_after(lab, api):
    lab.profile(rate_limit={'max_tokens': 3, 'fill_rate': 0.5})
    answers = [api('GET', SYS)[0] for dummy in range(4)]
    assert answers == [200, 200, 200, 429]
    resp = api.session.get(lab.url + SYS, headers={'X-Auth-Token': api.token}, timeout=30)
    body = resp.json()
    assert resp.status_code == 429 and 'Retry-After' not in resp.headers
    assert (body['error'], body['message'], body['data'], body['status']) == (
        '429', 'too_many_requests', {'message': 'too many requests'}, 'error')


@pytest.mark.parametrize('retry_after, header', [(2, '2'), ('bucket', '2')])
def test_rate_limit_with_retry_after(lab, api, retry_after, header):
    lab.profile(rate_limit={'max_tokens': 1, 'fill_rate': 0.5, 'retry_after': retry_after})
    assert api('GET', SYS)[0] == 200
    resp = api.session.get(lab.url + SYS, headers={'X-Auth-Token': api.token}, timeout=30)
    assert resp.status_code == 429 and resp.headers['Retry-After'] == header


def test_profile_is_validated_and_reset_restores_it(lab):
    assert lab.profile() == {'doc_patch_merge': 'merge_recursive', 'rate_limit': None}
    with pytest.raises(Exception):
        lab.profile(doc_patch_merge='deep')
    lab.profile(doc_patch_merge='merge', rate_limit={'max_tokens': 5})
    assert lab.profile()['rate_limit'] == {'max_tokens': 5.0, 'fill_rate': 10.0, 'retry_after': None}
    lab.reset()
    assert lab.profile() == {'doc_patch_merge': 'merge_recursive', 'rate_limit': None}


def test_document_patch_of_kazoo_42_lets_an_empty_object_replace(lab, api):
    # 4.2 cb_system_configs validate_document(PATCH): kz_json:merge(StoredConfig, RequestData)
    lab.profile(doc_patch_merge='merge')
    assert api('PATCH', SYS, {'default': {'acls': {'lan': {'cidr': '10.0.0.0/8'}}, 'fetch_timeout': 3100}})[0] == 200
    st, body = api('PATCH', SYS, {'default': {'acls': {'lan': {}}, 'fetch_timeout': None}})
    assert st == 200 and body['data']['default'] == {'acls': {'lan': {}}}


def test_document_patch_of_kazoo_43_writes_leaves_only(lab, api):
    assert api('PATCH', SYS, {'default': {'acls': {'lan': {'cidr': '10.0.0.0/8'}}, 'fetch_timeout': 3100}})[0] == 200
    st, body = api('PATCH', SYS, {'default': {'acls': {'lan': {}}, 'fetch_timeout': None}})
    assert st == 200 and body['data']['default'] == {'acls': {'lan': {'cidr': '10.0.0.0/8'}}}


EMAIL = {'type': 'object', 'properties': {'to': {'type': 'string', 'format': 'email'}}}


@pytest.mark.parametrize('value, valid', [
    ('ops@example.com', True), ('ops@localhost', True), ('a b@c d', True), ('a@b\n', True),
    ('üser@exämple.de', True), ('"quoted"@x', True), ('x@y.', True),
    ('ops', False), ('@example.com', False), ('ops@', False), ('a@b@c', False), ('', False), ('@', False),
])
def test_email_format_is_jesses(value, valid):
    errors, dummy = SchemaStore().validate(EMAIL, {'to': value})
    assert (errors == {}) is valid
    if not valid:
        assert errors == {'to': {'wrong_format': {'message': 'Field is not in the correct format', 'value': value,
                                                  'format': 'email'}}}
