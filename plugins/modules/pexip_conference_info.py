#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_conference_info
short_description: Read Pexip Infinity Virtual Meeting Rooms, Virtual Auditoriums and Virtual Receptions
version_added: 0.1.0
description:
  - Reads one service by its O(name), the ones matching O(filters), or all of them.
  - Follows the API's pagination, so every match is returned whatever the page size.
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
  - module: ucops.platform.pexip_conference
'''

EXAMPLES = r'''
- name: A few services to read back
  ucops.platform.pexip_conference:
    name: "{{ item.name }}"
    service_type: "{{ item.service_type }}"
  loop:
    - {name: Team Falcon, service_type: conference}
    - {name: Team Heron, service_type: conference}
    - {name: Quarterly results, service_type: lecture}

- name: Read one service
  ucops.platform.pexip_conference_info:
    name: Team Falcon
  register: vmr

- name: All Virtual Auditoriums, by name
  ucops.platform.pexip_conference_info:
    filters:
      service_type: lecture
    order_by: name
  register: auditoriums

- name: Every service whose name starts with "Team"
  ucops.platform.pexip_conference_info:
    filters:
      name__startswith: Team
  register: teams
'''

RETURN = r'''
conferences:
  description:
    - The matching services as the Management Node returns them, with references as resource URIs.
    - PINs are masked.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1
      name: Alice's VMR
      service_type: conference
      pin: "********"
      aliases:
        - alias: meet.alice@example.com
          conference: /api/admin/configuration/v1/conference/1/
          description: ""
          id: 1
      resource_uri: /api/admin/configuration/v1/conference/1/
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_info_module


def main():
    run_info_module(CONFERENCE, 'conferences')


if __name__ == '__main__':
    main()
