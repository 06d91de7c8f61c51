#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_registration
short_description: Manage the device registration settings of Pexip Infinity
version_added: 0.2.0
description:
  - Changes the platform-wide registration settings, the C(registration) resource.
  - 'The settings always exist: the module patches only the options you set and never creates or deletes the object.'
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.clear
  - ucops.platform.pexip_options.update_password
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  adaptive_max_refresh:
    description:
      - Adaptive maximum refresh.
      - From 60 to 7200.
    type: int
  adaptive_min_refresh:
    description:
      - Adaptive minimum refresh.
      - From 60 to 3600.
    type: int
  enable:
    description:
      - Enable (on or off).
    type: bool
  enable_google_cloud_messaging:
    description:
      - Whether google cloud messaging is enabled.
    type: bool
  enable_push_notifications:
    description:
      - Whether push notifications is enabled.
    type: bool
  maximum_max_refresh:
    description:
      - Maximum maximum refresh.
      - From 60 to 7200.
    type: int
  maximum_min_refresh:
    description:
      - Maximum minimum refresh.
      - From 60 to 3600.
    type: int
  natted_max_refresh:
    description:
      - Natted maximum refresh.
      - From 60 to 3600.
    type: int
  natted_min_refresh:
    description:
      - Natted minimum refresh.
      - From 60 to 3600.
    type: int
  push_token:
    description:
      - Push token.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  refresh_strategy:
    description:
      - Refresh strategy.
    type: str
    choices:
      - adaptive
      - maximum
  route_via_registrar:
    description:
      - Route via registrar (on or off).
    type: bool
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Allow registrations with shorter refresh intervals
  ucops.platform.pexip_registration:
    enable: true
    maximum_min_refresh: 60
'''

RETURN = r'''
registration:
  description:
  - The registration as the Management Node holds it after the task, references as resource URIs and secrets masked.
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_callcontrol import REGISTRATION
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_singleton_module


def main():
    run_singleton_module(REGISTRATION)


if __name__ == '__main__':
    main()
