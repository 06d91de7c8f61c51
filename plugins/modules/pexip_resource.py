#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_resource
short_description: Manage any Pexip Infinity configuration object, checked against the manager's schema
version_added: 0.2.0
description:
  - Creates, updates and deletes one object of any configuration resource, including resources that have no dedicated
    module yet or that a later Infinity release adds.
  - Before anything is written the module reads the resource's schema from the Management Node (C(<resource>/schema/),
    once per task) and rejects unknown fields, read-only fields, values of the wrong type and values outside the
    field's valid choices, naming each field. Nothing is written when a field is rejected.
  - The object is found by the fields listed in O(key); the module compares only the fields given in O(fields).
  - References to other objects are given as resource URIs, or by name when O(references) names the target resource.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.pexip_generic
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  resource:
    description: Name of the configuration resource, as in C(/api/admin/configuration/v1/<resource>/).
    type: str
    required: true
  key:
    description:
      - Fields that together identify the object; each must also appear in O(fields).
      - An empty list means the resource holds a single object that always exists (such as C(global)); it is found
        by listing and only ever patched.
    type: list
    elements: str
    default: [name]
  fields:
    description:
      - Field values with the API's names and types. A value of V(null) empties the field.
      - Fields not given are left as they are.
    type: dict
    default: {}
  state:
    description: V(present) creates or updates the object, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
# Any configuration resource by its API name, with the API's field names. The resources
# used here also have dedicated modules; those without one (or added by a later release)
# work the same way.
- name: A SIP proxy, found by name (the default key)
  ucops.platform.pexip_resource:
    resource: sip_proxy
    fields:
      name: edge-sbc
      address: sbc-edge.example.com
      port: 5061
      transport: tls

- name: A DNS server found by address
  ucops.platform.pexip_resource:
    resource: dns_server
    key: [address]
    fields:
      address: 203.0.113.53
      description: Secondary resolver

- name: A Virtual Meeting Room
  ucops.platform.pexip_resource:
    resource: conference
    fields:
      name: Design review
      service_type: conference

- name: A participant found by alias and display name, attached to rooms by name
  ucops.platform.pexip_resource:
    resource: automatic_participant
    key: [alias, remote_display_name]
    fields:
      alias: streamer@example.com
      remote_display_name: Streamer
      conference: [Design review]
    references:
      conference: conference

- name: A global setting
  ucops.platform.pexip_resource:
    resource: global
    key: []
    fields:
      enable_webrtc: true

- name: Delete the proxy
  ucops.platform.pexip_resource:
    resource: sip_proxy
    fields:
      name: edge-sbc
    state: absent
'''

RETURN = r'''
object:
  description:
    - The object as the Management Node holds it after the task, references as resource URIs and O(secrets) masked.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: 2
    name: egress
    address: proxy.example.com
    port: 3128
    resource_uri: /api/admin/configuration/v1/http_proxy/2/
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_generic import converge, generic_argument_spec, hide_secrets
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        resource=dict(type='str', required=True),
        key=dict(type='list', elements='str', default=['name'], no_log=False),
        fields=dict(type='dict', default={}),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        **generic_argument_spec()
    ), supports_check_mode=True)
    params = dict(module.params)
    params['secrets'] = hide_secrets(module, params['fields'], params['secrets'], params['resource'])
    try:
        result = converge(client_from(module), params, check_mode=module.check_mode, diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
