#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ldap_role
short_description: Map an LDAP group to Pexip Infinity administrator roles
version_added: 0.2.0
description:
  - Adds, changes and removes the mapping from an LDAP group to roles. It is found by its O(name).
  - O(roles) lists roles by name or resource URI and is compared as a set.
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
  ldap_group_dn:
    description:
      - Distinguished name of the LDAP group.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  roles:
    description:
      - Roles granted to members of the group, by name or resource URI; compared as a set.
      - A list of C(role) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The role directory members get (see ucops.platform.pexip_role)
  ucops.platform.pexip_role:
    name: Video administrators
    permissions:
      - Full administrator access

- name: Video team members are administrators
  ucops.platform.pexip_ldap_role:
    name: video-team
    ldap_group_dn: CN=Video,OU=Groups,DC=example,DC=com
    roles: [Video administrators]
'''

RETURN = r'''
ldap_role:
  description:
  - The ldap role as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import LDAP_ROLE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(LDAP_ROLE)


if __name__ == '__main__':
    main()
