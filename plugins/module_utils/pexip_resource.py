# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How a Pexip configuration resource is described to the engine.

A :class:`Resource` names the API resource, its natural key and its fields; a
:class:`Field` says what kind of value a field holds and how it compares:

``plain``      a scalar compared after normalising null and ""
``ref``        a reference to one object, given by natural key or URI
``refs``       references to several objects, compared as a set
``embedded``   embedded values (a global's disabled codecs): the user gives names,
               the API takes and returns objects ``{"value": name}``; compared as
               a set of names, shown as names
``secret``     readable on GET but masked in every result and diff
``write_only`` never returned by GET: sent on create, and on update only with
               ``update_password: always``
``upload``     a file (the option is a local path) sent as a multipart part; the
               manager never returns it

A field's ``format`` names what its text must look like (see :data:`FORMATS`:
an IPv4 or IPv6 address, a netmask, a host or domain name, a regular
expression, a PIN). :meth:`Field.check` tests limits and format before any
request, so input the manager would refuse fails before the first write.

From the fields the engine derives the module's argument spec, so a module
states each field once.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible.module_utils.six.moves.urllib.parse import urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import CONFIG_PREFIX

# Natural keys of the resources that other resources point at. A reference
# given as a plain string is looked up by this field.
NATURAL_KEYS = {
    'adfs_auth_server': 'name',
    'automatic_participant': 'alias',
    'azure_tenant': 'name',
    'ca_certificate': 'subject_name',
    'conference': 'name',
    'conference_alias': 'alias',
    'dns_server': 'address',
    'end_user': 'primary_email_address',
    'event_sink': 'name',
    'exchange_domain': 'domain',
    'gateway_routing_rule': 'name',
    'gms_access_token': 'name',
    'google_auth_server': 'name',
    'h323_gatekeeper': 'name',
    'http_proxy': 'name',
    'identity_provider': 'name',
    'identity_provider_attribute': 'name',
    'identity_provider_group': 'name',
    'ivr_theme': 'name',
    'ldap_sync_source': 'name',
    'media_library_entry': 'name',
    'media_library_playlist': 'name',
    'mjx_endpoint_group': 'name',
    'mjx_exchange_autodiscover_url': 'name',
    'mjx_exchange_deployment': 'name',
    'mjx_google_deployment': 'name',
    'mjx_graph_deployment': 'name',
    'mjx_integration': 'name',
    'ms_exchange_connector': 'name',
    'mssip_proxy': 'name',
    'ntp_server': 'address',
    # permissions are named as the admin UI shows them (their codename is the alternative key)
    'permission': 'name',
    'policy_server': 'name',
    'recurring_conference': 'ews_item_id',
    'role': 'name',
    'scheduled_alias': 'alias',
    'scheduled_conference': 'ews_item_uid',
    'sip_proxy': 'name',
    'smtp_server': 'name',
    'snmp_network_management_system': 'name',
    'static_route': 'name',
    'stun_server': 'name',
    'syslog_server': 'address',
    'system_location': 'name',
    'teams_proxy': 'name',
    'telehealth_profile': 'name',
    'tls_certificate': 'subject_name',
    'turn_server': 'name',
    'user_group': 'name',
    'webapp_alias': 'slug',
    'webapp_branding': 'name',
}

# the option names Ansible's sanity test expects an explicit no_log for
_LOOKS_SECRET = re.compile(r'pass(?!ive)|secret|token|key', re.I)
PIN_PATTERN = re.compile(r'^[0-9]{4,20}#?$')
MASK = '********'
# the longest piece of a bad value quoted back in a message
_SHOWN = 60
_LABEL = re.compile(r'^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$')


def _is_ipv4(value):
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return True


def _is_ipv6(value):
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def _is_netmask(value):
    """A dotted IPv4 netmask: ones then zeros (255.255.255.0), not a prefix length nor a host mask."""
    try:
        bits = int(ipaddress.IPv4Address(value))
    except ValueError:
        return False
    inverted = ~bits & 0xffffffff
    return inverted & (inverted + 1) == 0


def _is_domain(value):
    name = value[:-1] if value.endswith('.') else value
    return 0 < len(name) <= 253 and all(_LABEL.match(label) for label in name.split('.'))


