# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The lab's schema store: Kazoo's schemas, Kazoo's validator behaviour, Kazoo's error bodies.

Schemas are read from ``LAB_KAZOO_SCHEMAS`` (default: ``<repo>/../shared/reference/kazoo/schemas``),
version folder ``LAB_KAZOO_SCHEMA_VERSION`` (``4.3`` by default, or ``master``) plus ``refs/``.
When that folder is missing, the project's own small schemas in ``schemas_fallback/``
(categories ``crossbar``, ``ecallmgr``, ``sysconf``) are used.

Kazoo validates with jesse (draft 4) and always passes the options ``use_defaults`` and
``apply_defaults_to_empty_objects`` (kz_json_schema.erl). This module reproduces that with
the ``jsonschema`` library: a Draft 4 validator whose ``properties`` keyword also writes the
defaults into the instance while it validates, so defaults appear wherever the validator
walks (``$ref``, nested ``properties``, ``items``, ``patternProperties``, inside a default
that was just inserted), exactly as jesse's ``check_properties`` does.
"""

import copy
import ipaddress
import json
import os
import re

import jsonschema
from jsonschema import validators as js_validators

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FALLBACK_DIR = os.path.join(HERE, 'schemas_fallback')


def default_schema_root():
    return os.environ.get('LAB_KAZOO_SCHEMAS') or os.path.normpath(
        os.path.join(REPO, '..', 'shared', 'reference', 'kazoo', 'schemas'))


def _read_folder(path):
    found = {}
    if os.path.isdir(path):
        for name in sorted(os.listdir(path)):
            if name.endswith('.json'):
                with open(os.path.join(path, name)) as handle:
                    doc = json.load(handle)
                found[doc.get('_id') or name[:-len('.json')]] = doc
    return found


# -- jesse's use_defaults, on top of jsonschema's Draft 4 -------------------------------
def _default_applies(validator, subschema):
    """jesse ``is_valid_default``: a default counts only beside a ``type`` it satisfies.

    A property schema without ``type`` (the notify ``default_to`` ones use ``oneOf``) never
    gets its default. With ``apply_defaults_to_empty_objects`` an empty object default counts too.
    """
    declared = subschema.get('type')
    if isinstance(declared, str):
        declared = [declared]
    if not isinstance(declared, list):
        return False
    for name in declared:
        try:
            if validator.is_type(subschema['default'], name):
                return True
        except jsonschema.exceptions.UnknownType:
            continue
    return False


def _properties_with_defaults(validator, properties, instance, schema):
    """Draft 4 ``properties`` plus jesse's ``check_properties``/``set_default``.

    A present property is validated against its schema. An absent one whose schema carries a
    usable default gets a copy of that default, which is then validated against the property
    schema in turn (so its own nested defaults are written, and a default that breaks its own
    schema is reported as an error of the request, as jesse does).
    """
    if not validator.is_type(instance, 'object'):
        return
    for name, subschema in properties.items():
        if name not in instance:
            if not (isinstance(subschema, dict) and 'default' in subschema and _default_applies(validator, subschema)):
                continue
            instance[name] = copy.deepcopy(subschema['default'])
        yield from validator.descend(instance[name], subschema, path=name, schema_path=name)


def _undeclared(schema):
    return dict((k, v) for k, v in schema.items() if k != '$schema') if isinstance(schema, dict) else schema


# jesse checks four formats (jesse_validator_draft4 check_format) and lets every other one pass
KAZOO_FORMATS = jsonschema.FormatChecker(formats=())


@KAZOO_FORMATS.checks('email')
def _email(value):
    return not isinstance(value, str) or re.match(r'^[^@]+@[^@]+$', value) is not None


@KAZOO_FORMATS.checks('ipv4')
def _ipv4(value):
    # inet_parse:ipv4strict_address: four decimal parts
    if not isinstance(value, str):
        return True
    parts = value.split('.')
    return len(parts) == 4 and all(p.isdigit() and p.isascii() and int(p) < 256 for p in parts)


@KAZOO_FORMATS.checks('ipv6')
def _ipv6(value):
    if not isinstance(value, str):
        return True
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def _kazoo_draft4():
    """Draft 4 with the default-writing ``properties``, where ``$ref`` does not hide its siblings.

    jesse's check_value handles a ``$ref`` and then the other keywords of the same schema
    (Kazoo's document schema puts ``$ref`` beside ``type`` and ``default``); jsonschema's own
    Draft 4 class would look at the ``$ref`` alone.
    """
    base = jsonschema.Draft4Validator
    keywords = dict(base.VALIDATORS, properties=_properties_with_defaults)
    try:
        return js_validators.create(meta_schema=base.META_SCHEMA, validators=keywords, type_checker=base.TYPE_CHECKER,
                                    format_checker=base.FORMAT_CHECKER, id_of=base.ID_OF,
                                    applicable_validators=lambda schema: schema.items())
    except TypeError:  # jsonschema before 4.5 has no applicable_validators
        return js_validators.extend(base, {'properties': _properties_with_defaults})


KazooDraft4 = _kazoo_draft4()


class SchemaStore(object):
    def __init__(self, root=None, version=None):
        root = root or default_schema_root()
        version = version or os.environ.get('LAB_KAZOO_SCHEMA_VERSION') or '4.3'
        self.schemas = {}
        if os.path.isdir(os.path.join(root, version)):
            self.schemas.update(_read_folder(os.path.join(root, 'refs')))
            self.schemas.update(_read_folder(os.path.join(root, version)))
            self.source = os.path.join(root, version)
        else:
            self.schemas.update(_read_folder(FALLBACK_DIR))
            self.source = FALLBACK_DIR
        self.version = version
        self._sections = {}
        self._registry = None

    def get(self, name):
        return self.schemas.get(name)

    def names(self):
        return sorted(self.schemas)

    def public(self, name):
        """GET /v2/schemas/{name}: the public fields of the schema document plus its ``id``."""
        out = dict((k, copy.deepcopy(v)) for k, v in self.schemas[name].items() if k[:1] != '_' and not k.startswith('pvt_'))
        out['id'] = name
        return out

    # -- the validator --------------------------------------------------------------------
    def _validator(self, schema):
        """A KazooDraft4 validator; ``$ref`` values are bare schema ids, looked up in this store.

        Every schema here declares draft 4. jsonschema would pick its plain Draft4Validator again
        for a schema that names its ``$schema`` (also behind a ``$ref``), so the copies handed to
        it leave that key out and the default-writing validator stays in charge throughout.
        """
        schema = _undeclared(schema)
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT4
        except ImportError:  # jsonschema before 4.18 resolves through RefResolver
            store = dict((name, _undeclared(doc)) for name, doc in self.schemas.items())
            return KazooDraft4(schema, resolver=jsonschema.RefResolver('', schema, store=store), format_checker=KAZOO_FORMATS)
        if self._registry is None:
            self._registry = Registry().with_resources(
                [(name, Resource(contents=_undeclared(doc), specification=DRAFT4)) for name, doc in self.schemas.items()])
        return KazooDraft4(schema, registry=self._registry, format_checker=KAZOO_FORMATS)

    def _run(self, schema, instance):
        """Validate ``instance`` in place (defaults get written into it); jsonschema errors."""
        return list(self._validator(schema).iter_errors(instance))

    # -- kz_json_schema:default_object ------------------------------------------------------
    def default_object(self, schema):
        """Validate ``{}`` against ``schema`` without its top-level ``required``; ``{}`` on any error."""
        relaxed = dict((k, v) for k, v in schema.items() if k != 'required')
        filled = {}
        if self._run(relaxed, filled):
            return {}
        return filled

    # -- kapps_config_util --------------------------------------------------------------
    def document_schema(self, category):
        """``system_config_document_schema``: system_configs with its sections pointed at system_config.<category>."""
        base = copy.deepcopy(self.schemas.get('system_configs') or {'type': 'object'})
        for key in [k for k in base if k[:1] == '_']:
            del base[key]
        name = 'system_config.' + category
        if name in self.schemas:
            base.setdefault('properties', {}).setdefault('default', {})['$ref'] = name
            for section in (base.get('patternProperties') or {}).values():
                section['$ref'] = name
        return base

    def section_schema(self, category):
        """``system_schema``: the category's schema, or Kazoo's stand-in object schema when there is none."""
        return self.schemas.get('system_config.' + category) or {
            '$schema': 'http://json-schema.org/draft-04/schema#', 'id': 'system_config',
            'properties': {'id': {'type': 'string'}}, 'type': 'object'}

    def default_section(self, category):
        """The ``default`` member of ``schema_defaults(category)`` (document-shaped in Kazoo)."""
        if category not in self._sections:
            self._sections[category] = self.default_object(self.document_schema(category)).get('default') or {}
        return copy.deepcopy(self._sections[category])

    # -- cb_context:validate_request_data ---------------------------------------------------
    def validate(self, schema, instance, strict=False):
        """Return ``(errors, data)``: Kazoo's error object (``{}`` when valid) and the data with defaults.

        In non-strict mode (``crossbar.schema_strict_validation`` false, Kazoo's default) a failed
        validation is retried after ``fix_js_types`` changed the values it can, until it passes
        or nothing more can be changed; the errors reported are those of the last attempt.
        """
        data = copy.deepcopy(instance)
        while True:
            attempt = copy.deepcopy(data)
            errors = self._run(schema, attempt)
            if not errors:
                return {}, attempt
            if strict:
                return kazoo_errors(errors), attempt
            fixed = fix_js_types(data, errors)
            if fixed is None:
                return kazoo_errors(errors), attempt
            data = fixed


# -- kz_json_schema:fix_js_types ---------------------------------------------------------
def _erlang_integer(value):
    """kz_term:to_integer (not strict): integers as they are, floats and decimal strings rounded."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _round_half_away(value)
    if isinstance(value, str):
        try:
            return _erlang_binary_to_integer(value)
        except ValueError:
            return _round_half_away(_erlang_binary_to_float(value))
    raise ValueError(value)


def _erlang_number(value):
    """kz_term:to_number: numbers as they are, strings as an integer or else a float."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return _erlang_binary_to_integer(value)
        except ValueError:
            return _erlang_binary_to_float(value)
    raise ValueError(value)


def _erlang_boolean(value):
    """kz_term:to_boolean: only the words true and false (and the booleans themselves)."""
    if value in ('true', 'false') or isinstance(value, bool):
        return value in ('true', True)
    raise ValueError(value)


def _round_half_away(number):
    # Erlang round/1 rounds halves away from zero (Python's round() rounds them to even)
    whole = int(abs(number) + 0.5)
    return -whole if number < 0 else whole


def _erlang_binary_to_integer(text):
    # binary_to_integer: an optional sign and ASCII digits, nothing else (no blanks, no "_")
    body = text[1:] if text[:1] in ('+', '-') else text
    if not body or not all('0' <= ch <= '9' for ch in body):
        raise ValueError(text)
    return int(text)


def _erlang_binary_to_float(text):
    # binary_to_float: digits "." digits, optionally an exponent; "5", ".5", "5." and "1e3" are refused
    body = text[1:] if text[:1] in ('+', '-') else text
    mantissa, dummy, exponent = body.lower().partition('e')
    whole, dot, fraction = mantissa.partition('.')
    digits = '0123456789'
    if not (dot and whole and fraction and all(c in digits for c in whole + fraction)):
        raise ValueError(text)
    if 'e' in body.lower():
        sign_free = exponent[1:] if exponent[:1] in ('+', '-') else exponent
        if not sign_free or not all(c in digits for c in sign_free):
            raise ValueError(text)
    return float(text)


_JS_FIXERS = {'integer': _erlang_integer, 'number': _erlang_number, 'boolean': _erlang_boolean}


def fix_js_types(data, errors):
    """A copy of ``data`` with the values of ``type`` errors converted, or ``None`` if none could be.

    Only a schema whose ``type`` is the single name integer, number or boolean is fixed (a list
    of types is left alone), and any value kz_term can convert is converted (``"5"``, ``5.4``
    and ``"5.4"`` become 5 for an integer; ``"true"`` becomes true).
    """
    fixed = copy.deepcopy(data)
    changed = False
    for error in errors:
        if error.validator != 'type' or not isinstance(error.validator_value, str):
            continue
        convert = _JS_FIXERS.get(error.validator_value)
        path = list(error.absolute_path)
        if convert is None or not path:
            continue
        try:
            value = convert(error.instance)
        except (ValueError, OverflowError):
            continue
        holder = fixed
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = value
        changed = True
    return fixed if changed else None


# -- kz_json_schema:error_to_jobj ----------------------------------------------------------
def _type_names(schema):
    declared = schema.get('type')
    if isinstance(declared, list):
        return ', '.join(declared)
    return declared if isinstance(declared, str) else 'type schema'


def _bound(schema, *keys):
    for key in keys:
        if key in schema:
            return schema[key]
    return None


def _text(value):
    return json.dumps(value) if not isinstance(value, str) else value


def _describe(error):
    """(keyword, detail) of one jsonschema error, in the words Kazoo uses."""
    schema, value, kw = error.schema if isinstance(error.schema, dict) else {}, error.instance, error.validator
    if kw == 'type':
        names = _type_names(schema)
        return 'type', {'message': 'Value did not match type(s): %s' % names, 'target': names, 'value': value}
    if kw == 'enum':
        return 'enum', {'message': 'Value not found in enumerated list of values',
                        'target': schema.get('enum', []), 'value': value}
    if kw == 'minimum':
        low = _bound(schema, 'minimum', 'exclusiveMinimum')
        return 'minimum', {'message': 'Value must be at least %s' % _text(low), 'target': low, 'value': value}
    if kw == 'maximum':
        high = _bound(schema, 'maximum', 'exclusiveMaximum')
        return 'maximum', {'message': 'Value must be at most %s' % _text(high), 'target': high, 'value': value}
    if kw in ('minLength', 'maxLength'):
        size = schema[kw]
        words = 'String must be at least %s characters' if kw == 'minLength' else 'String must not be more than %s characters'
        return kw, {'message': words % size, 'target': size, 'cause': value, 'value': value}
    if kw == 'minItems':
        return kw, {'message': 'The list must have at least %s items' % schema[kw], 'target': schema[kw], 'value': value}
    if kw == 'maxItems':
        return kw, {'message': 'The list is more than %s items' % schema[kw], 'target': schema[kw], 'value': value}
    if kw == 'uniqueItems':
        return kw, {'message': 'List of items is not unique', 'value': value}
    if kw == 'pattern':
        return kw, {'message': "Failed to match pattern '%s'" % schema[kw], 'target': schema[kw], 'value': value}
    if kw == 'format':
        return 'wrong_format', {'message': 'Field is not in the correct format', 'value': value,
                                'format': schema.get('format')}
    if kw == 'dependencies':
        return kw, {'message': 'Dependencies were not validated', 'value': value}
    # jesse names the remaining failures by its own atoms; Kazoo reports them generically
    atom = {'oneOf': 'not_one_schema_valid', 'anyOf': 'any_schemas_not_valid', 'allOf': 'all_schemas_not_valid',
            'not': 'not_schema_valid', 'multipleOf': 'not_multiple_of', 'maxProperties': 'too_many_properties',
            'minProperties': 'too_few_properties'}
    return atom.get(kw, kw), {'message': 'failed to validate', 'value': value}


def _key(parts):
    # build_validate_error: one dotted key, a "." inside a key escaped as %2E
    return '.'.join(str(p).replace('.', '%2E') for p in parts)


def kazoo_errors(errors):
    """The ``data`` of Kazoo's 400 ``validation error`` for a list of jsonschema errors."""
    out = {}
    for error in errors:
        where = list(error.absolute_path)
        if error.validator == 'required':
            # jesse reports each missing name separately, the name itself as the value
            have = error.instance if isinstance(error.instance, dict) else {}
            for name in [n for n in error.validator_value if n not in have]:
                out.setdefault(_key(where + [name]), {})['required'] = {
                    'message': 'Field is required but missing', 'value': name}
            continue
        if error.validator == 'additionalProperties' and error.validator_value is False:
            # jesse reports every extra key at its own path
            listed = set((error.schema or {}).get('properties') or {})
            patterns = list(((error.schema or {}).get('patternProperties') or {}))
            for name in error.instance:
                if name in listed or any(re.search(p, name) for p in patterns):
                    continue
                out.setdefault(_key(where + [name]), {})['additionalProperties'] = {
                    'message': 'Strict checking of data is enabled; only include schema-defined properties',
                    'value': error.instance}
            continue
        keyword, detail = _describe(error)
        out.setdefault(_key(where), {})[keyword] = detail
    return out
