# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters of the estate export (playbooks/export.yml) and its apply (playbooks/resources.yml)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

# The filters' documentation is in the YAML files beside this one (estate_yaml.yml, ...).

import re

import yaml

from ansible.errors import AnsibleFilterError

from ansible_collections.ucops.platform.plugins.module_utils.estate import (
    OTHERS_VARIABLE, RESOURCES, apply_arguments, apply_order, other_resources, phase_of)

# the only templates an export writes: references to the entries of secrets.yml
_REFERENCE = re.compile(r'^\{\{ vault_[a-z0-9_]+ \}\}$')
_TEMPLATE = re.compile(r'\{\{|\{%|\{#')
HEADER = ('# %s: written by playbooks/export.yml (ucops.platform.pexip_export, kazoo_system_config_export).\n'
          '# Secrets are in secrets.yml; apply with: ansible-playbook playbooks/site.yml -e estate_dir=<this folder>\n')


class _Unsafe(str):
    """Text the manager holds that looks like a template: written with the !unsafe tag."""


class _Dumper(getattr(yaml, 'CSafeDumper', yaml.SafeDumper)):  # pylint: disable=too-many-ancestors
    """SafeDumper (libyaml's when present) with literal blocks and !unsafe text."""


def _text(dumper, value):
    style = '|' if '\n' in value and not value.endswith((' ', '\t')) and '\r' not in value else None
    return dumper.represent_scalar('tag:yaml.org,2002:str', value, style=style)


def _unsafe(dumper, value):
    return dumper.represent_scalar('!unsafe', str(value), style="'")


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Unsafe, _unsafe)


def _plain(value):
    """``value`` as plain Python types (Ansible hands filters its own str/dict subclasses), templates marked."""
    if isinstance(value, dict):
        return dict((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        text = ''.join([value])  # an exact str, whatever subclass Ansible gave
        if _TEMPLATE.search(text) and not _REFERENCE.match(text):
            return _Unsafe(text)
        return text
    return value


def _dump(variables):
    return yaml.dump(variables, Dumper=_Dumper, default_flow_style=False, sort_keys=False, allow_unicode=True,
                     width=120, explicit_start=False)


def estate_yaml(variables, title):
    """The variables of one estate file as YAML text (see DOCUMENTATION)."""
    if not isinstance(variables, dict):
        raise AnsibleFilterError('estate_yaml expects the variables of one file (a dict), got %s' % type(variables).__name__)
    return HEADER % title + '---\n' + (_dump(_plain(variables)) if variables else '{}\n')


def estate_secrets_yaml(secrets):
    """secrets.yml: every secret with a comment naming its object; null where it must be filled in."""
    lines = ['# secrets.yml: the secrets the other files of this estate refer to, written by playbooks/export.yml.',
             '# Encrypt it (ansible-vault encrypt secrets.yml) and fill in every null: the manager never returns',
             '# those values, and playbooks/site.yml refuses to run while one is null.',
             '---']
    for entry in secrets or ():
        about = str(entry['about']).replace('\n', ' ')
        if entry.get('value') is None:
            lines.append('# %s (%s): the manager never returns it, fill it in' % (about, entry['file']))
        else:
            lines.append('# %s (%s)' % (about, entry['file']))
        lines.append(_dump({str(entry['name']): _plain(entry.get('value'))}).rstrip('\n'))
    if not secrets:
        lines.append('{}')
    return '\n'.join(lines) + '\n'


def estate_resources(resources, phase):
    """The objects of pexip_resources.yml applied in ``phase`` (``early``: before the roles, ``late``: after),
    in dependency order, each as the arguments of ucops.platform.pexip_resource."""
    if not isinstance(resources, dict):
        raise AnsibleFilterError('%s must be a dict of resource name to list of objects' % OTHERS_VARIABLE)
    unknown = sorted(name for name in resources if name not in RESOURCES)
    if unknown:
        raise AnsibleFilterError('%s names resources the collection does not describe: %s (known: %s)'
                                 % (OTHERS_VARIABLE, ', '.join(map(str, unknown)), ', '.join(other_resources())))
    out = []
    for name in apply_order(list(resources)):
        if phase_of(name) != phase:
            continue
        arguments = apply_arguments(name)
        for obj in resources[name] or ():
            if not isinstance(obj, dict):
                raise AnsibleFilterError('%s.%s must be a list of objects (dicts of fields)' % (OTHERS_VARIABLE, name))
            item = dict(arguments)
            fields = dict(obj)
            for cleared in fields.pop('clear', None) or ():
                fields[cleared] = None
            item['fields'] = fields
            item['references'] = dict((field, target) for field, target in arguments['references'].items() if field in fields)
            item['secrets'] = [field for field in arguments['secrets'] if field in fields]
            out.append(item)
    return out


def estate_null_secrets(secrets):
    """The names of the entries of a loaded secrets.yml that are still null, sorted."""
    return sorted(str(name) for name, value in (secrets or {}).items() if value is None)


class FilterModule(object):
    def filters(self):
        return {'estate_yaml': estate_yaml, 'estate_secrets_yaml': estate_secrets_yaml,
                'estate_resources': estate_resources, 'estate_null_secrets': estate_null_secrets}
