#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_management_vm
short_description: Manage the settings of the Pexip Infinity Management Node
version_added: 0.2.0
description:
  - Changes the configuration of the Management Node, the C(management_vm) resource.
  - There is one Management Node; it is found by listing the resource (its id is not always 1), never created or
    deleted.
  - The addresses fixed at installation (address, netmask, gateway, hostname, domain) are read-only through the
    API.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
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
      - 'IPv4 address of the Management Node. A change moves the Management Node: the connection this module uses
        must then reach the new address.'
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  alternative_fqdn:
    description:
      - Alternative FQDN.
      - At most 255 characters.
    type: str
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  dns_servers:
    description:
      - DNS servers, each given by address or resource URI (C(dns_server) objects); compared as a set.
      - A list of C(dns_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  domain:
    description:
      - DNS domain name of the Management Node.
      - Must be a DNS domain name such as example.com; checked before any request.
    type: str
  enable_ssh:
    description:
      - Enable SSH.
    type: str
    choices:
      - GLOBAL
      - 'OFF'
      - 'ON'
  event_sinks:
    description:
      - Event sinks, each given by name or resource URI (C(event_sink) objects); compared as a set.
      - A list of C(event_sink) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  gateway:
    description:
      - IPv4 default gateway of the Management Node.
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  hostname:
    description:
      - Host name of the Management Node.
      - Must be a host name of letters, digits and hyphens that neither starts nor ends with a hyphen; checked before
        any request.
    type: str
  http_proxy:
    description:
      - Web proxy the Management Node uses for outbound HTTP.
      - Given as the C(name) of a C(http_proxy) object, or as its resource URI.
    type: str
  initializing:
    description:
      - Whether the Management Node is still in its first-time setup; the manager sets it.
    type: bool
  ipv6_address:
    description:
      - IPv6 address.
      - Must be an IPv6 address such as 2001:db8::10; checked before any request.
    type: str
  ipv6_gateway:
    description:
      - IPv6 gateway.
      - Must be an IPv6 address such as 2001:db8::10; checked before any request.
    type: str
  mtu:
    description:
      - MTU.
      - From 512 to 1500.
    type: int
  name:
    description:
      - Name of the object.
      - Needed to create the object.
      - At most 32 characters.
    type: str
  netmask:
    description:
      - IPv4 netmask of the Management Node.
      - Must be an IPv4 netmask such as 255.255.255.0; checked before any request.
    type: str
  ntp_servers:
    description:
      - NTP servers, each given by address or resource URI (C(ntp_server) objects); compared as a set.
      - A list of C(ntp_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  secondary_config_passphrase:
    description:
      - Secondary config passphrase.
      - Masked in every result and diff.
    type: str
  snmp_authentication_password:
    description:
      - SNMP authentication password.
      - From 8 to 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  snmp_community:
    description:
      - SNMP community.
      - At most 16 characters.
      - Masked in every result and diff.
    type: str
  snmp_mode:
    description:
      - SNMP mode.
    type: str
    choices:
      - DISABLED
      - STANDARD
      - AUTHPRIV
  snmp_network_management_system:
    description:
      - SNMP manager receiving traps from the Management Node.
      - Given as the C(name) of a C(snmp_network_management_system) object, or as its resource URI.
    type: str
  snmp_privacy_password:
    description:
      - SNMP privacy password.
      - From 8 to 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  snmp_system_contact:
    description:
      - SNMP system contact.
      - At most 70 characters.
    type: str
  snmp_system_location:
    description:
      - SNMP system location.
      - At most 70 characters.
    type: str
  snmp_username:
    description:
      - SNMP username.
      - At most 100 characters.
    type: str
  ssh_authorized_keys:
    description:
      - SSH authorized keys, each given by name or resource URI (C(ssh_authorized_key) objects); compared as a set.
      - A list of resource URIs of C(ssh_authorized_key) objects; compared as a set.
    type: list
    elements: str
  ssh_authorized_keys_use_cloud:
    description:
      - SSH authorized keys use cloud (on or off).
    type: bool
  static_nat_address:
    description:
      - Static NAT address, an IPv4 address.
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  static_routes:
    description:
      - Static routes, each given by name or resource URI (C(static_route) objects); compared as a set.
      - A list of C(static_route) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  syslog_servers:
    description:
      - Syslog servers, each given by address or resource URI (C(syslog_server) objects); compared as a set.
      - A list of C(syslog_server) objects, each given as its C(address) or its resource URI; compared as a set.
    type: list
    elements: str
  tls_certificate:
    description:
      - TLS certificate, given by subject_name or resource URI (a C(tls_certificate) object).
      - Given as the C(subject_name) of a C(tls_certificate) object, or as its resource URI.
    type: str
  tls_client_certificate:
    description:
      - TLS client certificate, given by subject_name or resource URI (a C(tls_certificate) object).
      - Given as the C(subject_name) of a C(tls_certificate) object, or as its resource URI.
    type: str
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The name server the Management Node uses (see ucops.platform.pexip_dns_server)
  ucops.platform.pexip_dns_server:
    address: 198.51.100.53
    description: Management network resolver

- name: Its time server (see ucops.platform.pexip_ntp_server)
  ucops.platform.pexip_ntp_server:
    address: time.example.com

- name: Time, name servers and SSH on the Management Node
  ucops.platform.pexip_management_vm:
    dns_servers: [198.51.100.53]
    ntp_servers: [time.example.com]
    enable_ssh: "OFF"
'''

RETURN = r'''
management_vm:
  description:
  - The management vm as the Management Node holds it after the task, references as resource URIs and secrets masked.
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import MANAGEMENT_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_singleton_module


def main():
    run_singleton_module(MANAGEMENT_VM)


if __name__ == '__main__':
    main()
