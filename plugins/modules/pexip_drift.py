#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_drift
short_description: Compare a live Pexip Infinity estate with its description as code
version_added: 0.3.0
description:
  - Compares the Management Node with an estate laid out like C(playbooks/vars/) (as M(ucops.platform.pexip_export)
    and C(playbooks/export.yml) write it) and reports, per resource, the objects whose fields differ, the objects on
    the manager the estate does not describe (unmanaged) and the objects the estate describes that the manager lacks
    (missing). Nothing is written to the manager.
  - The manager is read with the export, so both sides are compared in the estate's shape - references as names,
    values equal to the manager's defaults left out. An estate value equal to the manager's default, or a reference
    given by URI instead of name, is no drift. A field the estate leaves out counts as the manager's default, so a
    value set on the manager that the estate does not hold is drift.
  - The estate is taken as the roles apply it - O(estate) C(pexip_services_tag) is the C(tag) of every service and
    routing rule (and the description of a participant without one), the nodes' shared settings
    (C(pexip_nodes_domain), ...) apply to every node.
  - Secrets (PINs) are compared but never shown - a differing secret is reported as changed with both values masked.
    Write-only values (passwords, private keys) and uploaded files cannot be read back and are not compared.
  - With O(kazoo), the estate's C(kazoo.yml) is compared with the Kazoo cluster too - per system_config category and
    section (C(default), zones and nodes), the keys whose values differ, the sections Kazoo stores that the estate does
    not describe (unmanaged) and those it describes that Kazoo lacks (missing). Kazoo is read with
    M(ucops.platform.kazoo_system_config_export), so both sides hold only what differs from Kazoo's defaults - a value
    of a C(default) section equal to the category's schema default is no drift.
  - C(playbooks/drift.yml) reads an estate folder and writes the reports.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.kazoo
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  estate:
    description:
      - The estate - the variables of each of its files, by file name (C(pexip_platform.yml), C(pexip_nodes.yml),
        C(pexip_services.yml), C(pexip_resources.yml)), with secrets filled in (as C(include_vars) with C(name)
        loads a file). A file given as null is not compared.
      - Only the files given are compared; within a file, a role variable left out is compared as the role's default
        (an empty list), so every object of its resource on the manager is unmanaged.
      - Any Jinja in the files is evaluated by Ansible; for thousands of objects O(estate_dir) is much faster.
      - Exactly one of O(estate) and O(estate_dir) is required.
    type: dict
  estate_dir:
    description:
      - The folder of the estate, read by the module itself - the files above that it has, as an export writes them
        (plain YAML, C(!unsafe) text), each C({{ name }}) filled in from O(secrets). Any other template fails the
        task, naming the file and variable; use O(estate) for such files.
    type: path
  secrets:
    description: The secrets the files of O(estate_dir) refer to (the variables of the estate's C(secrets.yml)).
    type: dict
    default: {}
  all_resources:
    description: Also compare C(pexip_resources.yml) (the resources no role manages) when O(estate) has it.
    type: bool
    default: true
  report_dir:
    description:
      - Folder to write C(drift.json), C(drift.md) (grouped by resource) and C(drift.xml) (JUnit, one test case per
        object, a failure for each drifted, unmanaged or missing object) to; created when missing.
      - The files have a stable order and no timestamp - an unchanged drift gives identical files.
      - Written in check mode too; they describe the estate and change nothing on the manager.
    type: path
  in_sync_objects:
    description:
      - List the objects in sync in RV(resources) too. With V(false) RV(resources) lists only the objects that
        differ, are unmanaged or are missing, and RV(counts) still counts every object; the files of O(report_dir)
        always list every object.
      - For estates of tens of thousands of objects - each object of the result costs Ansible time and memory
        on its way back to the playbook.
    type: bool
    default: true
  page_size:
    description: Objects per list request (the manager may answer fewer; every page is read).
    type: int
    default: 10000
  kazoo:
    description:
      - Also compare the estate's C(kazoo.yml) (C(kazoo_system_configs_sections), and C(kazoo_system_configs_categories)
        when it has it) with the Kazoo cluster named by the C(kazoo_*) options, when the estate has that file.
      - Without it, C(kazoo.yml) is listed in RV(files_not_compared).
    type: bool
    default: false
seealso:
  - module: ucops.platform.pexip_export
  - module: ucops.platform.kazoo_system_config_export
'''

EXAMPLES = r'''
- name: Export the Management Node into estate/ (the layout of playbooks/vars, secrets in estate/secrets.yml)
  ucops.platform.pexip_export:
    dest: estate

- name: Read the estate's secrets (vault-encrypted or not)
  ansible.builtin.include_vars:
    file: estate/secrets.yml
    name: estate_secrets

- name: Compare the Management Node with the folder, reports in reports/
  ucops.platform.pexip_drift:
    estate_dir: estate
    secrets: "{{ estate_secrets }}"
    report_dir: reports
  register: drift

