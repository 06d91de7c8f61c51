"""The lab's kz_json, jesse and kz_json_schema behaviours, each checked against what Kazoo's source does.

Expected values are worked out by hand from 2600hz/kazoo (kz_json.erl, kapps_config_doc.erl,
kz_json_schema.erl, cb_context.erl) and 2600hz/jesse 1.5-rc13 (jesse_validator_draft4.erl).
"""
import json

import pytest

from lab.kazoo.jsonops import diff, merge_recursive, merge_right
from lab.kazoo.schemas import SchemaStore

SYS = '/v2/system_configs/ecallmgr'


# -- kz_json ------------------------------------------------------------------------------
def test_merge_recursive_writes_leaves_only():
    # set_value per leaf of the right object: {} has no leaf; null deletes without pruning
    assert merge_recursive({'a': 1}, {'b': {}, 'a': {}}) == {'a': 1}
    assert merge_recursive({'a': 1}, {'a': {'b': 2}}) == {'a': {'b': 2}}
    assert merge_recursive({'a': {'b': 1}}, {'a': {'b': None}}) == {'a': {}}
    assert merge_recursive({'a': {}, 'z': None}, {}) == {'a': {}, 'z': None}  # the first object as it is
    assert merge_recursive({}, {'a': [{'b': None}]}) == {'a': [{'b': None}]}  # arrays are leaves, taken whole


def test_merge_right_replaces_with_an_explicit_empty_object():
    assert merge_right({'a': {'b': 1}}, {'a': {}}) == {'a': {}}
    assert merge_right({'a': {'b': 1, 'c': 2}}, {'a': {'b': None}}) == {'a': {'c': 2}}
    assert merge_right({'x': {'y': None, 'z': 1}}, {}) == {'x': {'z': 1}}  # one-sided objects lose their nulls
    assert list(merge_right({'a': 1}, {'c': 3, 'b': 2})) == ['c', 'b', 'a']  # Erlang's accumulator order


def test_diff_compares_erlang_terms():
    assert diff({'a': 1, 'b': True, 'c': 1.0}, {'a': 1.0, 'b': 1, 'c': 1.0}) == {'a': 1, 'b': True}
    assert diff({'l': [{'x': 1, 'y': 2}]}, {'l': [{'y': 2, 'x': 1}]}) == {'l': [{'x': 1, 'y': 2}]}
    assert diff({'s': {}, 't': {'u': 1}}, {'t': {'u': 1}}) == {'s': {}}


# -- jesse use_defaults ---------------------------------------------------------------------
def _store(tmp_path, **schemas):
    folder = tmp_path / '4.3'
    folder.mkdir()
    (tmp_path / 'refs').mkdir()
    for name, schema in schemas.items():
        schema = dict(schema, _id=name)
        schema['$schema'] = 'http://json-schema.org/draft-04/schema#'
        (folder / (name + '.json')).write_text(json.dumps(schema))
    (folder / 'system_configs.json').write_text(json.dumps({
        '_id': 'system_configs', 'type': 'object', 'required': ['default'],
        'properties': {'default': {'default': {}, 'type': 'object'}},
        'patternProperties': {'(?!id\\b)(?!default\\b)^[a-zA-Z0-9.]+$': {'type': 'object'}}}))
    return SchemaStore(root=str(tmp_path), version='4.3')


def test_defaults_follow_jesse(tmp_path):
    store = _store(tmp_path, **{'system_config.t': {'type': 'object', 'properties': {
        'typed': {'type': 'integer', 'default': 5},
        'untyped': {'default': 'x'},                                   # no type: never inserted
        'mistyped': {'type': 'integer', 'default': 'x'},               # default of another type: not inserted
        'union': {'type': ['string', 'array'], 'default': []},
        'obj': {'type': 'object', 'default': {}, 'properties': {'inner': {'type': 'boolean', 'default': True}}},
        'bare': {'type': 'object', 'properties': {'inner': {'type': 'boolean', 'default': True}}},
        'list': {'type': 'array', 'default': [{}], 'items': {'type': 'object', 'properties': {
            'port': {'type': 'integer', 'default': 5060}}}},
    }}})
    assert store.default_section('t') == {'typed': 5, 'union': [], 'obj': {'inner': True}, 'list': [{'port': 5060}]}


def test_a_default_that_breaks_its_schema_empties_the_defaults(tmp_path):
    # default_object/1 returns {} when validating {} reports any error, and the inserted default is validated
    store = _store(tmp_path, **{'system_config.t': {'type': 'object', 'properties': {
        'good': {'type': 'integer', 'default': 5},
        'bad': {'type': 'string', 'default': '', 'minLength': 1}}}})
    assert store.default_section('t') == {}


