#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_device
short_description: Manage a registered device of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a device alias allowed to register to the platform. It is found by its O(alias).
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
  alias:
    description:
      - Alias the device registers with.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  enable_h323:
    description:
      - Whether H.323 is enabled.
    type: bool
  enable_infinity_connect_non_sso:
    description:
      - Whether infinity connect non SSO is enabled.
    type: bool
  enable_infinity_connect_sso:
    description:
      - Whether infinity connect SSO is enabled.
    type: bool
  enable_sip:
    description:
      - Whether SIP is enabled.
    type: bool
  enable_standard_sso:
    description:
      - Whether standard SSO is enabled.
    type: bool
  password:
    description:
      - Password to authenticate with.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  primary_owner_email_address:
    description:
      - Primary owner email address.
      - At most 100 characters.
    type: str
  sso_identity_provider_group:
    description:
      - Identity provider group the device user signs in with.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  sync_tag:
    description:
      - Tag set by LDAP sync on objects it created.
      - At most 250 characters.
    type: str
  tag:
    description:
      - Free-form tag, for example to mark objects created by automation.
      - At most 250 characters.
    type: str
  username:
    description:
      - User name to authenticate with.
      - At most 100 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: A room system that registers over SIP
  ucops.platform.pexip_device:
    alias: room-12@example.com
    username: room-12
    password: "{{ vault_device_password }}"
    enable_sip: true
'''

RETURN = r'''
device:
  description:
  - The device as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_services import DEVICE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(DEVICE)


if __name__ == '__main__':
    main()
