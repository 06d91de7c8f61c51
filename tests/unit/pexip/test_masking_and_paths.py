"""Secret values masked as values, never as pieces of other words; dot segments refused."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.masking import MASK, Masker, mask_text
from ansible_collections.ucops.platform.plugins.module_utils.paths import remove_dot_segments, unsafe_path

ROOT = '/api/admin/configuration/v1/conference/'


@pytest.mark.parametrize('text, values, expected', [
    ('max_callrate_in must be at least 128 (got 100)', ['12'], 'max_callrate_in must be at least 128 (got 100)'),
    ('pin 12 is too short', ['12'], 'pin %s is too short' % MASK),
    ('entitlement_id must not be empty', [' '], 'entitlement_id must not be empty'),
    ('https://admin:p@ss!@host/', ['p@ss!'], 'https://admin:%s@host/' % MASK),
    ('token=abc123&x=1', ['abc123'], 'token=%s&x=1' % MASK),
    ('1234#', ['1234#'], MASK),
    ('PINs 1234 and 12345', ['1234', '12345'], 'PINs %s and %s' % (MASK, MASK)),
])
def test_mask_text_hides_tokens_only(text, values, expected):
    assert mask_text(text, values) == expected


def test_masker_walks_data_and_numbers():
    masker = Masker(['1234', 'hunter2'])
    data = {'pin': '1234', 'n': 1234, 'msg': ['login hunter2 failed'], 'ok': True, 'none': None}
    assert masker.data(data) == {'pin': MASK, 'n': MASK, 'msg': ['login %s failed' % MASK], 'ok': True,
                                 'none': None}


@pytest.mark.parametrize('path', [ROOT + './', ROOT + '%2e/', ROOT + '../conference/', ROOT + '3/../'])
def test_dot_segments_reach_another_uri(path):
    assert unsafe_path(path) is not None


def test_plain_paths_are_safe():
    assert unsafe_path(ROOT + '3/') is None
    assert unsafe_path('/v2/system_configs/crossbar.auth/ecallmgr@fs1.example.com') is None
    assert remove_dot_segments('/a/b/./c/../d') == '/a/b/d'


@pytest.mark.parametrize('method', ['DELETE', 'GET', 'PATCH'])
def test_client_refuses_dot_segments_before_any_request(client, session, method):
    with pytest.raises(ApiError) as caught:
        client.request(method, ROOT + './')
    assert caught.value.kind == 'usage' and ROOT in str(caught.value)
    assert session.calls == []


def test_client_delete_dot_segment_is_refused(client, session):
    with pytest.raises(ApiError):
        client.delete(ROOT + './')
    assert session.calls == []
