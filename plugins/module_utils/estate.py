# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The layout of an estate, and the export of a live Management Node into it.

An *estate* is a folder laid out like ``playbooks/vars/``: one YAML file per role, each
holding that role's variables, plus two files of the export's own::

    pexip_platform.yml   pexip_platform_<kind>: [objects]  (and pexip_platform_global: {fields})
    pexip_nodes.yml      pexip_nodes_list: [nodes]
    pexip_services.yml   pexip_services_<kind>: [objects], pexip_services_tag
    kazoo.yml            kazoo_system_configs_sections: [{category, node, settings}]
    pexip_resources.yml  pexip_resources: {resource name: [objects]}  (every other described resource)
    secrets.yml          vault_<resource>_<object>_<field>: value or null  (mode 0600, for ansible-vault)

:data:`ROLE_VARIABLES` says which role variable holds which resource. Everything else about a
resource (its fields, their order, key, references, secrets) comes from its description in the
``pexip_catalog_*`` modules, read here and nowhere else; the manager's defaults come from the
manager itself (``<resource>/schema/``).

The data shape :func:`export_pexip` returns (and ``ucops.platform.pexip_export`` returns as its
result)::

    {'files': {'pexip_platform.yml': {variable: value, ...}, 'pexip_services.yml': {...},
               'pexip_nodes.yml': {...}, 'pexip_resources.yml': {'pexip_resources': {resource: [...]}}},
     'secrets': [{'name': 'vault_conference_board_room_pin', 'value': '402918', 'file': 'pexip_services.yml',
                  'about': 'pin of conference "Board room"'}, ...],   # value None: never returned
     'counts': {resource name: objects exported, 'conference_alias': aliases}}

Each object is a dict of option name to value, as the role (or ``ucops.platform.pexip_resource``
for ``pexip_resources``) takes it: the natural key (and scope fields) first, then the other
described fields in description order; read-only fields (not described) left out; values equal
to the manager's default left out; a value emptied although the default is not is listed in the
object's ``clear``; references as the natural key of their target (a URI where the target has
none); a secret as the text ``{{ vault_... }}`` naming its entry of ``secrets``. Lists of objects
are sorted by key (scope first), a conference's ``aliases`` by alias. Relations kept on both
sides are written on the side that stores them (:data:`REVERSE_SIDES`).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_generic import fetch_schema
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import NATURAL_KEYS, Resource
from ansible_collections.ucops.platform.plugins.module_utils import (
    pexip_catalog_callcontrol, pexip_catalog_conferencing, pexip_catalog_identity, pexip_catalog_interop,
    pexip_catalog_media, pexip_catalog_nodes, pexip_catalog_otj, pexip_catalog_platform, pexip_catalog_scheduling,
    pexip_catalog_services, pexip_catalog_users, pexip_catalog_webapp)

CATALOGS = (pexip_catalog_callcontrol, pexip_catalog_conferencing, pexip_catalog_identity, pexip_catalog_interop,
            pexip_catalog_media, pexip_catalog_nodes, pexip_catalog_otj, pexip_catalog_platform,
            pexip_catalog_scheduling, pexip_catalog_services, pexip_catalog_users, pexip_catalog_webapp)


def _described():
    found = {}
    for catalog in CATALOGS:
        for const, value in sorted(vars(catalog).items()):
            if isinstance(value, Resource) and const.isupper():
                found[value.name] = value
    return found


# every described resource by name
RESOURCES = _described()

PLATFORM = 'pexip_platform.yml'
NODES = 'pexip_nodes.yml'
SERVICES = 'pexip_services.yml'
KAZOO = 'kazoo.yml'
OTHERS = 'pexip_resources.yml'
SECRETS = 'secrets.yml'
# the files of an estate, in the order site.yml applies them
FILES = (PLATFORM, NODES, SERVICES, KAZOO, OTHERS)
OTHERS_VARIABLE = 'pexip_resources'
KAZOO_VARIABLE = 'kazoo_system_configs_sections'

