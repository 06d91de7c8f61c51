#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_system_backup
short_description: Make, download, delete and restore Pexip Infinity configuration backups
version_added: 0.2.0
description:
  - With O(state=present) and no O(filename), asks the Management Node for a new backup (the C(backup_create) platform
    command), encrypted with O(passphrase). This is an action and reports a change on every run.
  - With O(state=present) and a O(filename), makes sure that backup exists on the manager.
  - With O(dest), downloads the backup there; a file already at O(dest) whose SHA-256 matches the backup's
    C(sha256sum) is not downloaded again.
  - With O(state=absent), deletes the backup named O(filename) from the manager.
  - With O(state=restored), restores the configuration from O(src) (a local file) or from the backup named O(filename)
    (downloaded first), with the C(backup_restore) platform command. This replaces the platform's configuration and
    reports a change on every run.
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
  state:
    description: V(present) makes or keeps a backup, V(absent) deletes it, V(restored) restores one.
    type: str
    choices: [present, absent, restored]
    default: present
  filename:
    description:
      - File name of a backup on the manager, as listed by the C(system_backup) resource.
      - Required with O(state=absent); with O(state=restored) either O(filename) or O(src) is required.
    type: str
  passphrase:
    description:
      - Passphrase that encrypts a new backup or decrypts the one being restored.
      - Required to make a new backup and to restore.
    type: str
  dest:
    description:
      - Local file or directory to download the backup to. A directory (an existing one, or any path ending in
        V(/)) receives the backup under its own file name; missing directories are created.
    type: path
  src:
    description: Local backup file to restore from.
    type: path
seealso:
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
# A dest ending in / is a directory (created when missing); the backup keeps its file name.
- name: Back up the configuration and keep a copy on the controller
  ucops.platform.pexip_system_backup:
    passphrase: "{{ vault_backup_passphrase }}"
    dest: backups/
  register: backup

- name: Restore it
  ucops.platform.pexip_system_backup:
    state: restored
    src: "{{ backup.dest }}"
    passphrase: "{{ vault_backup_passphrase }}"

- name: Delete the backup from the manager (the copy on the controller stays)
  ucops.platform.pexip_system_backup:
    filename: "{{ backup.system_backup.filename }}"
    state: absent
'''

RETURN = r'''
system_backup:
  description: The backup as the manager lists it; empty when deleted.
  returned: always
  type: dict
  sample:
    filename: pexip_backup_mgr_36_0_26_11_22_15_00_00.pexbak
    sha256sum: 9f2c...
    size: 18345
    version: "36.0"
    resource_uri: /api/admin/configuration/v1/system_backup/3/
dest:
  description: Path of the downloaded backup.
  returned: when O(dest) is set
  type: str
restored:
  description: File name of the backup that was restored.
  returned: when O(state=restored)
  type: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module
from ansible_collections.ucops.platform.plugins.module_utils.pexip_platform_ops import system_backup


def main():
    module = new_module(dict(
        state=dict(type='str', default='present', choices=['present', 'absent', 'restored']),
        filename=dict(type='str'),
        passphrase=dict(type='str', no_log=True),
        dest=dict(type='path'),
        src=dict(type='path'),
    ), supports_check_mode=True, required_if=[
        ('state', 'absent', ['filename']),
        ('state', 'restored', ['filename', 'src'], True),
        ('state', 'restored', ['passphrase']),
    ], mutually_exclusive=[('filename', 'src')])
    params = module.params
    if params['state'] == 'present' and not params['filename'] and not params['passphrase']:
        module.fail_json(msg='passphrase is required to make a new backup')
    try:
        result = system_backup(client_from(module), params, check_mode=module.check_mode, diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
