#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_licence
short_description: Activate and deactivate Pexip Infinity licences
version_added: 0.2.0
description:
  - Activates the licence of an entitlement id (C(state=present)) or deactivates it (C(state=absent)),
    through the C(licence) resource.
  - A licence cannot be changed once activated; a licence already active for O(entitlement_id) is left alone.
  - The manager addresses an activated licence by its C(fulfillment_id); the module finds it by listing and matching the
    entitlement id (spaces ignored).
  - Online activation needs the Management Node to reach the licensing server. With O(offline_mode=true) the manager
    prepares a licence request instead, returned as RV(licence_request); an outstanding request for the same entitlement
    id is not requested again.
  - The entitlement id is treated as a secret and masked in results.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  entitlement_id:
    description: The entitlement id (activation key) of the licence.
    type: str
    required: true
  offline_mode:
    description: Prepare an offline licence request instead of activating online.
    type: bool
    default: false
  state:
    description: V(present) activates the licence, V(absent) deactivates it.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Activate the port licence
  ucops.platform.pexip_licence:
    entitlement_id: "{{ vault_pexip_entitlement }}"

- name: Deactivate it before moving it to another manager
  ucops.platform.pexip_licence:
    entitlement_id: "{{ vault_pexip_entitlement }}"
    state: absent
'''

RETURN = r'''
licence:
  description: The active licence as the Management Node lists it, entitlement id masked; empty when absent or offline.
  returned: always
  type: dict
  sample:
    fulfillment_id: FID-2A9C01
    entitlement_id: "********"
    status: ACTIVE
    concurrent: 10
    resource_uri: /api/admin/configuration/v1/licence/FID-2A9C01/
licence_request:
  description: The offline licence request to complete with the licensing server's answer.
  returned: when O(offline_mode=true) and a request was made or is pending
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_platform_ops import licence


def main():
    module = new_module(dict(
        entitlement_id=dict(type='str', required=True, no_log=True),
        offline_mode=dict(type='bool', default=False),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    ), supports_check_mode=True)
    try:
        result = licence(client_from(module), module.params, check_mode=module.check_mode, diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
