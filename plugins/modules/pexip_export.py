#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_export
short_description: Read a whole Pexip Infinity estate as the variables of the collection's roles
version_added: 0.3.0
description:
  - Reads every configuration resource the roles manage (and, with O(all_resources=true), every other resource the
    collection describes) and returns it as the variables of C(playbooks/vars/), file by file, so that
    C(playbooks/site.yml) applies it; C(playbooks/export.yml) writes them to a folder.
  - References are written as the name of the object they point at, values equal to the manager's defaults (from
    C(<resource>/schema/)) and read-only fields are left out, lists are sorted by their key and fields keep the order
    of the resource's description, so that an unchanged estate gives the same data.
  - Secrets are not written in the objects but referenced as C({{ vault_<resource>_<object>_<field> }}) and returned
    in RV(secrets). The values the manager returns (PINs) come with their value, those it never returns (node passwords,
    SNMP passwords, private keys) and uploaded files as V(null), to be filled in before the estate is applied.
  - The result holds secrets in clear; register it with C(no_log=true).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  all_resources:
    description:
      - V(true) also exports every described resource no role manages, to C(pexip_resources.yml) (variable
        C(pexip_resources), resource name to list of objects); V(false) only the roles' resources.
    type: bool
    default: true
  page_size:
    description: Objects per list request (the manager may answer fewer; every page is read).
    type: int
    default: 10000
notes:
  - Left out are conference aliases as objects of their own (they are in their conference's C(aliases)), certificate
    signing requests, media library entries (their file cannot be read back) and ivr theme packages.
  - The second side of a relation kept on both sides (a conference's C(automatic_participants), a theme's
    C(conference)) is left out; the side that stores it is written.
seealso:
  - module: ucops.platform.kazoo_system_config_export
  - module: ucops.platform.pexip_resource
'''

EXAMPLES = r'''
- name: Read the estate (the result holds PINs in clear)
  ucops.platform.pexip_export:
  register: estate
  no_log: true

- name: How many rooms it has
  ansible.builtin.debug:
    msg: "{{ estate.counts.conference }} rooms, {{ estate.counts.conference_alias }} aliases"
'''

RETURN = r'''
files:
  description:
    - The variables of each file of the estate, by file name (C(pexip_platform.yml), C(pexip_nodes.yml),
      C(pexip_services.yml) and, with O(all_resources), C(pexip_resources.yml)).
  returned: success
  type: dict
  sample:
    pexip_services.yml:
      pexip_services_tag: managed-by-ucops
      pexip_services_conferences:
        - name: Board room
          pin: "{{ vault_conference_board_room_pin }}"
          aliases: [{alias: board@example.com}]
secrets:
  description:
    - The secrets the files refer to, in the order they were met; RV(secrets[].value) is V(null) where the manager never
      returns the value.
  returned: success
  type: list
  elements: dict
  contains:
    name:
      description: Variable name the files refer to.
      type: str
    value:
      description: The value, or V(null) when it must be filled in.
      type: raw
    about:
      description: Which field of which object it is.
      type: str
    file:
      description: The file that refers to it.
      type: str
counts:
  description: Objects exported per resource (C(conference_alias) counts the aliases inside the services).
  returned: success
  type: dict
absent_resources:
  description: Resources this Management Node does not serve (an older version), which were skipped.
  returned: success
  type: list
  elements: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate import export_pexip
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        all_resources=dict(type='bool', default=True),
        page_size=dict(type='int', default=10000),
    ), supports_check_mode=True)
    if module.params['page_size'] < 1:
        module.fail_json(msg='page_size must be 1 or more (got %d)' % module.params['page_size'])
    try:
        estate = export_pexip(client_from(module), others=module.params['all_resources'],
                              page_size=module.params['page_size'])
    except ApiError as error:
        fail(module, error)
    for warning in estate.pop('warnings'):
        module.warn(warning)
    module.exit_json(changed=False, **estate)


if __name__ == '__main__':
    main()
