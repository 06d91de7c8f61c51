# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The whole of a bulk Pexip module (``pexip_conferences``, ``pexip_aliases``, ...).

A bulk module is a :class:`Resource` description plus the field that scopes
``prune``; this file turns them into an argument spec, runs the
:class:`BulkEngine` and reports.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.text.converters import to_text

from ansible_collections.ucops.platform.plugins.module_utils.estate_files import YAML_IMPORT_ERROR, unsafe_loader, yaml
from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import DEFAULT_BATCH_SIZE, DEFAULT_PAGE_SIZE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import object_argument_spec, update_password_argument


def bulk_argument_spec(resource):
    spec = dict(
        objects=dict(type='list', elements='dict', options=object_argument_spec(resource)),
        objects_file=dict(type='path'),
        prune=dict(type='bool', default=False),
        prune_tag=dict(type='str'),
        prune_prefix=dict(type='str'),
        prune_all=dict(type='bool'),
        batch_size=dict(type='int', default=DEFAULT_BATCH_SIZE),
        page_size=dict(type='int', default=DEFAULT_PAGE_SIZE),
        details=dict(type='bool', default=False),
        prune_empty=dict(type='bool', default=False),
        max_deletes=dict(type='int'),
    )
    if resource.has_write_only:
        spec['update_password'] = update_password_argument()
    return spec


# Above this many objects the echo of the module's arguments (``invocation``) shows
# a count instead of the list: echoing 10,000 objects back doubles the result's size.
INVOCATION_LIMIT = 200


def invocation(module):
    args = dict(module.params)
    if args.get('objects_file'):
        args['objects'] = None  # as given: the objects came from the file
    count = len(args.get('objects') or [])
    if count > INVOCATION_LIMIT:
        args['objects'] = '(%d objects)' % count
    return {'module_args': args}


JSON_LINES_SUFFIXES = ('.jsonl', '.ndjson')
YAML_SUFFIXES = ('.yml', '.yaml')


class ObjectsFileError(Exception):
    """A file given as ``objects_file`` that cannot be read as a list of objects."""


# !unsafe text (as exports write it) read as plain text: the file is never templated anyway
_ObjectsLoader = unsafe_loader() if yaml is not None else None


def read_objects_file(path):
    """The list of objects in ``path``: JSON (a list), JSON Lines (``.jsonl``, ``.ndjson``: one object per line,
    read line by line) or YAML (``.yml``, ``.yaml``: a list). Raises :class:`ObjectsFileError`."""
    if not os.path.isfile(path):
        raise ObjectsFileError('objects_file %s: no such file' % path)
    suffix = os.path.splitext(path)[1].lower()
    try:
        with open(path, 'rb') as handle:
            if suffix in JSON_LINES_SUFFIXES:
                objects = []
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        try:
                            objects.append(json.loads(to_text(line, errors='surrogate_or_strict')))
                        except ValueError as exc:
                            raise ObjectsFileError('objects_file %s: line %d is not JSON: %s' % (path, number, exc))
                return objects
            text = to_text(handle.read(), errors='surrogate_or_strict')
    except (IOError, OSError, UnicodeError) as exc:
        raise ObjectsFileError('objects_file %s: cannot be read: %s' % (path, exc))
    if suffix in YAML_SUFFIXES:
        if yaml is None:
            raise ObjectsFileError('objects_file %s: reading YAML needs PyYAML (%s)' % (path, YAML_IMPORT_ERROR))
        try:
            objects = yaml.load(text, Loader=_ObjectsLoader)  # nosec B506 - a safe loader
        except yaml.YAMLError as exc:
            raise ObjectsFileError('objects_file %s: is not YAML: %s' % (path, exc))
    else:
        try:
            objects = json.loads(text)
        except ValueError as exc:
            raise ObjectsFileError('objects_file %s: is not JSON (YAML files end in .yml or .yaml, JSON Lines in '
                                   '.jsonl or .ndjson): %s' % (path, exc))
    if not isinstance(objects, list):
        raise ObjectsFileError('objects_file %s: must hold a list of objects, not a %s'
                               % (path, 'mapping' if isinstance(objects, dict) else type(objects).__name__))
    return objects


