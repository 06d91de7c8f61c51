#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_alias_info
short_description: Read Pexip Infinity aliases of services
version_added: 0.1.0
description:
  - Reads one alias by its O(alias), the ones matching O(filters), or all of them.
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
  alias:
    description:
      - The C(alias) of one object to read.
    type: str
seealso:
  - module: ucops.platform.pexip_alias
'''

EXAMPLES = r'''
- name: A room with two aliases to read back
  ucops.platform.pexip_conference:
    name: Support desk
    aliases:
      - alias: support@example.com
        description: SIP URI
      - alias: "4357"
  register: support_desk

- name: Read one alias
  ucops.platform.pexip_alias_info:
    alias: support@example.com
  register: one

- name: Every alias of one service, by the service's id
  ucops.platform.pexip_alias_info:
    filters:
      conference: "{{ support_desk.conference.id }}"
  register: room_aliases
'''

RETURN = r'''
aliases:
  description: The matching aliases, each with its service's resource URI.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3
      alias: meet.alice@example.com
      conference: /api/admin/configuration/v1/conference/1/
      description: SIP URI
      resource_uri: /api/admin/configuration/v1/conference_alias/3/
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE_ALIAS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_info_module


def main():
    run_info_module(CONFERENCE_ALIAS, 'aliases')


if __name__ == '__main__':
    main()
