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
    title='H.323 gatekeeper',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535, doc='Port the server listens on.'),
    ),
)

SIP_CREDENTIAL = Resource(
    'sip_credential',
    title='SIP digest credential',
    key='realm',
    fields=dict(
        password=Field(kind='write_only', max_length=100, doc='Password to authenticate with.'),
        realm=Field(required=True, max_length=255, doc='SIP realm the credential answers challenges for.'),
        username=Field(required=True, max_length=100, doc='User name to authenticate with.'),
    ),
)

SIP_PROXY = Resource(
    'sip_proxy',
    title='SIP proxy',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535, doc='Port the server listens on.'),
        transport=Field(choices=['tcp', 'udp', 'tls'], doc='Transport protocol.'),
    ),
)

MSSIP_PROXY = Resource(
    'mssip_proxy',
    title='Skype for Business / Lync server',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535, doc='Port the server listens on.'),
        transport=Field(choices=['tcp', 'tls'], doc='Transport protocol.'),
    ),
)

TURN_SERVER = Resource(
    'turn_server',
    title='TURN server',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        password=Field(kind='write_only', max_length=100, doc='Password to authenticate with.'),
        port=Field(type='int', nullable=True, minimum=1, maximum=65535, doc='Port the server listens on.'),
        secret_key=Field(kind='write_only', max_length=100,
                         doc=('Secret shared with a coturn server (O(server_type=coturn_shared)) to derive '
                              'credentials.')),
        server_type=Field(choices=['namepsw', 'coturn_shared'], doc='Server type.'),
        transport_type=Field(choices=['udp', 'tcp', 'tls'], doc='Transport type.'),
        username=Field(max_length=100, doc='User name to authenticate with.'),
    ),
)