# Keys of an option's spec that the fast check below reproduces; an option using any other (aliases, fallback,
# deprecations, conditions between sub-options...) leaves the list to Ansible's validation.
_FAST_SPEC_KEYS = frozenset(('type', 'elements', 'options', 'required', 'default', 'choices', 'no_log'))
_FAST_TYPES = {'str': str, 'bool': bool, 'int': int}


def _fast_spec_ok(spec):
    for option in spec.values():
        if not set(option) <= _FAST_SPEC_KEYS:
            return False
        if option.get('type') == 'list':
            if option.get('options') is not None:
                if option.get('elements') != 'dict' or not _fast_spec_ok(option['options']):
                    return False
            elif option.get('elements') not in _FAST_TYPES:
                return False
        elif option.get('type') not in _FAST_TYPES or option.get('options') is not None:
            return False
        if option.get('no_log') and option.get('default'):
            return False
    return True


def _fast_value_ok(option, value):
    """Whether Ansible's validation would keep ``value`` as it is (already of the option's type, a valid choice)."""
    kind = option['type']
    choices = option.get('choices')
    if kind == 'list':
        if type(value) is not list:  # pylint: disable=unidiomatic-typecheck
            return False
        sub = option.get('options')
        if sub is not None:
            return all(_fast_object_ok(sub, item) for item in value)
        wanted = _FAST_TYPES[option['elements']]
        return all(type(item) is wanted and (choices is None or item in choices)  # pylint: disable=unidiomatic-typecheck
                   for item in value)
    # type() and not isinstance(): True is an int to Ansible, which converts it
    return type(value) is _FAST_TYPES[kind] and (choices is None or value in choices)  # pylint: disable=unidiomatic-typecheck


def _fast_object_ok(spec, obj):
    if type(obj) is not dict:  # pylint: disable=unidiomatic-typecheck
        return False
    for name, value in obj.items():
        option = spec.get(name)
        # an unknown option, a null (Ansible treats it as not given) or a value to convert: Ansible's way
        if option is None or value is None or not _fast_value_ok(option, value):
            return False
        if option.get('no_log') and type(value) is not str:  # pylint: disable=unidiomatic-typecheck
            return False
    return all(name in obj for name, option in spec.items() if option.get('required'))


def _fast_plan(spec):
    """The spec as _fast_fill walks it: (secret names, list names, defaults, all names, nested specs)."""
    return (frozenset(name for name, option in spec.items() if option.get('no_log')),
            frozenset(name for name, option in spec.items() if option['type'] == 'list'),
            [(name, option['default']) for name, option in spec.items() if option.get('default') is not None],
            list(spec),
            [(name, _fast_plan(option['options'])) for name, option in spec.items() if option.get('options')])


def _fast_fill(plan, obj, no_log_values):
    """What Ansible's validation makes of an object that passed :func:`_fast_object_ok`: defaults, secrets.

    In Ansible's order: the values given (a list is a new list), then the options with a default, then
    the others as None; the default itself, not a copy, as Ansible sets it.
    """
    secrets, lists, defaults, names, nested = plan
    for name, value in obj.items():
        if name in secrets and value:
            no_log_values.add(value)
        if name in lists:
            obj[name] = list(value)
    for name, default in defaults:
        obj.setdefault(name, default)
    for name in names:
        obj.setdefault(name, None)
    for name, sub_plan in nested:
        if obj.get(name) is not None:
            for item in obj[name]:
                _fast_fill(sub_plan, item, no_log_values)
    return obj


