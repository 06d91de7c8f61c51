#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_role
short_description: Manage an administrator role of Pexip Infinity
version_added: 0.2.0
description:
  - 'Adds, changes and removes a role: a named set of permissions. It is found by its O(name).'
  - O(permissions) lists permissions by name or resource URI and is compared as a set.
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
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  permissions:
    description:
      - Permissions granted by the role, by name or resource URI; compared as a set.
      - A list of C(permission) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: A read-only role
  ucops.platform.pexip_role:
    name: Auditors
    permissions:
      - Read any configuration
      - Read live status
'''

RETURN = r'''
role:
  description:
  - The role as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import ROLE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(ROLE)


if __name__ == '__main__':
    main()
