#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ldap_sync_source
short_description: Manage an LDAP sync source of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a directory server that VMR sync templates read from. It is found by its O(name).
  - The bind password is masked in every result.
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
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  ldap_base_dn:
    description:
      - LDAP base DN.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  ldap_bind_password:
    description:
      - LDAP bind password.
      - Needed to create the object.
      - At most 100 characters.
      - Masked in every result and diff.
    type: str
  ldap_bind_username:
    description:
      - LDAP bind username.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  ldap_server:
    description:
      - LDAP server.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  ldap_use_global_catalog:
    description:
      - LDAP use global catalog (on or off).
    type: bool
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The corporate directory
  ucops.platform.pexip_ldap_sync_source:
    name: Corporate AD
    ldap_server: ad.example.com
    ldap_base_dn: dc=example,dc=com
    ldap_bind_username: CN=pexip,OU=Service,DC=example,DC=com
    ldap_bind_password: "{{ vault_ldap_password }}"
'''

RETURN = r'''
ldap_sync_source:
  description:
  - The ldap sync source as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import LDAP_SYNC_SOURCE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(LDAP_SYNC_SOURCE)


if __name__ == '__main__':
    main()
