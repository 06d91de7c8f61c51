# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The lab's schema store: loading, default objects and validation errors.

Schemas are read from ``LAB_KAZOO_SCHEMAS`` (default: ``<repo>/../shared/reference/kazoo/schemas``),
version folder ``LAB_KAZOO_SCHEMA_VERSION`` (``4.3`` by default, or ``master``) plus ``refs/``.
When that folder is missing, the project's own small schemas in ``schemas_fallback/``
(categories ``crossbar``, ``ecallmgr``, ``sysconf``) are used.

Defaults are inserted the way Kazoo's validator (jesse, draft 4, ``use_defaults``) does:
only for an absent property whose subschema has both ``default`` and ``type`` and whose
default matches that type; an inserted object is then walked so its own nested defaults appear.
"""

import copy
import json
import os

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FALLBACK_DIR = os.path.join(HERE, 'schemas_fallback')


def default_schema_root():
    return os.environ.get('LAB_KAZOO_SCHEMAS') or os.path.normpath(
        os.path.join(REPO, '..', 'shared', 'reference', 'kazoo', 'schemas'))


def _load_dir(path, into):
    if not os.path.isdir(path):
        return
    for name in sorted(os.listdir(path)):
        if name.endswith('.json'):
            with open(os.path.join(path, name)) as handle:
                doc = json.load(handle)
            into[doc.get('_id') or name[:-5]] = doc


class SchemaStore(object):
    def __init__(self, root=None, version=None):
        root = root or default_schema_root()
        version = version or os.environ.get('LAB_KAZOO_SCHEMA_VERSION') or '4.3'
        self.schemas = {}
        if os.path.isdir(os.path.join(root, version)):
            _load_dir(os.path.join(root, 'refs'), self.schemas)
            _load_dir(os.path.join(root, version), self.schemas)
            self.source = os.path.join(root, version)
        else:
            _load_dir(FALLBACK_DIR, self.schemas)
            self.source = FALLBACK_DIR
        self.version = version
        self._defaults_cache = {}

    def get(self, name):
        return self.schemas.get(name)

    def names(self):
        return sorted(self.schemas)

    def public(self, name):
        doc = self.schemas[name]
        out = dict((k, copy.deepcopy(v)) for k, v in doc.items() if not k.startswith('_') and not k.startswith('pvt_'))
        out['id'] = name
        return out

    # -- references -------------------------------------------------------------------
    def resolve(self, schema):
        seen = 0
        while isinstance(schema, dict) and '$ref' in schema and seen < 20:
            ref = schema['$ref']
            target = self.schemas.get(ref.split('#', 1)[0]) if not ref.startswith('#') else None
            if target is None:
                return {}
            schema = target
            seen += 1
        return schema

    # -- defaults ---------------------------------------------------------------------
    def fill_defaults(self, schema, value):
        """Insert defaults into ``value`` in place (jesse ``use_defaults`` semantics)."""
        schema = self.resolve(schema)
        if not isinstance(value, dict) or not isinstance(schema, dict):
            return value
        for prop, sub in (schema.get('properties') or {}).items():
            if not isinstance(sub, dict):
                continue
            if prop not in value and 'default' in sub and 'type' in sub and _type_ok(sub['default'], sub['type']):
                value[prop] = copy.deepcopy(sub['default'])
            if prop in value:
                self.fill_defaults(sub, value[prop])
        return value

    def default_section(self, category):
        """Schema defaults of one section of ``category`` ({} without a schema)."""
        name = 'system_config.' + category
        if name not in self._defaults_cache:
            schema = self.schemas.get(name)
            self._defaults_cache[name] = self.fill_defaults(schema, {}) if schema else {}
        return copy.deepcopy(self._defaults_cache[name])

    # -- validation -------------------------------------------------------------------
    def document_schema(self, category):
        base = copy.deepcopy(self.schemas.get('system_configs') or {'type': 'object'})
        name = 'system_config.' + category
        if name in self.schemas:
            base.setdefault('properties', {}).setdefault('default', {})['$ref'] = name
            for sub in (base.get('patternProperties') or {}).values():
                sub['$ref'] = name
        return base

    def section_schema(self, category):
        return self.schemas.get('system_config.' + category) or {'type': 'object'}

    def validate(self, schema, instance, strict=False):
        """Return ``(errors, coerced)``: Kazoo's error object (path -> keyword -> detail) or {}."""
        instance = copy.deepcopy(instance)
        # like jesse, properties.default {} is inserted before 'required' is checked
        self.fill_defaults({'properties': dict((k, v) for k, v in (schema.get('properties') or {}).items()
                                               if k == 'default' and 'type' in v)}, instance)
        errors = self._errors(schema, instance)
        if errors and not strict:
            coerced, changed = _fix_js_types(instance, errors)
            if changed:
                again = self._errors(schema, coerced)
                if not again:
                    return {}, coerced
        return _to_kazoo(errors), instance

    def _errors(self, schema, instance):
        validator = _validator(self, schema)
        return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


