#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_tls_certificate
short_description: Manage a TLS certificate and private key of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a server or client certificate with its private key, for the Management Node and Conferencing
    Nodes.
  - 'A certificate has no name: the module finds it by the SHA-256 fingerprint of O(certificate), computed locally
    from the PEM text, so re-wrapped PEM text still matches. The fingerprint is returned. A renewed certificate
    is a new object.'
  - 'The private key and its passphrase are write-only: they are sent when the certificate is added and, with O(update_password=always),
    on every run.'
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
  - ucops.platform.pexip_options.update_password
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  certificate:
    description:
      - The certificate in PEM format; its fingerprint is the key by which the module finds it.
      - The key by which the module finds the object.
    type: str
    required: true
  nodes:
    description:
      - Fully qualified names of the Conferencing Nodes that present this certificate.
    type: list
    elements: str
  parameters:
    description:
      - Extra TLS parameters in PEM format, such as Diffie-Hellman or elliptic curve parameters.
      - At most 1000 characters.
    type: str
  private_key:
    description:
      - The private key matching O(certificate), in PEM format.
      - Needed to create the object.
      - At most 12288 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  private_key_passphrase:
    description:
      - Passphrase of an encrypted O(private_key).
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The manager's web certificate
  ucops.platform.pexip_tls_certificate:
    certificate: "{{ lookup('ansible.builtin.file', 'pki/manager.pem') }}"
    private_key: "{{ lookup('ansible.builtin.file', 'pki/manager.key') }}"

- name: Remove last year's certificate once the new one is in place
  ucops.platform.pexip_tls_certificate:
    certificate: "{{ lookup('ansible.builtin.file', 'pki/manager-2025.pem') }}"
    state: absent
'''

RETURN = r'''
tls_certificate:
  description:
  - The tls certificate as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
fingerprint:
  description: SHA-256 fingerprint of O(certificate), the key by which the module found the object.
  returned: always
  type: str
  sample: AB:CD:...
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import TLS_CERTIFICATE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_certificate_module


def main():
    run_certificate_module(TLS_CERTIFICATE)


if __name__ == '__main__':
    main()
