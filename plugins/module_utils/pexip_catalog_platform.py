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

AUTOBACKUP = Resource(
    'autobackup',
    title='automatic configuration backups',
    key=None,
    module='pexip_autobackup',
    fields=dict(
        autobackup_enabled=Field(type='bool', doc='Whether the manager takes configuration backups on its own.'),
        autobackup_interval=Field(type='int', minimum=1, maximum=24, doc='Hours between two backups.'),
        autobackup_start_hour=Field(type='int', minimum=0, maximum=23,
                                    doc='Hour of the day (0 to 23) at which the first backup of a day is taken.'),
        autobackup_passphrase=Field(kind='write_only', max_length=100,
                                    doc='Passphrase the backup files are encrypted with; needed to restore them.'),
        autobackup_upload_url=Field(max_length=255,
                                    doc='Where each backup is also uploaded (an FTP or HTTP location); empty keeps '
                                        'the backups on the Management Node only.'),
        autobackup_upload_username=Field(max_length=100, doc='Account to log in to the upload location with.'),
        autobackup_upload_password=Field(kind='write_only', max_length=100,
                                         doc='Password of O(autobackup_upload_username).'),
    ),
    singleton=True,
    doc=ModuleDoc(
        summary='Manage the automatic configuration backups of Pexip Infinity',
        about=['Turns the scheduled backups of the configuration on or off, says how often they run and where '
               'copies are uploaded.',
               'There is one such object on every Management Node: the module only changes it, and only the '
               'options given.'],
        examples="""
- name: Back the configuration up every 6 hours and upload a copy
  ucops.platform.pexip_autobackup:
    autobackup_enabled: true
    autobackup_interval: 6
    autobackup_start_hour: 2
    autobackup_passphrase: "{{ vault_autobackup_passphrase }}"
    autobackup_upload_url: ftp://backup.example.com/pexip/
    autobackup_upload_username: pexip-backup
    autobackup_upload_password: "{{ vault_autobackup_upload_password }}"
""",
    ),
)

TRUSTED_JOIN = Resource(
    'trusted_join',
    title='trusted join settings',
    key=None,
    module='pexip_trusted_join',
    fields=dict(
        zoom_enabled=Field(type='bool', doc='Whether trusted join from Zoom meetings is turned on.'),
    ),
    singleton=True,
    doc=ModuleDoc(
        summary='Manage the trusted join settings of Pexip Infinity',
        about=['Turns trusted join for Zoom on or off; the Zoom accounts that may join are managed with '
               'M(ucops.platform.pexip_trusted_join_zoom_account).',
               'There is one such object on every Management Node: the module only changes it.'],
        examples="""
- name: Let trusted Zoom accounts join
  ucops.platform.pexip_trusted_join:
    zoom_enabled: true
""",
    ),
)

