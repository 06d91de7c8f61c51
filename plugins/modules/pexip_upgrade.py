#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_upgrade
short_description: Upgrade Pexip Infinity from a software package and follow every node to the new version
version_added: 0.2.0
description:
  - Uploads an upgrade package in chunks through an C(upgrade_request) (opened by the C(platform/upgrade) command with
    C(request) and C(total_size)), has the Management Node validate it (C(finish) with C(validate_only)), then
    starts the upgrade (C(finish)) and follows the C(upgrade_status) and C(version) of the Management Node and of
    every Conferencing Node in the status API until all of them report the package's version.
  - Idempotent. With O(version), a platform whose nodes all report that version already is left alone without an
    upload. Without it the package is uploaded and validated, and the version the manager reads from it is compared;
    an upload that is not needed is cancelled and the module reports no change.
  - A package the manager refuses fails the task naming the package and the manager's reason; the upload is
    cancelled and no upgrade starts.
  - In check mode nothing is uploaded; with O(version) the prediction is exact, without it an upgrade is predicted.
  - A node that reports no version in the status API (never contacted) runs no software to upgrade; it is not
    waited for and the module warns about it.
  - The role C(ucops.platform.pexip_upgrade) adds pre-flight checks, a backup and a post-flight report.
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
  package:
    description: Path of the upgrade package on the controller.
    type: path
    required: true
  version:
    description:
      - The version the package installs, for example V(37.0).
      - When every node already reports it, nothing is uploaded. When the manager's validation reads another version
        from the package, the task fails and no upgrade starts.
      - Versions compare by their numbers, so V(37), V(37.0) and V(37.0.0) are the same.
    type: str
  validate_only:
    description: Upload the package and have the manager validate it, then cancel the upload; never starts an upgrade.
    type: bool
    default: false
  wait:
    description: Follow every node until all report the new version with no upgrade under way.
    type: bool
    default: true
  timeout:
    description: Seconds to wait for every node to finish; the task then fails naming the nodes that did not.
    type: int
    default: 3600
  poll_interval:
    description: Seconds between two looks at the nodes' status.
    type: float
    default: 5
  chunk_size:
    description: Bytes sent in each upload request.
    type: int
    default: 8388608
seealso:
  - module: ucops.platform.pexip_system_backup
  - module: ucops.platform.pexip_status_info
'''

EXAMPLES = r'''
- name: Check that the manager accepts the package, start nothing
  ucops.platform.pexip_upgrade:
    package: files/Pexip_Infinity_v37_UPGRADE.tar
    version: "37.0"
    validate_only: true

- name: Upgrade to 37.0 and wait until every node runs it
  ucops.platform.pexip_upgrade:
    package: files/Pexip_Infinity_v37_UPGRADE.tar
    version: "37.0"
    timeout: 7200
  register: upgrade

- name: Show how the nodes went
  ansible.builtin.debug:
    msg: "{{ upgrade.progress | map(attribute='node') | unique | list }} now run {{ upgrade.version }}"
'''

RETURN = r'''
package:
  description: File name of the package.
  returned: always
  type: str
size:
  description: Size of the package in bytes.
  returned: always
  type: int
current_version:
  description: The version the Management Node reported before the task.
  returned: always
  type: str
  sample: "36.0"
version:
  description: The version the package installs (read by the manager's validation, else O(version)).
  returned: always
  type: str
  sample: "37.0"
upgrade_request:
  description: The uuid of the upgrade request the package was uploaded to.
  returned: when the package was uploaded
  type: str
validated:
  description: The manager's validation answer, C(current) and C(upgrade) version information.
  returned: when the package was validated
  type: dict
nodes:
  description: Every node (C(name), C(role) management or conferencing, C(version), C(upgrade_status), C(sync_status))
    as the status API shows it at the end of the task.
  returned: always
  type: list
  elements: dict
progress:
  description: Each change of a node's C(upgrade_status) or C(version) seen while following the upgrade, with the
    seconds since it started.
  returned: always
  type: list
  elements: dict
  sample:
    - {node: mgr, upgrade_status: INSTALLING, version: "36.0", seconds: 0.0}
    - {node: mgr, upgrade_status: IDLE, version: "37.0", seconds: 61.2}
elapsed:
  description: Seconds spent following the upgrade.
  returned: when the upgrade was started and followed
  type: float
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_upgrade import Upgrade


def main():
    module = new_module(dict(
        package=dict(type='path', required=True),
        version=dict(type='str'),
        validate_only=dict(type='bool', default=False),
        wait=dict(type='bool', default=True),
        timeout=dict(type='int', default=3600),
        poll_interval=dict(type='float', default=5),
        chunk_size=dict(type='int', default=8388608),
    ), supports_check_mode=True)
    params = module.params
    for name in ('timeout', 'poll_interval', 'chunk_size'):
        if params[name] <= 0:
            module.fail_json(msg='%s must be greater than 0 (it is %s)' % (name, params[name]))
    try:
        result = Upgrade(client_from(module), params, check_mode=module.check_mode, warn=module.warn).run()
    except ApiError as error:
        fail(module, error)
    if module._diff:
        result['diff'] = {'before': {'version': result['current_version']},
                          'after': {'version': result['version'] if result['changed'] else result['current_version']}}
    module.exit_json(**result)


if __name__ == '__main__':
    main()
