# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Any configuration resource by name, checked against the manager's own schema.

The generic module knows no resource in advance. It reads
``<resource>/schema/`` from the Management Node once per task, rejects unknown
fields, read-only fields, values of the wrong type and values outside
``valid_choices`` before any write, and then builds a :class:`Resource`
description on the fly so the usual engine converges the object.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible.module_utils.six.moves.urllib.parse import urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_secret_fields import SECRET_FIELDS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import CONFIG_PREFIX, missing_resource, resource_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, is_uri, mask_object
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import update_password_argument
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource

_TYPE_NAMES = {
    'string': 'a string', 'integer': 'an integer', 'boolean': 'a boolean', 'float': 'a number',
    'decimal': 'a number', 'datetime': 'a date-time string', 'date': 'a date string', 'time': 'a time string',
    'list': 'a list', 'dict': 'a dictionary', 'json': 'a JSON value', 'file': 'a file',
    'related': 'a reference', 'to_many': 'a list of references',
}


# field names that hold a secret whatever the resource: password, host_password, pin, client_secret, ...
_SECRET_NAME = re.compile(r'(^|_)(password|passphrase|secret|token|pin|private_key|api_key|community)$')


def secret_names(fields, listed=(), resource=None):
    """The fields to mask: those the user lists, those the resource's description marks secret, and those whose
    names say they hold a secret."""
    described = SECRET_FIELDS.get(resource, ())
    return sorted(set(listed or ()) | set(name for name in fields if _SECRET_NAME.search(name) or name in described))


def mask_secrets(obj, resource, listed=()):
    """A copy of an object as the manager returned it, with every secret value masked."""
    return mask_object(obj, secret_names(obj, listed, resource))


def generic_argument_spec():
    """``references``, ``secrets`` and ``update_password`` (doc fragment ``ucops.platform.pexip_generic``)."""
    return dict(
        references=dict(type='dict', default={}),
        secrets=dict(type='list', elements='str', default=[], no_log=False),
        update_password=update_password_argument(),
    )


def hide_secrets(module, fields, listed=(), resource=None):
    """Register the values of secret fields with the module, so no result shows them; the names."""
    names = secret_names(fields, listed, resource)
    for name in names:
        value = fields.get(name)
        if value not in (None, '') and not isinstance(value, (bool, dict, list)):
            module.add_secret(value)
    return names


def _resource_names(client):
    """The resources the manager's API root lists, or ``[]`` when it cannot be read."""
    try:
        root = client.get(CONFIG_PREFIX)
    except ApiError:
        return []
    return sorted(root) if isinstance(root, dict) else []


def fetch_schema(client, resource):
    """The tastypie schema of ``resource``; a clear error when the manager does not know it."""
    cache = client.__dict__.setdefault('_schema_cache', {})
    if resource not in cache:
        try:
            schema = client.get(resource_path(resource) + 'schema/')
        except ApiError as exc:
            if exc.status == 404:
                # a misspelt name, or a resource this manager's version does not have (or no longer has)
                raise missing_resource(resource, exc, known=_resource_names(client))
            raise
        if not isinstance(schema, dict) or not isinstance(schema.get('fields'), dict):
            raise ApiError('the schema of %s has no "fields"' % resource, kind='server')
        cache[resource] = schema
    return cache[resource]


def _type_problem(name, spec, value):
    """Why ``value`` does not fit the schema field ``spec``, or ``None``."""
    kind = spec.get('type')
    if value is None:
        # null empties a field: allowed when the field may be null or blank
        emptiable = spec.get('nullable') or (spec.get('blank') and kind in ('string', 'list', 'related'))
        return None if emptiable else '%s cannot be null (it cannot be emptied)' % name
    if kind == 'related':
        if spec.get('related_type') == 'to_many':
            if not isinstance(value, list) or not all(isinstance(item, (str, int)) for item in value):
                return '%s must be %s (names, ids or resource URIs)' % (name, _TYPE_NAMES['to_many'])
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            return '%s must be a name, an id or a resource URI' % name
        return None
    ok = {
        'string': lambda v: isinstance(v, str),
        'datetime': lambda v: isinstance(v, str),
        'date': lambda v: isinstance(v, str),
        'time': lambda v: isinstance(v, str),
        'integer': lambda v: isinstance(v, int) and not isinstance(v, bool),
        'boolean': lambda v: isinstance(v, bool),
        'float': lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        'decimal': lambda v: isinstance(v, (int, float, str)) and not isinstance(v, bool),
        'list': lambda v: isinstance(v, list),
        'dict': lambda v: isinstance(v, dict),
    }.get(kind)
    if ok is not None and not ok(value):
        return '%s must be %s, got %s %r' % (name, _TYPE_NAMES.get(kind, kind), type(value).__name__, value)
    return None


