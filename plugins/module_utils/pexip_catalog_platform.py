# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for the platform itself:
name and time servers, logging, SNMP, routes, the Management Node, certificates, licences and the global settings.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out. Singletons (one object that always exists)
are marked ``singleton=True``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

DNS_SERVER = Resource(
    'dns_server',
    title='DNS server',
    key='address',
    fields=dict(
        address=Field(required=True, format='ip', doc='IPv4 or IPv6 address of the DNS server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
    ),
)

NTP_SERVER = Resource(
    'ntp_server',
    title='NTP server',
    key='address',
    fields=dict(
        address=Field(required=True, max_length=255, format='host', doc='Host name or IP address of the NTP server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        key=Field(kind='write_only', max_length=100,
                  doc='Symmetric key shared with the NTP server for authenticated time.'),
        key_id=Field(type='int', nullable=True, minimum=1, maximum=65535,
                     doc='Number of the symmetric key on the NTP server.'),
    ),
)

SYSLOG_SERVER = Resource(
    'syslog_server',
    title='remote syslog server',
    key='address',
    fields=dict(
        address=Field(required=True, max_length=255, format='host',
                      doc='Host name or IP address of the syslog server.'),
        audit_log=Field(type='bool', doc='Whether the audit log is sent to this server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        port=Field(type='int', minimum=1, maximum=65535, doc='Port the server listens on.'),
        proto_format=Field(choices=['pexip', 'rfc3164', 'rfc5424'], doc='Message format sent to the server.'),
        support_log=Field(type='bool', doc='Whether the support log is sent to this server.'),
        syslog_log=Field(type='bool', doc='Whether the operating system log is sent to this server.'),
        transport=Field(choices=['udp', 'tcp', 'tls'], doc='Transport protocol.'),
        web_log=Field(type='bool', doc='Whether the web server log is sent to this server.'),
    ),
)

SNMP_NETWORK_MANAGEMENT_SYSTEM = Resource(
    'snmp_network_management_system',
    title='SNMP trap receiver',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        port=Field(type='int', minimum=1, maximum=65535, doc='Port the server listens on.'),
        snmp_trap_community=Field(kind='secret', max_length=16, doc='SNMP trap community.'),
    ),
)

STATIC_ROUTE = Resource(
    'static_route',
    title='static route',
    key='name',
    fields=dict(
        address=Field(required=True, format='ip', doc='Destination network address, an IPv4 or IPv6 address.'),
        gateway=Field(required=True, format='ip',
                      doc='Next-hop address for the destination network, an IPv4 or IPv6 address.'),
        name=Field(required=True, max_length=32, doc='Name of the object.'),
        prefix=Field(type='int', required=True, minimum=0, maximum=128,
                     doc='Prefix length of the destination network: up to 32 for IPv4, up to 128 for IPv6.'),
    ),
)

MANAGEMENT_VM = Resource(
    'management_vm',
    title='Management Node',
    key=None,
    fields=dict(
        address=Field(format='ipv4',
                      doc=('IPv4 address of the Management Node. A change moves the Management Node: the '
                           'connection this module uses must then reach the new address.')),
        alternative_fqdn=Field(max_length=255, doc='Alternative FQDN.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        dns_servers=Field(kind='refs', target='dns_server',
                          doc=('DNS servers, each given by address or resource URI (C(dns_server) objects); compared '
                               'as a set.')),
        domain=Field(max_length=192, format='domain', doc='DNS domain name of the Management Node.'),
        enable_ssh=Field(choices=['GLOBAL', 'OFF', 'ON'], doc='Enable SSH.'),
        event_sinks=Field(kind='refs', target='event_sink',
                          doc=('Event sinks, each given by name or resource URI (C(event_sink) objects); compared as a'
                               ' set.')),
        gateway=Field(format='ipv4', doc='IPv4 default gateway of the Management Node.'),
        hostname=Field(max_length=63, format='hostname', doc='Host name of the Management Node.'),
        http_proxy=Field(kind='ref', nullable=True, target='http_proxy',
                         doc='Web proxy the Management Node uses for outbound HTTP.'),
        initializing=Field(type='bool',
                           doc='Whether the Management Node is still in its first-time setup; the manager sets it.'),
        ipv6_address=Field(nullable=True, format='ipv6', doc='IPv6 address.'),
        ipv6_gateway=Field(nullable=True, format='ipv6', doc='IPv6 gateway.'),
        mtu=Field(type='int', minimum=512, maximum=1500, doc='MTU.'),
        name=Field(required=True, max_length=32, doc='Name of the object.'),
        netmask=Field(format='netmask', doc='IPv4 netmask of the Management Node.'),
        ntp_servers=Field(kind='refs', target='ntp_server',
                          doc=('NTP servers, each given by address or resource URI (C(ntp_server) objects); compared '
                               'as a set.')),
        secondary_config_passphrase=Field(kind='secret', doc='Secondary config passphrase.'),
        snmp_authentication_password=Field(kind='write_only', max_length=100, min_length=8,
                                           doc='SNMP authentication password.'),
        snmp_community=Field(kind='secret', max_length=16, doc='SNMP community.'),
        snmp_mode=Field(choices=['DISABLED', 'STANDARD', 'AUTHPRIV'], doc='SNMP mode.'),
        snmp_network_management_system=Field(kind='ref', nullable=True, target='snmp_network_management_system',
                                             doc='SNMP manager receiving traps from the Management Node.'),
        snmp_privacy_password=Field(kind='write_only', max_length=100, min_length=8, doc='SNMP privacy password.'),
        snmp_system_contact=Field(max_length=70, doc='SNMP system contact.'),
        snmp_system_location=Field(max_length=70, doc='SNMP system location.'),
        snmp_username=Field(max_length=100, doc='SNMP username.'),
        ssh_authorized_keys=Field(kind='refs', target='ssh_authorized_key',
                                  doc=('SSH authorized keys, each given by name or resource URI (C(ssh_authorized_key)'
                                       ' objects); compared as a set.')),
        ssh_authorized_keys_use_cloud=Field(type='bool', doc='SSH authorized keys use cloud (on or off).'),
        static_nat_address=Field(nullable=True, format='ipv4', doc='Static NAT address, an IPv4 address.'),
        static_routes=Field(kind='refs', target='static_route',
                            doc=('Static routes, each given by name or resource URI (C(static_route) objects); '
                                 'compared as a set.')),
        syslog_servers=Field(kind='refs', target='syslog_server',
                             doc=('Syslog servers, each given by address or resource URI (C(syslog_server) objects); '
                                  'compared as a set.')),
        tls_certificate=Field(kind='ref', nullable=True, target='tls_certificate',
                              doc=('TLS certificate, given by subject_name or resource URI (a C(tls_certificate) '
                                   'object).')),
        tls_client_certificate=Field(kind='ref', nullable=True, target='tls_certificate',
                                     doc=('TLS client certificate, given by subject_name or resource URI (a '
                                          'C(tls_certificate) object).')),
    ),
    singleton=True,
)

CA_CERTIFICATE = Resource(
    'ca_certificate',
    title='trusted CA certificate',
    key='certificate',
    fields=dict(
        certificate=Field(required=True,
                          doc=('The CA certificate in PEM format; its fingerprint is the key by which the module finds'
                               ' it.')),
        trusted_intermediate=Field(type='bool',
                                   doc='Whether the certificate is an intermediate to send along in chains.'),
    ),
)

TLS_CERTIFICATE = Resource(
    'tls_certificate',
    title='server/client certificate and private key',
    key='certificate',
    fields=dict(
        certificate=Field(required=True,
                          doc=('The certificate in PEM format; its fingerprint is the key by which the module finds '
                               'it.')),
        nodes=Field(type='list', elements='str',
                    doc='Fully qualified names of the Conferencing Nodes that present this certificate.'),
        parameters=Field(max_length=1000,
                         doc=('Extra TLS parameters in PEM format, such as Diffie-Hellman or elliptic curve '
                              'parameters.')),
        private_key=Field(kind='write_only', required=True, max_length=12288,
                          doc='The private key matching O(certificate), in PEM format.'),
        private_key_passphrase=Field(kind='write_only', max_length=100,
                                     doc='Passphrase of an encrypted O(private_key).'),
    ),
)

GLOBAL = Resource(
    'global',
    title='global platform settings',
    key=None,
    fields=dict(
        aws_access_key=Field(nullable=True, max_length=40, doc='AWS access key.'),
        aws_secret_key=Field(kind='write_only', nullable=True, doc='AWS secret key.'),
        azure_client_id=Field(kind='secret', nullable=True, doc='Azure client ID.'),
        azure_secret=Field(kind='write_only', nullable=True, doc='Azure secret.'),
        azure_subscription_id=Field(nullable=True, doc='Azure subscription ID.'),
        azure_tenant=Field(nullable=True, doc='Azure tenant.'),
        bdpm_max_pin_failures_per_window=Field(type='int', minimum=5, maximum=200,
                                               doc='Break-in defence maximum PIN failures per window.'),
        bdpm_max_scan_attempts_per_window=Field(type='int', minimum=5, maximum=200,
                                                doc='Break-in defence maximum scan attempts per window.'),
        bdpm_pin_checks_enabled=Field(type='bool', doc='Whether Break-in defence PIN checks is enabled.'),
        bdpm_scan_quarantine_enabled=Field(type='bool', doc='Whether Break-in defence scan quarantine is enabled.'),
        bursting_enabled=Field(type='bool', doc='Whether bursting is enabled.'),
        bursting_min_lifetime=Field(type='int', nullable=True, minimum=5, doc='Bursting minimum lifetime.'),
        bursting_threshold=Field(type='int', nullable=True, minimum=1, doc='Bursting threshold.'),
        cloud_provider=Field(choices=['AWS', 'AZURE', 'GCP'], doc='Cloud provider.'),
        contact_email_address=Field(max_length=100, doc='Contact email address.'),
        content_security_policy_header=Field(max_length=4096, doc='Content security policy header.'),
        content_security_policy_state=Field(type='bool', doc='Content security policy state (on or off).'),
        crypto_mode=Field(choices=['besteffort', 'on', 'off'], doc='Crypto mode.'),
        default_theme=Field(kind='ref', nullable=True, target='ivr_theme',
                            doc='Theme of the services that name none.'),
        # default_to_new_webapp: deprecated, left to the generic module
        # default_webapp: deprecated, left to the generic module
        default_webapp_alias=Field(kind='ref', nullable=True, target='webapp_alias',
                                   doc='Web app path that the bare address of a Conferencing Node opens.'),
        disabled_codecs=Field(kind='embedded',
                              doc=[
                                  ('Codecs to disable, each given by its codec name such as C(H264_H_0) or '
                                   'C(MP4A-LATM_128).'),
                                  ('The API holds them as embedded objects C({"value": "H264_H_0"}); the module '
                                   'sends that shape, compares the names as a set (order and repeats do not '
                                   'matter) and shows names in its result and diff.'),
                                  ('An empty list enables every codec; so does listing C(disabled_codecs) in '
                                   'O(clear).'),
                              ]),
        eject_last_participant_backstop_timeout=Field(type='int', minimum=0, maximum=86400,
                                                      doc=('Seconds after which the last participant left in a '
                                                           'conference is disconnected; 0 never does.')),
        enable_analytics=Field(type='bool', doc='Whether analytics is enabled.'),
        enable_application_api=Field(type='bool', doc='Whether application API is enabled.'),
        enable_breakout_rooms=Field(type='bool', doc='Whether breakout rooms is enabled.'),
        enable_chat=Field(type='bool', doc='Whether chat is enabled.'),
        enable_clock=Field(type='bool', doc='Whether clock is enabled.'),
        enable_denoise=Field(type='bool', doc='Whether denoise is enabled.'),
        enable_dialout=Field(type='bool', doc='Whether dialout is enabled.'),
        enable_directory=Field(type='bool', doc='Whether directory is enabled.'),
        enable_edge_non_mesh=Field(type='bool', doc='Whether edge non mesh is enabled.'),
        enable_fecc=Field(type='bool', doc='Whether FECC is enabled.'),
        enable_h323=Field(type='bool', doc='Whether H.323 is enabled.'),
        enable_legacy_dialout_api=Field(type='bool', doc='Whether legacy dialout API is enabled.'),
        enable_lync_auto_escalate=Field(type='bool', doc='Whether Lync auto escalate is enabled.'),
        enable_lync_vbss=Field(type='bool', doc='Whether Lync VBSS is enabled.'),
        enable_mlvad=Field(type='bool', doc='Whether MLVAD is enabled.'),
        # enable_multiscreen: deprecated, left to the generic module
        # enable_push_notifications: deprecated, left to the generic module
        enable_rtmp=Field(type='bool', doc='Whether RTMP is enabled.'),
        enable_sip=Field(type='bool', doc='Whether SIP is enabled.'),
        enable_sip_udp=Field(type='bool', doc='Whether SIP UDP is enabled.'),
        enable_softmute=Field(type='bool', doc='Whether softmute is enabled.'),
        enable_ssh=Field(type='bool', doc='Whether SSH is enabled.'),
        enable_turn_443=Field(type='bool', doc='Whether TURN 443 is enabled.'),
        enable_webrtc=Field(type='bool', doc='Whether WebRTC is enabled.'),
        error_reporting_enabled=Field(type='bool', doc='Whether error reporting is enabled.'),
        error_reporting_url=Field(max_length=255, doc='Error reporting URL.'),
        es_connection_timeout=Field(type='int', doc='Event sink connection timeout.'),
        es_initial_retry_backoff=Field(type='int', doc='Event sink initial retry backoff.'),
        # es_maximum_deferred_posts: deprecated, left to the generic module
        es_maximum_retry_backoff=Field(type='int', doc='Event sink maximum retry backoff.'),
        es_media_streams_wait=Field(type='int', doc='Event sink media streams wait.'),
        es_metrics_update_interval=Field(type='int', doc='Event sink metrics update interval.'),
        es_short_term_memory_expiration=Field(type='int', doc='Event sink short term memory expiration.'),
        external_participant_avatar_lookup=Field(type='bool', doc='External participant avatar lookup (on or off).'),
        gcp_client_email=Field(nullable=True, doc='GCP client email.'),
        gcp_private_key=Field(kind='write_only', nullable=True, max_length=12288,
                              doc='Private key of the Google Cloud service account used for dynamic bursting.'),
        gcp_project_id=Field(nullable=True, doc='GCP project ID.'),
        guests_only_timeout=Field(type='int', minimum=0, maximum=86400, doc='Guests only timeout.'),
        # legacy_api_http: deprecated, left to the generic module
        legacy_api_password=Field(kind='write_only', max_length=100, doc='Password of the legacy API account.'),
        legacy_api_username=Field(max_length=100, doc='Legacy API username.'),
        # live_captions_api_gateway: deprecated, left to the generic module
        # live_captions_app_id: deprecated, left to the generic module
        # live_captions_enabled: deprecated, left to the generic module
        # live_captions_public_jwt_key: deprecated, left to the generic module
        live_captions_vmr_default=Field(type='bool', doc='Live captions VMR default (on or off).'),
        liveview_show_conferences=Field(type='bool', doc='Live View show conferences (on or off).'),
        local_mssip_domain=Field(max_length=255, doc='Local MS-SIP domain.'),
        logon_banner=Field(max_length=4096, doc='Logon banner.'),
        logs_max_age=Field(type='int', minimum=0, maximum=3650, doc='Logs maximum age.'),
        management_qos=Field(type='int', nullable=True, minimum=0, maximum=63, doc='Management QoS.'),
        management_session_timeout=Field(type='int', minimum=5, maximum=1440, doc='Management session timeout.'),
        management_start_page=Field(doc='Management start page.'),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192, doc='Maximum call rate in.'),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192, doc='Maximum call rate out.'),
        max_pixels_per_second=Field(choices=['sd', 'hd', 'fullhd'], doc='Maximum pixels per second.'),
        max_presentation_bandwidth_ratio=Field(type='int', minimum=25, maximum=75,
                                               doc='Maximum presentation bandwidth ratio.'),
        media_ports_end=Field(type='int', minimum=10000, maximum=49999, doc='Media ports end.'),
        media_ports_start=Field(type='int', minimum=10000, maximum=49999, doc='Media ports start.'),
        min_pin_length=Field(type='int', minimum=4, maximum=20, doc='Minimum PIN length.'),
        ocsp_responder_url=Field(max_length=255, doc='OCSP responder URL.'),
        ocsp_state=Field(choices=['OFF', 'ON', 'OVERRIDE'], doc='OCSP state.'),
        pin_entry_timeout=Field(type='int', minimum=30, maximum=86400, doc='PIN entry timeout.'),
        # pss_customer_id: deprecated, left to the generic module
        # pss_enabled: deprecated, left to the generic module
        # pss_gateway: deprecated, left to the generic module
        # pss_token: deprecated, left to the generic module
        session_timeout_enabled=Field(type='bool', doc='Whether session timeout is enabled.'),
        signalling_ports_end=Field(type='int', minimum=10000, maximum=49999, doc='Signalling ports end.'),
        signalling_ports_start=Field(type='int', minimum=10000, maximum=49999, doc='Signalling ports start.'),
        sip_tls_cert_verify_mode=Field(choices=['OFF', 'ON'], doc='SIP TLS certificate verify mode.'),
        site_banner=Field(max_length=255, doc='Site banner.'),
        site_banner_bg=Field(doc='Site banner background colour.'),
        site_banner_fg=Field(doc='Site banner text colour.'),
        teams_enable_powerpoint_render=Field(type='bool', doc='Teams enable PowerPoint render (on or off).'),
        waiting_for_chair_timeout=Field(type='int', minimum=0, maximum=86400, doc='Waiting for chair timeout.'),
    ),
    singleton=True,
)

