#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_status_info
short_description: Read the live status of a Pexip Infinity platform (alarms, nodes, participants, licensing)
version_added: 0.3.0
description:
  - Reads every entry of one resource of the status API (C(/api/admin/status/v1/<resource>/)), page after page, for
    example the raised alarms, the Conferencing Nodes' synchronisation state and media load, the participants and
    conferences in progress, or the licences in use.
  - Status entries are what the platform is doing now; the configuration is read with the C(*_info) modules and
    M(ucops.platform.pexip_resource_info).
  - A filter the manager does not allow on a resource is applied on the controller instead, on every page read.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  resource:
    description:
      - The status resource to read.
      - V(alarm) lists the raised alarms (C(name), C(level), C(node), C(time_raised)); V(worker_vm) the Conferencing
        Nodes (C(sync_status), C(maintenance_mode), C(media_load), C(version), C(upgrade_status)); V(participant) the
        participants connected (C(media_node) and C(signalling_node) are node addresses); V(licensing) one entry with
        the licences in use and in total.
    type: str
    required: true
    choices: [alarm, backplane, backup_request, cloud_monitored_location, cloud_node, cloud_overflow_location,
              conference, conference_shard, conference_sync, exchange_scheduler, licensing, management_vm,
              mjx_endpoint, mjx_meeting, participant, registration_alias, scheduling_operation, snapshot_request,
              system_location, system_status, teamsnode, teamsnode_call, teamsnodedsc, worker_vm]
  filters:
    description:
      - Query filters passed to the API, using the status resource's field names and lookups, for example
        C(level=critical), C(name__startswith=conf-) or C(media_load__gte=80).
      - Lists are sent comma-separated (for C(__in) lookups), booleans as C(true)/C(false).
    type: dict
    default: {}
seealso:
  - module: ucops.platform.pexip_node_maintenance
  - module: ucops.platform.pexip_worker_vm_info
'''

EXAMPLES = r'''
- name: The critical alarms
  ucops.platform.pexip_status_info:
    resource: alarm
    filters:
      level: critical
  register: critical

- name: Stop when one is raised
  ansible.builtin.assert:
    that: critical.objects | length == 0
    fail_msg: "Critical alarms: {{ critical.objects | map(attribute='name') | join(', ') }}"

- name: Nodes that are not synced
  ucops.platform.pexip_status_info:
    resource: worker_vm
  register: nodes

- name: Show them
  ansible.builtin.debug:
    msg: "{{ nodes.objects | rejectattr('sync_status', 'eq', 'SYNCED') | map(attribute='name') | list }}"

- name: Participants on one node (by its address)
  ucops.platform.pexip_status_info:
    resource: participant
    filters:
      media_node: 192.0.2.51
  register: on_node

- name: Port licences in use
  ucops.platform.pexip_status_info:
    resource: licensing
  register: licensing

- name: Show the usage
  ansible.builtin.debug:
    msg: "{{ licensing.objects[0].port_count }} of {{ licensing.objects[0].port_total }} ports"
'''

RETURN = r'''
objects:
  description: Every status entry of the resource that passes the filters, as the API returns it.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 4
      name: Conferencing Node CPU overloaded
      level: warning
      node: conf-dub-01
      details: ""
      acknowledged: false
      time_raised: "2026-12-01T03:10:00"
      resource_uri: /api/admin/status/v1/alarm/4/
count:
  description: The number of entries in RV(objects).
  returned: always
  type: int
  sample: 1
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_status import STATUS_RESOURCES, read_status


def main():
    module = new_module(dict(resource=dict(type='str', required=True, choices=list(STATUS_RESOURCES)),
                             filters=dict(type='dict', default={})),
                        supports_check_mode=True)
    try:
        objects = read_status(client_from(module), module.params['resource'], module.params['filters'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(changed=False, objects=objects, count=len(objects))


if __name__ == '__main__':
    main()
