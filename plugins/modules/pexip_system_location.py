#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_system_location
short_description: Manage Pexip Infinity system locations
version_added: 0.2.0
description:
  - Creates, updates and deletes system locations, the groups of Conferencing Nodes that share network services
    (DNS, NTP, syslog, SNMP), call control (H.323 gatekeeper, SIP proxies) and media policies.
  - The location is found by its O(name). Only the options you set are compared and written.
  - Servers and other related objects are given by their natural key (an address for DNS, NTP and syslog servers,
    a name otherwise) or by resource URI. Lists of servers are compared as sets.
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
  bdpm_pin_checks_enabled:
    description:
      - Break-in defence for PIN guessing; V(GLOBAL) follows the platform setting.
    type: str
    choices:
      - GLOBAL
      - 'OFF'
      - 'ON'
  bdpm_scan_quarantine_enabled:
    description:
      - Quarantine of addresses that scan for services; V(GLOBAL) follows the platform setting.
    type: str
    choices:
      - GLOBAL
      - 'OFF'
      - 'ON'
  client_stun_servers:
    description:
      - STUN servers offered to WebRTC clients, each by name or resource URI.
      - A list of C(stun_server) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  client_turn_servers:
    description:
      - TURN servers offered to WebRTC clients, each by name or resource URI.
      - A list of C(turn_server) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  description:
    description:
      - Free text about the location.
      - At most 250 characters.
    type: str
  dns_servers:
    description:
      - DNS servers of the location, each by address or resource URI; compared as a set.
      - A list of C(dns_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  event_sinks:
    description:
      - Event sinks notified of calls in the location, each by name or resource URI.
      - A list of C(event_sink) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  h323_gatekeeper:
    description:
      - H.323 gatekeeper for outbound H.323 calls, by name or resource URI.
      - Given as the C(name) of a C(h323_gatekeeper) object, or as its resource URI.
    type: str
  http_proxy:
    description:
      - Web proxy used by the nodes of the location, by name or resource URI.
      - Given as the C(name) of a C(http_proxy) object, or as its resource URI.
    type: str
  live_captions_dial_out_1:
    description:
      - First location used to dial out to the live captions service, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  live_captions_dial_out_2:
    description:
      - Second location used to dial out to the live captions service, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  live_captions_dial_out_3:
    description:
      - Third location used to dial out to the live captions service, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  local_mssip_domain:
    description:
      - SIP domain used for calls to Skype for Business / Lync from this location.
      - At most 255 characters.
    type: str
  media_qos:
    description:
      - DSCP value (0 to 63) marking media packets. Clear it with O(clear).
      - From 0 to 63.
    type: int
  mssip_proxy:
    description:
      - Skype for Business / Lync server for outbound calls, by name or resource URI.
      - Given as the C(name) of a C(mssip_proxy) object, or as its resource URI.
    type: str
  mtu:
    description:
      - Largest IP packet size in bytes (512 to 1500) that nodes of the location send.
      - From 512 to 1500.
    type: int
  name:
    description:
      - Name of the location.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  ntp_servers:
    description:
      - NTP servers of the location, each by address or resource URI; compared as a set.
      - A list of C(ntp_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  overflow_location1:
    description:
      - First location taking calls when this one has no capacity left, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  overflow_location2:
    description:
      - Second overflow location, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  policy_server:
    description:
      - External policy server, by name or resource URI.
      - Given as the C(name) of a C(policy_server) object, or as its resource URI.
    type: str
  signalling_qos:
    description:
      - DSCP value (0 to 63) marking signalling packets. Clear it with O(clear).
      - From 0 to 63.
    type: int
  sip_proxy:
    description:
      - SIP proxy for outbound SIP calls, by name or resource URI.
      - Given as the C(name) of a C(sip_proxy) object, or as its resource URI.
    type: str
  snmp_network_management_system:
    description:
      - SNMP manager receiving traps from the location's nodes, by name or resource URI.
      - Given as the C(name) of a C(snmp_network_management_system) object, or as its resource URI.
    type: str
  stun_server:
    description:
      - STUN server the nodes use to learn their public address, by name or resource URI.
      - Given as the C(name) of a C(stun_server) object, or as its resource URI.
    type: str
  syslog_servers:
    description:
      - Remote syslog servers, each by address or resource URI; compared as a set.
      - A list of C(syslog_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  teams_proxy:
    description:
      - Microsoft Teams Connector, by name or resource URI.
      - Given as the C(name) of a C(teams_proxy) object, or as its resource URI.
    type: str
  transcoding_location:
    description:
      - Location whose nodes transcode media for this one, by name or resource URI.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  turn_server:
    description:
      - TURN server the nodes relay media through, by name or resource URI.
      - Given as the C(name) of a C(turn_server) object, or as its resource URI.
    type: str
  use_relay_candidates_only:
    description:
      - Whether WebRTC clients are only offered relayed (TURN) media candidates.
    type: bool
seealso:
  - module: ucops.platform.pexip_system_location_info
  - module: ucops.platform.pexip_worker_vm
'''

EXAMPLES = r'''
- name: The servers the location uses, by address
  ucops.platform.pexip_dns_server:
    address: "{{ item }}"
  loop: [192.0.2.153, 192.0.2.154]

- name: Its time server
  ucops.platform.pexip_ntp_server:
    address: 192.0.2.123

- name: Its syslog server
  ucops.platform.pexip_syslog_server:
    address: 192.0.2.60

- name: A location with its network services, servers by address
  ucops.platform.pexip_system_location:
    name: London
    description: London data centre
    mtu: 1400
    dns_servers: [192.0.2.153, 192.0.2.154]
    ntp_servers: [192.0.2.123]
    syslog_servers: [192.0.2.60]
    media_qos: 46

- name: Another location
  ucops.platform.pexip_system_location:
    name: Paris

- name: Overflow to another location and stop using the syslog servers
  ucops.platform.pexip_system_location:
    name: London
    overflow_location1: Paris
    clear: [syslog_servers]

- name: Delete a location
  ucops.platform.pexip_system_location:
    name: Old site
    state: absent
'''

RETURN = r'''
system_location:
  description:
    - The location as the Management Node holds it after the task (in check mode, as a real run would leave it).
    - References are resource URIs. Empty when the location is absent.
  returned: always
  type: dict
  sample:
    id: 1
    name: London
    mtu: 1400
    dns_servers: [/api/admin/configuration/v1/dns_server/1/]
    overflow_location1: /api/admin/configuration/v1/system_location/2/
    resource_uri: /api/admin/configuration/v1/system_location/1/
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import SYSTEM_LOCATION
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(SYSTEM_LOCATION)


if __name__ == '__main__':
    main()
