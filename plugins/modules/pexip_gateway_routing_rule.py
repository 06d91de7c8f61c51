#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_gateway_routing_rule
short_description: Manage a Call Routing Rule of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a Call Routing Rule (the C(gateway_routing_rule) resource) of the Distributed Gateway.
  - The rule is found by its O(name). O(priority) (1 to 200) orders the rules; lower numbers are tried first.
  - O(match_string) and O(replace_string) are regular expressions applied to the dialled alias.
  - Locations, proxies, gatekeepers, TURN/STUN servers and themes are given by name or resource URI.
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
  call_type:
    description:
      - Call type.
    type: str
    choices:
      - audio
      - video
      - video-only
      - auto
  called_device_type:
    description:
      - Called device type.
    type: str
    choices:
      - external
      - registration
      - mssip_conference_id
      - mssip_server
      - gms_conference
      - teams_conference
      - teams_user
      - telehealth_profile
  crypto_mode:
    description:
      - Crypto mode.
    type: str
    choices:
      - besteffort
      - 'on'
      - 'off'
  denoise_audio:
    description:
      - Denoise audio (on or off).
    type: bool
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  disabled_codecs:
    description:
      - Codecs to disable, each given by its codec name such as C(H264_H_0) or C(MP4A-LATM_128).
      - 'The API holds them as embedded objects C({"value": "H264_H_0"}); the module sends that shape, compares
        the names as a set (order and repeats do not matter) and shows names in its result and diff.'
      - An empty list enables every codec; so does listing C(disabled_codecs) in O(clear).
      - Compared as a set of names, in any order.
    type: list
    elements: str
  enable:
    description:
      - Whether the rule is in use.
    type: bool
  external_participant_avatar_lookup:
    description:
      - External participant avatar lookup.
    type: str
    choices:
      - default
      - 'yes'
      - 'no'
  gms_access_token:
    description:
      - Google Meet access token.
      - Given as the C(name) of a C(gms_access_token) object, or as its resource URI.
    type: str
  h323_gatekeeper:
    description:
      - H.323 gatekeeper.
      - Given as the C(name) of a C(h323_gatekeeper) object, or as its resource URI.
    type: str
  ivr_theme:
    description:
      - Ivr theme.
      - Given as the C(name) of a C(ivr_theme) object, or as its resource URI.
    type: str
  live_captions_enabled:
    description:
      - Live captions enabled.
    type: str
    choices:
      - default
      - 'yes'
      - 'no'
  match_incoming_calls:
    description:
      - Match incoming calls (on or off).
    type: bool
  match_incoming_h323:
    description:
      - Match incoming H.323 (on or off).
    type: bool
  match_incoming_mssip:
    description:
      - Match incoming MS-SIP (on or off).
    type: bool
  match_incoming_only_if_registered:
    description:
      - Match incoming only if registered (on or off).
    type: bool
  match_incoming_sip:
    description:
      - Match incoming SIP (on or off).
    type: bool
  match_incoming_teams:
    description:
      - Match incoming teams (on or off).
    type: bool
  match_incoming_webrtc:
    description:
      - Match incoming WebRTC (on or off).
    type: bool
  match_outgoing_calls:
    description:
      - Match outgoing calls (on or off).
    type: bool
  match_source_location:
    description:
      - Only match calls arriving at this system location, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  match_string:
    description:
      - Regular expression the dialled alias must match.
      - At most 250 characters. It must compile (Python syntax); the module checks this before any request.
      - Needed to create the object.
      - Must be a valid regular expression; checked before any request.
    type: str
  match_string_full:
    description:
      - Match string full (on or off).
    type: bool
  max_callrate_in:
    description:
      - Maximum call rate in.
      - From 128 to 8192.
    type: int
  max_callrate_out:
    description:
      - Maximum call rate out.
      - From 128 to 8192.
    type: int
  max_pixels_per_second:
    description:
      - Maximum pixels per second.
    type: str
    choices:
      - sd
      - hd
      - fullhd
  mssip_proxy:
    description:
      - MS-SIP proxy.
      - Given as the C(name) of a C(mssip_proxy) object, or as its resource URI.
    type: str
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  outgoing_location:
    description:
      - System location that places the outgoing call, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  outgoing_protocol:
    description:
      - Protocol used to place the outgoing call.
    type: str
    choices:
      - h323
      - mssip
      - sip
      - rtmp
      - gms
      - teams
  priority:
    description:
      - Order in which the rule is tried, from 1 (first) to 200.
      - Needed to create the object.
      - From 1 to 200.
    type: int
  replace_string:
    description:
      - Regular expression replacement applied to the alias before it is dialled; empty keeps it unchanged.
      - At most 250 characters.
    type: str
  sip_proxy:
    description:
      - SIP proxy.
      - Given as the C(name) of a C(sip_proxy) object, or as its resource URI.
    type: str
  stun_server:
    description:
      - STUN server.
      - Given as the C(name) of a C(stun_server) object, or as its resource URI.
    type: str
  tag:
    description:
      - Free-form tag, for example to mark objects created by automation.
      - At most 250 characters.
    type: str
  teams_proxy:
    description:
      - Teams proxy.
      - Given as the C(name) of a C(teams_proxy) object, or as its resource URI.
    type: str
  telehealth_profile:
    description:
      - Telehealth profile.
      - Given as the C(name) of a C(telehealth_profile) object, or as its resource URI.
    type: str
  treat_as_trusted:
    description:
      - Treat as trusted (on or off).
    type: bool
  turn_server:
    description:
      - TURN server.
      - Given as the C(name) of a C(turn_server) object, or as its resource URI.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The Skype for Business pool calls are routed to (see ucops.platform.pexip_mssip_proxy)
  ucops.platform.pexip_mssip_proxy:
    name: skype-pool
    address: skype-pool.example.com
    transport: tls

- name: Route incoming calls for the Skype domain to the pool
  ucops.platform.pexip_gateway_routing_rule:
    name: Route to Skype
    priority: 50
    match_incoming_calls: true
    match_outgoing_calls: false
    match_incoming_sip: true
    match_incoming_h323: true
    match_incoming_webrtc: true
    match_string: '.+@skype\.example\.com'
    outgoing_protocol: mssip
    mssip_proxy: skype-pool
'''

RETURN = r'''
gateway_routing_rule:
  description:
  - The gateway routing rule as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_callcontrol import GATEWAY_ROUTING_RULE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(GATEWAY_ROUTING_RULE)


if __name__ == '__main__':
    main()
