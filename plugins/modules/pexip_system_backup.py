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
    command), encrypted with O(passphrase), and waits until it is listed. This is an action and reports a change on
    every run.
  - 'Where the manager has the status API''s C(backup_request), the backup is asked for as a background request and
    followed until it completes (or fails, which fails the task with its message); a manager that refuses background
    requests gets the plain command. Whatever the command answers (the new backup, a status message or an empty
    C(202)), the new backup is the C(system_backup) entry that was not there before.'
  - With O(state=present) and a O(filename), makes sure that backup exists on the manager.
  - With O(dest), downloads the backup there (mode C(0600), written atomically) and checks it against the backup's
    C(sha256sum) and size; a file that does not match is not kept. A file already at O(dest) whose SHA-256 matches is
    not downloaded again. The file is fetched from the request's C(download_uri), the backup's own URI or
    C(<its URI>download/), the first that serves the file.
  - With O(keep), only the O(keep) newest backups stay on the manager after the task (a backup just made or named by
    O(filename) is always kept); O(state=pruned) only prunes.
  - With O(state=absent), deletes the backup named O(filename) from the manager.
  - With O(state=restored), restores the configuration from O(src) (a local file) or from the backup named O(filename)
    (downloaded first), with the C(backup_restore) platform command. This replaces the platform's configuration and
    reports a change on every run.
  - O(passphrase) is never logged nor returned.
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
    description:
      - V(present) makes or keeps a backup, V(absent) deletes it, V(restored) restores one, V(pruned) deletes all but
        the O(keep) newest.
    type: str
    choices: [present, absent, restored, pruned]
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
  keep:
    description:
      - How many backups (the newest, by date) to leave on the manager; older ones are deleted.
      - Required with O(state=pruned); with O(state=present) the pruning follows the backup.
    type: int
  timeout:
    description: Seconds to wait for a new backup to complete and be listed.
    type: int
    default: 300
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

- name: Back up, download, and keep only the 5 newest backups on the manager
  ucops.platform.pexip_system_backup:
    passphrase: "{{ vault_backup_passphrase }}"
    dest: backups/
    keep: 5

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
download_route:
  description: The URI the file was downloaded from; null when the file at O(dest) was already the backup.
  returned: when O(dest) is set and not in check mode
  type: str
sha256_verified:
  description: Whether the download was checked against the C(sha256sum) the manager lists (it always is when listed).
  returned: when O(dest) is set and not in check mode
  type: bool
backup_request:
  description:
    - How the new backup was made. C(answer) describes the command's answer, C(request) is the URI of the background
      request followed (null without one), C(download_uri) what it named, C(waited) the seconds waited.
  returned: when a new backup was made
  type: dict
removed:
  description: File names of the backups deleted by O(keep) (predicted in check mode), oldest first.
  returned: when O(keep) is set
  type: list
  elements: str
backups:
  description: File names of the backups left on the manager, oldest first.
  returned: when O(keep) is set
  type: list
  elements: str
restored:
  description: File name of the backup that was restored.
  returned: when O(state=restored)
  type: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_backups import system_backup
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        state=dict(type='str', default='present', choices=['present', 'absent', 'restored', 'pruned']),
        filename=dict(type='str'),
        passphrase=dict(type='str', no_log=True),
        dest=dict(type='path'),
        src=dict(type='path'),
        keep=dict(type='int', no_log=False),
        timeout=dict(type='int', default=300),
    ), supports_check_mode=True, required_if=[
        ('state', 'absent', ['filename']),
        ('state', 'restored', ['filename', 'src'], True),
        ('state', 'restored', ['passphrase']),
        ('state', 'pruned', ['keep']),
    ], mutually_exclusive=[('filename', 'src')])
    params = module.params
    if params['state'] == 'present' and not params['filename'] and not params['passphrase']:
        module.fail_json(msg='passphrase is required to make a new backup')
    if params['keep'] is not None and params['keep'] < 1:
        module.fail_json(msg='keep must be 1 or more (got %d): the newest backup is never pruned' % params['keep'])
    if params['timeout'] < 1:
        module.fail_json(msg='timeout must be 1 or more seconds (got %d)' % params['timeout'])
    try:
        result = system_backup(client_from(module), params, check_mode=module.check_mode, diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