STUN_SERVER = Resource(
    'stun_server',
    title='STUN server',
    key='name',
    fields=dict(
        address=Field(required=True, max_length=255, doc='Host name or IP address of the server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        port=Field(type='int', minimum=1, maximum=65535, doc='Port the server listens on.'),
    ),
)

POLICY_SERVER = Resource(
    'policy_server',
    title='external policy server',
    key='name',
    fields=dict(
        description=Field(max_length=250, doc='Free text describing the object.'),
        enable_avatar_lookup=Field(type='bool', doc='Whether avatar lookup is enabled.'),
        enable_directory_lookup=Field(type='bool', doc='Whether directory lookup is enabled.'),
        enable_internal_media_location_policy=Field(type='bool',
                                                    doc='Whether internal media location policy is enabled.'),
        enable_internal_participant_policy=Field(type='bool', doc='Whether internal participant policy is enabled.'),
        enable_internal_service_policy=Field(type='bool', doc='Whether internal service policy is enabled.'),
        enable_media_location_lookup=Field(type='bool', doc='Whether media location lookup is enabled.'),
        enable_participant_lookup=Field(type='bool', doc='Whether participant lookup is enabled.'),
        enable_registration_lookup=Field(type='bool', doc='Whether registration lookup is enabled.'),
        enable_service_lookup=Field(type='bool', doc='Whether service lookup is enabled.'),
        internal_media_location_policy_template=Field(max_length=49152, doc='Internal media location policy template.'),
        internal_participant_policy_template=Field(max_length=49152, doc='Internal participant policy template.'),
        internal_service_policy_template=Field(max_length=49152, doc='Internal service policy template.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        password=Field(kind='write_only', max_length=100, doc='Password to authenticate with.'),
        prefer_local_avatar_configuration=Field(type='bool', doc='Prefer local avatar configuration (on or off).'),
        url=Field(max_length=255, doc='URL.'),
        username=Field(max_length=100, doc='User name to authenticate with.'),
    ),
)

GATEWAY_ROUTING_RULE = Resource(
    'gateway_routing_rule',
    title='Call Routing Rule',
    key='name',
    fields=dict(
        call_type=Field(choices=['audio', 'video', 'video-only', 'auto'], doc='Call type.'),
        called_device_type=Field(choices=['external', 'registration', 'mssip_conference_id', 'mssip_server', 'gms_conference',
                                          'teams_conference', 'teams_user', 'telehealth_profile'],
                                 doc='Called device type.'),
        crypto_mode=Field(choices=['besteffort', 'on', 'off'], nullable=True, doc='Crypto mode.'),
        denoise_audio=Field(type='bool', doc='Denoise audio (on or off).'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        disabled_codecs=Field(kind='embedded', nullable=True,
                              doc=[
                                  ('Codecs to disable, each given by its codec name such as C(H264_H_0) or '
                                   'C(MP4A-LATM_128).'),
                                  ('The API holds them as embedded objects C({"value": "H264_H_0"}); the module '
                                   'sends that shape, compares the names as a set (order and repeats do not '
                                   'matter) and shows names in its result and diff.'),
                                  ('An empty list enables every codec; so does listing C(disabled_codecs) in '
                                   'O(clear).'),
                              ]),
        enable=Field(type='bool', doc='Whether the rule is in use.'),
        external_participant_avatar_lookup=Field(choices=['default', 'yes', 'no'], nullable=True,
                                                 doc='External participant avatar lookup.'),
        gms_access_token=Field(kind='ref', nullable=True, target='gms_access_token', doc='Google Meet access token.'),
        h323_gatekeeper=Field(kind='ref', nullable=True, target='h323_gatekeeper', doc='H.323 gatekeeper.'),
        ivr_theme=Field(kind='ref', nullable=True, target='ivr_theme', doc='Ivr theme.'),
        live_captions_enabled=Field(choices=['default', 'yes', 'no'], doc='Live captions enabled.'),
        match_incoming_calls=Field(type='bool', doc='Match incoming calls (on or off).'),
        match_incoming_h323=Field(type='bool', doc='Match incoming H.323 (on or off).'),
        match_incoming_mssip=Field(type='bool', doc='Match incoming MS-SIP (on or off).'),
        match_incoming_only_if_registered=Field(type='bool', doc='Match incoming only if registered (on or off).'),
        match_incoming_sip=Field(type='bool', doc='Match incoming SIP (on or off).'),
        match_incoming_teams=Field(type='bool', doc='Match incoming teams (on or off).'),
        match_incoming_webrtc=Field(type='bool', doc='Match incoming WebRTC (on or off).'),
        match_outgoing_calls=Field(type='bool', doc='Match outgoing calls (on or off).'),
        match_source_location=Field(kind='ref', nullable=True, target='system_location',
                                    doc='Only match calls arriving at this system location, by name or resource URI.'),
        match_string=Field(required=True, max_length=250, format='regex',
                           doc=[
                               'Regular expression the dialled alias must match.',
                               ('At most 250 characters. It must compile (Python syntax); the module checks this '
                                'before any request.'),
                           ]),
        match_string_full=Field(type='bool', doc='Match string full (on or off).'),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192, doc='Maximum call rate in.'),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192, doc='Maximum call rate out.'),
        max_pixels_per_second=Field(choices=['sd', 'hd', 'fullhd'], nullable=True, doc='Maximum pixels per second.'),
        mssip_proxy=Field(kind='ref', nullable=True, target='mssip_proxy', doc='MS-SIP proxy.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        outgoing_location=Field(kind='ref', nullable=True, target='system_location',
                                doc='System location that places the outgoing call, by name or resource URI.'),
        outgoing_protocol=Field(choices=['h323', 'mssip', 'sip', 'rtmp', 'gms', 'teams'],
                                doc='Protocol used to place the outgoing call.'),
        priority=Field(type='int', required=True, minimum=1, maximum=200,
                       doc='Order in which the rule is tried, from 1 (first) to 200.'),
        replace_string=Field(max_length=250,
                             doc=('Regular expression replacement applied to the alias before it is dialled; empty '
                                  'keeps it unchanged.')),
        sip_proxy=Field(kind='ref', nullable=True, target='sip_proxy', doc='SIP proxy.'),
        stun_server=Field(kind='ref', nullable=True, target='stun_server', doc='STUN server.'),
        tag=Field(max_length=250, doc='Free-form tag, for example to mark objects created by automation.'),
        teams_proxy=Field(kind='ref', nullable=True, target='teams_proxy', doc='Teams proxy.'),
        telehealth_profile=Field(kind='ref', nullable=True, target='telehealth_profile', doc='Telehealth profile.'),
        treat_as_trusted=Field(type='bool', doc='Treat as trusted (on or off).'),
        turn_server=Field(kind='ref', nullable=True, target='turn_server', doc='TURN server.'),
    ),
)

REGISTRATION = Resource(
    'registration',
    title='registration settings',
    key=None,
    fields=dict(
        adaptive_max_refresh=Field(type='int', minimum=60, maximum=7200, doc='Adaptive maximum refresh.'),
        adaptive_min_refresh=Field(type='int', minimum=60, maximum=3600, doc='Adaptive minimum refresh.'),
        enable=Field(type='bool', doc='Enable (on or off).'),
        enable_google_cloud_messaging=Field(type='bool', doc='Whether google cloud messaging is enabled.'),
        enable_push_notifications=Field(type='bool', doc='Whether push notifications is enabled.'),
        maximum_max_refresh=Field(type='int', minimum=60, maximum=7200, doc='Maximum maximum refresh.'),
        maximum_min_refresh=Field(type='int', minimum=60, maximum=3600, doc='Maximum minimum refresh.'),
        natted_max_refresh=Field(type='int', minimum=60, maximum=3600, doc='Natted maximum refresh.'),
        natted_min_refresh=Field(type='int', minimum=60, maximum=3600, doc='Natted minimum refresh.'),
        push_token=Field(kind='write_only', doc='Push token.'),
        refresh_strategy=Field(choices=['adaptive', 'maximum'], doc='Refresh strategy.'),
        route_via_registrar=Field(type='bool', doc='Route via registrar (on or off).'),
    ),
    singleton=True,
)