# (file, role variable, resource): which variable holds which resource, in the order the roles apply them.
# A singleton's variable is a dict of its fields, every other one a list of objects.
ROLE_VARIABLES = (
    (PLATFORM, 'pexip_platform_dns_servers', 'dns_server'),
    (PLATFORM, 'pexip_platform_ntp_servers', 'ntp_server'),
    (PLATFORM, 'pexip_platform_syslog_servers', 'syslog_server'),
    (PLATFORM, 'pexip_platform_ca_certificates', 'ca_certificate'),
    (PLATFORM, 'pexip_platform_tls_certificates', 'tls_certificate'),
    (PLATFORM, 'pexip_platform_licences', 'licence'),
    (PLATFORM, 'pexip_platform_smtp_servers', 'smtp_server'),
    (PLATFORM, 'pexip_platform_event_sinks', 'event_sink'),
    (PLATFORM, 'pexip_platform_http_proxies', 'http_proxy'),
    (PLATFORM, 'pexip_platform_azure_tenants', 'azure_tenant'),
    (PLATFORM, 'pexip_platform_teams_proxies', 'teams_proxy'),
    (PLATFORM, 'pexip_platform_system_locations', 'system_location'),
    (PLATFORM, 'pexip_platform_identity_provider_attributes', 'identity_provider_attribute'),
    (PLATFORM, 'pexip_platform_identity_providers', 'identity_provider'),
    (PLATFORM, 'pexip_platform_identity_provider_groups', 'identity_provider_group'),
    (PLATFORM, 'pexip_platform_roles', 'role'),
    (PLATFORM, 'pexip_platform_oauth2_clients', 'oauth2_client'),
    (PLATFORM, 'pexip_platform_global', 'global'),
    (NODES, 'pexip_nodes_list', 'worker_vm'),
    (SERVICES, 'pexip_services_ivr_themes', 'ivr_theme'),
    (SERVICES, 'pexip_services_webapp_brandings', 'webapp_branding'),
    (SERVICES, 'pexip_services_webapp_aliases', 'webapp_alias'),
    (SERVICES, 'pexip_services_conferences', 'conference'),
    (SERVICES, 'pexip_services_automatic_participants', 'automatic_participant'),
    (SERVICES, 'pexip_services_gateway_routing_rules', 'gateway_routing_rule'),
)
ROLE_RESOURCES = dict((resource, (path, variable)) for path, variable, resource in ROLE_VARIABLES)

# Role settings an export writes besides the objects: a services tag of "" keeps each object's own
# tag (the role would stamp its tag on every object), and the OAuth2 clients' key folder outside the estate.
ROLE_SETTINGS = {
    SERVICES: (('pexip_services_tag', ''),),
    PLATFORM: (('pexip_platform_oauth2_key_dir', '~/.ucops/oauth2-keys'),),
}

# Described resources an export leaves out, with the reason (docs/adopt.md lists them).
LEFT_OUT = {
    'conference_alias': "written inside its conference's aliases",
    'certificate_signing_request': 'a request the manager made a private key for, not configuration',
    'media_library_entry': 'the media file cannot be read back from the manager',
    'software_bundle': 'the manager makes its objects itself (pexip_software_bundle selects their revision)',
}

# Relations kept on both sides: the side written is the one that stores the relation, so the other
# is left out (the manager derives it).
REVERSE_SIDES = {
    'conference': ('automatic_participants', 'scheduled_conferences'),
    'ivr_theme': ('conference', 'gateway_routing_rule'),
    'ms_exchange_connector': ('domains',),
    'user_group': ('users',),
}

# Write-only values (never returned) that an object needs although the manager cannot show whether
# one is set: {resource: {field: (field, value) that makes it needed, or None for always}}. Any other
# write-only field gets an entry only when the manager answers it with a (hashed) value.
NEEDED_WRITE_ONLY = {
    'worker_vm': {'password': None, 'snmp_authentication_password': ('snmp_mode', 'AUTHPRIV'),
                  'snmp_privacy_password': ('snmp_mode', 'AUTHPRIV')},
    'management_vm': {'snmp_authentication_password': ('snmp_mode', 'AUTHPRIV'),
                      'snmp_privacy_password': ('snmp_mode', 'AUTHPRIV')},
    'tls_certificate': {'private_key': None},
    'teams_proxy': {'notifications_queue': ('notifications_enabled', True)},
    'smtp_server': {'password': ('username', True)},
    'event_sink': {'password': ('username', True)},
    'http_proxy': {'password': ('username', True)},
}

# The schema's word for "no default".
_NO_DEFAULT = 'No default provided.'
_SLUG = re.compile(r'[^a-z0-9]+')
PAGE_SIZE = 10000


def other_resources():
    """The described resources no role manages that an export writes to pexip_resources.yml, by name."""
    return sorted(name for name in RESOURCES
                  if name not in ROLE_RESOURCES and name not in LEFT_OUT)