def validate_fields(resource, schema, fields, key_fields=()):
    """Every problem with ``fields`` as one :class:`ApiError` naming the fields; nothing is sent."""
    known = schema['fields']
    problems = []
    for name in sorted(set(fields) | set(key_fields)):
        spec = known.get(name)
        if spec is None:
            problems.append('%s is not a field of %s (known fields: %s)' % (name, resource, ', '.join(sorted(known))))
            continue
        if name not in fields:
            problems.append('%s is a key field but has no value in fields' % name)
            continue
        if spec.get('readonly'):
            problems.append('%s is read-only: the manager sets it' % name)
            continue
        value = fields[name]
        problem = _type_problem(name, spec, value)
        if problem:
            problems.append(problem)
            continue
        choices = spec.get('valid_choices')
        if choices and value is not None:
            allowed = [choice[0] if isinstance(choice, (list, tuple)) else choice for choice in choices]
            if value not in allowed and not (value == '' and spec.get('blank')):
                problems.append('%s must be one of %s, got %r' % (name, ', '.join(repr(c) for c in allowed), value))
    if problems:
        raise ApiError('invalid fields for %s: %s' % (resource, '; '.join(problems)), kind='usage')


def _target_of(name, value, references):
    if name in references:
        return references[name]
    samples = value if isinstance(value, list) else [value]
    for sample in samples:
        if is_uri(sample):
            path = urlsplit(str(sample)).path
            if path.startswith(CONFIG_PREFIX):
                return path[len(CONFIG_PREFIX):].split('/')[0]
    if samples and not all(isinstance(item, int) for item in samples):
        raise ApiError('%s refers to another resource: give its target in references (for example '
                       'references: {%s: conference}) or use resource URIs' % (name, name), kind='usage')
    return None


def build_resource(resource, schema, fields, key_fields, references, secrets=(), result_key='object'):
    """A :class:`Resource` for exactly the fields the user gave."""
    described = {}
    for name, value in fields.items():
        spec = schema['fields'][name]
        kind = spec.get('type')
        if kind == 'related':
            target = _target_of(name, value, references)
            if target is None:
                raise ApiError('%s: give its target resource in references to use ids' % name, kind='usage')
            many = spec.get('related_type') == 'to_many'
            described[name] = Field(kind='refs' if many else 'ref', target=target, nullable=bool(spec.get('nullable')))
            continue
        field_type = {'integer': 'int', 'boolean': 'bool', 'list': 'list', 'dict': 'dict', 'float': 'float'}.get(kind, 'str')
        described[name] = Field(type=field_type, kind='secret' if name in secrets else 'plain',
                                nullable=bool(spec.get('nullable')))
    key = key_fields[0] if key_fields else None
    return Resource(resource, key=key, fields=described, result_key=result_key, singleton=not key_fields)


class GenericEngine(Engine):
    """The engine, finding objects by a key of one or more fields chosen by the user."""

    def __init__(self, client, resource, key_fields, key_values, **kwargs):
        Engine.__init__(self, client, resource, **kwargs)
        self.key_fields = list(key_fields)
        self.key_values = key_values

    def find(self, key_value, scope=None):
        query = {}
        wanted = {}
        for name in self.key_fields:
            field = self.resource.fields[name]
            value = self.key_values[name]
            if field.kind in ('ref', 'refs'):
                value = self.resolve(name, field.target, value) if field.kind == 'ref' else value
            else:
                query[name] = 'true' if value is True else 'false' if value is False else value
            wanted[name] = value
        matches = [obj for obj in self.client.iter_list(self.resource.name, query)
                   if all(self.equal(name, wanted[name], obj.get(name)) for name in self.key_fields)]
        if len(matches) > 1:
            raise ApiError('%d %s objects match %s; choose key fields that identify one object'
                           % (len(matches), self.resource.name,
                              ', '.join('%s=%r' % (name, self.key_values[name]) for name in self.key_fields)),
                           kind='usage')
        return matches[0] if matches else None

    def changes(self, wanted, current):
        """As the engine compares, but a secret the manager never returns is write-only."""
        patch = Engine.changes(self, wanted, current)
        for name in list(patch):
            if self.resource.fields[name].kind == 'secret' and name not in current and self.update_password != 'always':
                del patch[name]
        return patch


def converge(client, params, check_mode=False, diff_mode=False, result_key='object'):
    """The result of the generic module for ``params`` (resource, key, fields, references, secrets, state).

    The object is returned under ``result_key``: ``object`` for pexip_resource, the resource's
    name for a dedicated module built on it.
    """
    resource = params['resource']
    fields = dict(params['fields'] or {})
    key_fields = list(params['key'] or [])
    schema = fetch_schema(client, resource)
    validate_fields(resource, schema, fields, key_fields)
    if params['state'] == 'absent':
        if not key_fields:
            raise ApiError('state=absent needs key fields: an object found only by listing is never deleted', kind='usage')
        fields = dict((name, fields[name]) for name in key_fields)
    described = build_resource(resource, schema, fields, key_fields, params['references'] or {},
                               params['secrets'] or (), result_key=result_key)
    engine = GenericEngine(client, described, key_fields, fields, check_mode=check_mode, diff_mode=diff_mode,
                           update_password=params.get('update_password') or 'on_create')
    cleared = [name for name, value in fields.items() if value is None and params['state'] == 'present']
    return engine.ensure(fields, state=params['state'], clear=cleared)
