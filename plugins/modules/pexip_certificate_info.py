#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_certificate_info
short_description: Report Pexip Infinity certificates with the days left until they expire
version_added: 0.3.0
description:
  - Lists the server/client certificates (C(tls_certificate)) or the trusted CA certificates (C(ca_certificate)) of
    the Management Node, soonest expiry first, each with C(days_left) until its C(end_date) and, for server
    certificates, the nodes that present it.
  - With O(expires_within_days), only the certificates that expire within that many days (or have expired).
  - Private keys are never read nor returned.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.attributes.info_module
options:
  kind:
    description: V(tls) for server/client certificates, V(ca) for trusted CA certificates.
    type: str
    choices: [tls, ca]
    default: tls
  expires_within_days:
    description: Only certificates whose C(days_left) is at most this (expired ones included).
    type: int
  subject_name:
    description: Only certificates whose subject name contains this text.
    type: str
seealso:
  - module: ucops.platform.pexip_certificate_import
  - module: ucops.platform.pexip_certificate_signing_request
'''

EXAMPLES = r'''
- name: Certificates that expire within 30 days
  ucops.platform.pexip_certificate_info:
    expires_within_days: 30
  register: expiring

- name: Fail when one is found
  ansible.builtin.assert:
    that: expiring.certificates | length == 0
    fail_msg: "{{ expiring.certificates | map(attribute='subject_name') | list }} expire soon"
  ignore_errors: true
'''

RETURN = r'''
certificates:
  description: The certificates, soonest expiry first.
  returned: always
  type: list
  elements: dict
  contains:
    subject_name:
      description: Subject of the certificate.
      type: str
    end_date:
      description: End of its validity (UTC).
      type: str
    days_left:
      description: Whole days until C(end_date); negative once expired.
      type: int
    expired:
      description: Whether C(end_date) has passed.
      type: bool
    fingerprint:
      description: SHA-256 fingerprint of the certificate.
      type: str
    nodes:
      description: Names of the nodes (Conferencing Nodes, Management Node) that present it; always empty for CA certificates.
      type: list
      elements: str
    resource_uri:
      description: URI of the certificate object.
      type: str
  sample:
    - subject_name: CN=conf.example.com
      end_date: "2026-12-11T10:00:00"
      days_left: 9
      expired: false
      fingerprint: "AB:CD:..."
      nodes: [conf-node-1]
      resource_uri: /api/admin/configuration/v1/tls_certificate/2/
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificate_ops import certificate_report
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def main():
    module = new_module(dict(
        kind=dict(type='str', default='tls', choices=['tls', 'ca']),
        expires_within_days=dict(type='int'),
        subject_name=dict(type='str'),
    ), supports_check_mode=True)
    params = module.params
    try:
        found = certificate_report(client_from(module), kind=params['kind'],
                                   expires_within_days=params['expires_within_days'],
                                   subject_name=params['subject_name'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(changed=False, certificates=found)


if __name__ == '__main__':
    main()