TRUSTED_JOIN_ZOOM_ACCOUNT = Resource(
    'trusted_join_zoom_account',
    title='Zoom account trusted to join',
    key='customer_id',
    module='pexip_trusted_join_zoom_account',
    fields=dict(
        customer_id=Field(required=True, doc='Zoom customer (account) ID.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Zoom account trusted to join Pexip Infinity',
        about=['Adds, changes and removes a Zoom account whose meetings may join with trusted join (see '
               'M(ucops.platform.pexip_trusted_join)).',
               'The account is found by its O(customer_id).'],
        examples="""
- name: Trust the partner's Zoom account
  ucops.platform.pexip_trusted_join_zoom_account:
    customer_id: zoom-7781-partner
    description: Partner company Zoom tenant

- name: Remove it
  ucops.platform.pexip_trusted_join_zoom_account:
    customer_id: zoom-7781-partner
    state: absent
""",
    ),
)

EVENT_SINK = Resource(
    'event_sink',
    title='event sink (HTTP receiver of call events)',
    key='name',
    module='pexip_event_sink',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the event sink.'),
        description=Field(nullable=True, max_length=250, doc='Free text describing the object.'),
        url=Field(required=True, max_length=255, doc='URL the events are posted to.'),
        username=Field(nullable=True, max_length=100, doc='Account the events are posted with; empty for none.'),
        password=Field(kind='write_only', nullable=True, max_length=100, doc='Password of O(username).'),
        verify_tls_certificate=Field(type='bool', doc="Whether the receiver's TLS certificate is checked."),
        version=Field(type='int', minimum=1, doc='Version of the event format sent.'),
        bulk_support=Field(type='bool', doc='Whether several events may be sent in one request.'),
        filter_events=Field(type='bool', doc='Whether only the events in O(events) are sent (otherwise all).'),
        events=Field(kind='embedded', embedded_key='name',
                     embedded_help='an event name such as participant_connected',
                     doc=['Names of the events to send when O(filter_events) is on, such as '
                          'C(participant_connected).',
                          'The API holds them as embedded objects C({"name": "participant_connected"}); the module '
                          'sends that shape and shows names in its result and diff.']),
    ),
    doc=ModuleDoc(
        summary='Manage an event sink of Pexip Infinity',
        about=['Adds, changes and removes an event sink: a web service the Conferencing Nodes post conference '
               'and participant events to.',
               'The sink is found by its O(name), which the manager keeps unique.'],
        examples="""
- name: Send call events to the analytics service
  ucops.platform.pexip_event_sink:
    name: Analytics collector
    url: https://events.example.com/pexip
    username: pexip-events
    password: "{{ vault_event_sink_password }}"
    verify_tls_certificate: true
    bulk_support: true
    filter_events: true
    events:
      - conference_started
      - conference_ended
      - participant_connected
      - participant_disconnected

- name: Remove it
  ucops.platform.pexip_event_sink:
    name: Analytics collector
    state: absent
""",
    ),
)

HTTP_PROXY = Resource(
    'http_proxy',
    title='outbound web proxy',
    key='name',
    module='pexip_http_proxy',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the proxy.'),
        address=Field(required=True, max_length=255, doc='Host name or IP address of the proxy.'),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535,
                   doc='TCP port of the proxy (the manager uses 8080 when unset).'),
        protocol=Field(choices=['http'], doc='Protocol spoken to the proxy.'),
        username=Field(max_length=100, doc='Account to log in to the proxy with; empty for none.'),
        password=Field(kind='write_only', max_length=100, doc='Password of O(username).'),
    ),
    doc=ModuleDoc(
        summary='Manage an outbound web proxy of Pexip Infinity',
        about=['Adds, changes and removes a web proxy that the Management Node and Conferencing Nodes can use for '
               'their outbound web requests (it is chosen per node or system location).',
               'The proxy is found by its O(name).'],
        examples="""
- name: The corporate web proxy
  ucops.platform.pexip_http_proxy:
    name: Outbound proxy
    address: proxy.example.com
    port: 3128
    protocol: http
    username: pexip-proxy
    password: "{{ vault_http_proxy_password }}"

- name: Remove it
  ucops.platform.pexip_http_proxy:
    name: Outbound proxy
    state: absent
""",
    ),
)

LOG_LEVEL = Resource(
    'log_level',
    title='logging level of a software component',
    key='name',
    module='pexip_log_level',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the logger (software component) the level is for.'),
        level=Field(choices=['NOTSET', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'],
                    doc='Lowest severity of the messages written.'),
    ),
    doc=ModuleDoc(
        summary='Manage the logging level of a Pexip Infinity component',
        about=['Adds, changes and removes a level override for one logger, mostly at the request of support '
               'while a problem is being diagnosed.',
               'The override is found by the logger O(name).'],
        examples="""
- name: More detail from the SIP signalling while support looks at a problem
  ucops.platform.pexip_log_level:
    name: support.sip
    level: DEBUG

- name: Remove it
  ucops.platform.pexip_log_level:
    name: support.sip
    state: absent
""",
    ),
)