_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s.]+$')
_TIME = re.compile(r'^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$')


def _is_url(value):
    parts = urlsplit(value)
    return parts.scheme in ('http', 'https') and bool(parts.netloc) and ' ' not in value


def _regex_problem(value):
    try:
        re.compile(value)
    except re.error as exc:
        return str(exc)
    return None


# Formats a text field can have: what the manager accepts, as a sentence used in
# messages (and in the option docs), and the test. The manager validates the
# addresses and netmasks of nodes, routes and DNS servers (the field facts list an
# IP address validator for them), compiles regular expressions, and takes PINs of
# 4 to 20 digits with an optional final #.
FORMATS = {
    'ipv4': ('an IPv4 address such as 192.0.2.10', _is_ipv4),
    'ipv6': ('an IPv6 address such as 2001:db8::10', _is_ipv6),
    'ip': ('an IPv4 or IPv6 address', lambda value: _is_ipv4(value) or _is_ipv6(value)),
    'netmask': ('an IPv4 netmask such as 255.255.255.0', _is_netmask),
    'hostname': ('a host name of letters, digits and hyphens that neither starts nor ends with a hyphen',
                 lambda value: bool(_LABEL.match(value))),
    'domain': ('a DNS domain name such as example.com', _is_domain),
    'host': ('an IP address or a DNS name', lambda value: _is_ipv4(value) or _is_ipv6(value) or _is_domain(value)),
    'regex': ('a valid regular expression', lambda value: _regex_problem(value) is None),
    'pin': ('4 to 20 digits, optionally followed by a single #', lambda value: bool(PIN_PATTERN.match(value))),
    'email': ('an e-mail address such as noc@example.com', lambda value: bool(_EMAIL.match(value))),
    'url': ('an http or https URL such as https://example.com/path', _is_url),
    'time': ('a time of day as HH:MM or HH:MM:SS', lambda value: bool(_TIME.match(value))),
}


def shown(value):
    """A value as quoted back in a message: text cut to its first characters, anything else as its repr, cut."""
    if isinstance(value, str):
        return repr(value if len(value) <= _SHOWN else value[:_SHOWN] + '...')
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + '...'


def blank_key_problem(name, value):
    """Why ``value`` cannot be the natural key ``name`` (empty or only spaces), or ``None``."""
    if isinstance(value, str) and not value.strip():
        return '%s cannot be empty or only spaces' % name
    return None


