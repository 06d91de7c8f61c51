#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: kazoo_system_config
short_description: Manage a section of a Kazoo system_config document
version_added: 0.1.0
description:
  - Sets the keys of one section (C(default), a zone, or a node C(name@host)) of a Kazoo
    system configuration category through Crossbar C(/v2/system_configs).
  - Idempotency is computed on B(effective) values (stored values merged over the C(default)
    section and the schema defaults, as C(?with_defaults=true) returns them). A key whose desired
    value equals its default is already in state, and a second run sends no write request.
  - Before any write, the section is validated against the category's JSON schema fetched from
    the server (C(/v2/schemas/system_config.<category>), draft 4, C($ref) resolved from the server too);
    a bad value fails naming its dotted path and nothing is written.
  - A key the schema does not list (a typo such as C(fetch_timout)) or a category the server has no
    schema for fails with the closest known names, and nothing is written, unless O(allow_unknown=true).
  - Only the managed section is written - O(mode=merge) patches its keys, O(mode=replace) replaces that
    section alone - so tasks that write different sections of one category at the same time (forks)
    keep each other's changes. A conflicting concurrent save (HTTP 409) is read and applied again.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.kazoo
  - ucops.platform.attributes
  - ucops.platform.attributes.kazoo_group
attributes:
  check_mode:
    support: full
    details: Reads only, and reports the effective section a real run would produce.
  diff_mode:
    support: full
    details: Before and after of the effective section (of the whole document with O(whole_document)).
options:
  category:
    description:
      - The system_config category (document id), for example V(crossbar), V(ecallmgr), V(crossbar.auth).
      - One or more dot-separated words of letters, digits, V(_) and V(-); any other name (V(.), V(..), a
        name with V(/)) fails before any request is sent.
    type: str
    required: true
  node:
    description:
      - The section to manage - V(default) (applies to every node and zone), a zone name (words of letters,
        digits, V(_) and V(-) separated by dots), or an Erlang node name C(name@host) such as
        V(ecallmgr@fs1.example.com).
      - Any other name (V(.), V(..), V(id), a name with V(/)) fails before any request is sent.
    type: str
    default: default
  settings:
    description:
      - Keys of the section and their desired values. Nested objects are merged key by key;
        lists are compared and replaced as a whole.
      - A V(null) value resets that key to its default.
      - A string is converted where the schema asks for an integer, a number or a boolean (V('42') to V(42),
        V('true') to V(true)), as Kazoo's own validation does, so a value from a template means the same on
        every ansible-core (before 2.19 a template such as V({{ size | int }}) or V({{ item.size }}) gives a string).
      - Required with O(state=present).
    type: dict
  mode:
    description:
      - V(merge) changes only the keys in O(settings) and keeps the others.
      - V(replace) makes O(settings) the whole section; keys not listed go back to their defaults.
        Other sections of the document are not rewritten.
    type: str
    choices: [merge, replace]
    default: merge
  allow_unknown:
    description:
      - By default a key of O(settings) that the category's schema does not list, or a category the
        server has no schema C(system_config.<category>) for, fails with the closest known names
        (for example C(did you mean 'fetch_timeout'?)) and nothing is written.
      - V(true) writes such keys and categories, for the settings of a custom application. Keys the
        schema lists are still validated; a category without a schema is not validated.
      - Setting a key the section holds to V(null) (removing it) is allowed either way.
    type: bool
    default: false
  state:
    description:
      - V(present) makes the section hold O(settings).
      - V(absent) removes the section (its keys fall back to the defaults), or with O(whole_document)
        the whole category document.
    type: str
    choices: [present, absent]
    default: present
  whole_document:
    description:
      - With O(state=absent), delete the whole category document instead of one section.
    type: bool
    default: false
seealso:
  - module: ucops.platform.kazoo_system_config_info
'''

EXAMPLES = r'''
- name: Tune ecallmgr for every node
  ucops.platform.kazoo_system_config:
    category: ecallmgr
    settings:
      authz_enabled: true
      fetch_timeout: 3000

- name: Override one key on one node only
  ucops.platform.kazoo_system_config:
    category: ecallmgr
    node: ecallmgr@fs1.example.com
    settings:
      fetch_timeout: 5000

