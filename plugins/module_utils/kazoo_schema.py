# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kazoo JSON schemas fetched from the server: validation and schema defaults.

A :class:`SchemaBundle` holds ``system_config.<category>`` and every schema it reaches
through ``$ref`` (Kazoo's ``$ref`` values are bare schema ids, each fetched from
``/v2/schemas/<id>``). Validation is JSON Schema draft 4 (jsonschema); defaults follow
Kazoo's validator: a default is inserted for an absent property only when its subschema
has both ``default`` and ``type`` and the default has that type.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re
import traceback

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import seg

JSONSCHEMA_IMPORT_ERROR = None
try:
    import jsonschema
except ImportError:  # pragma: no cover - reported by the module through missing_required_lib
    jsonschema = None
    JSONSCHEMA_IMPORT_ERROR = traceback.format_exc()

try:
    from referencing.exceptions import Unresolvable
    _UNRESOLVABLE = (Unresolvable,)
except ImportError:  # jsonschema before 4.18: RefResolver
    _UNRESOLVABLE = (jsonschema.exceptions.RefResolutionError,) if jsonschema is not None else ()
# what checking a schema's own defaults can raise: a bad pattern, a bad schema, a reference that cannot be resolved
_SCHEMA_ERRORS = ((re.error, jsonschema.exceptions.SchemaError) + _UNRESOLVABLE) if jsonschema is not None else (
    re.error,)

# jesse (Kazoo's validator) checks format email with this PCRE and nothing more: one '@', text
# (any characters, spaces too) before and after it. Other formats of the system_config schemas
# are not checked by jesse, so not here either.
EMAIL_RE = re.compile(r'^[^@]+@[^@]+$')
EMAIL_PROBLEM = "is not an email address as Kazoo checks it (one '@' with text before and after it)"


def _kazoo_format_checker():
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks('email')
    def _email(value):
        return not isinstance(value, str) or EMAIL_RE.match(value) is not None

    return checker


KAZOO_FORMATS = _kazoo_format_checker() if jsonschema is not None else None


def _format_errors(error):
    """The ``format`` failures under a oneOf/anyOf error (jesse reports the combinator; the cause is a format)."""
    out = []
    for sub in error.context or ():
        if sub.validator == 'format':
            out.append(sub)
        out.extend(_format_errors(sub))
    return out


def _reason(error):
    if error.validator == 'format':
        return 'value %r %s' % (error.instance, EMAIL_PROBLEM if error.validator_value == 'email' else
                                'is not in the format %s' % error.validator_value)
    formats = _format_errors(error) if error.validator in ('oneOf', 'anyOf') else []
    if not formats:
        return None
    bad = formats[0]
    if bad.instance == error.instance:
        return _reason(bad)
    where = list(bad.relative_path)
    return 'value %r: %r%s %s' % (error.instance, bad.instance, ' (item %s)' % where[-1] if where else '',
                                  EMAIL_PROBLEM if bad.validator_value == 'email' else
                                  'is not in the format %s' % bad.validator_value)


_TYPES = {
    'string': lambda v: isinstance(v, str),
    'integer': lambda v: isinstance(v, int) and not isinstance(v, bool),
    'number': lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    'boolean': lambda v: isinstance(v, bool),
    'object': lambda v: isinstance(v, dict),
    'array': lambda v: isinstance(v, list),
    'null': lambda v: v is None,
}


def _type_ok(value, types):
    types = [types] if not isinstance(types, list) else types
    return any(_TYPES.get(t, lambda v: True)(value) for t in types)


_SCALARS = (
    ('integer', re.compile(r'-?[0-9]+\Z'), int),
    ('number', re.compile(r'-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\Z'), lambda text: float(text) if re.search('[.eE]', text) else int(text)),
    ('boolean', re.compile(r'(true|false)\Z'), lambda text: text == 'true'),
)


