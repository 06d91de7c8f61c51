"""The bulk modules' fast validation of ``objects`` gives exactly what Ansible's validation gives."""
import copy
import json

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk_module import bulk_argument_spec, fast_validate
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE

SPEC = bulk_argument_spec(CONFERENCE)['objects']

TYPED = [
    {'name': 'a'},
    {'name': 'b', 'service_type': 'lecture', 'pin': '1234', 'guest_pin': '5678', 'allow_guests': True,
     'max_callrate_in': 2048, 'clear': ['description'], 'purge_aliases': False,
     'aliases': [{'alias': 'b@example.com'}, {'alias': '7001', 'description': 'x'}]},
    {'name': 'c', 'tag': 'bench', 'description': '', 'aliases': []},
]


def ansible_way(objects):
    result = ArgumentSpecValidator({'objects': SPEC}).validate({'objects': copy.deepcopy(objects)})
    return result


def ordered(value):
    """Values with their key order, which the invocation echo shows."""
    return json.dumps(value)


def test_typed_objects_validated_as_ansible_does():
    expected = ansible_way(TYPED)
    assert not expected.error_messages
    fast = fast_validate(SPEC, copy.deepcopy(TYPED))
    assert fast is not None
    objects, no_log_values = fast
    assert ordered(objects) == ordered(expected.validated_parameters['objects'])
    assert no_log_values == expected._no_log_values == {'1234', '5678'}


@pytest.mark.parametrize('obj', [
    {'name': 'x', 'max_callrate_in': '2048'},      # a string Ansible converts to an integer
    {'name': 'x', 'allow_guests': 'yes'},          # a string Ansible converts to a boolean
    {'name': 'x', 'max_callrate_in': True},        # a boolean Ansible takes as an integer
    {'name': 'x', 'service_type': 'nope'},         # not one of the choices: Ansible's message
    {'name': 'x', 'unknown': 1},                   # not an option: Ansible's message
    {'description': 'no name'},                    # a required option missing
    {'name': 'x', 'description': None},            # a null
    {'name': 'x', 'aliases': [{'description': 'no alias'}]},
    {'name': 'x', 'aliases': ['x@example.com']},   # not a dictionary
    {'name': 'x', 'clear': 'description'},         # a string for a list
    {'name': 5},
])
def test_anything_to_convert_or_refuse_is_left_to_ansible(obj):
    objects = [dict(TYPED[0]), obj]
    before = copy.deepcopy(objects)
    assert fast_validate(SPEC, objects) is None
    assert objects == before  # nothing filled in when Ansible validates


def test_not_a_list_is_left_to_ansible():
    assert fast_validate(SPEC, 'a string') is None
    assert fast_validate(SPEC, [['a']]) is None


def _module(module_args, cls, objects):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import new_module
    module_args({'objects': copy.deepcopy(objects), 'pexip_url': 'https://mgr.example.com',
                 'pexip_username': 'admin', 'pexip_password': 's3cret'})
    return new_module(bulk_argument_spec(CONFERENCE), module_class=cls, supports_check_mode=True)


@pytest.mark.parametrize('objects', [TYPED, TYPED + [{'name': 'd', 'max_callrate_in': '2048'}]],
                         ids=['fast', 'ansible'])
def test_bulk_module_params_and_secrets_as_with_ansible_validation(module_args, objects):
    from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk_module import BulkModule
    plain = _module(module_args, SecretAwareModule, objects)
    bulk = _module(module_args, BulkModule, objects)
    assert ordered(bulk.params) == ordered(plain.params)
    assert bulk.no_log_values == plain.no_log_values
    assert {'1234', '5678', 's3cret'} <= bulk.no_log_values


@pytest.mark.parametrize('uri', ['/api/admin/configuration/v1/conference/1/', '/a/b?x=1', '/a/b#f', '//host/a/',
                                 '/a/\tb/', 'https://mgr.example.com/api/admin/configuration/v1/conference/2/'])
def test_uri_of_a_path_is_what_urlsplit_gives(uri):
    from urllib.parse import urlsplit

    from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import uri_of
    assert uri_of({'resource_uri': uri}) == urlsplit(uri).path


def test_without_fill_none_only_the_defaults_are_set():
    objects, no_log_values = fast_validate(SPEC, copy.deepcopy(TYPED), fill_none=False)
    assert objects[0] == {'name': 'a', 'clear': [], 'purge_aliases': True}
    assert objects[1]['aliases'][0] == {'alias': 'b@example.com', 'description': None}
    assert no_log_values == {'1234', '5678'}


def test_objects_read_keep_only_what_planning_reads(client, session):
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import BulkEngine
    from fake_http import listing
    conf = '/api/admin/configuration/v1/conference/'
    current = {'id': 1, 'name': 'VMR_1', 'description': 'old', 'pin': '', 'guest_pin': '', 'tag': 't',
               'service_type': 'conference', 'ivr_theme': None, 'automatic_participants': [], 'resource_uri': conf + '1/',
               'aliases': [{'alias': 'a@example.com', 'conference': conf + '1/', 'description': '', 'id': 7,
                            'creation_time': 'x', 'resource_uri': '/api/admin/configuration/v1/conference_alias/7/'}]}
    session.add('GET', conf, listing([dict(current)]))
    engine = BulkEngine(client, CONFERENCE)
    plan = engine.plan([{'name': 'VMR_1', 'description': 'new', 'aliases': [{'alias': 'a@example.com'}]}])
    # the aliases were read into the plan's own table of children, then dropped from the rooms
    assert engine._current == [{'id': 1, 'name': 'VMR_1', 'description': 'old', 'tag': 't', 'resource_uri': conf + '1/'}]
    assert plan['write'] == [('VMR_1', {'description': 'new', 'resource_uri': conf + '1/'})]
    session.add('GET', conf, listing([dict(current)]))
    detailed = BulkEngine(client, CONFERENCE, details=True)
    detailed.plan([{'name': 'VMR_1'}])
    assert detailed._current == [current]  # shown whole with details