- name: Make the crossbar default section exactly this (other keys back to defaults)
  ucops.platform.kazoo_system_config:
    category: crossbar
    mode: replace
    settings:
      default_language: fr-FR

- name: Reset one key to its default
  ucops.platform.kazoo_system_config:
    category: ecallmgr
    settings:
      fetch_timeout: null

- name: Remove a node's overrides
  ucops.platform.kazoo_system_config:
    category: ecallmgr
    node: ecallmgr@fs1.example.com
    state: absent

- name: Delete the whole document of a category
  ucops.platform.kazoo_system_config:
    category: sysconf
    state: absent
    whole_document: true

- name: Settings of a custom application, whose category Kazoo has no schema for
  ucops.platform.kazoo_system_config:
    category: acme_billing
    allow_unknown: true
    settings:
      invoice_day: 1
      currency: EUR

# Connection options given once for several tasks; here from inventory variables and a vault.
# Without them the modules read KAZOO_URL, KAZOO_API_KEY and the other KAZOO_* variables.
- name: Connection options once for a group of tasks
  module_defaults:
    group/ucops.platform.kazoo:
      kazoo_url: "{{ kazoo_url }}"
      kazoo_api_key: "{{ vault_kazoo_api_key }}"
  block:
    - name: Set the crossbar page size
      ucops.platform.kazoo_system_config:
        category: crossbar
        settings:
          pagination_page_size: 100
'''

RETURN = r'''
system_config:
  description:
    - The effective section after the task (stored values merged over C(default) and the schema defaults).
    - In check mode, the effective section a real run would produce.
    - With O(whole_document), the effective document before deletion is in the diff only; this is V({}).
  returned: always
  type: dict
  sample: {"acl_request_timeout_fudge_ms": 101, "acl_request_timeout_ms": 2000}
stored:
  description:
    - What the server stores for the section (only the differences from the defaults).
    - In check mode, what a real run would store.
  returned: always
  type: dict
  sample: {"acl_request_timeout_fudge_ms": 101}
'''


from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, kazoo_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import JSONSCHEMA_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import (
    SettingsInvalid, SystemConfigs, check_category, check_node, ensure_absent, ensure_present, failure_message)


def main():
    argument_spec = kazoo_argument_spec()
    argument_spec.update(
        category=dict(type='str', required=True),
        node=dict(type='str', default='default'),
        settings=dict(type='dict'),
        mode=dict(type='str', choices=['merge', 'replace'], default='merge'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
        whole_document=dict(type='bool', default=False),
        allow_unknown=dict(type='bool', default=False),
    )
    module = SecretAwareModule(
        argument_spec=argument_spec,
        supports_check_mode=True,
        required_if=[('state', 'present', ('settings',))],
    )
    module.require('requests', REQUESTS_IMPORT_ERROR)
    module.require('jsonschema', JSONSCHEMA_IMPORT_ERROR)

    p = module.params
    category, node = p['category'], p['node']
    try:
        check_category(category)
        if not p['whole_document']:
            check_node(node)
    except ApiError as exc:
        module.fail_json(msg=str(exc))
    if p['whole_document'] and p['state'] != 'absent':
        module.fail_json(msg='whole_document applies to state=absent only')
    if p['state'] == 'absent' and p['settings']:
        module.fail_json(msg='settings cannot be used with state=absent; to reset keys, set them to null '
                             'with state=present')

    try:
        svc = SystemConfigs(KazooClient.from_module(module))
        if p['state'] == 'present':
            res = ensure_present(svc, category, node, p['settings'], p['mode'], module.check_mode,
                                 allow_unknown=p['allow_unknown'])
        else:
            res = ensure_absent(svc, category, node, p['whole_document'], module.check_mode)
    except SettingsInvalid as exc:
        module.fail_json(msg=str(exc), field_errors=dict((path, [reason]) for path, reason in exc.errors))
    except ApiError as exc:
        module.fail_json(msg=failure_message(exc, category, None if p['whole_document'] else node), **exc.to_result())

    result = dict(changed=res['changed'], system_config=res['after'], stored=res['stored'])
    if p['whole_document']:
        result['system_config'] = {}
    if module._diff:
        result['diff'] = dict(before=res['before'], after=res['after'],
                              before_header='%s/%s' % (category, '' if p['whole_document'] else node),
                              after_header='%s/%s' % (category, '' if p['whole_document'] else node))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
