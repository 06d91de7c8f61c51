# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Descriptions of the Pexip configuration resources the modules manage.

Each entry lists a resource's writable fields with the API's names, types,
choices and limits (from the Management Configuration API reference), its
natural key and how related objects are referenced. Modules and their
``_info`` twins share these descriptions.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import ChildSet, Field, Resource, pin_field

_TRI_STATE = ['default', 'yes', 'no']

CONFERENCE = Resource(
    'conference',
    title='VMR, Virtual Auditorium, Virtual Reception',
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the service.'),
        description=Field(max_length=250, doc='Free text describing the service.'),
        service_type=Field(choices=['conference', 'lecture', 'two_stage_dialing', 'test_call', 'media_playback'],
                           doc=['What kind of service this is. The Management Node uses V(conference) when a new '
                                'service leaves it unset.',
                                'V(conference) is a Virtual Meeting Room, V(lecture) a Virtual Auditorium, '
                                'V(two_stage_dialing) a Virtual Reception, V(test_call) a test call service and '
                                'V(media_playback) a media playback service.']),
        pin=pin_field(doc=[
            'Host PIN, 4 to 20 digits, optionally ending in C(#). An empty string removes it.',
            'Quote it in YAML (C(pin: "0123")): unquoted, YAML reads it as a number and drops leading zeros.',
        ]),
        guest_pin=pin_field(doc=('Guest PIN, 4 to 20 digits, optionally ending in C(#). Only meaningful when '
                                 'O(allow_guests=true) and a host O(pin) is set. An empty string removes it. Masked in'
                                 ' every result and diff.')),
        allow_guests=Field(type='bool',
                           doc='Whether participants may join as guests (with O(guest_pin), if one is set).'),
        guests_can_present=Field(type='bool', doc='Whether guests may share content.'),
        guests_can_see_guests=Field(choices=['no_hosts', 'never', 'always'],
                                    doc='When guests see other guests in the layout of a Virtual Auditorium.'),
        mute_all_guests=Field(type='bool', doc='Whether guests join muted.'),
        host_view=Field(nullable=True, max_length=50,
                        doc=('Layout shown to hosts, for example V(one_main_seven_pips), V(one_main_zero_pips), '
                             'V(one_main_twentyone_pips), V(two_mains_twentyone_pips), V(four_mains_zero_pips), '
                             'V(nine_mains_zero_pips), V(sixteen_mains_zero_pips), V(twentyfive_mains_zero_pips) or '
                             'V(five_mains_seven_pips). At most 50 characters.')),
        guest_view=Field(nullable=True, max_length=50,
                         doc='Layout shown to guests of a Virtual Auditorium; same values as O(host_view).'),
        force_presenter_into_main=Field(type='bool',
                                        doc=('Whether the host who presents is always shown in the main video '
                                             'position.')),
        call_type=Field(choices=['audio', 'video', 'video-only'], doc='Media the service offers to participants.'),
        crypto_mode=Field(nullable=True, choices=['besteffort', 'on', 'off'],
                          doc=('Media encryption policy. List it in O(clear) to follow the platform-wide setting '
                               'again.')),
        direct_media=Field(choices=['never', 'best_effort', 'always'],
                           doc='Whether two-party calls may send media directly between the endpoints.'),
        direct_media_notification_duration=Field(type='int', minimum=0, maximum=30,
                                                 doc=('Seconds (0 to 30) for which participants are told that a call '
                                                      'uses direct media.')),
        enable_active_speaker_indication=Field(type='bool', doc='Whether the name of the active speaker is shown.'),
        enable_chat=Field(choices=_TRI_STATE, doc='Chat in the service; V(default) follows the platform-wide setting.'),
        enable_overlay_text=Field(type='bool', doc='Whether participant names are shown over their video.'),
        live_captions_enabled=Field(choices=_TRI_STATE,
                                    doc='Live captions; V(default) follows the platform-wide setting.'),
        denoise_enabled=Field(type='bool', doc="Whether noise suppression is applied to participants' audio."),
        softmute_enabled=Field(type='bool',
                               doc='Whether soft mute (quietening participants who are not speaking) is on.'),
        breakout_rooms=Field(type='bool', doc='Whether breakout rooms may be used in this service.'),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192,
                              doc=('Highest bandwidth in kbps (128 to 8192) a participant may send. Clear it with '
                                   'O(clear).')),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192,
                               doc=('Highest bandwidth in kbps (128 to 8192) sent to a participant. Clear it with '
                                    'O(clear).')),
        max_pixels_per_second=Field(nullable=True, choices=['sd', 'hd', 'fullhd'],
                                    doc=('Highest video resolution sent to participants. List it in O(clear) to remove '
                                         'the limit.')),
        participant_limit=Field(type='int', nullable=True, minimum=0, maximum=1000000,
                                doc='Largest number of participants (0 to 1000000). Clear it with O(clear).'),
        non_idp_participants=Field(choices=['allow_if_trusted', 'disallow_all'],
                                   doc=('Whether participants who did not authenticate with an identity provider may '
                                        'join.')),
        match_string=Field(max_length=250, format='regex',
                           doc=[
                               ('Regular expression a dialed alias must match for a Virtual Reception to route on '
                                'it.'),
                               'It must compile (Python syntax); the module checks this before any request.',
                           ]),
        replace_string=Field(max_length=250, doc='Replacement applied to the alias matched by O(match_string).'),
        post_match_string=Field(max_length=250, format='regex',
                                doc=[
                                    ('Regular expression applied to the target alias after a Virtual Reception '
                                     'lookup.'),
                                    'It must compile (Python syntax); the module checks this before any request.',
                                ]),
        post_replace_string=Field(max_length=250,
                                  doc='Replacement applied to the alias matched by O(post_match_string).'),
        primary_owner_email_address=Field(max_length=100,
                                          doc="E-mail address of the service's owner."),
        on_completion=Field(nullable=True, doc='JSON describing what happens when a test call completes.'),
        pinning_config=Field(nullable=True, doc="Name of the layout pinning configuration of the service's IVR theme."),
        tag=Field(max_length=250,
                  doc='A free-form tag, for example to mark the services an automation owns.'),
        sync_tag=Field(max_length=250,
                       doc='Tag used by LDAP synchronisation templates to recognise the services they created.'),
        two_stage_dial_type=Field(choices=['regular', 'mssip', 'gms', 'teams'],
                                  doc='How a Virtual Reception routes the second stage of a call.'),
        ivr_theme=Field(kind='ref', nullable=True, target='ivr_theme',
                        doc='IVR theme by name or resource URI. An empty string removes the theme.'),
        system_location=Field(kind='ref', nullable=True, target='system_location',
                              doc=('System location by name or resource URI that handles outbound calls from the '
                                   'service.')),
        mssip_proxy=Field(kind='ref', nullable=True, target='mssip_proxy', doc='Microsoft SIP proxy by name or resource URI.'),
        teams_proxy=Field(kind='ref', nullable=True, target='teams_proxy', doc='Microsoft Teams Connector by name or resource URI.'),
        gms_access_token=Field(kind='ref', nullable=True, target='gms_access_token',
                               doc='Google Meet access token by name or resource URI.'),
        host_identity_provider_group=Field(kind='ref', nullable=True, target='identity_provider_group',
                                           doc=('Identity provider group by name or resource URI that hosts must '
                                                'authenticate with.')),
        guest_identity_provider_group=Field(kind='ref', nullable=True, target='identity_provider_group',
                                            doc=('Identity provider group by name or resource URI that guests must '
                                                 'authenticate with.')),
        media_playlist=Field(kind='ref', nullable=True, target='media_library_playlist',
                             doc='Media library playlist by name or resource URI, for a media playback service.'),
        automatic_participants=Field(kind='refs', nullable=True, target='automatic_participant',
                                     doc=('Automatically dialed participants of the service, each by alias or resource'
                                          ' URI, compared as a set.')),
        scheduled_conferences=Field(kind='refs', nullable=True, target='scheduled_conference',
                                    doc=('Meetings booked into this service through the Exchange scheduling '
                                         'integration; normally kept up to date by the manager itself.')),
    ),
    # the aliases are conference_alias objects: their limits are those of CONFERENCE_ALIAS below
    children=ChildSet('conference_alias', option='aliases', key='alias', parent_field='conference',
                      nested='aliases', key_field=Field(required=True, max_length=250,
                                                        doc=('The dial string, for example C(meet.alice@example.com). '
                                                             'At most 250 characters, not empty nor only spaces.')),
                      fields=dict(description=Field(max_length=250,
                                                    doc=('Free text describing the alias. '
                                                         "Unset leaves an existing alias' description alone."))), purge_option='purge_aliases'),
)

CONFERENCE_ALIAS = Resource(
    'conference_alias',
    title='alias of a service',
    key='alias',
    result_key='alias',
    fields=dict(
        alias=Field(required=True, max_length=250, doc='The dial string, for example C(meet.alice@example.com).'),
        conference=Field(kind='ref', target='conference', required=True,
                         doc=[
                             'The service the alias belongs to, by name or resource URI. The service must exist.',
                             'Required when O(state=present).',
                         ]),
        description=Field(max_length=250, doc='Free text describing the alias.'),
        view_order=Field(type='int', doc="Position of the alias when the service's aliases are listed in order."),
    ),
)
