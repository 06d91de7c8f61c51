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

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource

DNS_SERVER = Resource(
    'dns_server',
    key='address',
    fields=dict(
        address=Field(required=True, format='ip'),
        description=Field(max_length=250),
    ),
)

NTP_SERVER = Resource(
    'ntp_server',
    key='address',
    fields=dict(
        address=Field(required=True, max_length=255, format='host'),
        description=Field(max_length=255),
        key=Field(kind='secret'),
        key_id=Field(type='int', nullable=True),
    ),
)

SYSLOG_SERVER = Resource(
    'syslog_server',
    key='address',
    fields=dict(
        address=Field(required=True, max_length=255, format='host'),
        audit_log=Field(type='bool'),
        description=Field(max_length=250),
        port=Field(type='int', minimum=1, maximum=65535),
        proto_format=Field(choices=['pexip', 'rfc3164', 'rfc5424']),
        support_log=Field(type='bool'),
        syslog_log=Field(type='bool'),
        transport=Field(choices=['udp', 'tcp', 'tls']),
        web_log=Field(type='bool'),
    ),
)

SNMP_NETWORK_MANAGEMENT_SYSTEM = Resource(
    'snmp_network_management_system',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=500),
        name=Field(required=True, max_length=250),
        port=Field(type='int', minimum=1, maximum=65535),
        snmp_trap_community=Field(kind='secret', max_length=16),
    ),
)

STATIC_ROUTE = Resource(
    'static_route',
    key='name',
    fields=dict(
        address=Field(required=True, format='ip'),
        gateway=Field(required=True, format='ip'),
        name=Field(required=True, max_length=32),
        prefix=Field(type='int', required=True, minimum=0, maximum=32),
    ),
)

MANAGEMENT_VM = Resource(
    'management_vm',
    key=None,
    fields=dict(
        alternative_fqdn=Field(max_length=255),
        description=Field(max_length=250),
        dns_servers=Field(kind='refs', target='dns_server'),
        enable_ssh=Field(choices=['GLOBAL', 'OFF', 'ON']),
        event_sinks=Field(kind='refs', target='event_sink'),
        http_proxy=Field(kind='ref', target='http_proxy'),
        ipv6_address=Field(nullable=True, format='ipv6'),
        ipv6_gateway=Field(nullable=True, format='ipv6'),
        mtu=Field(type='int', minimum=512, maximum=1500),
        name=Field(required=True, max_length=32),
        ntp_servers=Field(kind='refs', target='ntp_server'),
        secondary_config_passphrase=Field(kind='secret'),
        snmp_authentication_password=Field(kind='write_only', max_length=100, min_length=8),
        snmp_community=Field(kind='secret', max_length=16),
        snmp_mode=Field(choices=['DISABLED', 'STANDARD', 'AUTHPRIV']),
        snmp_network_management_system=Field(kind='ref', target='snmp_network_management_system'),
        snmp_privacy_password=Field(kind='write_only', max_length=100, min_length=8),
        snmp_system_contact=Field(max_length=70),
        snmp_system_location=Field(max_length=70),
        snmp_username=Field(max_length=100),
        ssh_authorized_keys=Field(kind='refs', target='ssh_authorized_key'),
        ssh_authorized_keys_use_cloud=Field(type='bool'),
        static_nat_address=Field(nullable=True, format='ipv4'),
        static_routes=Field(kind='refs', target='static_route'),
        syslog_servers=Field(kind='refs', target='syslog_server'),
        tls_certificate=Field(kind='ref', target='tls_certificate'),
        tls_client_certificate=Field(kind='ref', target='tls_certificate'),
    ),
    singleton=True,
)

CA_CERTIFICATE = Resource(
    'ca_certificate',
    key='certificate',
    fields=dict(
        certificate=Field(required=True),
        trusted_intermediate=Field(type='bool'),
    ),
)

TLS_CERTIFICATE = Resource(
    'tls_certificate',
    key='certificate',
    fields=dict(
        certificate=Field(required=True),
        client_auth_usage=Field(type='bool'),
        parameters=Field(max_length=1000),
        private_key=Field(kind='write_only', required=True),
        private_key_passphrase=Field(kind='write_only', max_length=100),
        server_auth_usage=Field(type='bool'),
    ),
)

