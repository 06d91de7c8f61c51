#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_certificate_import
short_description: Import a signed certificate into Pexip Infinity, assign it to nodes, remove the ones it replaces
version_added: 0.3.0
description:
  - Imports a PEM bundle with the C(certificates_import) platform command, unless a server certificate with the
    fingerprint of the bundle's first certificate is already there (so a second run imports nothing).
  - 'The bundle holds the signed certificate first, then its chain. Its private key is in the bundle too, unless the
    certificate answers a request made on the Management Node (M(ucops.platform.pexip_certificate_signing_request)):
    the manager then pairs it with the key it made for the request.'
  - With O(nodes), makes those Conferencing Nodes present the certificate.
  - With O(remove_superseded=true), deletes the other server certificates with the same common name (CN) that no
    node presents any more; those still presented by a node are kept and listed in RV(kept_in_use).
  - In check mode nothing is written; before the import the certificates it would supersede cannot be named (their
    common name is read from the imported certificate), so RV(removed) is empty then.
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
  bundle:
    description:
      - PEM text, the signed certificate first, then the intermediate and root CA certificates, then (when the request
        was not made on the manager) its private key.
    type: str
    required: true
  private_key_passphrase:
    description: Passphrase of an encrypted private key in O(bundle).
    type: str
  nodes:
    description: Names of the Conferencing Nodes that are to present the certificate.
    type: list
    elements: str
    default: []
  remove_superseded:
    description: Delete the other certificates with the same common name that no node presents after the change.
    type: bool
    default: false
seealso:
  - module: ucops.platform.pexip_certificate_info
  - module: ucops.platform.pexip_certificate_signing_request
  - module: ucops.platform.pexip_tls_certificate
'''

EXAMPLES = r'''
- name: A location and the node that is to present the certificate (see ucops.platform.pexip_worker_vm)
  ucops.platform.pexip_system_location:
    name: Galway

- name: The node, its provisioning document saved for the VM
  ucops.platform.pexip_worker_vm:
    name: conf-node-1
    hostname: conf-node-1
    domain: example.com
    address: 192.0.2.68
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Galway
    password: "{{ vault_node_password }}"
    dest: nodes/conf-node-1.xml

- name: Install the renewed certificate (certificate, chain and key in one PEM file) on the node, drop the old one
  ucops.platform.pexip_certificate_import:
    bundle: "{{ lookup('ansible.builtin.file', 'pki/conf.example.com-bundle.pem') }}"
    nodes: [conf-node-1]
    remove_superseded: true
'''

RETURN = r'''
tls_certificate:
  description: The imported (or already present) certificate, as M(ucops.platform.pexip_certificate_info) shows it.
  returned: always
  type: dict
fingerprint:
  description: SHA-256 fingerprint of the bundle's first certificate.
  returned: always
  type: str
imported:
  description: Whether the bundle was imported (predicted in check mode).
  returned: always
  type: bool
nodes_changed:
  description: Names of the nodes that were made to present the certificate.
  returned: always
  type: list
  elements: str
removed:
  description: The superseded certificates deleted (fingerprint, subject_name, serial_no, end_date, resource_uri).
  returned: always
  type: list
  elements: dict
kept_in_use:
  description: Superseded certificates kept because a node still presents them, with those nodes.
  returned: always
  type: list
  elements: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificate_ops import import_certificate
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        bundle=dict(type='str', required=True, no_log=True),
        private_key_passphrase=dict(type='str', no_log=True),
        nodes=dict(type='list', elements='str', default=[]),
        remove_superseded=dict(type='bool', default=False),
    ), supports_check_mode=True)
    try:
        result = import_certificate(client_from(module), module.params, check_mode=module.check_mode,
                                    diff_mode=module._diff)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
