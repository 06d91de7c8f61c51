#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: kazoo_system_config_info
short_description: Read Kazoo system_config categories, documents and sections
version_added: 0.1.0
description:
  - Without O(category), lists the configured system_config categories (every page of the listing).
  - With O(category), reads the document; with O(node) too, reads one section.
  - Values are effective (merged over C(default) and the schema defaults) unless O(with_defaults=false),
    which returns what the server stores.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.kazoo
  - ucops.platform.attributes
  - ucops.platform.attributes.kazoo_group
  - ucops.platform.attributes.info_module
options:
  category:
    description: The category (document id) to read, for example V(crossbar).
    type: str
  node:
    description: The section to read (V(default), a zone, or a node C(name@host)). Needs O(category).
    type: str
  with_defaults:
    description:
      - V(true) returns effective values; V(false) the raw stored values.
      - For a document read with V(false), Kazoo still fills the C(default) section with the schema defaults.
    type: bool
    default: true
  page_size:
    description: Rows per page when listing categories (all pages are read).
    type: int
seealso:
  - module: ucops.platform.kazoo_system_config
'''

EXAMPLES = r'''
- name: List the categories that have a document
  ucops.platform.kazoo_system_config_info:
  register: kazoo_categories

- name: Effective ecallmgr settings of one node
  ucops.platform.kazoo_system_config_info:
    category: ecallmgr
    node: ecallmgr@fs1.example.com
  register: kazoo_ecallmgr

- name: What is stored in the crossbar document
  ucops.platform.kazoo_system_config_info:
    category: crossbar
    with_defaults: false
  register: kazoo_crossbar_raw
'''

RETURN = r'''
categories:
  description: The categories that have a document (every page). Only without O(category).
  returned: when category is not given
  type: list
  elements: str
  sample: ["crossbar", "ecallmgr"]
system_config:
  description: The document (sections keyed by name) or, with O(node), the section.
  returned: when category is given
  type: dict
  sample: {"default": {"acl_request_timeout_ms": 2000}}
exists:
  description: Whether the category has a document (Kazoo answers a read of a missing document with defaults).
  returned: when category is given and node is not
  type: bool
'''


from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, kazoo_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import (
    SystemConfigs, check_category, check_node, failure_message)


def main():
    argument_spec = kazoo_argument_spec()
    argument_spec.update(
        category=dict(type='str'),
        node=dict(type='str'),
        with_defaults=dict(type='bool', default=True),
        page_size=dict(type='int'),
    )
    module = SecretAwareModule(argument_spec=argument_spec, supports_check_mode=True,
                               required_by={'node': ('category',)})
    module.require('requests', REQUESTS_IMPORT_ERROR)
    p = module.params
    try:
        if p['category'] is not None:
            check_category(p['category'])
        if p['node'] is not None:
            check_node(p['node'])
        svc = SystemConfigs(KazooClient.from_module(module))
        if not p['category']:
            module.exit_json(changed=False, categories=svc.categories(page_size=p['page_size']))
        if p['node']:
            module.exit_json(changed=False, system_config=svc.section(p['category'], p['node'], p['with_defaults']))
        doc = svc.document(p['category'], p['with_defaults'])
        exists = p['category'] in svc.categories(page_size=p['page_size'])
        module.exit_json(changed=False, system_config=doc, exists=exists)
    except ApiError as exc:
        module.fail_json(msg=failure_message(exc, p['category'], p['node']), **exc.to_result())


if __name__ == '__main__':
    main()