class Field:
    """One writable field of a resource."""

    def __init__(self, type='str', kind='plain', target=None, choices=None, required=False, nullable=False,
                 max_length=None, min_length=None, minimum=None, maximum=None, pattern=None, pattern_help=None,
                 elements=None, format=None, embedded_key='value', embedded_help='a codec name such as H264_H_0',
                 doc=None):
        self.type = type
        # the project's own words for the option's documentation (a sentence or a list of them);
        # make generate adds the facts (limits, format, references, secrecy) to it
        self.doc = doc
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
        self.format = format
        # the key of each embedded object that holds the value (``embedded`` fields)
        self.embedded_key = embedded_key
        # what each embedded name is, for the message about a blank one
        self.embedded_help = embedded_help
        if kind in ('ref', 'refs') and not target:
            raise ValueError('a reference field needs a target resource')
        if format is not None and format not in FORMATS:
            raise ValueError('unknown field format %r (choose from %s)' % (format, ', '.join(sorted(FORMATS))))

    @property
    def format_help(self):
        """The format as a sentence ("an IPv4 address such as 192.0.2.10"), or ``None``."""
        return FORMATS[self.format][0] if self.format else None

    @property
    def is_secret(self):
        return self.kind in ('secret', 'write_only')

    def argument(self):
        """This field as an Ansible argument spec entry."""
        if self.kind == 'upload':
            return {'type': 'path'}
        spec = {'type': self.type}
        if self.kind in ('refs', 'embedded'):
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
        """A sentence describing why ``value`` is not acceptable, or ``None``.

        It names the option and never quotes a secret's value.
        """
        if value is None or self.kind in ('ref', 'refs', 'upload'):
            return None
        if self.kind == 'embedded':
            return self._embedded_problem(name, value)
        if self.type == 'str' and isinstance(value, int) and not isinstance(value, bool):
            # a text field given a number (YAML reads an unquoted 0123 as one)
            value = str(value)
        if isinstance(value, str):
            if value == '':
                # the manager runs no length or format validator on an empty value: "" empties the field
                return '%s cannot be empty' % name if self.required else None
            if self.format == 'pin':
                return self._pin_problem(name, value)
            if self.max_length is not None and len(value) > self.max_length:
                return '%s must be at most %d characters long (got %d)' % (name, self.max_length, len(value))
            if self.min_length is not None and len(value) < self.min_length:
                return '%s must be at least %d characters long (got %d)' % (name, self.min_length, len(value))
            if self.pattern is not None and not self.pattern.match(value):
                return '%s %s' % (name, self.pattern_help or 'has an invalid format')
            if self.format is not None:
                return self._format_problem(name, value)
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return '%s must be at least %d (got %d)' % (name, self.minimum, value)
            if self.maximum is not None and value > self.maximum:
                return '%s must be at most %d (got %d)' % (name, self.maximum, value)
        return None

    def _embedded_problem(self, name, values):
        for index, item in enumerate(values):
            where = '%s[%d]' % (name, index)
            if not isinstance(item, str) or not item.strip():
                return '%s must be %s (got %r)' % (where, self.embedded_help, item)
            if self.max_length is not None and len(item) > self.max_length:
                return '%s must be at most %d characters long (got %d)' % (where, self.max_length, len(item))
        return None

    def embedded_names(self, value):
        """The sorted set of names in ``value`` (names or embedded objects), for comparison and display."""
        names = set()
        for item in value or ():
            if isinstance(item, dict):
                item = item.get(self.embedded_key)
            if item is not None:
                names.add(item)
        return sorted(names)

    def embedded_objects(self, value):
        """``value`` as the API takes it: one object per distinct name, in name order."""
        return [{self.embedded_key: name} for name in self.embedded_names(value)]

    def _format_problem(self, name, value):
        sentence, test = FORMATS[self.format]
        if test(value):
            return None
        problem = '%s must be %s' % (name, sentence)
        if self.format == 'regex':
            return '%s (%s)' % (problem, _regex_problem(value))
        if self.is_secret:
            return problem
        return '%s (got %s)' % (problem, shown(value))

    def _pin_problem(self, name, value):
        if PIN_PATTERN.match(value):
            return None
        problem = '%s must be %s' % (name, FORMATS['pin'][0])
        if value.isdigit() and len(value) < 4:
            # an unquoted 0123 arrives as the number 123, or as 83 (YAML 1.1 reads a leading 0 as octal)
            problem += (' (got %d digits; if it was written without quotes, YAML read it as a number and dropped '
                        'its leading zeros: quote it, %s: "0123")' % (len(value), name))
        return problem

    def cleared(self):
        """The value that empties this field."""
        if self.kind in ('refs', 'embedded') or self.type == 'list':
            return []
        if self.nullable or self.kind == 'ref' or self.type != 'str':
            return None
        return ''


def pin_field(doc=None):
    return Field(kind='secret', min_length=4, max_length=20, format='pin', doc=doc)


class ChildSet:
    """Objects of another resource owned by this one and managed as a set.

    For a conference these are its aliases: ``option`` is the module option
    holding the desired list, ``key`` the field identifying a child and
    ``key_field`` its description, ``fields`` the other fields compared (a dict
    of name to :class:`Field`, or a list of names of plain text fields),
    ``parent_field`` the child's reference to its parent and ``nested`` the
    parent's field listing the children on GET.
    """

    def __init__(self, resource, option, key, parent_field, nested, fields=(), purge_option=None, key_field=None):
        self.resource = resource
        self.option = option
        self.key = key
        self.key_field = key_field or Field(required=True)
        self.parent_field = parent_field
        self.nested = nested
        if isinstance(fields, dict):
            self.specs = dict(fields)
        else:
            self.specs = dict((name, Field()) for name in fields)
        # the names of the compared fields, in order
        self.fields = tuple(self.specs)
        self.purge_option = purge_option

    def check(self, items):
        """Why the desired children would be refused (empty keys, lengths, formats): a list of sentences.

        Each names the entry and the field, as in ``aliases[2].alias``.
        """
        problems = []
        for index, item in enumerate(items or ()):
            where = '%s[%d]' % (self.option, index)
            if isinstance(item, str):
                item = {self.key: item}
            if not isinstance(item, dict):
                problems.append('%s must be a dictionary with %s' % (where, self.key))
                continue
            name = '%s.%s' % (where, self.key)
            value = item.get(self.key)
            problem = ('%s is required' % name if value is None
                       else blank_key_problem(name, value) or self.key_field.check(name, value))
            if problem:
                problems.append(problem)
            for field_name, field in self.specs.items():
                problem = field.check('%s.%s' % (where, field_name), item.get(field_name))
                if problem:
                    problems.append(problem)
        return problems