GLOBAL = Resource(
    'global',
    key=None,
    fields=dict(
        aws_access_key=Field(nullable=True, max_length=40),
        aws_secret_key=Field(kind='write_only', nullable=True),
        azure_client_id=Field(kind='secret', nullable=True),
        azure_secret=Field(kind='write_only', nullable=True),
        azure_subscription_id=Field(nullable=True),
        azure_tenant=Field(nullable=True),
        bdpm_max_pin_failures_per_window=Field(type='int', minimum=5, maximum=200),
        bdpm_max_scan_attempts_per_window=Field(type='int', minimum=5, maximum=200),
        bdpm_pin_checks_enabled=Field(type='bool'),
        bdpm_scan_quarantine_enabled=Field(type='bool'),
        bursting_enabled=Field(type='bool'),
        bursting_min_lifetime=Field(type='int', nullable=True, minimum=5),
        bursting_threshold=Field(type='int', nullable=True, minimum=1),
        cloud_provider=Field(choices=['AWS', 'AZURE', 'GCP']),
        contact_email_address=Field(max_length=100),
        content_security_policy_header=Field(max_length=4096),
        content_security_policy_state=Field(type='bool'),
        crypto_mode=Field(choices=['besteffort', 'on', 'off']),
        default_theme=Field(kind='ref', target='ivr_theme'),
        # default_to_new_webapp: deprecated, left to the generic module
        # default_webapp: deprecated, left to the generic module
        default_webapp_alias=Field(kind='ref', target='webapp_alias'),
        disabled_codecs=Field(kind='embedded'),
        eject_last_participant_backstop_timeout=Field(type='int'),
        enable_analytics=Field(type='bool'),
        enable_application_api=Field(type='bool'),
        enable_breakout_rooms=Field(type='bool'),
        enable_chat=Field(type='bool'),
        enable_clock=Field(type='bool'),
        enable_denoise=Field(type='bool'),
        enable_dialout=Field(type='bool'),
        enable_directory=Field(type='bool'),
        enable_edge_non_mesh=Field(type='bool'),
        enable_fecc=Field(type='bool'),
        enable_h323=Field(type='bool'),
        enable_legacy_dialout_api=Field(type='bool'),
        enable_lync_auto_escalate=Field(type='bool'),
        enable_lync_vbss=Field(type='bool'),
        enable_mlvad=Field(type='bool'),
        # enable_multiscreen: deprecated, left to the generic module
        # enable_push_notifications: deprecated, left to the generic module
        enable_rtmp=Field(type='bool'),
        enable_sip=Field(type='bool'),
        enable_sip_udp=Field(type='bool'),
        enable_softmute=Field(type='bool'),
        enable_ssh=Field(type='bool'),
        enable_turn_443=Field(type='bool'),
        enable_webrtc=Field(type='bool'),
        error_reporting_enabled=Field(type='bool'),
        error_reporting_url=Field(max_length=255),
        es_connection_timeout=Field(type='int'),
        es_initial_retry_backoff=Field(type='int'),
        # es_maximum_deferred_posts: deprecated, left to the generic module
        es_maximum_retry_backoff=Field(type='int'),
        es_media_streams_wait=Field(type='int'),
        es_metrics_update_interval=Field(type='int'),
        es_short_term_memory_expiration=Field(type='int'),
        external_participant_avatar_lookup=Field(type='bool'),
        gcp_client_email=Field(nullable=True),
        gcp_private_key=Field(kind='secret', nullable=True, max_length=12288),
        gcp_project_id=Field(nullable=True),
        guests_only_timeout=Field(type='int', minimum=0, maximum=86400),
        # legacy_api_http: deprecated, left to the generic module
        legacy_api_password=Field(kind='secret', max_length=100),
        legacy_api_username=Field(max_length=100),
        # live_captions_api_gateway: deprecated, left to the generic module
        # live_captions_app_id: deprecated, left to the generic module
        # live_captions_enabled: deprecated, left to the generic module
        # live_captions_public_jwt_key: deprecated, left to the generic module
        live_captions_vmr_default=Field(type='bool'),
        liveview_show_conferences=Field(type='bool'),
        local_mssip_domain=Field(max_length=255),
        logon_banner=Field(max_length=4096),
        logs_max_age=Field(type='int', minimum=0, maximum=3650),
        management_qos=Field(type='int', nullable=True, minimum=0, maximum=63),
        management_session_timeout=Field(type='int', minimum=5, maximum=1440),
        management_start_page=Field(),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_pixels_per_second=Field(choices=['sd', 'hd', 'fullhd']),
        max_presentation_bandwidth_ratio=Field(type='int', minimum=25, maximum=75),
        media_ports_end=Field(type='int', minimum=10000, maximum=49999),
        media_ports_start=Field(type='int', minimum=10000, maximum=49999),
        min_pin_length=Field(type='int', minimum=4, maximum=20),
        ocsp_responder_url=Field(max_length=255),
        ocsp_state=Field(choices=['OFF', 'ON', 'OVERRIDE']),
        pin_entry_timeout=Field(type='int', minimum=30, maximum=86400),
        # pss_customer_id: deprecated, left to the generic module
        # pss_enabled: deprecated, left to the generic module
        # pss_gateway: deprecated, left to the generic module
        # pss_token: deprecated, left to the generic module
        session_timeout_enabled=Field(type='bool'),
        signalling_ports_end=Field(type='int', minimum=10000, maximum=49999),
        signalling_ports_start=Field(type='int', minimum=10000, maximum=49999),
        sip_tls_cert_verify_mode=Field(choices=['OFF', 'ON']),
        site_banner=Field(max_length=255),
        site_banner_bg=Field(),
        site_banner_fg=Field(),
        teams_enable_powerpoint_render=Field(type='bool'),
        waiting_for_chair_timeout=Field(type='int', minimum=0, maximum=86400),
    ),
    singleton=True,
)

LICENCE = Resource(
    'licence',
    key='entitlement_id',
    fields=dict(
        entitlement_id=Field(kind='secret', required=True),
        offline_mode=Field(type='bool'),
        vendor_dictionary=Field(type='dict'),
    ),
)
