#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_host_system
short_description: Manage a VM manager (host system) known to Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a VM manager, the C(host_system) resource, found by its O(name).
  - The API reference documents no fields for this resource, so the module does not guess them. The fields go in
    O(fields) with the API's names and are checked against the manager's own C(host_system/schema/) before anything is
    written, as M(ucops.platform.pexip_resource) does.
  - Only older Infinity versions have this resource. Current ones (v38 to v41) no longer list it; on such a manager
    the module fails, saying that the manager has no C(host_system) resource and may be newer than the version that
    removed it. It is kept for estates that still run an older release.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.pexip_generic
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  name:
    description: Name of the VM manager; the key by which the module finds it.
    type: str
    required: true
  fields:
    description:
      - The other fields, with the names and types the manager's schema gives. A value of V(null) empties the field.
    type: dict
    default: {}
  state:
    description: V(present) creates or updates the VM manager, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
# The API reference documents no fields for host systems: ask the manager which it has.
- name: See which fields this manager knows for host systems
  ucops.platform.pexip_resource_info:
    resource: host_system
    limit: 0
    schema: true
  register: host_schema

- name: A vCenter the platform may deploy nodes through
  ucops.platform.pexip_host_system:
    name: vcenter-lon
    fields:
      description: London vCenter
      address: vcenter-lon.example.com
      username: svc-pexip
      password: "{{ vault_vcenter_password }}"
  register: host

- name: Remove it
  ucops.platform.pexip_host_system:
    name: vcenter-lon
    state: absent
'''

RETURN = r'''
host_system:
  description:
    - The VM manager as the Management Node holds it after the task, with O(secrets) masked.
    - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_generic import converge, generic_argument_spec, hide_secrets
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        name=dict(type='str', required=True),
        fields=dict(type='dict', default={}),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        **generic_argument_spec()
    ), supports_check_mode=True)
    params = module.params
    fields = dict(params['fields'])
    if fields.get('name') not in (None, params['name']):
        module.fail_json(msg='give the name in the name option only, not in fields')
    fields['name'] = params['name']
    generic = dict(resource='host_system', key=['name'], fields=fields, references=params['references'],
                   secrets=hide_secrets(module, fields, params['secrets'], 'host_system'), state=params['state'], update_password=params['update_password'])
    try:
        result = converge(client_from(module), generic, check_mode=module.check_mode, diff_mode=module._diff,
                          result_key='host_system')
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