LICENCE = Resource(
    'licence',
    title='licence activation',
    key='entitlement_id',
    fields=dict(
        entitlement_id=Field(kind='secret', required=True),
        offline_mode=Field(type='bool'),
    ),
)


SMTP_SERVER = Resource(
    'smtp_server',
    title='outgoing mail server',
    key='name',
    module='pexip_smtp_server',
    added_in='v29',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the mail server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        address=Field(required=True, max_length=255, format='host', doc='Host name or IP address of the mail server.'),
        port=Field(type='int', minimum=1, maximum=65535, doc='TCP port of the mail server (the manager uses 587 when unset).'),
        connection_security=Field(choices=['NONE', 'STARTTLS'], doc='Whether the connection is upgraded with STARTTLS.'),
        from_email_address=Field(required=True, max_length=100, format='email',
                                 doc='Sender address of the e-mails the platform sends.'),
        username=Field(max_length=100, doc='Account to log in to the mail server with; empty for none.'),
        password=Field(kind='write_only', max_length=100,
                       doc='Password of O(username). The manager keeps only a hash of it.'),
    ),
    doc=ModuleDoc(
        summary='Manage an outgoing mail server of Pexip Infinity',
        about=['Adds, changes and removes a mail server the platform sends e-mail through, for example the '
               'messages that tell users about their personal rooms.',
               'The server is found by its O(name).'],
        examples="""
- name: The corporate mail relay
  ucops.platform.pexip_smtp_server:
    name: Mail relay
    address: smtp.example.com
    port: 587
    connection_security: STARTTLS
    from_email_address: video@example.com
    username: pexip
    password: "{{ vault_smtp_password }}"

- name: Remove it
  ucops.platform.pexip_smtp_server:
    name: Mail relay
    state: absent
""",
    ),
)
