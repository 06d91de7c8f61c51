#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ivr_theme
short_description: Manage a theme of Pexip Infinity services
version_added: 0.2.0
description:
  - Adds, changes and removes a theme (the C(ivr_theme) resource) and uploads its ZIP package.
  - The theme is found by its O(name); services point at themes by name, see M(ucops.platform.pexip_conference).
  - The theme is created first, then O(package) is sent as a multipart upload, as the API reference shows.
  - The manager never returns the uploaded package, so the module cannot see whether the stored package matches
    the local file. It uploads the package when it creates the theme; afterwards only with O(update_package=always),
    which reports a change every run.
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
  conference:
    description:
      - Services that use this theme, by name or resource URI; compared as a set.
      - A list of C(conference) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  custom_layouts:
    description:
      - Custom layout definitions of the theme, as the API holds them (a JSON text).
    type: str
  gateway_routing_rule:
    description:
      - Call Routing Rules that use this theme.
      - 'The other side of the rules'' own C(ivr_theme): set it there (with M(ucops.platform.pexip_gateway_routing_rule));
        a manager that keeps the link only on the rule fails the task naming this option.'
      - A list of C(gateway_routing_rule) objects, each given as its C(name) or its resource URI; compared as a
        set.
    type: list
    elements: str
  name:
    description:
      - Name of the theme and by which services refer to it.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  package:
    description: Path of the theme package (a ZIP file) on the controller to upload.
    type: path
  pinning_configs:
    description:
      - Pinning configurations of the theme, as the API holds them (a JSON text).
    type: str
  update_package:
    description: V(on_create) uploads O(package) only when the theme is created; V(always) uploads it on every run.
    type: str
    choices:
      - always
      - on_create
    default: on_create
  uuid:
    description:
      - Unique identifier of the theme; the manager makes one when it is not given.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The corporate theme
  ucops.platform.pexip_ivr_theme:
    name: Corporate
    package: files/corporate-theme.zip

- name: Push a new version of the package
  ucops.platform.pexip_ivr_theme:
    name: Corporate
    package: files/corporate-theme.zip
    update_package: always
'''

RETURN = r'''
ivr_theme:
  description:
  - The ivr theme as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
uploaded:
  description: File name of the package sent in this run.
  returned: when the package was uploaded
  type: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_services import IVR_THEME
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_upload_module


def main():
    run_upload_module(IVR_THEME, 'package')


if __name__ == '__main__':
    main()
