#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ldap_sync
short_description: Run the LDAP sync of a Pexip Infinity VMR sync template and report what it changed
version_added: 0.2.0
description:
  - Starts the LDAP sync of one VMR sync template (C(conference_sync_template)) with the C(conference/sync) command
    and waits for the template's C(conference_sync) entry in the status API to end, then reports how many VMRs,
    devices and end users the sync created, updated, deleted and left unchanged.
  - Reports a change when the sync created, updated or deleted anything, so a second run against an unchanged
    directory reports none.
  - A sync that ends in error fails the task with the manager's last error description and the counts.
  - In check mode no sync is started; a sync is predicted (its outcome depends on the directory).
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
    support: none
options:
  template:
    description: Name of the VMR sync template to run.
    type: str
    required: true
  wait:
    description: Wait for the sync to end and report its counts; without it the task only starts the sync.
    type: bool
    default: true
  timeout:
    description: Seconds to wait for the sync to end.
    type: int
    default: 600
  poll_interval:
    description: Seconds between two looks at the sync's status.
    type: float
    default: 2
seealso:
  - module: ucops.platform.pexip_conference_sync_template
  - module: ucops.platform.pexip_ldap_sync_source
'''

EXAMPLES = r'''
- name: The directory the sales team comes from
  ucops.platform.pexip_ldap_sync_source:
    name: Sales directory
    ldap_server: ldap.example.com
    ldap_base_dn: ou=sales,dc=example,dc=com
    ldap_bind_username: CN=pexip-sync,OU=Service,DC=example,DC=com
    ldap_bind_password: "{{ vault_ldap_password }}"

- name: One VMR and one end user per directory user
  ucops.platform.pexip_conference_sync_template:
    name: Sales VMRs
    ldap_sync_source: Sales directory
    ldap_user_filter: (objectClass=person)
    conference_name: "{{ '{{' }}givenName{{ '}}' }} {{ '{{' }}sn{{ '}}' }}"
    sync_conferences: true
    sync_end_users: true

- name: Sync the template from the directory
  ucops.platform.pexip_ldap_sync:
    template: Sales VMRs
  register: sync

- name: Report it
  ansible.builtin.debug:
    msg: "{{ sync.counts.vmrs.created }} created, {{ sync.counts.vmrs.updated }} updated, {{ sync.counts.vmrs.deleted }} deleted"
'''

RETURN = r'''
template:
  description: Name of the template.
  returned: always
  type: str
template_id:
  description: Id of the template (the C(conference_sync_template_id) sent).
  returned: always
  type: int
counts:
  description: For C(vmrs), C(devices) and C(end_users), how many the sync C(created), C(updated), C(deleted) and
    left C(unchanged).
  returned: when the sync was waited for
  type: dict
  sample:
    vmrs: {created: 5, updated: 0, deleted: 0, unchanged: 12}
    devices: {created: 0, updated: 0, deleted: 0, unchanged: 0}
    end_users: {created: 5, updated: 0, deleted: 0, unchanged: 12}
conference_sync:
  description: The template's C(conference_sync) status entry at the end of the sync.
  returned: when the sync was waited for
  type: dict
elapsed:
  description: Seconds the sync took, as seen by the module.
  returned: when the sync was waited for
  type: float
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_ldap_sync import LdapSync, SyncFailed
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        template=dict(type='str', required=True),
        wait=dict(type='bool', default=True),
        timeout=dict(type='int', default=600),
        poll_interval=dict(type='float', default=2),
    ), supports_check_mode=True)
    params = module.params
    for name in ('timeout', 'poll_interval'):
        if params[name] <= 0:
            module.fail_json(msg='%s must be greater than 0 (it is %s)' % (name, params[name]))
    try:
        result = LdapSync(client_from(module), params, check_mode=module.check_mode, warn=module.warn).run()
    except SyncFailed as error:
        module.fail_json(msg=str(error), **error.result)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
