# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Drift between a live Management Node and an estate (a folder laid out like ``playbooks/vars/``).

The live side is read with the estate export (:class:`estate.Exporter`), so both sides are in the
same shape: references as names, values equal to the manager's defaults left out, read-only fields
left out. The estate side is taken as the roles take it (the services tag written on services and
routing rules, the nodes' shared settings), with references given by URI or id turned into names.

Per resource the report holds the objects that differ (per field: the estate's and the manager's
value, secrets masked but marked as changed), the objects on the manager the estate does not
describe (``unmanaged``) and those it describes that the manager lacks (``missing``). A field the
estate leaves out counts as the manager's default, so an estate value equal to the default is no
drift, and a value the manager holds that the estate leaves out is (the estate, as an export
writes it, holds every value that differs from the defaults).

:func:`write_reports` writes ``drift.json``, ``drift.md`` and ``drift.xml`` (JUnit) with a stable
order and no timestamp, so that an unchanged drift gives identical files.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
from xml.sax.saxutils import escape, quoteattr

try:
    import yaml
except ImportError:  # PyYAML comes with ansible-core on the controller; the module names it when missing
    yaml = None

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate_files import NotPlain, load_text, unsafe_loader
from ansible_collections.ucops.platform.plugins.module_utils.estate import (
    FILES, KAZOO, KAZOO_VARIABLE, OTHERS, OTHERS_VARIABLE, RESOURCES, REVERSE_SIDES, ROLE_VARIABLES, SERVICES, NODES,
    Exporter, apply_order, export_kazoo, other_resources, _default_of, _same, _without, _NO_DEFAULT)
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import strict_equal
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import is_uri
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK

# Options of an estate object that are not fields of the object.
NOT_FIELDS = frozenset(('state', 'clear', 'update_password', 'update_package', 'update_branding_file',
                        'branding_file', 'package', 'dest', 'recreate', 'recreate_if_file_missing', 'purge_aliases'))
_VAULT = re.compile(r'^\{\{\s*(\w+)\s*\}\}$')
# What a role writes on each object from a role variable, as the roles do it:
# (file, resource, field, role variable, role default, the role's value wins over the item's)
ROLE_STAMPS = (
    (SERVICES, 'conference', 'tag', 'pexip_services_tag', 'managed-by-ucops', True),
    (SERVICES, 'gateway_routing_rule', 'tag', 'pexip_services_tag', 'managed-by-ucops', True),
    (SERVICES, 'automatic_participant', 'description', 'pexip_services_tag', 'managed-by-ucops', False),
    (NODES, 'worker_vm', 'domain', 'pexip_nodes_domain', '', False),
    (NODES, 'worker_vm', 'netmask', 'pexip_nodes_netmask', '', False),
    (NODES, 'worker_vm', 'gateway', 'pexip_nodes_gateway', '', False),
    (NODES, 'worker_vm', 'deployment_type', 'pexip_nodes_deployment_type', 'MANUAL-PROVISION-ONLY', False),
)


class _Unsafe(str):
    """Text written with ``!unsafe``: kept as it is, never a template."""


_EstateLoader = unsafe_loader(_Unsafe) if yaml is not None else None


def _fill(value, secrets, where):
    """``value`` with each ``{{ name }}`` text replaced by ``secrets[name]``; other templates are refused."""
    if isinstance(value, dict):
        return dict((key, _fill(item, secrets, where)) for key, item in value.items())
    if isinstance(value, list):
        return [_fill(item, secrets, where) for item in value]
    if isinstance(value, _Unsafe):
        return str(value)
    if isinstance(value, str) and '{{' in value:
        match = _VAULT.match(value)
        if match and match.group(1) in secrets:
            return secrets[match.group(1)]
        if match:
            raise ApiError('%s refers to the secret %s, which secrets does not have' % (where, match.group(1)),
                           kind='usage')
        raise ApiError('%s holds a template that only Ansible can evaluate (a lookup or an expression); pass the '
                       'files\' variables with the estate option, which Ansible templates' % where, kind='usage')
    return value


def read_estate(folder, secrets):
    """The variables of each file of the estate in ``folder`` (``{file name: variables}``), as written by an
    export (plain YAML, ``!unsafe`` text), secrets referenced as ``{{ name }}`` filled in from ``secrets``.

    This is the fast way for thousands of objects: Ansible does not template them.
    """
    if not os.path.isdir(folder):
        raise ApiError('estate_dir %s is not a folder' % folder, kind='usage')
    estate = {}
    for name in FILES:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        variables, templates = _load(path)
        if variables is None:
            variables = {}
        if not isinstance(variables, dict):
            raise ApiError('%s must hold variables (a mapping), not %s' % (path, type(variables).__name__),
                           kind='usage')
        if templates:
            variables = dict((variable, _fill(value, secrets or {}, '%s: %s' % (name, variable)))
                             for variable, value in variables.items())
        estate[name] = variables
    return estate


def _load(path):
    """The data of one estate file, and whether it may hold templates or !unsafe text (for :func:`_fill`).

    The text an export writes is read by :func:`estate_files.load_text` (100,000 rooms in a few seconds, where
    PyYAML's constructor took 20); any other text by PyYAML, as before."""
    with open(path, 'rb') as handle:
        data = handle.read()
    try:
        text = data.decode('utf-8')
        return load_text(text, unsafe=_Unsafe), '{{' in text or '!unsafe' in text
    except (UnicodeDecodeError, NotPlain):
        pass
    with open(path, 'rb') as handle:
        try:
            return yaml.load(handle, Loader=_EstateLoader), True  # nosec - a safe loader
        except yaml.YAMLError as exc:
            raise ApiError('%s is not valid YAML: %s' % (path, exc), kind='usage')


class Drift:
    """Compares an estate (``{file name: {variable: value}}``) with the Management Node behind ``client``."""

    def __init__(self, client, page_size=10000):
        self.exporter = Exporter(client, page_size=page_size)
        self._schemas = {}
        self._read_only = {}
        self.secret_values = set()

    # -- the two sides -----------------------------------------------------------------------
    def schema(self, name):
        if name not in self._schemas:
            self._schemas[name] = self.exporter.schema(name)
        return self._schemas[name]

    def live(self, path, name):
        """The manager's objects of ``name`` in the estate's shape, secrets with their values."""
        exporter = self.exporter
        before = len(exporter.secrets)
        items = exporter.export_resource(path, name)
        values = dict((entry['name'], entry['value']) for entry in exporter.secrets[before:])
        if isinstance(items, dict):
            items = [items] if items else []
        for item in items:
            for field, value in list(item.items()):
                match = _VAULT.match(value) if isinstance(value, str) else None
                if match and match.group(1) in values:
                    item[field] = values[match.group(1)]
                    if item[field] is not None:
                        self.secret_values.add(str(item[field]))
        return items

    def wanted(self, path, name, variables, items):
        """The estate's objects of ``name`` as the role writes them."""
        resource = RESOURCES[name]
        if isinstance(items, dict):
            items = [items] if items else []
        # the role's stamps on this resource, and the estate's value of each (once, not once per object)
        stamps = [(field, variables.get(variable, default), wins)
                  for stamp_path, stamp_name, field, variable, default, wins in ROLE_STAMPS
                  if stamp_path == path and stamp_name == name]
        fields = resource.fields
        out = []
        for item in items or ():
            if not isinstance(item, dict):
                continue
            item = dict(item)
            for field, value, wins in stamps:
                if value in (None, '') or (not wins and item.get(field) is not None):
                    continue
                item[field] = value
            for field_name in list(item):  # the object's own fields (a few), not every field of the resource
                field = fields.get(field_name)
                value = item[field_name]
                if field is None or value is None:
                    continue
                if field.kind == 'ref':
                    item[field_name] = self.name_of(field.target, value)
                elif field.kind == 'refs' and isinstance(value, list):
                    item[field_name] = sorted((self.name_of(field.target, one) for one in value), key=str)
                if field.is_secret and item[field_name] is not None and not isinstance(item[field_name], bool):
                    self.secret_values.add(str(item[field_name]))
            out.append(item)
        return out

    def name_of(self, target, value):
        if is_uri(value) or isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return self.exporter.name_of(target, int(value) if isinstance(value, str) and value.isdigit() else value)
        return value

    def key_of(self, resource, item):
        if resource.singleton or resource.key is None:
            return '(settings)'
        names = list(resource.scope) + [resource.key]
        return ' / '.join(str(item.get(name)) for name in names)

    # -- comparing -----------------------------------------------------------------------------
    def compare(self, estate, all_resources=True, kazoo=None):
        """The drift report (a dict, see :func:`write_reports`); with ``kazoo`` (a
        :class:`kazoo_system_config.SystemConfigs`) also the estate's kazoo.yml against that cluster."""
        plan = []
        for path, variable, name in ROLE_VARIABLES:
            if path in estate:
                plan.append((path, variable, name, (estate[path] or {}).get(variable, [])))
        if all_resources and OTHERS in estate:
            others = (estate[OTHERS] or {}).get(OTHERS_VARIABLE) or {}
            for name in apply_order(other_resources()):
                plan.append((OTHERS, OTHERS_VARIABLE, name, others.get(name, [])))
        resources = {}
        for path, variable, name, items in plan:
            want = self.wanted(path, name, estate.get(path) or {}, items)
            have = self.live(path, name)
            result = self.compare_resource(RESOURCES[name], want, have)
            if result['objects']:
                result['file'] = path
                result['variable'] = variable
                resources[name] = result
        compared = set(path for path, _v, _n, _i in plan)
        if kazoo is not None and KAZOO in estate:
            result = compare_kazoo(kazoo, estate[KAZOO] or {})
            if result['objects']:
                resources[KAZOO_RESOURCE] = result
            compared.add(KAZOO)
        compared = sorted(compared)
        return summarise(resources, compared, [path for path in sorted(estate) if path not in compared])

    def compare_resource(self, resource, want, have):
        have_by_key = dict((self.key_of(resource, item), item) for item in have)
        seen = set()
        objects = []
        for item in want:
            key = self.key_of(resource, item)
            seen.add(key)
            current = have_by_key.get(key)
            absent = item.get('state') == 'absent'
            if current is None:
                objects.append({'object': key, 'status': 'in_sync' if absent else 'missing'})
                continue
            if absent:
                objects.append({'object': key, 'status': 'drifted',
                                'fields': [{'field': 'state', 'estate': 'absent', 'manager': 'present'}]})
                continue
            fields = self.compare_object(resource, item, current)
            objects.append({'object': key, 'status': 'drifted' if fields else 'in_sync', 'fields': fields}
                           if fields else {'object': key, 'status': 'in_sync'})
        for key in have_by_key:
            if key not in seen:
                objects.append({'object': key, 'status': 'unmanaged'})
        objects.sort(key=lambda entry: entry['object'])
        return {'label': resource.label, 'objects': objects}

    def _not_compared(self, resource, schema):
        """The fields of ``resource`` never compared (keys, reverse sides, read-only), once per resource."""
        fields = self._read_only.get(resource.name)
        if fields is None:
            fields = self._read_only[resource.name] = set(
                name for name, spec in (schema.get('fields') or {}).items() if isinstance(spec, dict) and spec.get('readonly'))
            fields.update(resource.scope)
            fields.update([resource.key] if resource.key else [])
            fields.update(REVERSE_SIDES.get(resource.name, ()))
        return fields

    def compare_object(self, resource, want, have):
        schema = self.schema(resource.name)
        not_compared = self._not_compared(resource, schema)
        wanted = dict((name, value) for name, value in want.items() if name not in NOT_FIELDS)
        for name in want.get('clear') or ():
            wanted[name] = ''
        current = dict((name, value) for name, value in have.items() if name not in NOT_FIELDS)
        for name in have.get('clear') or ():
            current[name] = ''
        children = resource.children
        differences = []
        for name in sorted(set(wanted) | set(current)):
            if children is not None and name == children.option:
                continue
            field = resource.fields.get(name)
            if field is None or name in not_compared or field.kind in ('upload', 'write_only'):
                continue
            default = _default_of(schema, name)
            if name in wanted and name in current:
                same = _same(wanted[name], current[name])
            elif name in wanted:
                same = _same(wanted[name], default) if default is not _NO_DEFAULT else _same(wanted[name], None)
            else:
                same = False
            if not same:
                differences.append(self.difference(field, name, wanted, current))
        if children is not None and want.get(children.option) is not None:
            change = self.compare_children(children, want, have)
            if change:
                differences.append(change)
        return differences

    def difference(self, field, name, wanted, current):
        entry = {'field': name}
        if field.is_secret:
            entry['secret'] = True
            entry['estate'] = MASK if name in wanted and wanted[name] not in (None, '') else wanted.get(name, None)
            entry['manager'] = MASK if current.get(name) not in (None, '') else current.get(name, None)
        else:
            entry['estate'] = wanted.get(name) if name in wanted else None
            entry['manager'] = current.get(name) if name in current else None
        if name not in wanted:
            entry['estate_default'] = True
        if name not in current:
            entry['manager_default'] = True
        return entry

    def compare_children(self, children, want, have):
        wanted = {}
        for kid in want.get(children.option) or ():
            kid = kid if isinstance(kid, dict) else {children.key: kid}
            wanted[kid.get(children.key)] = kid
        current = dict((kid.get(children.key), kid) for kid in have.get(children.option) or ())
        added = sorted(str(key) for key in wanted if key not in current)
        removed = [] if want.get('purge_aliases') is False else sorted(str(key) for key in current if key not in wanted)
        changed = []
        for key in sorted(set(wanted) & set(current), key=str):
            for name in children.fields:
                if name in wanted[key]:
                    if not _same(wanted[key].get(name), current[key].get(name)):
                        changed.append('%s (%s)' % (key, name))
                elif current[key].get(name) not in (None, ''):
                    changed.append('%s (%s)' % (key, name))
        if not (added or removed or changed):
            return None
        entry = {'field': children.option}
        if added:
            entry['missing'] = added
        if removed:
            entry['unmanaged'] = removed
        if changed:
            entry['changed'] = changed
        return entry


# -- Kazoo system configs ----------------------------------------------------------------------

KAZOO_RESOURCE = 'kazoo_system_config'
KAZOO_CATEGORIES_VARIABLE = 'kazoo_system_configs_categories'


class _SchemaOnce:
    """A :class:`kazoo_system_config.SystemConfigs` reading each schema once (the export and the drift share it)."""

    def __init__(self, configs):
        self.configs = configs
        self.bundles = {}

    def categories(self):
        return self.configs.categories()

    def document(self, category, with_defaults=True):
        return self.configs.document(category, with_defaults=with_defaults)

    def schema(self, category):
        if category not in self.bundles:
            self.bundles[category] = self.configs.schema(category)
        return self.bundles[category]


def _flat(settings, prefix=''):
    """``{dotted key: value}`` of a section's settings: nested objects key by key, lists and ``{}`` whole."""
    out = {}
    for key, value in settings.items():
        name = '%s.%s' % (prefix, key) if prefix else str(key)
        if isinstance(value, dict) and value:
            out.update(_flat(value, name))
        else:
            out[name] = value
    return out


def kazoo_wanted(variables):
    """kazoo.yml's sections as the role applies them: ``{(category, node): (settings, state)}``.

    Both of the role's variables count (the export writes ``kazoo_system_configs_sections``); a section
    given twice is taken as the role leaves it, the later settings over the earlier ones.
    """
    sections = list(variables.get(KAZOO_VARIABLE) or [])
    for category, nodes in sorted((variables.get(KAZOO_CATEGORIES_VARIABLE) or {}).items()):
        for node, settings in sorted((nodes or {}).items()):
            sections.append({'category': category, 'node': node, 'settings': settings})
    out = {}
    for item in sections:
        if not isinstance(item, dict) or not item.get('category'):
            continue
        key = (str(item['category']), str(item.get('node') or 'default'))
        settings = item.get('settings') or {}
        if item.get('state', 'present') == 'absent':
            out[key] = ({}, 'absent')
            continue
        previous = out.get(key, ({}, 'present'))[0]
        out[key] = (dict(previous, **settings) if isinstance(settings, dict) else previous, 'present')
    return out


def compare_kazoo(configs, variables):
    """kazoo.yml's sections (``variables``) against the cluster behind ``configs``, read with the export.

    Both sides hold only what differs from Kazoo's defaults, as Kazoo stores it: an estate value of the
    ``default`` section equal to the category's schema default is no drift (the rule the export follows).
    """
    configs = _SchemaOnce(configs)
    live = export_kazoo(configs)['files'][KAZOO][KAZOO_VARIABLE]
    have = dict(((section['category'], section['node']), section['settings']) for section in live)
    want = kazoo_wanted(variables)
    objects = []
    for key in sorted(set(want) | set(have)):
        name = '%s / %s' % key
        current = have.get(key)
        if key not in want:
            objects.append({'object': name, 'status': 'unmanaged'})
            continue
        settings, state = want[key]
        if state == 'absent':
            objects.append({'object': name, 'status': 'in_sync'} if current is None else {
                'object': name, 'status': 'drifted',
                'fields': [{'field': 'state', 'estate': 'absent', 'manager': 'present'}]})
            continue
        if key[1] == 'default' and settings:
            bundle = configs.schema(key[0])
            if bundle is not None:
                settings = _without(settings, bundle.defaults())
        if current is None:
            objects.append({'object': name, 'status': 'missing' if settings else 'in_sync'})
            continue
        wanted, stored = _flat(settings), _flat(current)
        fields = []
        for field in sorted(set(wanted) | set(stored)):
            if field in wanted and field in stored and strict_equal(wanted[field], stored[field]):
                continue
            entry = {'field': field, 'estate': wanted.get(field), 'manager': stored.get(field)}
            if field not in wanted:
                entry['estate_default'] = True
            if field not in stored:
                entry['manager_default'] = True
            fields.append(entry)
        objects.append({'object': name, 'status': 'drifted', 'fields': fields} if fields else
                       {'object': name, 'status': 'in_sync'})
    return {'label': 'Kazoo system config section', 'file': KAZOO, 'variable': KAZOO_VARIABLE, 'objects': objects}


def summarise(resources, compared, not_compared):
    counts = {'in_sync': 0, 'drifted': 0, 'unmanaged': 0, 'missing': 0}
    for result in resources.values():
        result['counts'] = dict((status, 0) for status in counts)
        for entry in result['objects']:
            result['counts'][entry['status']] += 1
            counts[entry['status']] += 1
    counts['objects'] = sum(counts.values())
    drift = bool(counts['drifted'] or counts['unmanaged'] or counts['missing'])
    return {'drift': drift, 'counts': counts, 'resources': resources, 'files_compared': compared,
            'files_not_compared': not_compared}


def drift_pexip(client, estate, all_resources=True, page_size=10000, kazoo=None):
    """The drift report of the estate against the Management Node (and, with ``kazoo``, a
    :class:`kazoo_system_config.SystemConfigs`, its kazoo.yml against that cluster), and the secret values met."""
    drift = Drift(client, page_size=page_size)
    report = drift.compare(estate, all_resources=all_resources, kazoo=kazoo)
    return report, drift.secret_values


# -- the report files --------------------------------------------------------------------------

def _shown(value):
    if value is None:
        return '(not set)'
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _field_text(entry):
    if 'estate' not in entry:
        parts = []
        for status, words in (('missing', 'missing on the manager'), ('unmanaged', 'not in the estate'),
                              ('changed', 'changed')):
            if entry.get(status):
                parts.append('%s %s' % (words, ', '.join(entry[status])))
        return '%s: %s' % (entry['field'], '; '.join(parts))
    estate = '(the default)' if entry.get('estate_default') else _shown(entry['estate'])
    manager = '(the default)' if entry.get('manager_default') else _shown(entry['manager'])
    text = '%s: estate %s, manager %s' % (entry['field'], estate, manager)
    return text + (' (secret, changed)' if entry.get('secret') else '')


STATUS_TEXT = {'drifted': 'differs', 'unmanaged': 'on the manager, not in the estate',
               'missing': 'in the estate, not on the manager'}


def render_json(report):
    return json.dumps(report, sort_keys=True, indent=2, ensure_ascii=False) + '\n'


def render_markdown(report):
    counts = report['counts']
    lines = ['# Drift report', '',
             'Drift found.' if report['drift'] else 'No drift: the Management Node is as the estate describes it.', '',
             '| objects | in sync | differ | unmanaged | missing |', '|---|---|---|---|---|',
             '| %d | %d | %d | %d | %d |' % (counts['objects'], counts['in_sync'], counts['drifted'],
                                             counts['unmanaged'], counts['missing']), '']
    for name in sorted(report['resources']):
        result = report['resources'][name]
        c = result['counts']
        lines.append('## %s (`%s` in %s)' % (name, result['variable'], result['file']))
        lines.append('')
        lines.append('%d in sync, %d differ, %d unmanaged, %d missing.' % (c['in_sync'], c['drifted'], c['unmanaged'],
                                                                           c['missing']))
        lines.append('')
        for entry in result['objects']:
            if entry['status'] == 'in_sync':
                continue
            lines.append('- **%s**: %s' % (entry['object'], STATUS_TEXT[entry['status']]))
            for field in entry.get('fields') or ():
                lines.append('  - %s' % _field_text(field))
        if any(entry['status'] != 'in_sync' for entry in result['objects']):
            lines.append('')
    if report['files_not_compared']:
        lines.append('Not compared: %s.' % ', '.join(report['files_not_compared']))
        lines.append('')
    return '\n'.join(lines).rstrip('\n') + '\n'


def render_junit(report):
    counts = report['counts']
    failures = counts['drifted'] + counts['unmanaged'] + counts['missing']
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<testsuites name="drift" tests="%d" failures="%d">' % (counts['objects'], failures)]
    for name in sorted(report['resources']):
        result = report['resources'][name]
        c = result['counts']
        out.append('  <testsuite name=%s tests="%d" failures="%d">' % (
            quoteattr(name), len(result['objects']), c['drifted'] + c['unmanaged'] + c['missing']))
        for entry in result['objects']:
            case = '    <testcase classname=%s name=%s' % (quoteattr('drift.' + name), quoteattr(entry['object']))
            if entry['status'] == 'in_sync':
                out.append(case + '/>')
                continue
            details = '\n'.join(_field_text(field) for field in entry.get('fields') or ())
            out.append(case + '>')
            out.append('      <failure message=%s type=%s>%s</failure>' % (
                quoteattr(STATUS_TEXT[entry['status']]), quoteattr(entry['status']), escape(details)))
            out.append('    </testcase>')
        out.append('  </testsuite>')
    out.append('</testsuites>')
    return '\n'.join(out) + '\n'


def write_reports(report, folder):
    """Write drift.json, drift.md and drift.xml into ``folder`` (created when missing); their paths."""
    if not os.path.isdir(folder):
        os.makedirs(folder)
    written = {}
    for name, render in (('drift.json', render_json), ('drift.md', render_markdown), ('drift.xml', render_junit)):
        path = os.path.join(folder, name)
        with open(path, 'wb') as out:
            out.write(render(report).encode('utf-8'))
        written[name] = path
    return written
