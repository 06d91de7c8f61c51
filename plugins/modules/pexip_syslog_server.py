#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_syslog_server
short_description: Manage a remote syslog server of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a remote syslog destination and chooses which logs are sent to it.
  - The server is found by its O(address).
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
  address:
    description:
      - Host name or IP address of the syslog server.
      - The key by which the module finds the object.
      - Must be an IP address or a DNS name; checked before any request.
    type: str
    required: true
  audit_log:
    description:
      - Whether the audit log is sent to this server.
    type: bool
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  port:
    description:
      - Port the server listens on.
      - From 1 to 65535.
    type: int
  proto_format:
    description:
      - Message format sent to the server.
    type: str
    choices:
      - pexip
      - rfc3164
      - rfc5424
  support_log:
    description:
      - Whether the support log is sent to this server.
    type: bool
  syslog_log:
    description:
      - Whether the operating system log is sent to this server.
    type: bool
  transport:
    description:
      - Transport protocol.
    type: str
    choices:
      - udp
      - tcp
      - tls
  web_log:
    description:
      - Whether the web server log is sent to this server.
    type: bool
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Send audit and support logs over TLS
  ucops.platform.pexip_syslog_server:
    address: logs.example.com
    port: 6514
    transport: tls
    audit_log: true
    support_log: true
'''

RETURN = r'''
syslog_server:
  description:
  - The syslog server as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import SYSLOG_SERVER
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(SYSLOG_SERVER)


if __name__ == '__main__':
    main()
