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
  - Without O(dest) the result holds secrets in clear; register it with C(no_log=true). With O(dest) the module
    writes the files itself and returns only their names and the counts.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
    details: With O(dest) nothing is written and RV(changed_files) names the files that would change; without it the
      module only reads.
  diff_mode:
    support: full
    details: With O(dest) the diff lists the files that change (their names, not their content, which may hold secrets).
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
  dest:
    description:
      - A folder to write the estate's files to (C(pexip_platform.yml), C(pexip_nodes.yml), C(pexip_services.yml),
        with O(all_resources) C(pexip_resources.yml), and C(secrets.yml) with mode C(0600)); made when missing.
      - Each file is written atomically and only when its bytes differ, so C(changed) is V(true) only when a file
        changed; in check mode nothing is written and RV(changed_files) names the files that would change (the diff
        lists them too).
      - With O(dest) the result holds no objects and no secrets, only RV(file_names), RV(changed_files), the counts and
        the number of secrets; the text is that of the C(ucops.platform.estate_yaml) and
        C(ucops.platform.estate_secrets_yaml) filters.
      - Without O(dest) nothing is written and the estate is returned as data (RV(files), RV(secrets)).
    type: path
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
- name: Write the estate to a folder (only counts and file names come back)
  ucops.platform.pexip_export:
    dest: estate
  register: written

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
  returned: success, without O(dest)
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
  returned: success, without O(dest)
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
file_names:
  description: The files of the estate in O(dest), sorted (C(secrets.yml) among them).
  returned: success, with O(dest)
  type: list
  elements: str
  sample: [pexip_nodes.yml, pexip_platform.yml, pexip_resources.yml, pexip_services.yml, secrets.yml]
changed_files:
  description: The files of RV(file_names) whose bytes (or mode) changed, or would change in check mode.
  returned: success, with O(dest)
  type: list
  elements: str
secret_count:
  description: Entries of C(secrets.yml).
  returned: success, with O(dest)
  type: int
null_secret_count:
  description: Entries of C(secrets.yml) that are V(null) (the manager never returns them) and must be filled in.
  returned: success, with O(dest)
  type: int
absent_resources:
  description: Resources this Management Node does not serve (an older version), which were skipped.
  returned: success
  type: list
  elements: str
'''

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate import export_pexip
from ansible_collections.ucops.platform.plugins.module_utils.estate_files import YAML_IMPORT_ERROR, write_export
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        all_resources=dict(type='bool', default=True),
        page_size=dict(type='int', default=10000),
        dest=dict(type='path'),
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
    if module.params['dest'] is None:
        module.exit_json(changed=False, **estate)
    if YAML_IMPORT_ERROR is not None:
        module.fail_json(msg=missing_required_lib('PyYAML'), exception=YAML_IMPORT_ERROR)
    module.exit_json(**write_export(module, estate, secrets=True))


if __name__ == '__main__':
    main()
