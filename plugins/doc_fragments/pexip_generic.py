# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The options of the modules that take any resource's fields by the API's names
    # (pexip_resource, pexip_host_system): references, secrets and update_password.
    DOCUMENTATION = r'''
options:
  references:
    description:
      - For reference fields given by name rather than URI, the resource each one points at, for example
        V(conference) for the C(conference) field of an Automatically Dialed Participant.
      - The target object is looked up by its natural key (C(name) for most resources, C(alias) for aliases
        and participants, C(address) for DNS, NTP and syslog servers).
    type: dict
    default: {}
  secrets:
    description:
      - Fields whose values are hidden everywhere the task reports (the returned object, the diff, the module
        arguments echoed at C(-vvv), warnings and error messages).
      - Fields named C(password), C(passphrase), C(secret), C(token), C(pin), C(private_key), C(api_key) or ending in
        C(_) and one of those (C(host_password), C(guest_pin), C(client_secret)) are secrets without being listed.
    type: list
    elements: str
    default: []
  update_password:
    description:
      - When a field listed in O(secrets) is one the manager never returns (a password), it cannot be compared.
        V(on_create) sends it only when the object is created; V(always) sends it on every run, which then
        always reports a change.
      - Secrets the manager does return are compared whatever this option says.
    type: str
    choices: [always, on_create]
    default: on_create
'''
