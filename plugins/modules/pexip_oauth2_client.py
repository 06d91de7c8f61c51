#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# Written by hand on the OAUTH2_CLIENT description in plugins/module_utils/pexip_catalog_identity.py:
# `make generate` rewrites the options of its fields; dest is documented here.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_oauth2_client
short_description: Manage an OAuth2 client of the Pexip Infinity management API
version_added: 0.3.0
description:
  - Adds, changes and removes an OAuth2 client that a program uses to call the management API with the permissions
    of an administrator role, signing its token requests with a private key.
  - The client is found by its O(client_name); the manager makes its C(client_id) and returns it in the result.
  - The manager also makes the client's private key and shows it only once, in its answer to the request that creates
    the client. The module writes it to O(dest) then, and never returns or logs it.
author:
  - ucops.platform contributors (@ucops)
notes:
  - A client whose key file is lost cannot get its key back. The module warns when O(dest) is missing for an existing
    client; remove the client with O(state=absent) and run the task again for a new key.
  - Removing a client leaves its key file in place (the key no longer works).
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
  client_name:
    description:
      - Name of the client.
      - The key by which the module finds the object.
      - At most 100 characters.
    type: str
    required: true
  dest:
    description:
      - Path of the file the client's private key (PEM) is written to when the client is created, with mode 0600;
        missing folders are created with mode 0700.
      - Required with O(state=present). It is checked before any request that the file can be written.
      - An existing client's key is never read nor written again.
    type: path
  role:
    description:
      - Administrator role the client acts with.
      - Needed to create the object.
      - Given as the C(name) of a C(role) object, or as its resource URI.
    type: str
seealso:
  - module: ucops.platform.pexip_role
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The roles a provisioning service may act with
  ucops.platform.pexip_role:
    name: "{{ item }}"
  loop:
    - Provisioning API
    - Provisioning API read-only

- name: An OAuth2 client acting with the first role; its private key is saved when it is created
  ucops.platform.pexip_oauth2_client:
    client_name: Provisioning service
    role: Provisioning API
    dest: keys/provisioning-service.pem

- name: Remove the client
  ucops.platform.pexip_oauth2_client:
    client_name: Provisioning service
    state: absent

- name: Remove the roles
  ucops.platform.pexip_role:
    name: "{{ item }}"
    state: absent
  loop:
    - Provisioning API
    - Provisioning API read-only
'''

RETURN = r'''
oauth2_client:
  description:
    - The OAuth2 client as the Management Node holds it after the task (its C(client_id) included), references as
      resource URIs; never its private key.
    - Empty when O(state=absent).
  returned: always
  type: dict
dest:
  description: The key file of O(dest).
  returned: when O(state=present)
  type: str
private_key_written:
  description:
    - Whether this task wrote the new client's private key to O(dest) (false in check mode and for a client that
      existed).
  returned: when O(state=present)
  type: bool
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_identity import OAUTH2_CLIENT
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2 import private_key_hooks
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(OAUTH2_CLIENT, extra_spec=dict(dest=dict(type='path')),
                        required_if=[('state', 'present', ('dest',))], prepare=private_key_hooks)


if __name__ == '__main__':
    main()