DIAGNOSTIC_GRAPHS = Resource(
    'diagnostic_graphs',
    title='diagnostic graph',
    key='title',
    module='pexip_diagnostic_graphs',
    fields=dict(
        title=Field(required=True, max_length=250, doc='Title of the graph.'),
        order=Field(type='int', required=True, minimum=0, doc='Position of the graph on the diagnostics page.'),
        # datasets: embedded objects with many fields each (metric, node, colour, width, ...), not names:
        # left to the generic module
    ),
    doc=ModuleDoc(
        summary='Manage a diagnostic graph of Pexip Infinity',
        about=['Adds, changes and removes a graph of the diagnostics pages of the Management Node.',
               'The graph is found by its O(title).',
               'The data series a graph plots (C(datasets)) are embedded objects this module does not set; '
               'M(ucops.platform.pexip_resource) can.'],
        examples="""
- name: A graph of the media load
  ucops.platform.pexip_diagnostic_graphs:
    title: Media load per node
    order: 10

- name: Remove it
  ucops.platform.pexip_diagnostic_graphs:
    title: Media load per node
    state: absent
""",
    ),
)

SYSTEM_TUNEABLE = Resource(
    'system_tuneable',
    title='system tuneable (expert setting)',
    key='name',
    module='pexip_system_tuneable',
    update_method='PUT',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the tuneable.'),
        setting=Field(required=True, doc='Value of the tuneable, as text.'),
    ),
    doc=ModuleDoc(
        summary='Manage a system tuneable of Pexip Infinity',
        about=['Adds, changes and removes a system tuneable: an expert setting that Pexip support may ask for.',
               'The tuneable is found by its O(name). The manager takes no partial update of it: a change sends '
               'the whole object.'],
        examples="""
- name: A tuneable support asked for
  ucops.platform.pexip_system_tuneable:
    name: lab_example_tuneable
    setting: "30"

- name: Remove it
  ucops.platform.pexip_system_tuneable:
    name: lab_example_tuneable
    state: absent
""",
    ),
)

PEXIP_STREAMING_CREDENTIAL = Resource(
    'pexip_streaming_credential',
    title='Pexip streaming credential (public key)',
    key='kid',
    module='pexip_streaming_credential',
    update_method='PUT',
    fields=dict(
        kid=Field(required=True, doc='Key ID that names the key pair.'),
        public_key=Field(required=True, doc='Public key, in PEM format, that checks what the key signs.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Pexip streaming credential of Pexip Infinity',
        about=['Adds, changes and removes a public key that Pexip streaming uses, named by its key ID.',
               'The credential is found by its O(kid). The manager takes no partial update of it: a change sends '
               'the whole object.'],
        examples="""
- name: The streaming signing key
  ucops.platform.pexip_streaming_credential:
    kid: streaming-2026-01
    public_key: |
      -----BEGIN PUBLIC KEY-----
      MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFvbmsbWD5uwRtRK3Wx9CumbzQApO
      g9t/bB/0pNGpR1PSi1kdXRtW5ytCwMlDKR2CGEQdhlXmxN+IOp+nXWQ1VQ==
      -----END PUBLIC KEY-----

- name: Remove it
  ucops.platform.pexip_streaming_credential:
    kid: streaming-2026-01
    state: absent
""",
    ),
)

BREAK_IN_ALLOW_LIST_ADDRESS = Resource(
    'break_in_allow_list_address',
    title='address exempt from break-in defence',
    key='name',
    module='pexip_break_in_allow_list_address',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the entry.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        address=Field(required=True, format='ip', doc='Network address of the allowed range.'),
        prefix=Field(type='int', required=True, minimum=1, maximum=128,
                     doc='Prefix length of the allowed range (up to 32 for IPv4, 128 for IPv6).'),
        allowlist_entry_type=Field(choices=['user', 'proxy'],
                                   doc='Whether the range holds end users, or proxies whose forwarded client '
                                       'addresses are judged instead.'),
        ignore_incorrect_aliases=Field(type='bool',
                                       doc='Whether calls to unknown aliases from the range are not held against '
                                           'it.'),
        ignore_incorrect_pins=Field(type='bool',
                                    doc='Whether wrong PINs entered from the range are not held against it.'),
    ),
    doc=ModuleDoc(
        summary='Manage an address range exempt from break-in defence in Pexip Infinity',
        about=['Adds, changes and removes a range of addresses that break-in defence treats more leniently.',
               'The entry is found by its O(name). Nothing says the manager keeps names unique, so keep them '
               'unique yourself: two entries of one name make the module fail rather than guess.'],
        examples="""
- name: Our own offices
  ucops.platform.pexip_break_in_allow_list_address:
    name: Head office
    description: Office network behind the firewall
    address: 203.0.113.128
    prefix: 25
    allowlist_entry_type: user
    ignore_incorrect_pins: true

- name: Remove it
  ucops.platform.pexip_break_in_allow_list_address:
    name: Head office
    state: absent
""",
    ),
)

