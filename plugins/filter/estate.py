# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters of the estate export (playbooks/export.yml) and its apply (playbooks/resources.yml)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

# The filters' documentation is in the YAML files beside this one (estate_yaml.yml, ...).

from ansible.errors import AnsibleFilterError

from ansible_collections.ucops.platform.plugins.module_utils.estate import (
    OTHERS_VARIABLE, RESOURCES, apply_arguments, apply_order, other_resources, phase_of)
from ansible_collections.ucops.platform.plugins.module_utils.estate_files import file_text, secrets_text


def estate_yaml(variables, title):
    """The variables of one estate file as YAML text (the text the export modules write with ``dest``)."""
    if not isinstance(variables, dict):
        raise AnsibleFilterError('estate_yaml expects the variables of one file (a dict), got %s' % type(variables).__name__)
    return file_text(variables, title)


def estate_secrets_yaml(secrets):
    """secrets.yml: every secret with a comment naming its object; null where it must be filled in."""
    return secrets_text(secrets)


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
