#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_static_route
short_description: Manage a static route of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a static route that nodes can be given. The route is found by its O(name).
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
      - Destination network address, an IPv4 or IPv6 address.
      - Needed to create the object.
      - Must be an IPv4 or IPv6 address; checked before any request.
    type: str
  gateway:
    description:
      - Next-hop address for the destination network, an IPv4 or IPv6 address.
      - Needed to create the object.
      - Must be an IPv4 or IPv6 address; checked before any request.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 32 characters.
    type: str
    required: true
  prefix:
    description:
      - 'Prefix length of the destination network: up to 32 for IPv4, up to 128 for IPv6.'
      - Needed to create the object.
      - From 0 to 128.
    type: int
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Route to the video network
  ucops.platform.pexip_static_route:
    name: video-net
    address: 198.51.100.0
    prefix: 24
    gateway: 192.0.2.1
'''

RETURN = r'''
static_route:
  description:
  - The static route as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import STATIC_ROUTE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(STATIC_ROUTE)


if __name__ == '__main__':
    main()
