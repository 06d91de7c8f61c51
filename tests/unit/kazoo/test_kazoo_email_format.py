"""``format: email`` as Kazoo's validator checks it, before anything is written.

jesse 1.5-rc13 (Kazoo 4.3, master; 1.5-rc7 of Kazoo 4.2 has the same) check_format:
``re:run(Value, <<"^[^@]+@[^@]+$">>, [{capture, none}, unicode])`` on strings, nothing else;
every other format but date-time/ipv4/ipv6 passes. The module's own pre-validation must
accept and refuse exactly what the lab (held to jesse) does.
"""
import os
import sys

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import SettingsInvalid, ensure_present

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from lab.kazoo.schemas import SchemaStore  # noqa: E402

# as system_config.notify.voicemail_full / notify.port_request_admin (master) declare it
SCHEMA = {'type': 'object', 'properties': {
    'default_to': {'oneOf': [{'type': 'array', 'items': {'type': 'string', 'format': 'email'}},
                             {'type': 'string', 'format': 'email'}]},
    'default_from': {'type': 'string', 'format': 'email', 'default': 'no_reply@example.com'},
    'host': {'type': 'string', 'format': 'hostname'},
    'when': {'type': 'string', 'format': 'uri'},
}}
VALUES = ['ops@example.com', 'ops@localhost', 'a b@c d', 'üser@exämple.de', '"q"@x', 'x@y.', 'a@b\n',
          'ops', '@example.com', 'ops@', 'a@b@c', '', '@', 'two@@x']


def bundle():
    return SchemaBundle('system_config.notify.demo', {'system_config.notify.demo': SCHEMA})


@pytest.mark.parametrize('value', VALUES)
def test_module_and_lab_agree_on_every_email(value):
    lab_errors, dummy = SchemaStore().validate(SCHEMA, {'default_from': value, 'default_to': value})
    module_errors = bundle().errors({'default_from': value, 'default_to': value}, prefix='default')
    assert bool(lab_errors) == bool(module_errors)
    assert sorted('default.' + k for k in lab_errors) == sorted(path for path, dummy in module_errors)


def test_the_message_names_the_path_and_the_problem():
    errors = dict(bundle().errors({'default_from': 'a@b@c', 'default_to': ['ok@x', 'nobody']}, prefix='default'))
    assert errors['default.default_from'] == (
        "value 'a@b@c' is not an email address as Kazoo checks it (one '@' with text before and after it)")
    assert 'default.default_to' in errors and "'nobody' (item 1) is not an email address" in errors['default.default_to']


def test_other_formats_pass_as_in_jesse():
    assert bundle().errors({'host': '-not a host-', 'when': 'not a uri'}) == []


class Client(object):
    def __init__(self):
        self.writes = []

    def patch(self, path, data):
        self.writes.append(path)
        raise AssertionError('nothing may be written')

    post = patch


class Svc(object):
    def __init__(self):
        self.client = Client()

    def schema(self, category):
        return bundle()

    def doc_path(self, category):
        return '/v2/system_configs/' + category

    def section(self, category, node, with_defaults=True):
        return {'default_from': 'no_reply@example.com'} if with_defaults else {}


def test_a_bad_email_fails_before_any_write_naming_the_option_and_path():
    svc = Svc()
    with pytest.raises(SettingsInvalid) as info:
        ensure_present(svc, 'notify.demo', 'default', {'default_to': 'ops'}, 'merge', False)
    text = str(info.value)
    assert svc.client.writes == []
    assert 'settings' in text and 'nothing was written' in text
    assert "default.default_to: value 'ops' is not an email address as Kazoo checks it" in text
