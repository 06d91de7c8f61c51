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
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250),
        description=Field(max_length=250),
        service_type=Field(choices=['conference', 'lecture', 'two_stage_dialing', 'test_call', 'media_playback']),
        pin=pin_field(),
        guest_pin=pin_field(),
        allow_guests=Field(type='bool'),
        guests_can_present=Field(type='bool'),
        guests_can_see_guests=Field(choices=['no_hosts', 'never', 'always']),
        mute_all_guests=Field(type='bool'),
        host_view=Field(nullable=True, max_length=50),
        guest_view=Field(nullable=True, max_length=50),
        force_presenter_into_main=Field(type='bool'),
        call_type=Field(choices=['audio', 'video', 'video-only']),
        crypto_mode=Field(nullable=True, choices=['', 'besteffort', 'on', 'off']),
        direct_media=Field(choices=['never', 'best_effort', 'always']),
        direct_media_notification_duration=Field(type='int', minimum=0, maximum=30),
        enable_active_speaker_indication=Field(type='bool'),
        enable_chat=Field(choices=_TRI_STATE),
        enable_overlay_text=Field(type='bool'),
        live_captions_enabled=Field(choices=_TRI_STATE),
        denoise_enabled=Field(type='bool'),
        softmute_enabled=Field(type='bool'),
        breakout_rooms=Field(type='bool'),
        max_callrate_in=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_callrate_out=Field(type='int', nullable=True, minimum=128, maximum=8192),
        max_pixels_per_second=Field(nullable=True, choices=['sd', 'hd', 'fullhd']),
        participant_limit=Field(type='int', nullable=True, minimum=0, maximum=1000000),
        non_idp_participants=Field(choices=['allow_if_trusted', 'disallow_all']),
        match_string=Field(max_length=250, format='regex'),
        replace_string=Field(max_length=250),
        post_match_string=Field(max_length=250, format='regex'),
        post_replace_string=Field(max_length=250),
        primary_owner_email_address=Field(max_length=100),
        on_completion=Field(nullable=True),
        pinning_config=Field(nullable=True),
        tag=Field(max_length=250),
        sync_tag=Field(max_length=250),
        two_stage_dial_type=Field(choices=['regular', 'mssip', 'gms', 'teams']),
        ivr_theme=Field(kind='ref', target='ivr_theme'),
        system_location=Field(kind='ref', target='system_location'),
        mssip_proxy=Field(kind='ref', target='mssip_proxy'),
        teams_proxy=Field(kind='ref', target='teams_proxy'),
        gms_access_token=Field(kind='ref', target='gms_access_token'),
        host_identity_provider_group=Field(kind='ref', target='identity_provider_group'),
        guest_identity_provider_group=Field(kind='ref', target='identity_provider_group'),
        media_playlist=Field(kind='ref', target='media_library_playlist'),
        automatic_participants=Field(kind='refs', target='automatic_participant'),
    ),
    # the aliases are conference_alias objects: their limits are those of CONFERENCE_ALIAS below
    children=ChildSet('conference_alias', option='aliases', key='alias', parent_field='conference',
                      nested='aliases', key_field=Field(required=True, max_length=250),
                      fields=dict(description=Field(max_length=250)), purge_option='purge_aliases'),
)

CONFERENCE_ALIAS = Resource(
    'conference_alias',
    key='alias',
    result_key='alias',
    fields=dict(
        alias=Field(required=True, max_length=250),
        conference=Field(kind='ref', target='conference', required=True),
        description=Field(max_length=250),
    ),
)
