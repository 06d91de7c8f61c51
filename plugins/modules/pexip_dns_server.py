#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_dns_server
short_description: Manage a DNS server known to Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a DNS server that the Management Node and Conferencing Nodes can be told to use.
  - The server is found by its O(address). System locations and the Management Node point at DNS servers by address.
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
      - IPv4 or IPv6 address of the DNS server.
      - The key by which the module finds the object.
      - Must be an IPv4 or IPv6 address; checked before any request.
    type: str
    required: true
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: A DNS server for the platform
  ucops.platform.pexip_dns_server:
    address: 192.0.2.53
    description: Primary resolver

- name: Remove it
  ucops.platform.pexip_dns_server:
    address: 192.0.2.53
    state: absent
'''

RETURN = r'''
dns_server:
  description:
  - The dns server as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import DNS_SERVER
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(DNS_SERVER)


if __name__ == '__main__':
    main()
