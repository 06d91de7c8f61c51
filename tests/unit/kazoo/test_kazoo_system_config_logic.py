import pytest

from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import (
    SettingsInvalid, diff, ensure_absent, ensure_present, merge_recursive, strict_equal)

SCHEMA = {
    'type': 'object',
    'properties': {
        'timeout': {'type': 'integer', 'default': 2000, 'minimum': 1},
        'enabled': {'type': 'boolean', 'default': False},
        'codecs': {'type': 'array', 'default': ['PCMU']},
        'auth': {'type': 'object', 'default': {'a': {}}, 'properties': {'a': {'$ref': 'mod'}}},
        'nodefault': {'type': 'object', 'properties': {'x': {'type': 'integer', 'default': 1}}},
        'untyped': {'default': 5},
    },
}
MOD = {'type': 'object', 'properties': {'ttl': {'type': 'integer', 'default': 3600}}}


def bundle():
    return SchemaBundle('system_config.demo', {'system_config.demo': SCHEMA, 'mod': MOD})


def test_schema_defaults_follow_kazoo_rules():
    assert bundle().defaults() == {'timeout': 2000, 'enabled': False, 'codecs': ['PCMU'], 'auth': {'a': {'ttl': 3600}}}


def test_strict_equal_keeps_types_apart():
    assert not strict_equal(True, 1) and not strict_equal(1, 1.0) and strict_equal({'a': [1]}, {'a': [1]})


def test_merge_recursive_and_diff():
    assert merge_recursive({'a': {'b': 1, 'c': 2}}, {'a': {'b': 3}, 'd': None}) == {'a': {'b': 3, 'c': 2}}
    assert merge_recursive({'a': 1, 'b': 2}, {'a': None}) == {'b': 2}
    assert diff({'a': {'b': 1, 'c': 2}, 'l': [1, 2]}, {'a': {'b': 1}, 'l': [1]}) == {'a': {'c': 2}, 'l': [1, 2]}
    assert diff({'a': 1}, {'a': 1}) == {}


def test_validation_errors_name_dotted_path():
    errors = bundle().errors({'timeout': 'x', 'auth': {'a': {'ttl': 'y'}}}, prefix='default')
    paths = [e[0] for e in errors]
    assert paths == ['default.auth.a.ttl', 'default.timeout']


class Client(object):
    def __init__(self):
        self.writes = []

    def patch(self, path, data):
        self.writes.append(('PATCH', path, data))
        return Reply(dict(data))

    def post(self, path, data):
        self.writes.append(('POST', path, data))
        return Reply(data)

    def delete(self, path):
        self.writes.append(('DELETE', path, None))


class Reply(object):
    def __init__(self, data):
        self.data = data


class Svc(object):
    """Effective/raw sections from a tiny in-memory model."""

    def __init__(self, stored=None, has_schema=True):
        self.client = Client()
        self.stored = stored or {}
        self.has_schema = has_schema

    def schema(self, category):
        return bundle() if self.has_schema else None

    def doc_path(self, category):
        return '/v2/system_configs/' + category

    def section_path(self, category, node):
        return self.doc_path(category) + '/' + node

    def section(self, category, node, with_defaults=True):
        if not with_defaults:
            return dict(self.stored.get(node, {}))
        base = merge_recursive(bundle().defaults(), self.stored.get('default', {}))
        return base if node == 'default' else merge_recursive(base, self.stored.get(node, {}))

    def document(self, category, with_defaults=True):
        doc = dict(self.stored)
        doc['default'] = self.section(category, 'default')
        return doc

    def categories(self):
        return ['demo'] if self.stored else []


def test_value_equal_to_default_is_no_change_and_no_write():
    svc = Svc()
    res = ensure_present(svc, 'demo', 'default', {'timeout': 2000}, 'merge', False)
    assert res['changed'] is False and svc.client.writes == []


def test_node_value_equal_to_effective_default_is_no_change():
    svc = Svc({'default': {'timeout': 10}})
    res = ensure_present(svc, 'demo', 'n@h', {'timeout': 10}, 'merge', False)
    assert res['changed'] is False and svc.client.writes == []


def test_merge_patches_only_the_given_keys():
    svc = Svc({'default': {'enabled': True}})
    res = ensure_present(svc, 'demo', 'default', {'timeout': 5}, 'merge', False)
    assert res['changed'] is True
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {'timeout': 5}})]


def test_check_mode_predicts_without_writing():
    svc = Svc({'default': {'enabled': True}})
    res = ensure_present(svc, 'demo', 'default', {'timeout': 5}, 'replace', True)
    assert svc.client.writes == []
    assert res['after']['enabled'] is False and res['after']['timeout'] == 5
    assert res['stored'] == {'timeout': 5}
    assert res['before']['enabled'] is True


def test_replace_posts_whole_document_keeping_other_sections():
    svc = Svc({'default': {'enabled': True}, 'z1': {'timeout': 7}})
    ensure_present(svc, 'demo', 'default', {'timeout': 5}, 'replace', False)
    method, path, body = svc.client.writes[0]
    assert method == 'POST' and body['default'] == {'timeout': 5} and body['z1'] == {'timeout': 7}


def test_null_resets_a_key():
    svc = Svc({'default': {'timeout': 9}})
    res = ensure_present(svc, 'demo', 'default', {'timeout': None}, 'merge', True)
    assert res['changed'] is True and res['after']['timeout'] == 2000


def test_invalid_value_fails_before_any_write():
    svc = Svc()
    with pytest.raises(SettingsInvalid) as exc:
        ensure_present(svc, 'demo', 'default', {'timeout': 0}, 'merge', False)
    assert exc.value.errors[0][0] == 'default.timeout'
    assert 'nothing was written' in str(exc.value)
    assert svc.client.writes == []


def test_absent_section_missing_is_unchanged():
    svc = Svc({'default': {'timeout': 9}})
    res = ensure_absent(svc, 'demo', 'n@h', False, False)
    assert res['changed'] is False and svc.client.writes == []


def test_absent_section_deletes():
    svc = Svc({'n@h': {'timeout': 9}})
    res = ensure_absent(svc, 'demo', 'n@h', False, False)
    assert res['changed'] is True and svc.client.writes == [('DELETE', '/v2/system_configs/demo/n@h', None)]


def test_absent_whole_document_uses_listing():
    assert ensure_absent(Svc(), 'demo', None, True, False)['changed'] is False
    svc = Svc({'default': {'timeout': 9}})
    assert ensure_absent(svc, 'demo', None, True, True)['changed'] is True and svc.client.writes == []
