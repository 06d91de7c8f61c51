#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_turn_server
short_description: Manage a TURN server of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a TURN server used for media relay. It is found by its O(name).
  - O(password) and O(secret_key) are write-only; see O(update_password).
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
  address:
    description:
      - Host name or IP address of the server.
      - Needed to create the object.
      - At most 255 characters.
    type: str
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  password:
    description:
      - Password to authenticate with.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  port:
    description:
      - Port the server listens on.
      - From 1 to 65535.
    type: int
  secret_key:
    description:
      - Secret shared with a coturn server (O(server_type=coturn_shared)) to derive credentials.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  server_type:
    description:
      - Server type.
    type: str
    choices:
      - namepsw
      - coturn_shared
  transport_type:
    description:
      - Transport type.
    type: str
    choices:
      - udp
      - tcp
      - tls
  username:
    description:
      - User name to authenticate with.
      - At most 100 characters.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: TURN with a shared secret
  ucops.platform.pexip_turn_server:
    name: turn-edge
    address: turn.example.com
    port: 3478
    server_type: coturn_shared
    secret_key: "{{ vault_turn_secret }}"
'''

RETURN = r'''
turn_server:
  description:
  - The turn server as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_callcontrol import TURN_SERVER
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(TURN_SERVER)


if __name__ == '__main__':
    main()
