#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_snmp_nms
short_description: Manage an SNMP network management system of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes an SNMP network management system (trap receiver), the C(snmp_network_management_system)
    resource.
  - It is found by its O(name). The trap community is masked in every result.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  address:
    description:
      - Host name or IP address of the server.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  port:
    description:
      - Port the server listens on.
      - From 1 to 65535.
    type: int
  snmp_trap_community:
    description:
      - SNMP trap community.
      - At most 16 characters.
      - Masked in every result and diff.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: A trap receiver
  ucops.platform.pexip_snmp_nms:
    name: NOC
    address: 192.0.2.161
    port: 162
    snmp_trap_community: "{{ vault_trap_community }}"
'''

RETURN = r'''
snmp_network_management_system:
  description:
  - The snmp network management system as the Management Node holds it after the task, references as resource URIs and secrets
    masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import SNMP_NETWORK_MANAGEMENT_SYSTEM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(SNMP_NETWORK_MANAGEMENT_SYSTEM)


if __name__ == '__main__':
    main()