def references_of(resource):
    """{field: target resource} of a resource's reference fields."""
    return dict((name, field.target) for name, field in resource.fields.items() if field.kind in ('ref', 'refs'))


def apply_order(names):
    """``names`` ordered so that a resource comes after those it refers to (then by name)."""
    names = sorted(names)
    wanted = set(names)
    done = []
    placed = set()
    while len(done) < len(names):
        progress = False
        for name in names:
            if name in placed:
                continue
            needs = set(references_of(RESOURCES[name]).values()) & wanted - placed - {name}
            if not needs:
                done.append(name)
                placed.add(name)
                progress = True
        if not progress:  # a cycle: the rest in name order (their references are resolved by name on each run)
            done.extend(name for name in names if name not in placed)
            break
    return done


def phase_of(name, _seen=None):
    """``early`` for a resource applied before the roles (it refers, directly or not, to no role-managed
    resource), ``late`` for one applied after them."""
    seen = _seen or set()
    seen.add(name)
    for target in references_of(RESOURCES[name]).values():
        if target in ROLE_RESOURCES:
            return 'late'
        if target in RESOURCES and target not in seen and phase_of(target, seen) == 'late':
            return 'late'
    return 'early'


def apply_arguments(name):
    """The arguments of ``ucops.platform.pexip_resource`` (besides ``fields``) for an object of ``name``."""
    resource = RESOURCES[name]
    key = [] if resource.singleton or resource.key is None else list(resource.scope) + [resource.key]
    return {'resource': name, 'key': key, 'references': references_of(resource),
            'secrets': sorted(resource.secret_fields())}


def slug(text):
    """Text as a part of a variable name: lower-case letters and digits joined by "_"."""
    return _SLUG.sub('_', str(text).lower()).strip('_')


# -- the export --------------------------------------------------------------------------

def _empty(value):
    return value is None or value == '' or value == [] or value == {}


def _default_of(schema, name):
    spec = (schema.get('fields') or {}).get(name) or {}
    if 'default' not in spec or spec['default'] == _NO_DEFAULT:
        return _NO_DEFAULT
    return spec['default']


def _same(value, default):
    if default is _NO_DEFAULT:
        return _empty(value)
    if _empty(value) and _empty(default):
        return True
    if isinstance(value, bool) or isinstance(default, bool):
        return value is default or (isinstance(default, str) and str(value).lower() == default.lower())
    if isinstance(value, list) and isinstance(default, list):
        return sorted(map(repr, value)) == sorted(map(repr, default))
    return value == default or (isinstance(value, (int, float)) and str(value) == str(default))


class _Pending:
    """A secret met while converting page by page, named once the objects are sorted."""

    __slots__ = ('args',)

    def __init__(self, args):
        self.args = args


