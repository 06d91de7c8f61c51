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
attributes:
  check_mode:
    support: full
    details: With O(dest) nothing is written and RV(changed_files) says whether C(kazoo.yml) would change; without it
      the module only reads.
  diff_mode:
    support: full
    details: With O(dest) the diff names C(kazoo.yml) when it changes.
options:
  categories:
    description: Only these categories; by default every category that has a document.
    type: list
    elements: str
  dest:
    description:
      - A folder to write C(kazoo.yml) to (made when missing), atomically and only when its bytes differ, so
        C(changed) is V(true) only when it changed; in check mode nothing is written and RV(changed_files) says
        whether it would change (the diff lists it too).
      - With O(dest) the result holds only RV(file_names), RV(changed_files) and the counts; the text is that of the
        C(ucops.platform.estate_yaml) filter. Without O(dest) nothing is written and the sections are returned as data
        (RV(files)).
    type: path
seealso:
  - module: ucops.platform.pexip_export
  - module: ucops.platform.kazoo_system_config_info
'''

EXAMPLES = r'''
- name: Write kazoo.yml of the estate
  ucops.platform.kazoo_system_config_export:
    dest: /srv/estate

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
  returned: success, without O(dest)
  type: dict
  sample:
    kazoo.yml:
      kazoo_system_configs_sections:
        - {category: crossbar, node: default, settings: {request_timeout_ms: 20000}}
file_names:
  description: The file written in O(dest), C(kazoo.yml).
  returned: success, with O(dest)
  type: list
  elements: str
changed_files:
  description: The files of RV(file_names) whose bytes (or mode) changed, or would change in check mode.
  returned: success, with O(dest)
  type: list
  elements: str
counts:
  description: Categories and sections exported (C(kazoo_categories), C(kazoo_sections)).
  returned: success
  type: dict
'''

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate_files import YAML_IMPORT_ERROR, write_export
from ansible_collections.ucops.platform.plugins.module_utils.estate import export_kazoo
from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, kazoo_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import SystemConfigs, check_category


def main():
    argument_spec = kazoo_argument_spec()
    argument_spec.update(categories=dict(type='list', elements='str'), dest=dict(type='path'))
    module = SecretAwareModule(argument_spec=argument_spec, supports_check_mode=True)
    module.require('requests', REQUESTS_IMPORT_ERROR)
    categories = module.params['categories']
    try:
        for index, category in enumerate(categories or ()):
            check_category(category, option='categories[%d]' % index)
        estate = export_kazoo(SystemConfigs(KazooClient.from_module(module)), categories)
    except ApiError as exc:
        module.fail_json(msg=str(exc), **exc.to_result())
    if module.params['dest'] is None:
        module.exit_json(changed=False, **estate)
    if YAML_IMPORT_ERROR is not None:
        module.fail_json(msg=missing_required_lib('PyYAML'), exception=YAML_IMPORT_ERROR)
    module.exit_json(**write_export(module, estate, secrets=False))


if __name__ == '__main__':
    main()
