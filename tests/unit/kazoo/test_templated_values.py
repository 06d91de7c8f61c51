"""Values templated by ansible-core 2.16-2.18 reach Kazoo with the types its schema asks for.

Before ansible-core 2.19 a template that is more than a bare variable, such as
``"{{ page_size | int }}"`` or ``"{{ item.size }}"``, renders to the string ``'42'`` (only lists,
dictionaries and True/False are turned back into data); 2.19+ keeps the integer. kazoo_system_config converts such strings where the schema asks for an
integer, a number or a boolean, as Kazoo's own non-strict validation does (fix_js_types), so a
playbook gives the same result on every supported core.
"""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import SettingsInvalid, ensure_present

from test_kazoo_system_config_logic import Svc, bundle


def test_strings_become_the_schema_types_before_compare_and_write():
    svc = Svc()
    templated = {'timeout': '5', 'enabled': 'true', 'auth': {'a': {'ttl': '60'}}, 'untyped': '7', 'codecs': ['9']}
    res = ensure_present(svc, 'demo', 'default', templated, 'merge', False)
    assert res['changed'] is True
    assert svc.client.writes == [('PATCH', '/v2/system_configs/demo', {'default': {
        'timeout': 5, 'enabled': True, 'auth': {'a': {'ttl': 60}}, 'untyped': '7', 'codecs': ['9']}})]
    # the same templated strings again: nothing to change
    again = ensure_present(svc, 'demo', 'default', templated, 'merge', False)
    assert again['changed'] is False and len(svc.client.writes) == 1


def test_check_mode_shows_the_converted_values():
    res = ensure_present(Svc(), 'demo', 'n@h', {'timeout': '3000'}, 'replace', True)
    assert res['after']['timeout'] == 3000 and res['stored'] == {'timeout': 3000}


@pytest.mark.parametrize('value', ['5x', '5.5', ' 5', '5_000', 'True', ''])
def test_strings_that_are_not_plain_integers_still_fail_naming_the_key(value):
    svc = Svc()
    with pytest.raises(SettingsInvalid) as exc:
        ensure_present(svc, 'demo', 'default', {'timeout': value}, 'merge', False)
    assert exc.value.errors == [('default.timeout', 'value %r is not of type integer' % value)]
    assert svc.client.writes == []


def test_coerce_number_and_union_types():
    schema = {'type': 'object', 'properties': {
        'ratio': {'type': 'number'}, 'either': {'type': ['boolean', 'integer']}, 'text': {'type': 'string'}}}
    from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle
    demo = SchemaBundle('system_config.x', {'system_config.x': schema})
    assert demo.coerce({'ratio': '0.5', 'either': '12', 'text': '12'}) == {'ratio': 0.5, 'either': 12, 'text': '12'}
    assert demo.coerce({'ratio': '1e3'}) == {'ratio': 1000.0}
    assert bundle().coerce({'timeout': None}) == {'timeout': None}