class Exporter:
    """Reads a Management Node into the estate's data (see the module docstring)."""

    def __init__(self, client, page_size=PAGE_SIZE):
        self.client = client
        self.page_size = page_size
        self.objects = {}      # resource -> list of objects as the manager gives them
        self.absent = []       # resources this manager does not serve
        self._names = {}       # target resource -> {URI: natural key}
        self.secrets = []
        self._secret_names = set()
        self.counts = {}
        self.warnings = []
        self._read_only = {}   # resource -> the fields its schema marks read-only
        self._plans = {}       # resource -> (schema, the fields convert writes)

    # -- reading --------------------------------------------------------------------------
    def read(self, name):
        if name not in self.objects:
            try:
                self.objects[name] = list(self.client.iter_list(name, page_size=self.page_size))
            except ApiError as exc:
                if exc.status != 404:
                    raise
                self.absent.append(name)
                self.objects[name] = []
        return self.objects[name]

    def schema(self, name):
        try:
            return fetch_schema(self.client, name)
        except ApiError as exc:
            if exc.status != 404 and exc.kind != 'usage':
                raise
            return {'fields': {}}

    def name_of(self, target, value):
        """A reference (URI, nested object or id) as the natural key of its target, or its URI without one."""
        uri = uri_of(value, target)
        if uri is None:
            return None
        key = NATURAL_KEYS.get(target)
        if key is None:
            return uri
        if target not in self._names:
            names = {}
            for obj in self.read(target):
                obj_uri = uri_of(obj.get('resource_uri')) if obj.get('resource_uri') else None
                if obj_uri:
                    names[obj_uri] = obj.get(key)
            self._names[target] = names
        names = self._names[target]
        if uri not in names and isinstance(value, dict) and value.get(key) is not None:
            return value[key]
        return names.get(uri, uri)

    # -- secrets --------------------------------------------------------------------------
    def secret(self, path, resource, label, field, value):
        """The reference text of a new entry of secrets.yml (``value`` None: to be filled in)."""
        base = ('vault_%s_%s' % (resource.name, slug(field)) if label is None
                else 'vault_%s_%s_%s' % (resource.name, slug(label) or 'object', slug(field)))
        name = base
        number = 2
        while name in self._secret_names:
            name = '%s_%d' % (base, number)
            number += 1
        self._secret_names.add(name)
        about = '%s of %s "%s"' % (field, resource.label, label) if label is not None else '%s of the %s' % (
            field, resource.label)
        self.secrets.append({'name': name, 'value': value, 'file': path, 'about': about})
        return '{{ %s }}' % name

    @staticmethod
    def _needed(resource, name, obj):
        rule = NEEDED_WRITE_ONLY.get(resource.name, {})
        if name in rule:
            condition = rule[name]
            if condition is None:
                return True
            field, wanted = condition
            have = obj.get(field)
            return bool(have) if wanted is True else have == wanted
        # a singleton is never created, so a value needed to create one is not needed
        return not _empty(obj.get(name)) or (resource.fields[name].required and not resource.singleton)

    # -- one object -----------------------------------------------------------------------
    @staticmethod
    def label(resource, obj, position):
        """What names the object in secrets.yml: its natural key (a certificate's subject name), its position
        among the sorted objects when the key is itself a secret (a licence's entitlement id)."""
        if resource.key is None:
            return None
        if resource.fields[resource.key].is_secret:
            return '%s %d' % (resource.label, position)
        return obj.get(NATURAL_KEYS.get(resource.name) or resource.key) or obj.get(resource.key)

    def _plan(self, resource, schema):
        """The fields ``convert`` writes, in order, each as (name, field, kind, is a key, the schema's default):
        worked out once per resource and schema, not once per object."""
        cached = self._plans.get(resource.name)
        if cached is not None and cached[0] is schema:
            return cached[1]
        skipped = REVERSE_SIDES.get(resource.name, ())
        first = [name for name in list(resource.scope) + [resource.key] if name]
        order = first + [name for name in resource.fields if name not in first]
        read_only = self._read_only.get(resource.name)
        if read_only is None:
            read_only = self._read_only[resource.name] = set(
                name for name, spec in (schema.get('fields') or {}).items() if isinstance(spec, dict) and spec.get('readonly'))
        plan = []
        for name in order:
            field = resource.fields[name]
            if name in skipped or field.kind == 'upload' or (name in read_only and name not in first):
                # the manager's schema has the last word on what is read-only (management_vm's identity)
                continue
            plan.append((name, field, field.kind, name in first, _default_of(schema, name)))
        self._plans[resource.name] = (schema, plan)
        return plan

    def convert(self, path, resource, obj, schema, position=1, secret=None):
        """One object as the role takes it (see the module docstring). ``secret`` (default :meth:`secret`) gives
        the text standing for a secret's value."""
        label = self.label(resource, obj, position)
        secret = secret or self.secret
        out = {}
        cleared = []
        for name, field, kind, is_key, default in self._plan(resource, schema):
            if kind == 'write_only':
                if self._needed(resource, name, obj):
                    out[name] = secret(path, resource, label, name, None)
                continue
            value = obj.get(name)
            if kind == 'ref':
                value = self.name_of(field.target, value)
            elif kind == 'refs':
                value = sorted((self.name_of(field.target, item) for item in value or ()), key=str)
            elif kind == 'embedded':
                value = field.embedded_names(value)
            if not is_key:
                if default is not _NO_DEFAULT and type(value) is type(default) and value == default:
                    continue  # the common case, without _same's conversions
                if _same(value, default):
                    continue
                if _empty(value):
                    cleared.append(name)
                    continue
            if kind == 'secret' and not _empty(value):
                value = secret(path, resource, label, name, value)
            out[name] = value
        for name, field in resource.fields.items():
            if field.kind == 'upload' and field.required:
                out[name] = secret(path, resource, label, name, None)
        if resource.children is not None:
            out[resource.children.option] = self.children(resource.children, obj)
        if cleared:
            out['clear'] = cleared
        return out

    def children(self, children, obj):
        kids = []
        for kid in obj.get(children.nested) or ():
            if not isinstance(kid, dict):
                continue
            item = {children.key: kid.get(children.key)}
            for name in children.fields:
                if not _empty(kid.get(name)):
                    item[name] = kid.get(name)
            kids.append(item)
        kids.sort(key=lambda item: str(item[children.key]))
        self.counts[children.resource] = self.counts.get(children.resource, 0) + len(kids)
        return kids

    def sort_key(self, resource, obj):
        """An object's place in its list: its scope (references by name) and key."""
        values = []
        for name in list(resource.scope) + [resource.key]:
            field = resource.fields[name]
            value = self.name_of(field.target, obj.get(name)) if field.kind == 'ref' else obj.get(name)
            values.append(str(value))
        return tuple(values)

    @staticmethod
    def referred_first(resource, items):
        """``items`` (sorted by key) with each object after those of the same resource it refers to (a location
        after its overflow locations), as the role creates them in list order; otherwise the order is kept."""
        own = [name for name, field in resource.fields.items() if field.kind in ('ref', 'refs') and field.target == resource.name]
        if not own or resource.key is None:
            return items
        keys = set(item.get(resource.key) for item in items)
        placed = set()
        out = []
        pending = list(items)
        while pending:
            rest = []
            for item in pending:
                needs = set()
                for name in own:
                    value = item.get(name)
                    needs.update(value if isinstance(value, list) else [value])
                needs = (needs & keys) - placed - {item.get(resource.key)}
                if needs:
                    rest.append(item)
                else:
                    out.append(item)
                    placed.add(item.get(resource.key))
            if len(rest) == len(pending):  # a cycle: the manager itself could not have been given it in one pass
                out.extend(rest)
                break
            pending = rest
        return out

    def streamable(self, resource):
        """Whether the objects of ``resource`` can be converted page by page as they are read (without holding
        the manager's objects): not read already, not a singleton, no reference to its own objects and a key that
        is no secret (a secret's name then depends on the object's place among the sorted objects)."""
        return (resource.name not in self.objects and not resource.singleton and resource.key is not None
                and not resource.fields[resource.key].is_secret
                and not any(field.kind in ('ref', 'refs') and field.target == resource.name
                            for field in resource.fields.values()))

    def stream(self, path, resource):
        """The objects of ``resource`` converted as each page is read, in the order :meth:`export_resource`
        gives (sorted by key, secrets named in that order): the same data without the manager's objects held
        (100,000 rooms held about 450 MiB). The references to them (their keys by URI) are kept for
        :meth:`name_of`."""
        name = resource.name
        key = NATURAL_KEYS.get(name)
        names = {}
        keys = []
        items = []
        pending = []  # secrets met, named once the objects are sorted
        counts = dict(self.counts)
        schema = None

        def later(*args):
            pending.append(_Pending(args))
            return pending[-1]

        try:
            for obj in self.client.iter_list(name, page_size=self.page_size):
                if schema is None:
                    schema = self.schema(name)
                obj_uri = uri_of(obj.get('resource_uri')) if key is not None and obj.get('resource_uri') else None
                if obj_uri:
                    names[obj_uri] = obj.get(key)
                keys.append(self.sort_key(resource, obj))
                items.append(self.convert(path, resource, obj, schema, secret=later))
        except ApiError as exc:
            if exc.status != 404:
                raise
            self.absent.append(name)
            self.counts = counts
            keys, items, pending, names = [], [], [], {}
        self.objects[name] = ()  # read: never again
        if key is not None:
            self._names[name] = names
        order = sorted(range(len(items)), key=keys.__getitem__)
        items = [items[index] for index in order]
        if pending:
            for item in items:
                for field, value in item.items():
                    if isinstance(value, _Pending):
                        item[field] = self.secret(*value.args)
        return items

    def export_resource(self, path, name):
        """The objects of ``name`` (a list; a singleton's dict), converted."""
        resource = RESOURCES[name]
        if self.streamable(resource):
            items = self.referred_first(resource, self.stream(path, resource))
            self.counts[name] = len(items)
            return items
        objects = self.read(name)
        schema = self.schema(name) if objects else {'fields': {}}
        if resource.singleton:
            converted = self.convert(path, resource, objects[0], schema) if objects else {}
            self.counts[name] = 1 if converted else 0
            return converted
        # sorted before converting, so that secrets are named in the same order every time
        ordered = sorted(objects, key=lambda obj: self.sort_key(resource, obj))
        items = [self.convert(path, resource, obj, schema, position)
                 for position, obj in enumerate(ordered, 1)]
        items = self.referred_first(resource, items)
        self.counts[name] = len(items)
        return items

    def services_tag(self, variables):
        """pexip_services_tag for the services: the one tag every service and routing rule carries (then left
        out of each object, the role writes it), or "" when they differ (each keeps its own; the role then writes
        no tag on routing rules: :attr:`warnings` names those whose tag it cannot keep)."""
        tagged = [(variable, item) for variable in ('pexip_services_conferences', 'pexip_services_gateway_routing_rules')
                  for item in variables[variable]]
        tags = set(item.get('tag', '') for variable, item in tagged)
        if len(tags) == 1:
            tag = tags.pop()
            variables['pexip_services_tag'] = tag
            for variable, item in tagged:
                item.pop('tag', None)
            if tag:
                # the role gives a participant without a description the tag as its description
                for item in variables['pexip_services_automatic_participants']:
                    item.setdefault('description', '')
            return
        lost = sorted(item['name'] for variable, item in tagged
                      if variable == 'pexip_services_gateway_routing_rules' and item.get('tag'))
        if lost:
            self.warnings.append('the services carry different tags, so pexip_services_tag is ""; the role writes no '
                                 'tag on routing rules, so these keep their tag only until the role next updates '
                                 'them: %s' % ', '.join(lost))

    def export(self, others=True):
        files = dict((path, {}) for path in (PLATFORM, NODES, SERVICES))
        for path, settings in ROLE_SETTINGS.items():
            for variable, value in settings:
                files[path][variable] = value
        for path, variable, name in ROLE_VARIABLES:
            files[path][variable] = self.export_resource(path, name)
        if not files[PLATFORM]['pexip_platform_oauth2_clients']:
            del files[PLATFORM]['pexip_platform_oauth2_key_dir']
        self.services_tag(files[SERVICES])
        if others:
            exported = {}
            for name in apply_order(other_resources()):
                value = self.export_resource(OTHERS, name)
                if value:
                    exported[name] = [value] if isinstance(value, dict) else value
            files[OTHERS] = {OTHERS_VARIABLE: exported}
        return {'files': files, 'secrets': self.secrets, 'counts': self.counts,
                'absent_resources': sorted(self.absent), 'warnings': self.warnings}


