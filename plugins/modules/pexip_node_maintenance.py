#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_node_maintenance
short_description: Put a Pexip Infinity Conferencing Node into maintenance mode and wait until its calls end
version_added: 0.3.0
description:
  - Puts the Conferencing Node O(name) into maintenance mode (O(state=maintenance)), where it takes no new calls and
    keeps the running ones, or brings it back into service (O(state=in_service)).
  - With O(wait_drained=true) the module then waits until no participant is left on the node (their media or
    signalling), reading the status API every second, and reports how many there were and how long it took. When
    O(drain_timeout) runs out first, the task fails with the number still connected; the node stays in maintenance
    mode and the calls are left alone.
  - Idempotent; in check mode nothing is changed or waited for, and the participants now on the node are reported.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  name:
    description: Name of the Conferencing Node.
    type: str
    required: true
  state:
    description:
      - V(maintenance) sets the node's C(maintenance_mode); V(in_service) clears it.
    type: str
    choices: [maintenance, in_service]
    default: maintenance
  reason:
    description:
      - Why the node is in maintenance (its C(maintenance_mode_reason), at most 250 characters).
      - Left as it is when not given; V("") empties it.
    type: str
  wait_drained:
    description:
      - With O(state=maintenance), wait until no participant is left on the node.
    type: bool
    default: false
  drain_timeout:
    description:
      - Seconds to wait for the node to drain with O(wait_drained=true); when they run out the task fails with the
        number of participants still connected.
    type: float
    default: 3600
seealso:
  - module: ucops.platform.pexip_status_info
  - module: ucops.platform.pexip_worker_vm
'''

EXAMPLES = r'''
- name: A location and a node to maintain (see ucops.platform.pexip_worker_vm)
  ucops.platform.pexip_system_location:
    name: Cork

- name: The node, its provisioning document saved for the VM
  ucops.platform.pexip_worker_vm:
    name: conf-cork-01
    hostname: conf-cork-01
    domain: example.com
    address: 192.0.2.67
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Cork
    password: "{{ vault_node_password }}"
    dest: nodes/conf-cork-01.xml

- name: Drain conf-cork-01 (new calls go to the other nodes; running calls may take up to an hour)
  ucops.platform.pexip_node_maintenance:
    name: conf-cork-01
    state: maintenance
    reason: OS patching, change CHG-1234
    wait_drained: true
    drain_timeout: 3600
  register: drained

- name: Show how long it took
  ansible.builtin.debug:
    msg: "{{ drained.participants }} participants left in {{ drained.drain_seconds }} s"

- name: Back into service
  ucops.platform.pexip_node_maintenance:
    name: conf-cork-01
    state: in_service
'''

RETURN = r'''
name:
  description: The node's name.
  returned: success
  type: str
  sample: conf-dub-01
state:
  description: The state asked for.
  returned: success
  type: str
  sample: maintenance
maintenance_mode:
  description: Whether the node is (or in check mode would be) in maintenance mode.
  returned: success
  type: bool
  sample: true
maintenance_mode_reason:
  description: The node's maintenance reason after the task.
  returned: success
  type: str
  sample: OS patching, change CHG-1234
participants:
  description: Participants on the node when the task started waiting (after maintenance mode was set).
  returned: always
  type: int
  sample: 12
participants_remaining:
  description: Participants still on the node when the task ended (on a drain timeout, the number still connected).
  returned: always
  type: int
  sample: 0
drained:
  description: Whether no participant was left on the node. Only with O(wait_drained=true).
  returned: when wait_drained is true and state is maintenance
  type: bool
  sample: true
drain_seconds:
  description: Seconds the task waited for the participants to leave (0 in check mode).
  returned: when wait_drained is true and state is maintenance
  type: float
  sample: 184.2
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_status import DrainTimeout, NodeMaintenance


def main():
    module = new_module(dict(name=dict(type='str', required=True),
                             state=dict(type='str', default='maintenance', choices=['maintenance', 'in_service']),
                             reason=dict(type='str'),
                             wait_drained=dict(type='bool', default=False),
                             drain_timeout=dict(type='float', default=3600)),
                        supports_check_mode=True)
    params = module.params
    if params['reason'] is not None and len(params['reason']) > 250:
        module.fail_json(msg='reason is %d characters long; a node\'s maintenance reason takes at most 250'
                         % len(params['reason']))
    if params['drain_timeout'] < 0:
        module.fail_json(msg='drain_timeout=%s: give 0 or more seconds' % params['drain_timeout'])
    try:
        result = NodeMaintenance(client_from(module), params, check_mode=module.check_mode,
                                 diff_mode=module._diff).run()
    except DrainTimeout as error:
        module.fail_json(msg=str(error), changed=error.result.get('changed', False),
                         **dict((key, value) for key, value in error.result.items() if key != 'changed'))
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