MEDIA_PROCESSING_SERVER = Resource(
    'media_processing_server',
    title='media processing server',
    key='fqdn',
    module='pexip_media_processing_server',
    fields=dict(
        fqdn=Field(required=True, max_length=255, doc='Fully qualified domain name of the server.'),
    ),
    doc=ModuleDoc(
        summary='Manage a media processing server of Pexip Infinity',
        about=['Adds and removes a media processing server, an external server the platform hands media to for '
               'processing.',
               'The server is found by its O(fqdn), its only setting; the manager fills in its application ID and '
               'public key, which the result shows.'],
        examples="""
- name: The media processing server
  ucops.platform.pexip_media_processing_server:
    fqdn: mps1.example.com

- name: Remove it
  ucops.platform.pexip_media_processing_server:
    fqdn: mps1.example.com
    state: absent
""",
    ),
)

CERTIFICATE_SIGNING_REQUEST = Resource(
    'certificate_signing_request',
    title='certificate signing request',
    key='subject_name',
    module='pexip_certificate_signing_request',
    fields=dict(
        subject_name=Field(max_length=250, doc='Name the certificate is asked for (its common name).'),
        dn=Field(max_length=250, doc='Further parts of the subject, such as the organisation and country.'),
        additional_subject_alt_names=Field(
            doc='Other names the certificate is asked for, comma-separated.'),
        private_key_type=Field(doc='Type and size of the key the manager generates for the request.'),
        private_key=Field(kind='write_only', nullable=True, max_length=12288,
                          doc='A private key of your own in PEM format, used instead of one the manager generates.'),
        private_key_passphrase=Field(kind='write_only', doc='Passphrase of an encrypted O(private_key).'),
        ad_compatible=Field(type='bool',
                            doc='Whether the request is made in the form a Microsoft Active Directory CA takes.'),
        eku_server_auth=Field(type='bool', doc='Whether server authentication is asked for as a key usage.'),
        eku_client_auth=Field(type='bool', doc='Whether client authentication is asked for as a key usage.'),
        certificate=Field(doc='The certificate the CA signed, in PEM format; giving it completes the request.'),
        tls_certificate=Field(kind='ref', target='tls_certificate', nullable=True,
                              doc='The server certificate the completed request becomes.'),
    ),
    doc=ModuleDoc(
        summary='Manage a certificate signing request of Pexip Infinity',
        about=['Adds, changes and removes a certificate signing request made on the Management Node, and '
               'completes it with the signed certificate.',
               'No field of a request is unique; the module finds it by its O(subject_name), so keep one request '
               'per subject name: two requests for one name make the module fail rather than guess.',
               'The request text the manager generates (C(csr)) is in the result.'],
        examples="""
- name: Ask for a certificate for the conferencing domain
  ucops.platform.pexip_certificate_signing_request:
    subject_name: conf.example.com
    dn: O=Example Ltd, C=GB
    additional_subject_alt_names: conf.example.com, join.example.com
    eku_server_auth: true
    eku_client_auth: true

- name: Remove it
  ucops.platform.pexip_certificate_signing_request:
    subject_name: conf.example.com
    state: absent
""",
    ),
)

