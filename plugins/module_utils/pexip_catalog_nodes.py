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
    title='system location',
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the location.'),
        description=Field(max_length=250, doc='Free text about the location.'),
        mtu=Field(type='int', minimum=512, maximum=1500,
                  doc='Largest IP packet size in bytes (512 to 1500) that nodes of the location send.'),
        media_qos=Field(type='int', nullable=True, minimum=0, maximum=63,
                        doc='DSCP value (0 to 63) marking media packets. Clear it with O(clear).'),
        signalling_qos=Field(type='int', nullable=True, minimum=0, maximum=63,
                             doc='DSCP value (0 to 63) marking signalling packets. Clear it with O(clear).'),
        local_mssip_domain=Field(max_length=255,
                                 doc='SIP domain used for calls to Skype for Business / Lync from this location.'),
        use_relay_candidates_only=Field(type='bool',
                                        doc='Whether WebRTC clients are only offered relayed (TURN) media candidates.'),
        bdpm_pin_checks_enabled=Field(choices=_ON_OFF,
                                      doc='Break-in defence for PIN guessing; V(GLOBAL) follows the platform setting.'),
        bdpm_scan_quarantine_enabled=Field(choices=_ON_OFF,
                                           doc=('Quarantine of addresses that scan for services; V(GLOBAL) follows the'
                                                ' platform setting.')),
        dns_servers=Field(kind='refs', target='dns_server',
                          doc='DNS servers of the location, each by address or resource URI; compared as a set.'),
        ntp_servers=Field(kind='refs', target='ntp_server',
                          doc='NTP servers of the location, each by address or resource URI; compared as a set.'),
        syslog_servers=Field(kind='refs', target='syslog_server',
                             doc='Remote syslog servers, each by address or resource URI; compared as a set.'),
        event_sinks=Field(kind='refs', target='event_sink',
                          doc='Event sinks notified of calls in the location, each by name or resource URI.'),
        client_stun_servers=Field(kind='refs', target='stun_server',
                                  doc='STUN servers offered to WebRTC clients, each by name or resource URI.'),
        client_turn_servers=Field(kind='refs', target='turn_server',
                                  doc='TURN servers offered to WebRTC clients, each by name or resource URI.'),
        h323_gatekeeper=Field(kind='ref', nullable=True, target='h323_gatekeeper',
                              doc='H.323 gatekeeper for outbound H.323 calls, by name or resource URI.'),
        sip_proxy=Field(kind='ref', nullable=True, target='sip_proxy',
                        doc='SIP proxy for outbound SIP calls, by name or resource URI.'),
        mssip_proxy=Field(kind='ref', nullable=True, target='mssip_proxy',
                          doc='Skype for Business / Lync server for outbound calls, by name or resource URI.'),
        teams_proxy=Field(kind='ref', nullable=True, target='teams_proxy',
                          doc='Microsoft Teams Connector, by name or resource URI.'),
        http_proxy=Field(kind='ref', nullable=True, target='http_proxy',
                         doc='Web proxy used by the nodes of the location, by name or resource URI.'),
        policy_server=Field(kind='ref', nullable=True, target='policy_server',
                            doc='External policy server, by name or resource URI.'),
        snmp_network_management_system=Field(kind='ref', nullable=True, target='snmp_network_management_system',
                                             doc=("SNMP manager receiving traps from the location's nodes, by name or "
                                                  'resource URI.')),
        stun_server=Field(kind='ref', nullable=True, target='stun_server',
                          doc='STUN server the nodes use to learn their public address, by name or resource URI.'),
        turn_server=Field(kind='ref', nullable=True, target='turn_server',
                          doc='TURN server the nodes relay media through, by name or resource URI.'),
        overflow_location1=Field(kind='ref', nullable=True, target='system_location',
                                 doc=('First location taking calls when this one has no capacity left, by name or '
                                      'resource URI.')),
        overflow_location2=Field(kind='ref', nullable=True, target='system_location',
                                 doc='Second overflow location, by name or resource URI.'),
        transcoding_location=Field(kind='ref', nullable=True, target='system_location',
                                   doc='Location whose nodes transcode media for this one, by name or resource URI.'),
        live_captions_dial_out_1=Field(kind='ref', nullable=True, target='system_location',
                                       doc=('First location used to dial out to the live captions service, by name or '
                                            'resource URI.')),
        live_captions_dial_out_2=Field(kind='ref', nullable=True, target='system_location',
                                       doc=('Second location used to dial out to the live captions service, by name or'
                                            ' resource URI.')),
        live_captions_dial_out_3=Field(kind='ref', nullable=True, target='system_location',
                                       doc=('Third location used to dial out to the live captions service, by name or '
                                            'resource URI.')),
    ),
)

# The fields that make a node what it is on the network: the manager bakes them
# into the node's deployment file, so a change needs a new deployment.
IDENTITY_FIELDS = ('address', 'hostname', 'domain', 'netmask', 'gateway', 'ipv6_address', 'ipv6_gateway')
# Changing these disconnects the calls on the node.
DISRUPTIVE_FIELDS = ('node_type', 'system_location')