# -- validation: fix_js_types and error bodies ---------------------------------------------
def test_fix_js_types_converts_like_kz_term(tmp_path):
    store = _store(tmp_path, **{'system_config.t': {'type': 'object', 'properties': {
        'i': {'type': 'integer'}, 'n': {'type': 'number'}, 'b': {'type': 'boolean'},
        'u': {'type': ['integer', 'null']}}}})
    schema = store.section_schema('t')
    assert store.validate(schema, {'i': '7', 'n': '2.5', 'b': 'true'}) == ({}, {'i': 7, 'n': 2.5, 'b': True})
    assert store.validate(schema, {'i': '2.5'})[1] == {'i': 3}       # round/1: halves away from zero
    assert store.validate(schema, {'i': 4.5})[1] == {'i': 5}
    errors, dummy = store.validate(schema, {'i': ' 7', 'b': 'yes', 'u': '7'})
    assert set(errors) == {'i', 'b', 'u'}                               # blanks, other words, type lists: not fixed
    assert errors['u']['type'] == {'message': 'Value did not match type(s): integer, null',
                                   'target': 'integer, null', 'value': '7'}
    assert store.validate(schema, {'i': '7'}, strict=True)[0] == {'i': {'type': {
        'message': 'Value did not match type(s): integer', 'target': 'integer', 'value': '7'}}}


def test_error_bodies_follow_kz_json_schema(tmp_path):
    store = _store(tmp_path, **{'system_config.t': {'type': 'object', 'required': ['need'], 'properties': {
        's': {'type': 'string', 'minLength': 3}, 'e': {'type': 'string', 'enum': ['a', 'b']},
        'c': {'type': 'object', 'additionalProperties': False, 'properties': {'ok': {'type': 'integer'}}},
        'o': {'oneOf': [{'type': 'string'}, {'type': 'integer'}]}, 'm': {'type': 'string', 'format': 'email'},
        'h': {'type': 'string', 'format': 'hostname'}}}})
    errors, dummy = store.validate(store.section_schema('t'), {'s': 'ab', 'e': 'c', 'c': {'ok': 1, 'k.x': 2}, 'o': True,
                                                               'm': 'nobody', 'h': '-not a host-'})
    assert errors == {
        'need': {'required': {'message': 'Field is required but missing', 'value': 'need'}},
        's': {'minLength': {'message': 'String must be at least 3 characters', 'target': 3, 'cause': 'ab', 'value': 'ab'}},
        'e': {'enum': {'message': 'Value not found in enumerated list of values', 'target': ['a', 'b'], 'value': 'c'}},
        'c.k%2Ex': {'additionalProperties': {
            'message': 'Strict checking of data is enabled; only include schema-defined properties',
            'value': {'ok': 1, 'k.x': 2}}},
        'o': {'not_one_schema_valid': {'message': 'failed to validate', 'value': True}},
        'm': {'wrong_format': {'message': 'Field is not in the correct format', 'value': 'nobody', 'format': 'email'}},
    }


# -- over HTTP ----------------------------------------------------------------------------
def test_patch_with_empty_objects_stores_nothing(api):
    assert api('PATCH', SYS, {'default': {'acls': {'lan': {'cidr': '10.0.0.0/8'}}}})[0] == 200
    st, body = api('PATCH', SYS, {'default': {'acls': {'lan': {}, 'wan': {}}}, 'zone1': {}})
    assert st == 200 and body['data'] == {'default': {'acls': {'lan': {'cidr': '10.0.0.0/8'}}}, 'id': 'ecallmgr'}


def test_section_patch_replaces_with_an_explicit_empty_object(api):
    api('POST', SYS, {'default': {}, 'zone1': {'acls': {'lan': {'cidr': '10.0.0.0/8'}}}})
    st, body = api('PATCH', SYS + '/zone1', {'acls': {}})
    # kz_json:merge replaces acls with {}, and {} equals the schema default of acls: nothing left to store
    assert st == 200 and body['data'] == {'id': 'ecallmgr/zone1'}
    assert api('GET', SYS, with_defaults='true')[1]['data']['zone1']['acls'] == {}


def test_string_numbers_are_accepted_but_stored_as_sent(api):
    # cb_system_configs diffs the request it received, not the data fix_js_types produced
    st, body = api('POST', SYS, {'default': {'fetch_timeout': '3100'}})
    assert st == 200 and body['data']['default'] == {'fetch_timeout': '3100'}


@pytest.mark.parametrize('value', ['abc', '31.5e'])
def test_unconvertible_strings_are_refused(api, value):
    st, body = api('POST', SYS, {'default': {'fetch_timeout': value}})
    assert st == 400 and body['message'] == 'validation error'
    assert body['data'] == {'default.fetch_timeout': {'type': {
        'message': 'Value did not match type(s): integer', 'target': 'integer', 'value': value}}}


def test_strict_validation_follows_the_crossbar_config(api):
    # cb_context reads crossbar's schema_strict_validation (default false): true turns fix_js_types off
    assert api('POST', SYS, {'default': {'fetch_timeout': '3100'}})[0] == 200
    assert api('PATCH', '/v2/system_configs/crossbar', {'default': {'schema_strict_validation': True}})[0] == 200
    st, body = api('POST', SYS, {'default': {'fetch_timeout': '3100'}})
    assert st == 400 and body['data'] == {'default.fetch_timeout': {'type': {
        'message': 'Value did not match type(s): integer', 'target': 'integer', 'value': '3100'}}}
