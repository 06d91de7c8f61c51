#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_worker_vm_info
short_description: Read the configuration and status of Pexip Infinity Conferencing Nodes
version_added: 0.2.0
description:
  - Reads one Conferencing Node by its O(name), or all of them, from the configuration API and joins each with its
    entry in the status API (matched on the status entry's C(configuration_id)).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  name:
    description:
      - Name of the node.
      - The key by which the module finds the object.
      - At most 32 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_worker_vm
'''

EXAMPLES = r'''
- name: A location and a node to read back (see ucops.platform.pexip_worker_vm)
  ucops.platform.pexip_system_location:
    name: Dublin

- name: The node, its provisioning document saved for the VM
  ucops.platform.pexip_worker_vm:
    name: conf-dub-01
    hostname: conf-dub-01
    domain: example.com
    address: 192.0.2.51
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Dublin
    password: "{{ vault_node_password }}"
    dest: nodes/conf-dub-01.xml

- name: Every node with its status
  ucops.platform.pexip_worker_vm_info:
  register: nodes

- name: One node
  ucops.platform.pexip_worker_vm_info:
    name: conf-dub-01
  register: node

- name: Show its synchronisation state
  ansible.builtin.debug:
    msg: "{{ node.worker_vms[0].status.sync_status | default('no status yet') }}"
'''

RETURN = r'''
worker_vms:
  description:
    - The nodes' configuration with references as resource URIs and C(snmp_community)
      masked; C(status) holds the status API's entry of the node, or C(null) when it has none yet.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3
      name: conf-lon-01
      address: 192.0.2.21
      node_type: CONFERENCING
      resource_uri: /api/admin/configuration/v1/worker_vm/3/
      status:
        configuration_id: 3
        sync_status: SYNCED
        deploy_status: DEPLOYED
        maintenance_mode: false
        last_attempted_contact: "2026-01-05T10:00:00"
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import WORKER_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_worker_vm import node_infos


def main():
    module = new_module(dict(name=dict(type='str')), supports_check_mode=True)
    try:
        client = client_from(module)
        nodes = node_infos(client, Engine(client, WORKER_VM), module.params['name'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(changed=False, worker_vms=nodes)


if __name__ == '__main__':
    main()