def export_pexip(client, others=True, page_size=PAGE_SIZE):
    """The estate of the Management Node behind ``client`` (see the module docstring for its shape)."""
    return Exporter(client, page_size=page_size).export(others=others)


def _sorted(value):
    """``value`` with every dict's keys in sorted order (Kazoo's documents have no field order of their own)."""
    if isinstance(value, dict):
        return dict((key, _sorted(value[key])) for key in sorted(value))
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _without(values, defaults):
    """``values`` without the keys whose value equals the default (nested objects compared key by key)."""
    out = {}
    for key, value in values.items():
        if key not in defaults:
            out[key] = value
        elif isinstance(value, dict) and isinstance(defaults[key], dict):
            rest = _without(value, defaults[key])
            if rest:
                out[key] = rest
        elif value != defaults[key] or type(value) is not type(defaults[key]):
            out[key] = value
    return out


def export_kazoo(configs, categories=None):
    """Kazoo's stored system config sections as kazoo.yml's variable.

    ``configs`` is a :class:`kazoo_system_config.SystemConfigs`. Kazoo stores only what differs from
    the schema defaults (and the ``default`` section), so the stored document is what is written:
    every category (sorted), its ``default`` section first, then the other sections (zones and
    nodes) sorted; empty sections are left out.
    """
    sections = []
    names = sorted(categories if categories is not None else configs.categories())
    for category in names:
        document = configs.document(category, with_defaults=False)
        if isinstance(document.get('default'), dict):
            # Kazoo answers the stored default section filled with the schema defaults: those are not stored values
            bundle = configs.schema(category)
            if bundle is not None:
                document['default'] = _without(document['default'], bundle.defaults())
        nodes = sorted(document, key=lambda node: (node != 'default', node))
        for node in nodes:
            settings = document[node]
            if isinstance(settings, dict) and settings:
                sections.append({'category': category, 'node': node, 'settings': _sorted(settings)})
    return {'files': {KAZOO: {KAZOO_VARIABLE: sections}},
            'counts': {'kazoo_categories': len(set(s['category'] for s in sections)), 'kazoo_sections': len(sections)}}
