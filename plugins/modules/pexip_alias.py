#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_alias
short_description: Manage one alias of a Pexip Infinity service
version_added: 0.1.0
description:
  - Creates, updates and deletes one alias (dial string) of a Virtual Meeting Room, Virtual Auditorium or Virtual
    Reception, through the C(conference_alias) configuration resource.
  - The alias is found by its O(alias) text, which is unique across the platform. Pointing O(conference) at another
    service moves the alias there.
  - To manage all aliases of a service at once, use the O(ucops.platform.pexip_conference#module:aliases) option
    of M(ucops.platform.pexip_conference) instead.
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
  alias:
    description:
      - The dial string, for example C(meet.alice@example.com).
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  conference:
    description:
      - The service the alias belongs to, by name or resource URI. The service must exist.
      - Required when O(state=present).
      - Needed to create the object.
      - Given as the C(name) of a C(conference) object, or as its resource URI.
    type: str
  description:
    description:
      - Free text describing the alias.
      - At most 250 characters.
    type: str
  view_order:
    description:
      - Position of the alias when the service's aliases are listed in order.
    type: int
seealso:
  - module: ucops.platform.pexip_conference
  - module: ucops.platform.pexip_alias_info
'''

EXAMPLES = r'''
- name: Two Virtual Meeting Rooms for the sales team
  ucops.platform.pexip_conference:
    name: "{{ item }}"
  loop:
    - Sales weekly
    - Sales overflow
  register: sales_rooms

- name: Add an alias to an existing Virtual Meeting Room
  ucops.platform.pexip_alias:
    alias: sales@example.com
    conference: Sales weekly
    description: SIP URI

# The service is given by name or, as here, by its resource URI.
- name: Move the alias to another service
  ucops.platform.pexip_alias:
    alias: sales@example.com
    conference: "{{ sales_rooms.results[1].conference.resource_uri }}"

- name: Delete the alias
  ucops.platform.pexip_alias:
    alias: sales@example.com
    state: absent
'''

RETURN = r'''
alias:
  description: The alias as the Management Node holds it after the task; empty when absent.
  returned: always
  type: dict
  sample:
    id: 3
    alias: meet.alice@example.com
    conference: /api/admin/configuration/v1/conference/1/
    description: SIP URI
    resource_uri: /api/admin/configuration/v1/conference_alias/3/
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE_ALIAS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(CONFERENCE_ALIAS, required_if=[('state', 'present', ['conference'])])


if __name__ == '__main__':
    main()