class ModuleDoc:
    """What a generated module says about itself, beyond its options.

    ``summary`` is the module's short description, ``about`` a list of
    sentences for its description, ``examples`` the EXAMPLES tasks (YAML text)
    and ``added`` the collection version that added it.
    """

    def __init__(self, summary, about, examples, added='0.3.0', notes=()):
        self.summary = summary
        self.about = list(about)
        self.examples = examples
        self.added = added
        self.notes = list(notes)


class Resource:
    """A configuration resource: path, natural key, fields."""

    def __init__(self, name, key, fields, result_key=None, children=None, singular_label=None, singleton=False,
                 module=None, doc=None, title=None, scope=(), update_method='PATCH', creatable=True,
                 singleton_absent=None, added_in=None):
        self.name = name
        # fields that, with the key, identify an object when the key alone is not unique
        # (a playlist entry is its position within one playlist)
        self.scope = tuple(scope)
        # PUT for resources whose detail URI takes no PATCH: the whole object is sent
        self.update_method = update_method
        # False: the manager makes the objects itself (software bundles); a module only changes them
        self.creatable = creatable
        # a singleton that state=absent empties with a DELETE of its detail URI ('delete'), else None
        self.singleton_absent = singleton_absent
        # the Infinity version that added the resource, when known, for the message a 404 on its list gives
        self.added_in = added_in
        # what the resource is, in a few words, for the docs (docs/resources.md)
        self.title = title
        # the module that manages this resource, and its documentation (a :class:`ModuleDoc`) when
        # make generate writes the whole module file from this description
        self.module = module
        self.doc = doc
        self.key = key
        self.fields = fields
        self._field_order = dict((name, index) for index, name in enumerate(fields))
        self.result_key = result_key or name
        self.children = children
        self.label = singular_label or name.replace('_', ' ')
        # a singleton (global, registration, ...) has one object that always exists:
        # it is found by listing, only ever patched, never created or deleted
        self.singleton = singleton
        if key not in fields and not (singleton and key is None):
            raise ValueError('the natural key must be one of the fields')
        for name in self.scope:
            if name not in fields:
                raise ValueError('a scope field must be one of the fields')

    @property
    def path(self):
        return '%s%s/' % (CONFIG_PREFIX, self.name)

    def given_fields(self, params):
        """The fields ``params`` sets (not None), as ``(name, field, value)`` in the order of :attr:`fields`.

        Walks the options given, not every field: an object of a bulk list sets a handful of a resource's
        fifty fields, and 100,000 objects are checked."""
        fields = self.fields
        order = self._field_order
        names = [name for name, value in params.items() if value is not None and name in order]
        if len(names) > 1:
            names.sort(key=order.__getitem__)
        return [(name, fields[name], params[name]) for name in names]

    def argument_spec(self):
        spec = dict((name, field.argument()) for name, field in self.fields.items())
        for name, entry in spec.items():
            # names such as key_id or aws_access_key look secret to Ansible: say they are not
            if 'no_log' not in entry and _LOOKS_SECRET.search(name):
                entry['no_log'] = False
        return spec

    @property
    def has_write_only(self):
        """Whether a field is write-only (the module then takes ``update_password``)."""
        return any(field.kind == 'write_only' for field in self.fields.values())

    def secret_fields(self):
        return [name for name, field in self.fields.items() if field.is_secret]

    def key_problem(self, value):
        """Why ``value`` cannot name an object of this resource (empty or only spaces), or ``None``."""
        if self.key is None or value is None:
            return None
        return blank_key_problem(self.key, value)
