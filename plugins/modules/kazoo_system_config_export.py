#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: kazoo_system_config_export
short_description: Read every stored Kazoo system_config section as the variables of the kazoo_system_configs role
version_added: 0.3.0
description:
  - Reads every system_config category and returns its stored sections (C(default), zones and nodes) as the role
    variable C(kazoo_system_configs_sections), so that C(playbooks/site.yml) applies them;
    C(playbooks/export.yml) writes them to C(kazoo.yml).
  - Only what Kazoo stores is written, without the schema defaults Kazoo fills into the C(default) section when it is
    read; categories are sorted, each with its C(default) section first and then the other sections sorted, and keys
    are sorted, so that an unchanged cluster gives the same data.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.kazoo
  - ucops.platform.attributes
  - ucops.platform.attributes.kazoo_group
  - ucops.platform.attributes.info_module
options:
  categories:
    description: Only these categories; by default every category that has a document.
    type: list
    elements: str
seealso:
  - module: ucops.platform.pexip_export
  - module: ucops.platform.kazoo_system_config_info
'''

EXAMPLES = r'''
- name: Read every stored section
  ucops.platform.kazoo_system_config_export:
  register: kazoo_estate

- name: The sections as the role takes them
  ansible.builtin.debug:
    var: kazoo_estate.files['kazoo.yml'].kazoo_system_configs_sections
'''

RETURN = r'''
files:
  description: The variables of the estate's C(kazoo.yml).
  returned: success
  type: dict
  sample:
    kazoo.yml:
      kazoo_system_configs_sections:
        - {category: crossbar, node: default, settings: {request_timeout_ms: 20000}}
counts:
  description: Categories and sections exported (C(kazoo_categories), C(kazoo_sections)).
  returned: success
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate import export_kazoo
from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, kazoo_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import SystemConfigs, check_category


def main():
    argument_spec = kazoo_argument_spec()
    argument_spec.update(categories=dict(type='list', elements='str'))
    module = SecretAwareModule(argument_spec=argument_spec, supports_check_mode=True)
    module.require('requests', REQUESTS_IMPORT_ERROR)
    categories = module.params['categories']
    try:
        for index, category in enumerate(categories or ()):
            check_category(category, option='categories[%d]' % index)
        estate = export_kazoo(SystemConfigs(KazooClient.from_module(module)), categories)
    except ApiError as exc:
        module.fail_json(msg=str(exc), **exc.to_result())
    module.exit_json(changed=False, **estate)


if __name__ == '__main__':
    main()
