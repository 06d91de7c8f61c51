import pytest

from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle
from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import (
    SettingsInvalid, check_category, check_node, diff, ensure_absent, ensure_present, merge_recursive, strict_equal)

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


def test_merge_recursive_writes_no_key_for_an_empty_object():
    """kz_json:merge_recursive walks the leaves of the later object; {} has none (issue 12)."""
    assert merge_recursive({'a': 1}, {'b': {}}) == {'a': 1}
    assert merge_recursive({'a': 1}, {'a': {}}) == {'a': 1}
    assert merge_recursive({'acls': {}}, {'acls': {'lan': {}, 'wan': {'cidr': 'x', 'skip': {}}}}) == {
        'acls': {'wan': {'cidr': 'x'}}}
    assert merge_recursive({'a': 1}, {'a': {'b': None}}) == {'a': 1}
    # the first object is the starting point: its empty objects stay
    assert merge_recursive({'acls': {}, 'n': {'m': {}}}, {'x': 1}) == {'acls': {}, 'n': {'m': {}}, 'x': 1}


def test_validation_errors_name_dotted_path():
    errors = bundle().errors({'timeout': 'x', 'auth': {'a': {'ttl': 'y'}}}, prefix='default')
    paths = [e[0] for e in errors]
    assert paths == ['default.auth.a.ttl', 'default.timeout']


class Client(object):
    """Records writes and applies them to the stored document of its Svc (no default diffing)."""

    def __init__(self, stored=None):
        self.writes = []
        self.stored = stored if stored is not None else {}

    def patch(self, path, data):
        self.writes.append(('PATCH', path, data))
        for node, section in data.items():
            self.stored[node] = merge_recursive(self.stored.get(node, {}), section)
        return Reply(dict(self.stored))

    def post(self, path, data, idempotent=False):
        self.writes.append(('POST', path, data, idempotent))
        self.stored[path.rsplit('/', 1)[1]] = dict(data)
        return Reply(dict(data, id=path))

    def delete(self, path):
        self.writes.append(('DELETE', path, None))


class Reply(object):
    def __init__(self, data):
        self.data = data


class Svc(object):
    """Effective/raw sections from a tiny in-memory model."""

    def __init__(self, stored=None, has_schema=True):
        self.stored = stored or {}
        self.client = Client(self.stored)
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

    def schema_categories(self):
        return ['demo', 'ecallmgr', 'crossbar.auth']


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


def test_replace_of_a_node_posts_only_that_section():
    # issue 11 item 2: replace used to POST the whole document read before, losing concurrent writes
    svc = Svc({'default': {'enabled': True}, 'z1': {'timeout': 7}, 'n@h': {'codecs': ['X'], 'timeout': 3}})
    res = ensure_present(svc, 'demo', 'n@h', {'timeout': 5}, 'replace', False)
    assert svc.client.writes == [('POST', '/v2/system_configs/demo/n@h', {'timeout': 5}, True)]
    assert res['changed'] is True and res['stored'] == {'timeout': 5}


def test_replace_of_default_patches_that_section_with_nulls():
    svc = Svc({'default': {'enabled': True, 'auth': {'a': {'ttl': 5}, 'b': 1}}, 'z1': {'timeout': 7}})
    ensure_present(svc, 'demo', 'default', {'timeout': 5, 'auth': {'a': {}}}, 'replace', False)
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {
        'timeout': 5, 'enabled': None, 'auth': {'a': {'ttl': None}, 'b': None}}})]
    assert svc.stored['z1'] == {'timeout': 7}


def test_replace_of_default_applies_again_when_another_writer_slipped_in():
    svc = Svc({'default': {'enabled': True}})
    real_patch = svc.client.patch

    def racing_patch(path, data):
        if len(svc.client.writes) == 0:
            svc.stored['default']['codecs'] = ['G722']  # stored by someone else after our read
        return real_patch(path, data)

    svc.client.patch = racing_patch
    from ansible_collections.ucops.platform.plugins.module_utils import kazoo_client
    res = ensure_present(svc, 'demo', 'default', {'timeout': 5}, 'replace', False)
    assert len(svc.client.writes) == 2
    assert svc.client.writes[1][2] == {'default': {'timeout': 5, 'codecs': None}}
    assert svc.stored['default'] == {'timeout': 5} and res['stored'] == {'timeout': 5}
    assert kazoo_client.CONFLICT_ATTEMPTS >= 5


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


def test_unknown_key_fails_with_suggestion_before_any_write():
    svc = Svc()
    with pytest.raises(SettingsInvalid) as exc:
        ensure_present(svc, 'demo', 'default', {'timeuot': 5}, 'merge', False)
    assert "default.timeuot: the schema has no such key (did you mean 'timeout'?)" in str(exc.value)
    assert 'allow_unknown' in str(exc.value) and 'nothing was written' in str(exc.value)
    assert svc.client.writes == []
    res = ensure_present(svc, 'demo', 'default', {'timeuot': 5}, 'merge', False, allow_unknown=True)
    assert res['changed'] and svc.client.writes[0][2] == {'default': {'timeuot': 5}}


