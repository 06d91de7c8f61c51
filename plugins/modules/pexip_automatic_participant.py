#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_automatic_participant
short_description: Manage an Automatically Dialed Participant of Pexip Infinity
version_added: 0.2.0
description:
  - 'Adds, changes and removes an Automatically Dialed Participant: an endpoint the platform calls when a service
    starts.'
  - It is found by its O(alias). When several participants share an alias the module fails and asks for the resource
    URI.
  - 'One participant can belong to several services: O(conference) lists them by name or resource URI and is compared
    as a set.'
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
  alias:
    description:
      - Alias the platform dials; the key by which the module finds the participant.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  call_type:
    description:
      - Call type.
    type: str
    choices:
      - audio
      - video
      - video-only
  conference:
    description:
      - Services that dial this participant, by name or resource URI; compared as a set. An empty list detaches
        it from every service.
      - A list of C(conference) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  dtmf_sequence:
    description:
      - DTMF sequence.
      - At most 250 characters.
    type: str
  keep_conference_alive:
    description:
      - Keep conference alive.
    type: str
    choices:
      - keep_conference_alive
      - keep_conference_alive_if_multiple
      - keep_conference_alive_never
  presentation_url:
    description:
      - Presentation URL.
      - At most 250 characters.
    type: str
  protocol:
    description:
      - Protocol.
    type: str
    choices:
      - teams
      - gms
      - h323
      - sip
      - mssip
      - rtmp
  remote_display_name:
    description:
      - Remote display name.
      - At most 250 characters.
    type: str
  role:
    description:
      - Role.
    type: str
    choices:
      - guest
      - chair
  routing:
    description:
      - Routing.
    type: str
    choices:
      - manual
      - routing_rule
  streaming:
    description:
      - Streaming (on or off).
    type: bool
  system_location:
    description:
      - System location the call is placed from.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The rooms to record
  ucops.platform.pexip_conference:
    name: "{{ item }}"
  loop:
    - Board room
    - Executive briefing

- name: Dial the recorder into two rooms
  ucops.platform.pexip_automatic_participant:
    alias: recorder@example.com
    remote_display_name: Recorder
    protocol: sip
    role: guest
    conference:
      - Board room
      - Executive briefing

- name: Detach it from every room, keep the participant
  ucops.platform.pexip_automatic_participant:
    alias: recorder@example.com
    conference: []
'''

RETURN = r'''
automatic_participant:
  description:
  - The automatic participant as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_services import AUTOMATIC_PARTICIPANT
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(AUTOMATIC_PARTICIPANT)


if __name__ == '__main__':
    main()
