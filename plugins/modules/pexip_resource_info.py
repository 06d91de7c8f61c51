#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_resource_info
short_description: Read any Pexip Infinity configuration resource
version_added: 0.2.0
description:
  - Lists the objects of any configuration resource, optionally filtered and ordered by the API.
  - Follows the API's pagination, so every match is returned whatever the page size.
  - With O(schema=true) also returns the resource's schema as the Management Node describes it.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  resource:
    description: Name of the configuration resource, as in C(/api/admin/configuration/v1/<resource>/).
    type: str
    required: true
  filters:
    description:
      - Query filters with the API's field names and lookups, for example C(name__startswith=Team) or C(priority__lt=100).
      - Lists are sent comma-separated (for C(__in) lookups), booleans as C(true)/C(false).
    type: dict
    default: {}
  order_by:
    description: Field to sort by; prefix it with C(-) for descending order.
    type: str
  limit:
    description: Return at most this many objects. Unset returns every match.
    type: int
  schema:
    description: Also return the resource's schema.
    type: bool
    default: false
  secrets:
    description:
      - More fields whose values are masked in the result.
      - The secret fields of every resource the collection describes (see the module of each resource) and fields
        whose names say they hold a secret (C(password), C(passphrase), C(secret), C(token), C(pin), C(private_key),
        C(api_key), C(community) at the end of the name) are always masked.
    type: list
    elements: str
    default: []
seealso:
  - module: ucops.platform.pexip_resource
'''

EXAMPLES = r'''
- name: Call Routing Rules in the order they are tried
  ucops.platform.pexip_resource_info:
    resource: gateway_routing_rule
    order_by: priority
  register: rules

- name: The global settings
  ucops.platform.pexip_resource_info:
    resource: global
  register: settings

- name: The fields a SIP proxy has on this manager
  ucops.platform.pexip_resource_info:
    resource: sip_proxy
    limit: 0
    schema: true
  register: proxy_schema
'''

RETURN = r'''
objects:
  description: The matching objects as the Management Node returns them, secret values masked as C(********).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1
      name: Route to Skype
      priority: 50
      resource_uri: /api/admin/configuration/v1/gateway_routing_rule/1/
schema:
  description: The resource's schema (fields with their type, choices, defaults; filtering and ordering).
  returned: when O(schema=true)
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_generic import fetch_schema, mask_secrets
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def _filter_value(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ','.join(str(item) for item in value)
    return value


def main():
    module = new_module(dict(
        resource=dict(type='str', required=True),
        filters=dict(type='dict', default={}),
        order_by=dict(type='str'),
        limit=dict(type='int'),
        schema=dict(type='bool', default=False),
        secrets=dict(type='list', elements='str', default=[], no_log=False),
    ), supports_check_mode=True)
    params = module.params
    query = dict((key, _filter_value(value)) for key, value in params['filters'].items())
    if params['order_by']:
        query['order_by'] = params['order_by']
    result = {'changed': False, 'objects': []}
    try:
        client = client_from(module)
        if params['schema']:
            result['schema'] = fetch_schema(client, params['resource'])
        if params['limit'] != 0:
            for obj in client.iter_list(params['resource'], query):
                result['objects'].append(mask_secrets(obj, params['resource'], params['secrets']))
                if params['limit'] is not None and len(result['objects']) >= params['limit']:
                    break
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
