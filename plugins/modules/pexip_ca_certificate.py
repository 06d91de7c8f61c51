#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_ca_certificate
short_description: Manage a trusted CA certificate of Pexip Infinity
version_added: 0.2.0
description:
  - Adds and removes a certificate authority the platform trusts, and marks it as a trusted intermediate.
  - 'A certificate has no name: the module finds it by the SHA-256 fingerprint of O(certificate), computed locally
    from the PEM text, so re-wrapped PEM text still matches. The fingerprint is returned.'
  - O(certificate) holds exactly one certificate; add the members of a bundle one by one.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  certificate:
    description:
      - The CA certificate in PEM format; its fingerprint is the key by which the module finds it.
      - The key by which the module finds the object.
    type: str
    required: true
  trusted_intermediate:
    description:
      - Whether the certificate is an intermediate to send along in chains.
    type: bool
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Trust the corporate root CA
  ucops.platform.pexip_ca_certificate:
    certificate: "{{ lookup('ansible.builtin.file', 'pki/corp-root.pem') }}"

- name: Stop trusting it
  ucops.platform.pexip_ca_certificate:
    certificate: "{{ lookup('ansible.builtin.file', 'pki/corp-root.pem') }}"
    state: absent
'''

RETURN = r'''
ca_certificate:
  description:
  - The ca certificate as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
fingerprint:
  description: SHA-256 fingerprint of O(certificate), the key by which the module found the object.
  returned: always
  type: str
  sample: AB:CD:...
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import CA_CERTIFICATE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_certificate_module


def main():
    run_certificate_module(CA_CERTIFICATE)


if __name__ == '__main__':
    main()
