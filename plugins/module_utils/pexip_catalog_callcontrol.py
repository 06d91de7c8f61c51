# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for call control:
gatekeepers, SIP and Skype for Business proxies, credentials, TURN/STUN and policy servers, Call Routing Rules and registration settings.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out. Singletons (one object that always exists)
are marked ``singleton=True``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource

H323_GATEKEEPER = Resource(
    'h323_gatekeeper',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=250),
        name=Field(required=True, max_length=250),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535),
    ),
)

SIP_CREDENTIAL = Resource(
    'sip_credential',
    key='realm',
    fields=dict(
        password=Field(kind='write_only'),
        realm=Field(required=True, max_length=250),
        username=Field(required=True, max_length=250),
    ),
)

SIP_PROXY = Resource(
    'sip_proxy',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=250),
        name=Field(required=True, max_length=250),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535),
        transport=Field(choices=['tcp', 'udp', 'tls']),
    ),
)

MSSIP_PROXY = Resource(
    'mssip_proxy',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=250),
        name=Field(required=True, max_length=250),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535),
        transport=Field(choices=['tcp', 'tls']),
    ),
)

TURN_SERVER = Resource(
    'turn_server',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=250),
        name=Field(required=True, max_length=250),
        password=Field(kind='write_only', max_length=100),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535),
        secret_key=Field(kind='write_only', max_length=256),
        server_type=Field(choices=['namepsw', 'coturn_shared']),
        transport_type=Field(choices=['udp', 'tcp', 'tls']),
        username=Field(max_length=100),
    ),
)

STUN_SERVER = Resource(
    'stun_server',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255),
        description=Field(max_length=250),
        name=Field(required=True, max_length=250),
        port=Field(type='int', minimum=1, maximum=65535),
    ),
)

POLICY_SERVER = Resource(
    'policy_server',
    key='name',
    fields=dict(
        description=Field(max_length=250),
        enable_avatar_lookup=Field(type='bool'),
        enable_directory_lookup=Field(type='bool'),
        enable_internal_media_location_policy=Field(type='bool'),
        enable_internal_participant_policy=Field(type='bool'),
        enable_internal_service_policy=Field(type='bool'),
        enable_media_location_lookup=Field(type='bool'),
        enable_participant_lookup=Field(type='bool'),
        enable_registration_lookup=Field(type='bool'),
        enable_service_lookup=Field(type='bool'),
        internal_media_location_policy_template=Field(max_length=49152),
        internal_participant_policy_template=Field(max_length=49152),
        internal_service_policy_template=Field(max_length=49152),
        name=Field(required=True, max_length=250),
        password=Field(kind='write_only', max_length=100),
        prefer_local_avatar_configuration=Field(type='bool'),
        url=Field(max_length=255),
        username=Field(max_length=100),
    ),
)

GATEWAY_ROUTING_RULE = Resource(
    'gateway_routing_rule',
    key='name',
    fields=dict(
        call_type=Field(choices=['audio', 'video', 'video-only', 'auto']),
        called_device_type=Field(choices=['external', 'registration', 'mssip_conference_id', 'mssip_server', 'gms_conference',
                                          'teams_conference', 'teams_user', 'telehealth_profile']),
        crypto_mode=Field(choices=['besteffort', 'on', 'off'], nullable=True),
        denoise_audio=Field(type='bool'),
        description=Field(max_length=250),
        disabled_codecs=Field(kind='embedded'),
        enable=Field(type='bool'),
        external_participant_avatar_lookup=Field(choices=['default', 'yes', 'no'], nullable=True),
        gms_access_token=Field(kind='ref', target='gms_access_token'),
        h323_gatekeeper=Field(kind='ref', target='h323_gatekeeper'),
        ivr_theme=Field(kind='ref', target='ivr_theme'),
        live_captions_enabled=Field(choices=['default', 'yes', 'no']),
        match_incoming_calls=Field(type='bool'),
        match_incoming_h323=Field(type='bool'),
        match_incoming_mssip=Field(type='bool'),
        match_incoming_only_if_registered=Field(type='bool'),
        match_incoming_sip=Field(type='bool'),
        match_incoming_teams=Field(type='bool'),
        match_incoming_webrtc=Field(type='bool'),
        match_outgoing_calls=Field(type='bool'),
        match_source_location=Field(kind='ref', target='system_location'),
        match_string=Field(required=True, max_length=250, format='regex'),
        match_string_full=Field(type='bool'),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_pixels_per_second=Field(choices=['sd', 'hd', 'fullhd'], nullable=True),
        mssip_proxy=Field(kind='ref', target='mssip_proxy'),
        name=Field(required=True, max_length=250),
        outgoing_location=Field(kind='ref', target='system_location'),
        outgoing_protocol=Field(choices=['h323', 'mssip', 'sip', 'rtmp', 'gms', 'teams']),
        priority=Field(type='int', required=True, minimum=1, maximum=200),
        replace_string=Field(max_length=250),
        sip_proxy=Field(kind='ref', target='sip_proxy'),
        stun_server=Field(kind='ref', target='stun_server'),
        tag=Field(max_length=250),
        teams_proxy=Field(kind='ref', target='teams_proxy'),
        telehealth_profile=Field(kind='ref', target='telehealth_profile'),
        treat_as_trusted=Field(type='bool'),
        turn_server=Field(kind='ref', target='turn_server'),
    ),
)

REGISTRATION = Resource(
    'registration',
    key=None,
    fields=dict(
        adaptive_max_refresh=Field(type='int', minimum=60, maximum=7200),
        adaptive_min_refresh=Field(type='int', minimum=60, maximum=3600),
        enable=Field(type='bool'),
        enable_google_cloud_messaging=Field(type='bool'),
        enable_push_notifications=Field(type='bool'),
        maximum_max_refresh=Field(type='int', minimum=60, maximum=7200),
        maximum_min_refresh=Field(type='int', minimum=60, maximum=3600),
        natted_max_refresh=Field(type='int', minimum=60, maximum=3600),
        natted_min_refresh=Field(type='int', minimum=60, maximum=3600),
        push_token=Field(kind='write_only'),
        refresh_strategy=Field(choices=['adaptive', 'maximum']),
        route_via_registrar=Field(type='bool'),
    ),
    singleton=True,
)
