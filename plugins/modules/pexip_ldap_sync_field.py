#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ldap_sync_field
short_description: Manage a custom LDAP sync field of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes an extra LDAP attribute made available to sync templates. It is found by its O(name).
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
  is_binary:
    description:
      - Is binary (on or off).
    type: bool
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  template_variable_name:
    description:
      - Template variable name.
      - Needed to create the object.
      - At most 250 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Expose the employee number to templates
  ucops.platform.pexip_ldap_sync_field:
    name: employeeNumber
    template_variable_name: employee_number
'''

RETURN = r'''
ldap_sync_field:
  description:
  - The ldap sync field as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import LDAP_SYNC_FIELD
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(LDAP_SYNC_FIELD)


if __name__ == '__main__':
    main()
