# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Descriptions of the resources behind Conferencing Nodes: system locations and nodes.

Field names, types, choices and limits follow the Management Configuration API
reference. Behaviour specific to node deployment (the file the manager sends
back, identity changes, waiting for the node) lives in ``pexip_worker_vm``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource

_ON_OFF = ['GLOBAL', 'OFF', 'ON']

SYSTEM_LOCATION = Resource(
    'system_location',
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250),
        description=Field(max_length=250),
        mtu=Field(type='int', minimum=512, maximum=1500),
        media_qos=Field(type='int', nullable=True, minimum=0, maximum=63),
        signalling_qos=Field(type='int', nullable=True, minimum=0, maximum=63),
        local_mssip_domain=Field(max_length=255),
        use_relay_candidates_only=Field(type='bool'),
        bdpm_pin_checks_enabled=Field(choices=_ON_OFF),
        bdpm_scan_quarantine_enabled=Field(choices=_ON_OFF),
        dns_servers=Field(kind='refs', target='dns_server'),
        ntp_servers=Field(kind='refs', target='ntp_server'),
        syslog_servers=Field(kind='refs', target='syslog_server'),
        event_sinks=Field(kind='refs', target='event_sink'),
        client_stun_servers=Field(kind='refs', target='stun_server'),
        client_turn_servers=Field(kind='refs', target='turn_server'),
        h323_gatekeeper=Field(kind='ref', target='h323_gatekeeper'),
        sip_proxy=Field(kind='ref', target='sip_proxy'),
        mssip_proxy=Field(kind='ref', target='mssip_proxy'),
        teams_proxy=Field(kind='ref', target='teams_proxy'),
        http_proxy=Field(kind='ref', target='http_proxy'),
        policy_server=Field(kind='ref', target='policy_server'),
        snmp_network_management_system=Field(kind='ref', target='snmp_network_management_system'),
        stun_server=Field(kind='ref', target='stun_server'),
        turn_server=Field(kind='ref', target='turn_server'),
        overflow_location1=Field(kind='ref', target='system_location'),
        overflow_location2=Field(kind='ref', target='system_location'),
        transcoding_location=Field(kind='ref', target='system_location'),
        live_captions_dial_out_1=Field(kind='ref', target='system_location'),
        live_captions_dial_out_2=Field(kind='ref', target='system_location'),
        live_captions_dial_out_3=Field(kind='ref', target='system_location'),
    ),
)

# The fields that make a node what it is on the network: the manager bakes them
# into the node's deployment file, so a change needs a new deployment.
IDENTITY_FIELDS = ('address', 'hostname', 'domain', 'netmask', 'gateway', 'ipv6_address', 'ipv6_gateway')
# Changing these disconnects the calls on the node.
DISRUPTIVE_FIELDS = ('node_type', 'system_location')

WORKER_VM = Resource(
    'worker_vm',
    key='name',
    singular_label='Conferencing Node',
    fields=dict(
        name=Field(required=True, max_length=32),
        hostname=Field(max_length=63, format='hostname'),
        domain=Field(max_length=192, format='domain'),
        address=Field(format='ipv4'),
        netmask=Field(format='netmask'),
        gateway=Field(format='ipv4'),
        ipv6_address=Field(nullable=True, max_length=250, format='ipv6'),
        ipv6_gateway=Field(nullable=True, max_length=250, format='ipv6'),
        secondary_address=Field(nullable=True, format='ipv4'),
        secondary_netmask=Field(nullable=True, format='netmask'),
        static_nat_address=Field(nullable=True, format='ipv4'),
        alternative_fqdn=Field(max_length=255),
        description=Field(max_length=250),
        node_type=Field(choices=['CONFERENCING', 'PROXYING']),
        system_location=Field(kind='ref', target='system_location'),
        password=Field(kind='write_only', max_length=250),
        enable_ssh=Field(choices=_ON_OFF),
        ssh_authorized_keys=Field(kind='refs', target='ssh_authorized_key'),
        ssh_authorized_keys_use_cloud=Field(type='bool'),
        enable_distributed_database=Field(type='bool'),
        maintenance_mode=Field(type='bool'),
        maintenance_mode_reason=Field(max_length=250),
        media_priority_weight=Field(type='int', nullable=True),
        static_routes=Field(kind='refs', target='static_route'),
        tls_certificate=Field(kind='ref', target='tls_certificate'),
        tls_client_certificate=Field(kind='ref', target='tls_certificate'),
        vm_cpu_count=Field(type='int', minimum=2, maximum=128),
        vm_system_memory=Field(type='int', minimum=2000, maximum=64000),
        snmp_mode=Field(choices=['DISABLED', 'STANDARD', 'AUTHPRIV']),
        snmp_community=Field(kind='secret', max_length=16),
        snmp_username=Field(max_length=100),
        # the API answers these with a hash of the value: they can only be written
        snmp_authentication_password=Field(kind='write_only', min_length=8, max_length=100),
        snmp_privacy_password=Field(kind='write_only', min_length=8, max_length=100),
        snmp_system_contact=Field(max_length=70),
        snmp_system_location=Field(max_length=70),
    ),
)
