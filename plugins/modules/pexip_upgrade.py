#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_upgrade
short_description: Upgrade Pexip Infinity from a software package
version_added: 0.2.0
description:
  - Uploads a software package to the C(upgrade) resource, which starts the upgrade of the platform.
  - An upgrade is an action, not a state the API can be asked about, so the module uploads the package and reports a
    change on every run. Guard the task with a condition, for example on the version reported by the status API.
  - In check mode the package is checked locally and nothing is uploaded.
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
seealso:
  - module: ucops.platform.pexip_system_backup
'''

EXAMPLES = r'''
- name: Back up first
  ucops.platform.pexip_system_backup:
    passphrase: "{{ vault_backup_passphrase }}"
    dest: backups/
  register: pre_upgrade_backup

# An upgrade reports a change on every run: guard it, here with the version
# the backup was made by (the running one).
- name: Upgrade to release 37
  ucops.platform.pexip_upgrade:
    package: files/Pexip_Infinity_v37_UPGRADE.tar
  when: pre_upgrade_backup.system_backup.version is version('37', '<')
'''

RETURN = r'''
package:
  description: File name of the package that was (or in check mode would be) uploaded.
  returned: always
  type: str
size:
  description: Size of the package in bytes.
  returned: always
  type: int
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_platform_ops import upgrade


def main():
    module = new_module(dict(package=dict(type='path', required=True)), supports_check_mode=True)
    try:
        result = upgrade(client_from(module), module.params, check_mode=module.check_mode, diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
