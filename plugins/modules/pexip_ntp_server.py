#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ntp_server
short_description: Manage an NTP server known to Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes an NTP server, optionally with a symmetric key for authenticated time.
  - The server is found by its O(address).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
  - ucops.platform.pexip_options.update_password
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  address:
    description:
      - Host name or IP address of the NTP server.
      - The key by which the module finds the object.
      - Must be an IP address or a DNS name; checked before any request.
    type: str
    required: true
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  key:
    description:
      - Symmetric key shared with the NTP server for authenticated time.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  key_id:
    description:
      - Number of the symmetric key on the NTP server.
      - From 1 to 65535.
    type: int
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: An NTP server
  ucops.platform.pexip_ntp_server:
    address: ntp1.example.com
    description: Site clock

- name: Authenticated NTP
  ucops.platform.pexip_ntp_server:
    address: ntp2.example.com
    key_id: 7
    key: "{{ vault_ntp_key }}"
'''

RETURN = r'''
ntp_server:
  description:
  - The ntp server as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import NTP_SERVER
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(NTP_SERVER)


if __name__ == '__main__':
    main()
