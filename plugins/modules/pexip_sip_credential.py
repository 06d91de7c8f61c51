#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_sip_credential
short_description: Manage a SIP credential of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes the user name and password Conferencing Nodes answer a SIP digest challenge with.
  - 'The credential is found by its O(realm): keep one credential per realm.'
  - The password is write-only; see O(update_password).
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
  password:
    description:
      - Password to authenticate with.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  realm:
    description:
      - SIP realm the credential answers challenges for.
      - The key by which the module finds the object.
      - At most 255 characters.
    type: str
    required: true
  username:
    description:
      - User name to authenticate with.
      - Needed to create the object.
      - At most 100 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Credentials for the carrier trunk
  ucops.platform.pexip_sip_credential:
    realm: sip.carrier.example.net
    username: pexip-trunk
    password: "{{ vault_trunk_password }}"
'''

RETURN = r'''
sip_credential:
  description:
  - The sip credential as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_callcontrol import SIP_CREDENTIAL
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(SIP_CREDENTIAL)


if __name__ == '__main__':
    main()