def fast_validate(spec, objects, fill_none=True):
    """``objects`` (a list option with sub-options) validated as Ansible would, or ``None`` to let Ansible do it.

    Without ``fill_none`` the options not given stay absent instead of None (the engine reads them with
    ``get``): 100,000 objects then stay the size they were given in, not fifty keys each.

    Ansible's validation of a list of 100,000 objects copies it and runs a dozen generic passes per object.
    When every object only uses known options with values already of their type (JSON or YAML input, a
    variable), validation changes nothing but defaults and the secrets to mask: this does only that, in
    place. Anything else (a value to convert, an unknown option, a missing required one, a null) returns
    ``None`` and Ansible validates the whole list as usual, with its messages.
    """
    sub = spec.get('options')
    if (type(objects) is not list or sub is None or spec.get('type') != 'list'  # pylint: disable=unidiomatic-typecheck
            or spec.get('elements') != 'dict' or not set(spec) <= _FAST_SPEC_KEYS or not _fast_spec_ok(sub)):
        return None
    if not all(_fast_object_ok(sub, obj) for obj in objects):
        return None
    no_log_values = set()
    plan = _fast_plan(sub)
    if not fill_none:
        plan = plan[:3] + ([],) + plan[4:]
    for obj in objects:
        _fast_fill(plan, obj, no_log_values)
    return objects, no_log_values


class BulkModule(SecretAwareModule):
    """A module with a list option ``objects`` of many objects, validated fast when nothing needs converting.

    The argument spec (what ansible-test and the docs see) is the full one; when :func:`fast_validate`
    takes the list, Ansible's validator gets an empty one and the validated list is put back before
    anything (the invocation log, a result) shows the arguments.
    """

    OBJECTS = 'objects'

    def __init__(self, *args, **kwargs):
        self._fast_objects = None
        self._objects_file = None
        super(BulkModule, self).__init__(*args, **kwargs)
        self._restore_objects()
        if self.params.get('objects_file'):
            self._read_objects_file(self.params['objects_file'])

    def _read_objects_file(self, path):
        """The objects of ``objects_file``, validated as the option ``objects`` would be."""
        self._objects_file = path
        try:
            objects = read_objects_file(path)
        except ObjectsFileError as exc:
            self.fail_json(msg=str(exc))
        spec = self.argument_spec[self.OBJECTS]
        fast = fast_validate(spec, objects, fill_none=len(objects) <= INVOCATION_LIMIT)
        if fast is None:
            result = ArgumentSpecValidator({self.OBJECTS: spec}).validate({self.OBJECTS: objects})
            if result.error_messages:
                self.fail_json(msg='; '.join(result.error_messages))
            fast = result.validated_parameters[self.OBJECTS], getattr(result, '_no_log_values', set())
        objects, no_log_values = fast
        self.no_log_values.update(no_log_values)
        self.params[self.OBJECTS] = objects

    def _load_params(self):
        super(BulkModule, self)._load_params()
        spec = self.argument_spec.get(self.OBJECTS)
        if spec is not None and self.params.get(self.OBJECTS) is not None:
            objects = self.params[self.OBJECTS]
            # the objects are shown whole (the invocation echo) only up to INVOCATION_LIMIT
            self._fast_objects = fast_validate(spec, objects, fill_none=not isinstance(objects, list)
                                               or len(objects) <= INVOCATION_LIMIT)
            if self._fast_objects is not None:
                self.params[self.OBJECTS] = []

    def _restore_objects(self):
        if self._fast_objects is not None:
            objects, no_log_values = self._fast_objects
            self._fast_objects = None
            self.params[self.OBJECTS] = objects
            self.no_log_values.update(no_log_values)

    def _log_invocation(self):
        self._restore_objects()
        super(BulkModule, self)._log_invocation()

    def fail_json(self, msg, **kwargs):
        self._restore_objects()
        if self._objects_file and 'objects_file' not in msg:
            msg = '%s (objects read from objects_file %s)' % (msg, self._objects_file)
        super(BulkModule, self).fail_json(msg, **kwargs)

    def exit_json(self, **kwargs):
        self._restore_objects()
        super(BulkModule, self).exit_json(**kwargs)