SOFTWARE_BUNDLE = Resource(
    'software_bundle',
    title='software bundle (revision in use)',
    key='bundle_type',
    module='pexip_software_bundle',
    creatable=False,
    fields=dict(
        bundle_type=Field(required=True, doc='Type of the bundle, such as C(webapp3).'),
        selected_revision=Field(kind='ref', target='software_bundle_revision', nullable=True,
                                doc='The revision of the bundle to use, given by its ID or its resource URI.'),
    ),
    doc=ModuleDoc(
        summary='Choose the revision of a software bundle Pexip Infinity uses',
        about=['Chooses which uploaded revision of a software bundle (for example the web app) is in use.',
               'The manager makes one bundle object per bundle type itself: the module never creates nor deletes '
               'one, it finds the bundle by O(bundle_type) (a field the API does not let anyone change) and '
               'changes its O(selected_revision). A bundle type the manager does not have is an error.',
               'The revisions of a bundle can be listed with M(ucops.platform.pexip_resource_info) '
               '(resource C(software_bundle_revision)).'],
        examples="""
- name: The revisions of the web app bundle
  ucops.platform.pexip_resource_info:
    resource: software_bundle_revision
    filters:
      bundle_type: webapp3
  register: webapp_revisions

- name: Use the newest of them
  ucops.platform.pexip_software_bundle:
    bundle_type: webapp3
    selected_revision: "{{ (webapp_revisions.objects | sort(attribute='id') | last).resource_uri }}"
""",
    ),
)

SCHEDULED_SCALING = Resource(
    'scheduled_scaling',
    title='scheduled scaling policy',
    key='policy_name',
    module='pexip_scheduled_scaling',
    fields=dict(
        policy_name=Field(required=True, max_length=100, doc='Name of the policy.'),
        policy_type=Field(required=True, choices=['TeamsConnectorScaling'], doc='What the policy scales.'),
        resource_identifier=Field(required=True, doc='Identifier of the deployment the policy scales.'),
        enabled=Field(type='bool', doc='Whether the policy is in force.'),
        instances_to_add=Field(type='int', doc='Number of instances added during the scheduled hours.'),
        minutes_in_advance=Field(type='int', doc='How many minutes before O(time_from) the instances are started.'),
        local_timezone=Field(doc='Time zone of O(time_from) and O(time_to), such as C(Europe/Oslo).'),
        start_date=Field(required=True, doc='First day the policy applies, as YYYY-MM-DD.'),
        time_from=Field(required=True, format='time', doc='Time of day the extra capacity starts.'),
        time_to=Field(required=True, format='time', doc='Time of day the extra capacity ends.'),
        mon=Field(type='bool', doc='Whether the policy applies on Mondays.'),
        tue=Field(type='bool', doc='Whether the policy applies on Tuesdays.'),
        wed=Field(type='bool', doc='Whether the policy applies on Wednesdays.'),
        thu=Field(type='bool', doc='Whether the policy applies on Thursdays.'),
        fri=Field(type='bool', doc='Whether the policy applies on Fridays.'),
        sat=Field(type='bool', doc='Whether the policy applies on Saturdays.'),
        sun=Field(type='bool', doc='Whether the policy applies on Sundays.'),
    ),
    doc=ModuleDoc(
        summary='Manage a scheduled scaling policy of Pexip Infinity',
        about=['Adds, changes and removes a policy that adds capacity (Teams Connector instances) on a weekly '
               'schedule, ahead of the busy hours.',
               'The policy is found by its O(policy_name).'],
        examples="""
- name: Two more Teams Connector instances on weekday office hours
  ucops.platform.pexip_scheduled_scaling:
    policy_name: Weekday office hours
    policy_type: TeamsConnectorScaling
    resource_identifier: teams-connector-emea
    instances_to_add: 2
    minutes_in_advance: 30
    local_timezone: Europe/London
    start_date: "2026-01-05"
    time_from: "07:30:00"
    time_to: "18:00:00"
    mon: true
    tue: true
    wed: true
    thu: true
    fri: true

- name: Remove it
  ucops.platform.pexip_scheduled_scaling:
    policy_name: Weekday office hours
    state: absent
""",
    ),
)
