"""SecretAwareModule (plugins/module_utils/masking.py) on the AnsibleModule of every supported core.

It overrides AnsibleModule internals whose signatures changed between ansible-core 2.16 and 2.21:
``_load_params`` (2.19 added serialization profiles), ``warn`` (2.19 added keyword-only
``help_text``), ``fail_json`` (2.19 made ``exception`` keyword-only) and ``exit_json``. The matrix
(scripts/matrix.sh) runs this file on each release.
"""

import inspect
import json

import pytest

from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.common.parameters import PASS_VARS

from ansible_collections.ucops.platform.plugins.module_utils.masking import NO_LOG_MARKER, SecretAwareModule

SPEC = dict(
    name=dict(type='str', required=True),
    pin=dict(type='str', no_log=True),
    size=dict(type='int'),
    items=dict(type='list', elements='dict', options=dict(name=dict(type='str', required=True))),
)


def finish(capsys, call, *args, **kwargs):
    """Run exit_json/fail_json; return (exit code, the module's JSON result)."""
    with pytest.raises(SystemExit) as stopped:
        call(*args, **kwargs)
    return stopped.value.code, json.loads(capsys.readouterr().out)


def warning_texts(result):
    # 2.16-2.18 return plain strings, 2.19+ warning summaries: {'event': {'msg': ...}}
    return [w if isinstance(w, str) else w['event']['msg'] for w in result.get('warnings', [])]


def with_invocation(args):
    # 2.21+ returns ``invocation`` only when the controller asks for it (INJECT_INVOCATION)
    if 'inject_invocation' in PASS_VARS:
        args['_ansible_inject_invocation'] = True
    return args


def test_arguments_are_loaded_and_kept_as_given(module_args):
    module_args({'name': 'room', 'pin': 1234, 'size': '25'})
    module = SecretAwareModule(argument_spec=SPEC)
    assert module.params['pin'] == '1234' and module.params['size'] == 25
    # raw_params keep the task's own types (an unquoted PIN is a number)
    assert module.raw_params['pin'] == 1234 and module.raw_params['size'] == '25'


def test_exit_masks_values_not_substrings_and_turns_warnings_into_warn(module_args, capsys):
    module_args(with_invocation({'name': 'room', 'pin': '12'}))
    module = SecretAwareModule(argument_spec=SPEC)
    module.add_secret('Run-t1me-token')
    if 'help_text' in inspect.signature(AnsibleModule.warn).parameters:  # 2.19+
        module.warn('the PIN 12 is short', help_text='Choose a longer PIN.')
    else:
        module.warn('the PIN 12 is short')
    rc, result = finish(capsys, module.exit_json, changed=True, msg='size must be at least 128, got 12.',
                        data={'pin': '12', 'token': 'Run-t1me-token', 'count': 12},
                        warnings=['token Run-t1me-token expires'])
    assert rc == 0 and result['changed'] is True
    assert result['msg'] == 'size must be at least 128, got ********.'
    assert result['data'] == {'pin': '********', 'token': '********', 'count': '********'}
    assert result['invocation']['module_args'] == {'name': 'room', 'pin': NO_LOG_MARKER, 'size': None, 'items': None}
    assert warning_texts(result) == ['the PIN ******** is short', 'token ******** expires']
    assert 'deprecations' not in result or result['deprecations'] == []


def test_fail_with_exception_and_extra_keys(module_args, capsys):
    module_args({'name': 'room', 'pin': '4321'})
    module = SecretAwareModule(argument_spec=SPEC)
    rc, result = finish(capsys, module.fail_json, msg='PIN 4321 refused', exception='Traceback: PIN 4321', status=400)
    assert rc == 1 and result['failed'] is True
    assert result['msg'] == 'PIN ******** refused' and result['status'] == 400
    assert '4321' not in json.dumps(result)


def test_list_entry_that_is_not_a_dictionary_is_named(module_args, capsys):
    module_args({'name': 'room', 'items': [{'name': 'a'}, 'b']})
    with pytest.raises(SystemExit) as stopped:
        SecretAwareModule(argument_spec=SPEC)
    result = json.loads(capsys.readouterr().out)
    assert stopped.value.code == 1
    assert result['msg'] == "items[1] must be a dictionary of options such as {name: 'b'}, got str 'b'"


def test_require_names_the_library_and_the_interpreter(module_args, capsys):
    module_args({'name': 'room'})
    module = SecretAwareModule(argument_spec=SPEC)
    rc, result = finish(capsys, module.require, 'requests', 'Traceback (most recent call last): ImportError')
    assert rc == 1
    assert result['msg'].startswith('Failed to import the required Python library (requests)')
    assert 'ansible_playbook_python' in result['msg']
