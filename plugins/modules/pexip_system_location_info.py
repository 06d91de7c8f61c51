#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_system_location_info
short_description: Read Pexip Infinity system locations
version_added: 0.2.0
description:
  - Reads one system location by its O(name), the ones matching O(filters), or all of them.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
  - ucops.platform.pexip_options.info
options:
  name:
    description:
      - The C(name) of one object to read.
    type: str
seealso:
  - module: ucops.platform.pexip_system_location
'''

EXAMPLES = r'''
- name: A location to read back
  ucops.platform.pexip_system_location:
    name: Manchester
    description: Manchester office

- name: Read one location
  ucops.platform.pexip_system_location_info:
    name: Manchester
  register: manchester

- name: Every location, by name
  ucops.platform.pexip_system_location_info:
    order_by: name
  register: locations
'''

RETURN = r'''
system_locations:
  description: The matching locations as the Management Node holds them, with references as resource URIs.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1
      name: London
      mtu: 1500
      dns_servers: [/api/admin/configuration/v1/dns_server/1/]
      resource_uri: /api/admin/configuration/v1/system_location/1/
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import SYSTEM_LOCATION
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_info_module


def main():
    run_info_module(SYSTEM_LOCATION, 'system_locations')


if __name__ == '__main__':
    main()