- name: Stop when the Management Node has drifted from the folder
  ansible.builtin.assert:
    that: not drift.drift
    fail_msg: "Drift: {{ drift.counts | to_json }}"
'''

RETURN = r'''
drift:
  description: Whether any object differs, is unmanaged or is missing.
  returned: success
  type: bool
counts:
  description: Objects compared, in sync, that differ, unmanaged and missing.
  returned: success
  type: dict
  sample: {objects: 12, in_sync: 9, drifted: 1, unmanaged: 1, missing: 1}
resources:
  description:
    - Per resource compared that has objects on either side - its C(label), C(file), C(variable), C(counts) and
      C(objects), each with C(object) (its key), C(status) (V(in_sync), V(drifted), V(unmanaged), V(missing)) and, when
      it differs, C(fields) - C(field), C(estate) and C(manager) values (secrets masked, with C(secret=true)), and
      C(estate_default)/C(manager_default) when a side holds the manager's default.
    - With O(kazoo), Kazoo's sections are the resource C(kazoo_system_config), each object named
      C(category / node) and each field a key of the section's settings (nested keys joined with dots).
  returned: success
  type: dict
  sample:
    conference:
      label: conference
      file: pexip_services.yml
      variable: pexip_services_conferences
      counts: {in_sync: 1, drifted: 1, unmanaged: 0, missing: 0}
      objects:
        - {object: Board room, status: drifted, fields: [{field: pin, estate: '********', manager: '********', secret: true}]}
        - {object: Town hall, status: in_sync}
files_compared:
  description: The estate's files that were compared.
  returned: success
  type: list
  elements: str
files_not_compared:
  description: Files of O(estate) this module does not compare.
  returned: success
  type: list
  elements: str
reports:
  description: The paths of the report files written, by name.
  returned: when O(report_dir) is set
  type: dict
requests:
  description: Number of HTTP requests the module sent (all reads), to the Management Node and, with O(kazoo), to Kazoo.
  returned: success
  type: int
'''

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.estate import KAZOO
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import KazooClient, kazoo_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_system_config import SystemConfigs
from ansible_collections.ucops.platform.plugins.module_utils.pexip_drift import (
    drift_pexip, read_estate, write_reports, yaml)
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, new_module


def main():
    spec = kazoo_argument_spec()
    spec.update(
        estate=dict(type='dict'),
        estate_dir=dict(type='path'),
        secrets=dict(type='dict', default={}, no_log=True),
        all_resources=dict(type='bool', default=True),
        report_dir=dict(type='path'),
        page_size=dict(type='int', default=10000),
        kazoo=dict(type='bool', default=False),
        in_sync_objects=dict(type='bool', default=True),
    )
    module = new_module(spec, supports_check_mode=True, required_one_of=[('estate', 'estate_dir')],
                        mutually_exclusive=[('estate', 'estate_dir')])
    params = module.params
    if params['page_size'] < 1:
        module.fail_json(msg='page_size must be 1 or more (got %d)' % params['page_size'])
    # the estate holds PINs and may hold thousands of objects: its echo shows the files only
    shown = dict(params, secrets='(%d secrets)' % len(params['secrets'] or {}))
    if params['estate'] is not None:
        shown['estate'] = '(files: %s)' % ', '.join(sorted(params['estate']))
    invocation = {'module_args': shown}
    client = kazoo_client = None
    try:
        if params['estate'] is not None:
            estate = dict((name, variables) for name, variables in params['estate'].items() if variables is not None)
        else:
            if yaml is None:
                module.fail_json(msg=missing_required_lib('PyYAML (to read estate_dir)'), invocation=invocation)
            estate = read_estate(params['estate_dir'], params['secrets'])
        client = client_from(module)
        if params['kazoo'] and KAZOO in estate:
            if not params['kazoo_url']:
                raise ApiError('kazoo=true compares %s with Kazoo and needs kazoo_url (or KAZOO_URL)' % KAZOO,
                               kind='usage')
            kazoo_client = KazooClient.from_module(module)
        report, secrets = drift_pexip(client, estate, all_resources=params['all_resources'],
                                      page_size=params['page_size'],
                                      kazoo=SystemConfigs(kazoo_client) if kazoo_client is not None else None)
    except ApiError as error:
        module.fail_json(msg=str(error), invocation=invocation, **error.to_result())
    for value in secrets:
        module.add_secret(value)
    if params['report_dir']:
        try:
            report['reports'] = write_reports(report, params['report_dir'])
        except (IOError, OSError) as error:
            module.fail_json(msg='report_dir %s: cannot write the reports: %s' % (params['report_dir'], error),
                             invocation=invocation)
    if not params['in_sync_objects']:
        for result in report['resources'].values():
            result['objects'] = [entry for entry in result['objects'] if entry.get('status') != 'in_sync']
    requests = client.request_count + (kazoo_client.requests_made if kazoo_client is not None else 0)
    module.exit_json(changed=False, requests=requests, invocation=invocation, **report)


if __name__ == '__main__':
    main()