def _validator(store, schema):
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4

        resources = [(name, Resource.from_contents(doc, default_specification=DRAFT4))
                     for name, doc in store.schemas.items()]
        registry = Registry().with_resources(resources)
        return jsonschema.Draft4Validator(schema, registry=registry)
    except ImportError:  # jsonschema < 4.18
        resolver = jsonschema.RefResolver('', schema, store=dict(store.schemas))
        return jsonschema.Draft4Validator(schema, resolver=resolver)


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
    if isinstance(types, str):
        types = [types]
    return any(_TYPES.get(t, lambda v: True)(value) for t in types)


def _escape(key):
    return str(key).replace('.', '%2E')


def _path(parts):
    return '.'.join(_escape(p) for p in parts)


def _to_kazoo(errors):
    out = {}
    for err in errors:
        parts = list(err.absolute_path)
        keyword = err.validator
        detail = {'message': err.message}
        value = err.instance
        if keyword == 'type':
            target = err.validator_value
            names = target if isinstance(target, list) else [target]
            detail = {'message': 'Value did not match type(s): %s' % ', '.join(names), 'target': target, 'value': value}
        elif keyword == 'enum':
            detail = {'message': 'Value not found in enumerated list of values', 'target': err.validator_value, 'value': value}
        elif keyword == 'minimum':
            detail = {'message': 'Value must be at least %s' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'maximum':
            detail = {'message': 'Value must be at most %s' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'minLength':
            detail = {'message': 'String must be at least %s characters' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'maxLength':
            detail = {'message': 'String must not be more than %s characters' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'minItems':
            detail = {'message': 'The list must have at least %s items' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'maxItems':
            detail = {'message': 'The list is more than %s items' % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'uniqueItems':
            detail = {'message': 'List of items is not unique', 'target': True, 'value': value}
        elif keyword == 'pattern':
            detail = {'message': "Failed to match pattern '%s'" % err.validator_value, 'target': err.validator_value, 'value': value}
        elif keyword == 'required':
            missing = [r for r in err.validator_value if isinstance(value, dict) and r not in value]
            for name in missing:
                out.setdefault(_path(parts + [name]), {})['required'] = {
                    'message': 'Field is required but missing', 'value': value}
            continue
        elif keyword == 'additionalProperties':
            detail = {'message': 'Strict checking of data is enabled; only include schema-defined properties',
                      'value': value}
        elif keyword == 'format':
            detail = {'message': 'Field is not in the correct format', 'value': value, 'format': err.validator_value}
            keyword = 'wrong_format'
        else:
            detail = {'message': err.message, 'value': value}
        out.setdefault(_path(parts), {})[keyword] = detail
    return out


def _fix_js_types(instance, errors):
    """Coerce "5" -> 5 and "true" -> true where a type error asked for it (non-strict mode)."""
    changed = False
    fixed = copy.deepcopy(instance)
    for err in errors:
        if err.validator != 'type' or not isinstance(err.instance, str) or not err.absolute_path:
            continue
        targets = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        new = _coerce(err.instance, targets)
        if new is _NOPE:
            continue
        node = fixed
        parts = list(err.absolute_path)
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = new
        changed = True
    return fixed, changed


_NOPE = object()


def _coerce(text, targets):
    for target in targets:
        try:
            if target == 'integer':
                return int(text)
            if target == 'number':
                return float(text) if '.' in text else int(text)
            if target == 'boolean' and text in ('true', 'false'):
                return text == 'true'
        except ValueError:
            continue
    return _NOPE
