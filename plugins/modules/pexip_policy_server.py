#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_policy_server
short_description: Manage an external policy server of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes an external policy server and the lookups that go to it, and the local policy templates.
  - It is found by its O(name). The password is write-only; see O(update_password).
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
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  enable_avatar_lookup:
    description:
      - Whether avatar lookup is enabled.
    type: bool
  enable_directory_lookup:
    description:
      - Whether directory lookup is enabled.
    type: bool
  enable_internal_media_location_policy:
    description:
      - Whether internal media location policy is enabled.
    type: bool
  enable_internal_participant_policy:
    description:
      - Whether internal participant policy is enabled.
    type: bool
  enable_internal_service_policy:
    description:
      - Whether internal service policy is enabled.
    type: bool
  enable_media_location_lookup:
    description:
      - Whether media location lookup is enabled.
    type: bool
  enable_participant_lookup:
    description:
      - Whether participant lookup is enabled.
    type: bool
  enable_registration_lookup:
    description:
      - Whether registration lookup is enabled.
    type: bool
  enable_service_lookup:
    description:
      - Whether service lookup is enabled.
    type: bool
  internal_media_location_policy_template:
    description:
      - Internal media location policy template.
      - At most 49152 characters.
    type: str
  internal_participant_policy_template:
    description:
      - Internal participant policy template.
      - At most 49152 characters.
    type: str
  internal_service_policy_template:
    description:
      - Internal service policy template.
      - At most 49152 characters.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  password:
    description:
      - Password to authenticate with.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  prefer_local_avatar_configuration:
    description:
      - Prefer local avatar configuration (on or off).
    type: bool
  url:
    description:
      - URL.
      - At most 255 characters.
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
- name: Service and participant lookups go to the policy server
  ucops.platform.pexip_policy_server:
    name: policy
    url: https://policy.example.com
    username: pexip
    password: "{{ vault_policy_password }}"
    enable_service_lookup: true
    enable_participant_lookup: true
'''

RETURN = r'''
policy_server:
  description:
  - The policy server as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_callcontrol import POLICY_SERVER
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(POLICY_SERVER)


if __name__ == '__main__':
    main()