def _scalar(text, types):
    """``text`` as the first of ``types`` (integer, number, boolean) it spells exactly, else ``None``."""
    types = types if isinstance(types, list) else [types]
    for name, pattern, convert in _SCALARS:
        if name in types and pattern.match(text):
            return (convert(text),)
    return None


def _refs(node):
    if isinstance(node, dict):
        ref = node.get('$ref')
        if isinstance(ref, str) and not ref.startswith('#'):
            yield ref.split('#', 1)[0]
        values = list(node.values())
    elif isinstance(node, list):
        values = node
    else:
        values = []
    for value in values:
        yield from _refs(value)


class SchemaBundle(object):
    def __init__(self, name, schemas):
        self.name = name
        self.schemas = schemas

    @property
    def root(self):
        return self.schemas[self.name]

    @classmethod
    def fetch(cls, client, name, max_schemas=50):
        """The schema ``name`` and its ``$ref`` closure, or None when the server has no such schema."""
        schemas = {}
        pending = [name]
        while pending:
            current = pending.pop()
            if current in schemas:
                continue
            if len(schemas) >= max_schemas:
                raise ApiError('schema %s references more than %d schemas' % (name, max_schemas), kind='usage')
            try:
                reply = client.get('/v2/schemas/%s' % seg(current))
            except ApiError as exc:
                if exc.status == 404 and current == name:
                    return None
                raise
            schema = dict(reply.data or {})
            schema.pop('id', None)
            schemas[current] = schema
            pending.extend(r for r in _refs(schema) if r not in schemas)
        return cls(name, schemas)

    def resolve(self, schema):
        for dummy in range(20):
            if not (isinstance(schema, dict) and isinstance(schema.get('$ref'), str)):
                return schema
            schema = self.schemas.get(schema['$ref'].split('#', 1)[0], {})
        return schema

    def fill_defaults(self, schema, value, depth=0):
        """Insert into ``value`` (in place) the defaults Kazoo's validator would insert.

        Kazoo validates with jesse and ``use_defaults``: while it walks ``value`` with the schema
        (a ``$ref`` and its sibling keywords, ``allOf``, ``properties``, ``patternProperties``,
        ``additionalProperties``, ``items``), an absent property whose schema has a ``default`` of
        its ``type`` gets a copy of that default, which is walked in turn.
        """
        if not isinstance(schema, dict) or depth > 50:
            return value
        if isinstance(schema.get('$ref'), str):
            self.fill_defaults(self.schemas.get(schema['$ref'].split('#', 1)[0]), value, depth + 1)
        for part in schema.get('allOf') or []:
            self.fill_defaults(part, value, depth + 1)
        if isinstance(value, dict):
            self._fill_object(schema, value, depth)
        elif isinstance(value, list):
            items = schema.get('items')
            for index, element in enumerate(value):
                if isinstance(items, list):
                    sub = items[index] if index < len(items) else schema.get('additionalItems')
                else:
                    sub = items
                self.fill_defaults(sub, element, depth + 1)
        return value

    def _fill_object(self, schema, value, depth):
        listed = schema.get('properties') or {}
        for prop, sub in listed.items():
            if not isinstance(sub, dict):
                continue
            if prop not in value and 'default' in sub and 'type' in sub and _type_ok(sub['default'], sub['type']):
                value[prop] = copy.deepcopy(sub['default'])
            if prop in value:
                self.fill_defaults(sub, value[prop], depth + 1)
        patterns = schema.get('patternProperties') or {}
        for key in list(value):
            matched = False
            for pattern, sub in patterns.items():
                try:
                    found = re.search(pattern, key)
                except re.error:
                    found = None  # a pattern Python cannot read: its defaults stay out
                if found:
                    matched = True
                    self.fill_defaults(sub, value[key], depth + 1)
            if key not in listed and not matched:
                self.fill_defaults(schema.get('additionalProperties'), value[key], depth + 1)

    def defaults(self):
        """The schema defaults of one section.

        Kazoo's default_object validates the filled object and gives up on the whole category
        (no defaults at all) when a default breaks its own schema.
        """
        filled = self.fill_defaults(self.root, {})
        if jsonschema is not None:
            try:
                broken = next(iter(self._validator().iter_errors(filled)), None) is not None
            except _SCHEMA_ERRORS:
                broken = False
            if broken:
                return {}
        return filled

    def known(self, key, schema=None):
        """Whether the (resolved) object ``schema`` (default: the section) lists ``key``.

        A key is listed by ``properties`` or matched by a ``patternProperties`` pattern; an
        ``additionalProperties`` schema (an object of free keys) lists every key.
        """
        schema = self.resolve(self.root if schema is None else schema)
        if not isinstance(schema, dict):
            return True
        if key in (schema.get('properties') or {}) or isinstance(schema.get('additionalProperties'), dict):
            return True
        for pattern in schema.get('patternProperties') or {}:
            try:
                if re.search(pattern, key):
                    return True
            except re.error:
                return True  # a pattern Python cannot read (POSIX classes): do not second-guess it
        return False

    def known_keys(self, schema=None):
        schema = self.resolve(self.root if schema is None else schema)
        return sorted((schema.get('properties') or {}) if isinstance(schema, dict) else {})

    def _validator(self):
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT4
        except ImportError:  # jsonschema < 4.18
            resolver = jsonschema.RefResolver('', self.root, store=dict(self.schemas))
            return jsonschema.Draft4Validator(self.root, resolver=resolver, format_checker=KAZOO_FORMATS)
        registry = Registry().with_resources(
            (key, Resource.from_contents(doc, default_specification=DRAFT4)) for key, doc in self.schemas.items())
        return jsonschema.Draft4Validator(self.root, registry=registry, format_checker=KAZOO_FORMATS)

    def coerce(self, instance):
        """A copy of ``instance`` whose strings are the integers, numbers or booleans the schema asks for.

        ansible-core before 2.19 renders ``"{{ size | int }}"`` or ``"{{ item.size }}"`` as the string ``'42'``;
        like Kazoo's non-strict validation (fix_js_types), ``'42'`` becomes 42 and ``'true'`` true
        where the schema wants that type, so a playbook means the same on every ansible-core.
        """
        fixed = copy.deepcopy(instance)
        for err in self._validator().iter_errors(instance):
            parts = list(err.absolute_path)
            if err.validator != 'type' or not parts or not isinstance(err.instance, str):
                continue
            value = _scalar(err.instance, err.validator_value)
            if value is None:
                continue
            node = fixed
            for part in parts[:-1]:
                node = node[part]
            node[parts[-1]] = value[0]
        return fixed

    def errors(self, instance, prefix=None, only_keys=None):
        """[(dotted path, reason)] for ``instance``; ``only_keys`` keeps errors under those top-level keys."""
        out = []
        for err in self._validator().iter_errors(instance):
            parts = [str(p) for p in err.absolute_path]
            if only_keys is not None and parts and parts[0] not in only_keys:
                continue
            if err.validator == 'required':
                missing = [r for r in err.validator_value if isinstance(err.instance, dict) and r not in err.instance]
                parts = parts + missing[:1]
            path = '.'.join(([prefix] if prefix else []) + parts) or (prefix or '(section)')
            reason = _reason(err) or err.message
            if err.validator == 'type':
                reason = 'value %r is not of type %s' % (err.instance, err.validator_value)
            elif err.validator == 'enum':
                reason = 'value %r is not one of %s' % (err.instance, err.validator_value)
            elif err.validator == 'additionalProperties' and isinstance(err.instance, dict):
                listed = self.known_keys(err.schema)
                extra = sorted(k for k in err.instance if not self.known(k, err.schema))
                reason = '; '.join('key %r is not allowed here%s' % (k, did_you_mean(k, listed)) for k in extra) or reason
            out.append((path, reason))
        return sorted(set(out))
