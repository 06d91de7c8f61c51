#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_conference
short_description: Manage Pexip Infinity Virtual Meeting Rooms, Virtual Auditoriums and Virtual Receptions
version_added: 0.1.0
description:
  - Creates, updates and deletes services of the Pexip Infinity C(conference) configuration resource. One resource
    holds Virtual Meeting Rooms (O(service_type=conference)), Virtual Auditoriums (V(lecture)), Virtual Receptions
    (V(two_stage_dialing)), test call services and media playback services.
  - The service is found by its O(name). Only the options you set are compared and written; every other field keeps
    the value the Management Node holds.
  - O(aliases) manages the service's dial strings as one set. A new service is created together with its aliases
    in a single request.
  - Deleting a service also deletes its aliases on the Management Node; the result lists them in RV(removed_aliases).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  aliases:
    description:
      - The aliases (dial strings) of the service. Unless O(purge_aliases=false) this is the complete set; aliases
        of the service that are not listed are deleted.
      - An alias that already belongs to another service makes the task fail before anything is written.
      - Leave unset to not manage aliases at all.
    type: list
    elements: dict
    suboptions:
      alias:
        description:
          - The dial string, for example C(meet.alice@example.com). At most 250 characters, not empty nor only spaces.
          - The key by which the module finds the object.
          - At most 250 characters.
        type: str
        required: true
      description:
        description:
          - Free text describing the alias. Unset leaves an existing alias' description alone.
          - At most 250 characters.
        type: str
  allow_guests:
    description:
      - Whether participants may join as guests (with O(guest_pin), if one is set).
    type: bool
  automatic_participants:
    description:
      - Automatically dialed participants of the service, each by alias or resource URI, compared as a set.
      - A list of C(automatic_participant) objects, each given as its C(alias) or its resource URI; compared as
        a set.
    type: list
    elements: str
  breakout_rooms:
    description:
      - Whether breakout rooms may be used in this service.
    type: bool
  call_type:
    description:
      - Media the service offers to participants.
    type: str
    choices:
      - audio
      - video
      - video-only
  crypto_mode:
    description:
      - Media encryption policy. List it in O(clear) to follow the platform-wide setting again.
    type: str
    choices:
      - besteffort
      - 'on'
      - 'off'
  denoise_enabled:
    description:
      - Whether noise suppression is applied to participants' audio.
    type: bool
  description:
    description:
      - Free text describing the service.
      - At most 250 characters.
    type: str
  direct_media:
    description:
      - Whether two-party calls may send media directly between the endpoints.
    type: str
    choices:
      - never
      - best_effort
      - always
  direct_media_notification_duration:
    description:
      - Seconds (0 to 30) for which participants are told that a call uses direct media.
      - From 0 to 30.
    type: int
  enable_active_speaker_indication:
    description:
      - Whether the name of the active speaker is shown.
    type: bool
  enable_chat:
    description:
      - Chat in the service; V(default) follows the platform-wide setting.
    type: str
    choices:
      - default
      - 'yes'
      - 'no'
  enable_overlay_text:
    description:
      - Whether participant names are shown over their video.
    type: bool
  force_presenter_into_main:
    description:
      - Whether the host who presents is always shown in the main video position.
    type: bool
  gms_access_token:
    description:
      - Google Meet access token by name or resource URI.
      - Given as the C(name) of a C(gms_access_token) object, or as its resource URI.
    type: str
  guest_identity_provider_group:
    description:
      - Identity provider group by name or resource URI that guests must authenticate with.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  guest_pin:
    description:
      - Guest PIN, 4 to 20 digits, optionally ending in C(#). Only meaningful when O(allow_guests=true) and a host
        O(pin) is set. An empty string removes it. Masked in every result and diff.
      - 'Must be 4 to 20 digits, optionally followed by a single #; checked before any request.'
      - Masked in every result and diff.
    type: str
  guest_view:
    description:
      - Layout shown to guests of a Virtual Auditorium; same values as O(host_view).
      - At most 50 characters.
    type: str
  guests_can_present:
    description:
      - Whether guests may share content.
    type: bool
  guests_can_see_guests:
    description:
      - When guests see other guests in the layout of a Virtual Auditorium.
    type: str
    choices:
      - no_hosts
      - never
      - always
  host_identity_provider_group:
    description:
      - Identity provider group by name or resource URI that hosts must authenticate with.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  host_view:
    description:
      - Layout shown to hosts, for example V(one_main_seven_pips), V(one_main_zero_pips), V(one_main_twentyone_pips),
        V(two_mains_twentyone_pips), V(four_mains_zero_pips), V(nine_mains_zero_pips), V(sixteen_mains_zero_pips),
        V(twentyfive_mains_zero_pips) or V(five_mains_seven_pips). At most 50 characters.
      - At most 50 characters.
    type: str
  ivr_theme:
    description:
      - IVR theme by name or resource URI. An empty string removes the theme.
      - Given as the C(name) of a C(ivr_theme) object, or as its resource URI.
    type: str
  live_captions_enabled:
    description:
      - Live captions; V(default) follows the platform-wide setting.
    type: str
    choices:
      - default
      - 'yes'
      - 'no'
  match_string:
    description:
      - Regular expression a dialed alias must match for a Virtual Reception to route on it.
      - It must compile (Python syntax); the module checks this before any request.
      - Must be a valid regular expression; checked before any request.
    type: str
  max_callrate_in:
    description:
      - Highest bandwidth in kbps (128 to 8192) a participant may send. Clear it with O(clear).
      - From 128 to 8192.
    type: int
  max_callrate_out:
    description:
      - Highest bandwidth in kbps (128 to 8192) sent to a participant. Clear it with O(clear).
      - From 128 to 8192.
    type: int
  max_pixels_per_second:
    description:
      - Highest video resolution sent to participants. List it in O(clear) to remove the limit.
    type: str
    choices:
      - sd
      - hd
      - fullhd
  media_playlist:
    description:
      - Media library playlist by name or resource URI, for a media playback service.
      - Given as the C(name) of a C(media_library_playlist) object, or as its resource URI.
    type: str
  mssip_proxy:
    description:
      - Microsoft SIP proxy by name or resource URI.
      - Given as the C(name) of a C(mssip_proxy) object, or as its resource URI.
    type: str
  mute_all_guests:
    description:
      - Whether guests join muted.
    type: bool
  name:
    description:
      - Name of the service.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  non_idp_participants:
    description:
      - Whether participants who did not authenticate with an identity provider may join.
    type: str
    choices:
      - allow_if_trusted
      - disallow_all
  on_completion:
    description:
      - JSON describing what happens when a test call completes.
    type: str
  participant_limit:
    description:
      - Largest number of participants (0 to 1000000). Clear it with O(clear).
      - From 0 to 1000000.
    type: int
  pin:
    description:
      - Host PIN, 4 to 20 digits, optionally ending in C(#). An empty string removes it.
      - 'Quote it in YAML (C(pin: "0123")): unquoted, YAML reads it as a number and drops leading zeros.'
      - 'Must be 4 to 20 digits, optionally followed by a single #; checked before any request.'
      - Masked in every result and diff.
    type: str
  pinning_config:
    description:
      - Name of the layout pinning configuration of the service's IVR theme.
    type: str
  post_match_string:
    description:
      - Regular expression applied to the target alias after a Virtual Reception lookup.
      - It must compile (Python syntax); the module checks this before any request.
      - Must be a valid regular expression; checked before any request.
    type: str
  post_replace_string:
    description:
      - Replacement applied to the alias matched by O(post_match_string).
      - At most 250 characters.
    type: str
  primary_owner_email_address:
    description:
      - E-mail address of the service's owner.
      - At most 100 characters.
    type: str
  purge_aliases:
    description: Whether aliases of the service that O(aliases) does not list are deleted.
    type: bool
    default: true
  replace_string:
    description:
      - Replacement applied to the alias matched by O(match_string).
      - At most 250 characters.
    type: str
  scheduled_conferences:
    description:
      - Meetings booked into this service through the Exchange scheduling integration; normally kept up to date
        by the manager itself.
      - A list of C(scheduled_conference) objects, each given as its C(ews_item_uid) or its resource URI; compared
        as a set.
    type: list
    elements: str
  service_type:
    description:
      - What kind of service this is. The Management Node uses V(conference) when a new service leaves it unset.
      - V(conference) is a Virtual Meeting Room, V(lecture) a Virtual Auditorium, V(two_stage_dialing) a Virtual
        Reception, V(test_call) a test call service and V(media_playback) a media playback service.
    type: str
    choices:
      - conference
      - lecture
      - two_stage_dialing
      - test_call
      - media_playback
  softmute_enabled:
    description:
      - Whether soft mute (quietening participants who are not speaking) is on.
    type: bool
  sync_tag:
    description:
      - Tag used by LDAP synchronisation templates to recognise the services they created.
      - At most 250 characters.
    type: str
  system_location:
    description:
      - System location by name or resource URI that handles outbound calls from the service.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  tag:
    description:
      - A free-form tag, for example to mark the services an automation owns.
      - At most 250 characters.
    type: str
  teams_proxy:
    description:
      - Microsoft Teams Connector by name or resource URI.
      - Given as the C(name) of a C(teams_proxy) object, or as its resource URI.
    type: str
  two_stage_dial_type:
    description:
      - How a Virtual Reception routes the second stage of a call.
    type: str
    choices:
      - regular
      - mssip
      - gms
      - teams
seealso:
  - module: ucops.platform.pexip_alias
  - module: ucops.platform.pexip_conference_info
'''

EXAMPLES = r'''
- name: A Virtual Meeting Room with two aliases and a host PIN
  ucops.platform.pexip_conference:
    name: Alice's VMR
    service_type: conference
    description: Weekly team meeting
    pin: "1234"
    allow_guests: true
    guest_pin: "5678"
    tag: managed-by-ansible
    aliases:
      - alias: meet.alice@example.com
        description: SIP URI
      - alias: "1001"

- name: A Virtual Auditorium that keeps aliases added by hand
  ucops.platform.pexip_conference:
    name: All hands
    service_type: lecture
    host_view: one_main_seven_pips
    guest_view: one_main_zero_pips
    aliases:
      - alias: allhands@example.com
    purge_aliases: false

- name: The theme of the reception (see ucops.platform.pexip_ivr_theme)
  ucops.platform.pexip_ivr_theme:
    name: Reception theme
    package: files/reception-theme.zip

- name: A Virtual Reception using the IVR theme by name
  ucops.platform.pexip_conference:
    name: Reception
    service_type: two_stage_dialing
    ivr_theme: Reception theme
    aliases:
      - alias: reception@example.com

- name: Remove a participant limit set earlier
  ucops.platform.pexip_conference:
    name: Alice's VMR
    clear:
      - participant_limit

- name: Delete a service and its aliases
  ucops.platform.pexip_conference:
    name: All hands
    state: absent

# Connection options given once for several tasks; here from inventory variables and a vault.
# Without them the modules read PEXIP_URL, PEXIP_USERNAME, PEXIP_PASSWORD and PEXIP_CA_PATH.
- name: Connection options once for a group of tasks
  module_defaults:
    group/ucops.platform.pexip:
      pexip_url: "{{ pexip_url }}"
      pexip_username: "{{ pexip_username }}"
      pexip_password: "{{ vault_pexip_password }}"
  block:
    - name: Ensure the room exists
      ucops.platform.pexip_conference:
        name: Bob's VMR
'''

RETURN = r'''
conference:
  description:
    - The service as the Management Node holds it after the task (in check mode, as a real run would leave it).
    - References are resource URIs; O(pin) and O(guest_pin) are masked. Empty when the service is absent.
  returned: always
  type: dict
  sample:
    id: 1
    name: Alice's VMR
    service_type: conference
    pin: "********"
    guest_pin: ""
    allow_guests: false
    host_view: one_main_seven_pips
    ivr_theme: null
    tag: managed-by-ansible
    resource_uri: /api/admin/configuration/v1/conference/1/
    aliases:
      - alias: meet.alice@example.com
        conference: /api/admin/configuration/v1/conference/1/
        description: SIP URI
        id: 1
removed_aliases:
  description: Aliases deleted together with the service (O(state=absent) only).
  returned: when O(state=absent) and the service existed
  type: list
  elements: str
  sample: [meet.alice@example.com, "1001"]
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(CONFERENCE)


if __name__ == '__main__':
    main()