def test_null_of_a_stored_unknown_key_is_allowed():
    svc = Svc({'default': {'timeuot': 5}})
    res = ensure_present(svc, 'demo', 'default', {'timeuot': None}, 'merge', False)
    assert res['changed'] is True
    with pytest.raises(SettingsInvalid):
        ensure_present(Svc(), 'demo', 'default', {'timeuot': None}, 'merge', False)


def test_unknown_category_fails_with_suggestion():
    svc = Svc(has_schema=False)
    with pytest.raises(SettingsInvalid) as exc:
        ensure_present(svc, 'ecallmrg', 'default', {'x': 1}, 'merge', False)
    assert "system_config.ecallmrg" in str(exc.value) and "did you mean 'ecallmgr'?" in str(exc.value)
    assert svc.client.writes == []
    res = ensure_present(svc, 'ecallmrg', 'default', {'x': 1}, 'merge', False, allow_unknown=True)
    assert res['changed'] is True


def test_closed_nested_object_names_the_close_key():
    closed = {'type': 'object', 'properties': {'mods': {'type': 'object', 'additionalProperties': False,
                                                        'properties': {'cb_user_auth': {'type': 'object'}}}}}
    b = SchemaBundle('system_config.x', {'system_config.x': closed})
    assert b.errors({'mods': {'cb_user_auht': {}}}, prefix='default') == [
        ('default.mods', "key 'cb_user_auht' is not allowed here (did you mean 'cb_user_auth'?)")]


@pytest.mark.parametrize('name', ['.', '..', '%2E', '%2e%2e', 'a/b', '', ' x', '_design', '-x', 'a..b', 'a.', 'é'])
def test_bad_category_names_are_refused_naming_the_option(name):
    with pytest.raises(ApiError) as exc:
        check_category(name)
    assert exc.value.kind == 'usage' and ('category %r' % name) in str(exc.value)
    with pytest.raises(ApiError):
        ensure_absent(Svc(), name, 'default', True, False)


@pytest.mark.parametrize('name', ['.', '..', '%2E', 'id', 'a/b', '', 'a@', '@h', 'a@@h', 'a b', '.x', 'a@..'])
def test_bad_node_names_are_refused_naming_the_option(name):
    with pytest.raises(ApiError) as exc:
        check_node(name)
    assert exc.value.kind == 'usage' and ('node %r' % name) in str(exc.value)
    svc = Svc({'default': {'timeout': 9}})
    with pytest.raises(ApiError):
        ensure_absent(svc, 'demo', name, False, False)
    with pytest.raises(ApiError):
        ensure_present(svc, 'demo', name, {'timeout': 1}, 'replace', False)
    assert svc.client.writes == []


@pytest.mark.parametrize('name', ['ecallmgr', 'crossbar.auth', 'notify.voicemail_to_email', 'kazoo_convert.convertapi',
                                  'number_manager.bandwidth2', 'kazoo.pdf', 'my-app', 'sysconf'])
def test_kazoo_categories_are_accepted(name):
    assert check_category(name) == name


@pytest.mark.parametrize('name', ['default', 'zone1', 'eu.west', 'molecule_zone', 'ecallmgr@fs1.example.com', 'kazoo_apps@host-1.example.com',
                                  'ecallmgr@10.0.0.1', 'whistle_apps@fs1'])
def test_kazoo_sections_are_accepted(name):
    assert check_node(name) == name


def test_whole_document_delete_that_did_not_happen_is_sent_again():
    # Crossbar discards the result of the hard delete: a conflicting delete answers 200 and keeps the document
    svc = Svc({'default': {'timeout': 9}})
    svc.client.delete = lambda path: svc.client.writes.append(('DELETE', path, None)) or (
        len(svc.client.writes) > 1 and svc.stored.clear())
    res = ensure_absent(svc, 'demo', None, True, False)
    assert res['changed'] is True and len(svc.client.writes) == 2 and svc.stored == {}


def test_a_patch_carries_no_empty_object():
    """Kazoo 4.2's document PATCH (kz_json:merge) lets an explicit {} replace the object it meets;
    4.3+ (kz_json:merge_recursive) writes nothing for it. {} means nothing in a merge, so it is not sent."""
    svc = Svc({'default': {'auth': {'a': {'ttl': 5}}}})
    res = ensure_present(svc, 'demo', 'default', {'timeout': 5, 'auth': {'a': {}}, 'nodefault': {}}, 'merge', False)
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {'timeout': 5}})]
    assert res['changed'] is True and res['after']['auth'] == {'a': {'ttl': 5}}
    svc = Svc({'default': {'enabled': True}})
    ensure_present(svc, 'demo', 'default', {'timeout': 5, 'auth': {'a': {}}}, 'replace', False)
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {'timeout': 5, 'enabled': None}})]
    # a null inside an object is kept: it deletes that key
    svc = Svc({'default': {'auth': {'a': {'ttl': 5}}}})
    ensure_present(svc, 'demo', 'default', {'auth': {'a': {'ttl': None}}, 'nodefault': {}}, 'merge', False)
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {'auth': {'a': {'ttl': None}}}})]


def test_an_empty_settings_merge_is_no_change_and_no_write():
    svc = Svc({'default': {'timeout': 9}})
    res = ensure_present(svc, 'demo', 'default', {}, 'merge', False)
    assert res['changed'] is False and svc.client.writes == []
