# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How a Pexip configuration resource is described to the engine.

A :class:`Resource` names the API resource, its natural key and its fields; a
:class:`Field` says what kind of value a field holds and how it compares:

``plain``      a scalar compared after normalising null and ""
``ref``        a reference to one object, given by natural key or URI
``refs``       references to several objects, compared as a set
``secret``     readable on GET but masked in every result and diff
``write_only`` never returned by GET: sent on create, and on update only with
               ``update_password: always``

From the fields the engine derives the module's argument spec, so a module
states each field once.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import CONFIG_PREFIX

# Natural keys of the resources that other resources point at. A reference
# given as a plain string is looked up by this field.
NATURAL_KEYS = {
    'automatic_participant': 'alias',
    'ca_certificate': 'subject_name',
    'conference': 'name',
    'conference_alias': 'alias',
    'dns_server': 'address',
    'gms_access_token': 'name',
    'h323_gatekeeper': 'name',
    'http_proxy': 'name',
    'identity_provider_group': 'name',
    'ivr_theme': 'name',
    'media_library_playlist': 'name',
    'mssip_proxy': 'name',
    'ntp_server': 'address',
    'policy_server': 'name',
    'sip_proxy': 'name',
    'snmp_network_management_system': 'name',
    'static_route': 'name',
    'stun_server': 'name',
    'syslog_server': 'address',
    'system_location': 'name',
    'teams_proxy': 'name',
    'tls_certificate': 'subject_name',
    'turn_server': 'name',
    'event_sink': 'name',
}

# the option names Ansible's sanity test expects an explicit no_log for
_LOOKS_SECRET = re.compile(r'pass(?!ive)|secret|token|key', re.I)
PIN_PATTERN = re.compile(r'^[0-9]{4,20}#?$')
MASK = '********'


class Field:
    """One writable field of a resource."""

    def __init__(self, type='str', kind='plain', target=None, choices=None, required=False, nullable=False,
                 max_length=None, min_length=None, minimum=None, maximum=None, pattern=None, pattern_help=None,
                 elements=None):
        self.type = type
        self.kind = kind
        self.target = target
        self.choices = choices
        self.required = required
        self.nullable = nullable
        self.max_length = max_length
        self.min_length = min_length
        self.minimum = minimum
        self.maximum = maximum
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.pattern_help = pattern_help
        self.elements = elements
        if kind in ('ref', 'refs') and not target:
            raise ValueError('a reference field needs a target resource')

    @property
    def is_secret(self):
        return self.kind in ('secret', 'write_only')

    def argument(self):
        """This field as an Ansible argument spec entry."""
        spec = {'type': self.type}
        if self.kind == 'refs':
            spec = {'type': 'list', 'elements': 'str'}
        elif self.type == 'list':
            spec['elements'] = self.elements or 'str'
        if self.choices is not None:
            spec['choices'] = list(self.choices)
        if self.is_secret:
            spec['no_log'] = True
        elif self.kind == 'ref':
            # a reference by name (gms_access_token, ...) is not itself a secret
            spec['no_log'] = False
        return spec

    def check(self, name, value):
        """A sentence describing why ``value`` is not acceptable, or ``None``."""
        if value is None or self.kind in ('ref', 'refs'):
            return None
        if isinstance(value, str):
            if value == '' and (self.nullable or not self.min_length):
                return None
            if self.max_length is not None and len(value) > self.max_length:
                return '%s must be at most %d characters long (got %d)' % (name, self.max_length, len(value))
            if self.min_length is not None and len(value) < self.min_length:
                return '%s must be at least %d characters long (got %d)' % (name, self.min_length, len(value))
            if self.pattern is not None and not self.pattern.match(value):
                return '%s %s' % (name, self.pattern_help or 'has an invalid format')
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return '%s must be at least %d (got %d)' % (name, self.minimum, value)
            if self.maximum is not None and value > self.maximum:
                return '%s must be at most %d (got %d)' % (name, self.maximum, value)
        return None

    def cleared(self):
        """The value that empties this field."""
        if self.kind == 'refs' or self.type == 'list':
            return []
        if self.nullable or self.kind == 'ref' or self.type != 'str':
            return None
        return ''


def pin_field():
    return Field(kind='secret', min_length=4, max_length=20, pattern=PIN_PATTERN,
                 pattern_help='must be 4 to 20 digits, optionally followed by a single #')


class ChildSet:
    """Objects of another resource owned by this one and managed as a set.

    For a conference these are its aliases: ``option`` is the module option
    holding the desired list, ``key`` the field identifying a child, ``fields``
    the other fields compared, ``parent_field`` the child's reference to its
    parent and ``nested`` the parent's field listing the children on GET.
    """

    def __init__(self, resource, option, key, parent_field, nested, fields=(), purge_option=None):
        self.resource = resource
        self.option = option
        self.key = key
        self.parent_field = parent_field
        self.nested = nested
        self.fields = tuple(fields)
        self.purge_option = purge_option


class Resource:
    """A configuration resource: path, natural key, fields."""

    def __init__(self, name, key, fields, result_key=None, children=None, singular_label=None, singleton=False):
        self.name = name
        self.key = key
        self.fields = fields
        self.result_key = result_key or name
        self.children = children
        self.label = singular_label or name.replace('_', ' ')
        # a singleton (global, registration, ...) has one object that always exists:
        # it is found by listing, only ever patched, never created or deleted
        self.singleton = singleton
        if key not in fields and not (singleton and key is None):
            raise ValueError('the natural key must be one of the fields')

    @property
    def path(self):
        return '%s%s/' % (CONFIG_PREFIX, self.name)

    def argument_spec(self):
        spec = dict((name, field.argument()) for name, field in self.fields.items())
        for name, entry in spec.items():
            # names such as key_id or aws_access_key look secret to Ansible: say they are not
            if 'no_log' not in entry and _LOOKS_SECRET.search(name):
                entry['no_log'] = False
        return spec

    def secret_fields(self):
        return [name for name, field in self.fields.items() if field.is_secret]
