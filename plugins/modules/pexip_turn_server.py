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
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  name:
    description:
    - Name; the key by which the module finds the object.
    - At most 250 characters.
    type: str
    required: true
  address:
    description:
    - Host name or IP address of the server.
    - At most 255 characters.
    type: str
  description:
    description:
    - Free text describing the object.
    - At most 250 characters.
    type: str
  password:
    description:
    - Password to authenticate with.
    - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always), on every run.'
    type: str
  port:
    description:
    - Port the server listens on.
    - From 1 to 65535.
    type: int
  secret_key:
    description:
    - Secret key.
    - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always), on every run.'
    type: str
  server_type:
    description: Server type.
    type: str
    choices:
    - namepsw
    - coturn_shared
  transport_type:
    description: Transport type.
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
  clear:
    description: Options to empty (set to their empty value) rather than leave alone. Booleans and the key cannot be cleared.
    type: list
    elements: str
    default: []
  state:
    description: V(present) creates or updates the object, V(absent) deletes it.
    type: str
    choices:
    - present
    - absent
    default: present
  update_password:
    description:
    - V(on_create) sends write-only secrets only when the object is created; V(always) sends them on every run, which then
      always reports a change because the manager never returns them.
    type: str
    choices:
    - always
    - on_create
    default: on_create
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