WORKER_VM = Resource(
    'worker_vm',
    title='Conferencing Node',
    key='name',
    singular_label='Conferencing Node',
    fields=dict(
        name=Field(required=True, max_length=32, doc='Name of the node.'),
        hostname=Field(required=True, max_length=63, format='hostname',
                       doc='Host name of the node, at most 63 characters. Part of its identity.'),
        domain=Field(required=True, max_length=192, format='domain',
                     doc='DNS domain name of the node. Part of its identity.'),
        address=Field(required=True, format='ipv4', doc='IPv4 address of the node. Part of its identity.'),
        netmask=Field(required=True, format='netmask', doc='IPv4 netmask of the node. Part of its identity.'),
        gateway=Field(required=True, format='ipv4', doc='IPv4 default gateway of the node. Part of its identity.'),
        ipv6_address=Field(nullable=True, max_length=250, format='ipv6',
                           doc='IPv6 address of the node. Part of its identity.'),
        ipv6_gateway=Field(nullable=True, max_length=250, format='ipv6',
                           doc='IPv6 default gateway of the node. Part of its identity.'),
        secondary_address=Field(nullable=True, format='ipv4',
                                doc=('IPv4 address of a second network interface (for a proxying node with two '
                                     'interfaces).')),
        secondary_netmask=Field(nullable=True, format='netmask',
                                doc='IPv4 netmask of the second network interface, such as C(255.255.255.0).'),
        static_nat_address=Field(nullable=True, format='ipv4',
                                 doc='Public IPv4 address the node is reached at through static NAT.'),
        alternative_fqdn=Field(max_length=255,
                               doc='Another name the node is known by, for example in its TLS certificate.'),
        description=Field(max_length=250, doc='Free text about the node.'),
        node_type=Field(choices=['CONFERENCING', 'PROXYING'], doc='Role of the node. A change drops its calls.'),
        system_location=Field(kind='ref', required=True, target='system_location',
                              doc='System location by name or resource URI. A change drops its calls.'),
        password=Field(kind='write_only', max_length=250,
                       doc=[
                           "Password of the node's C(admin) account for SSH; plain or as a SHA-512 crypt hash.",
                           'Write-only; see O(update_password). Required to create a node.',
                       ]),
        enable_ssh=Field(choices=_ON_OFF, doc='SSH access to the node; V(GLOBAL) follows the platform setting.'),
        ssh_authorized_keys=Field(kind='refs', target='ssh_authorized_key',
                                  doc='SSH public keys of the C(admin) account, each by name or resource URI.'),
        ssh_authorized_keys_use_cloud=Field(type='bool',
                                            doc='Whether keys provided by a cloud platform are also accepted.'),
        enable_distributed_database=Field(type='bool', doc='Whether the node takes part in the distributed database.'),
        maintenance_mode=Field(type='bool', doc='Whether the node refuses new calls.'),
        maintenance_mode_reason=Field(max_length=250, doc='Why the node is in maintenance mode.'),
        media_priority_weight=Field(type='int', nullable=True,
                                    doc='Weight for choosing this node for media among the nodes of its location.'),
        static_routes=Field(kind='refs', target='static_route',
                            doc='Static routes of the node, each by name or resource URI.'),
        tls_certificate=Field(kind='ref', nullable=True, target='tls_certificate',
                              doc='Server certificate of the node, by subject name or resource URI.'),
        tls_client_certificate=Field(kind='ref', nullable=True, target='tls_certificate',
                                     doc='Client certificate the node presents, by subject name or resource URI.'),
        vm_cpu_count=Field(type='int', minimum=2, maximum=128,
                           doc='Virtual CPUs (2 to 128) written into a VM package or given to a VMware deployment.'),
        vm_system_memory=Field(type='int', minimum=2000, maximum=64000,
                               doc=('Memory in MB (2000 to 64000) written into a VM package or given to a VMware '
                                    'deployment.')),
        snmp_mode=Field(choices=['DISABLED', 'STANDARD', 'AUTHPRIV'], doc='SNMP support of the node.'),
        snmp_community=Field(kind='secret', max_length=16,
                             doc='SNMPv2c community. Masked in results.'),
        snmp_username=Field(max_length=100, doc='SNMPv3 user name.'),
        # the API answers these with a hash of the value: they can only be written
        snmp_authentication_password=Field(kind='write_only', min_length=8, max_length=100,
                                           doc=('SNMPv3 authentication password (8 to 100 characters). Write-only; see'
                                                ' O(update_password).')),
        snmp_privacy_password=Field(kind='write_only', min_length=8, max_length=100,
                                    doc=('SNMPv3 privacy password (8 to 100 characters). Write-only; see '
                                         'O(update_password).')),
        snmp_system_contact=Field(max_length=70, doc='SNMP system contact.'),
        snmp_system_location=Field(max_length=70, doc='SNMP system location.'),
    ),
)
