#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_conferences
short_description: Manage many Pexip Infinity services and their aliases in one task
version_added: 0.2.0
description:
  - Converges a list of Virtual Meeting Rooms, Virtual Auditoriums and Virtual Receptions (the C(conference) configuration
    resource) and their aliases in one task, for estates of thousands of services.
  - New services are created together with their aliases. Alias changes of existing services are written with bulk
    PATCH requests of the C(conference_alias) resource.
  - Reads the current objects with as few list requests as the pages allow, resolves references given by name with
    one list per referenced resource, and writes only the objects (and fields) that differ, in bulk PATCH requests
    of the resource root of at most O(batch_size) objects each.
  - Every object is validated like the single-object module validates its options; one bad object fails the task
    before anything is written, naming the object and the field.
  - Objects not listed are left alone unless O(prune=true) and a scope (O(prune_tag), O(prune_prefix) or O(prune_all=true))
    are both given.
  - Check mode reads only and reports what a real run would do. With C(--diff) the diff lists the affected names,
    or per-object before/after values with O(details=true).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_bulk
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  objects:
    description:
      - The services, each with the options of M(ucops.platform.pexip_conference) (without O(ucops.platform.pexip_conference#module:state)).
      - Only the options set on an entry are compared and written.
      - Exactly one of O(objects) and O(objects_file) is required.
    type: list
    elements: dict
    suboptions:
      aliases:
        description:
          - The aliases (dial strings) of the service. Unless O(objects[].purge_aliases=false) this is the complete
            set; aliases of the service that are not listed are deleted.
          - An alias that already belongs to another service makes the task fail before anything is written.
          - Leave unset to not manage aliases at all.
        type: list
        elements: dict
        suboptions:
          alias:
            description:
              - The dial string, for example C(meet.alice@example.com). At most 250 characters, not empty nor only
                spaces.
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
          - Whether participants may join as guests (with O(objects[].guest_pin), if one is set).
        type: bool
      automatic_participants:
        description:
          - Automatically dialed participants of the service, each by alias or resource URI, compared as a set.
          - A list of C(automatic_participant) objects, each given as its C(alias) or its resource URI; compared
            as a set.
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
      clear:
        description:
          - 'Options to empty rather than leave alone: text becomes empty, a list or a set of references becomes
            empty, a number or a reference becomes null.'
          - An option left out of the task is never changed; list it here to empty it. Booleans and the key cannot
            be cleared.
        type: list
        elements: str
        default: []
      crypto_mode:
        description:
          - Media encryption policy. List it in O(objects[].clear) to follow the platform-wide setting again.
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
          - Guest PIN, 4 to 20 digits, optionally ending in C(#). Only meaningful when O(objects[].allow_guests=true)
            and a host O(objects[].pin) is set. An empty string removes it. Masked in every result and diff.
          - 'Must be 4 to 20 digits, optionally followed by a single #; checked before any request.'
          - Masked in every result and diff.
        type: str
      guest_view:
        description:
          - Layout shown to guests of a Virtual Auditorium; same values as O(objects[].host_view).
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
          - Highest bandwidth in kbps (128 to 8192) a participant may send. Clear it with O(objects[].clear).
          - From 128 to 8192.
        type: int
      max_callrate_out:
        description:
          - Highest bandwidth in kbps (128 to 8192) sent to a participant. Clear it with O(objects[].clear).
          - From 128 to 8192.
        type: int
      max_pixels_per_second:
        description:
          - Highest video resolution sent to participants. List it in O(objects[].clear) to remove the limit.
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
          - Largest number of participants (0 to 1000000). Clear it with O(objects[].clear).
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
          - Replacement applied to the alias matched by O(objects[].post_match_string).
          - At most 250 characters.
        type: str
      primary_owner_email_address:
        description:
          - E-mail address of the service's owner.
          - At most 100 characters.
        type: str
      purge_aliases:
        description: Whether aliases of the service that O(objects[].aliases) does not list are deleted.
        type: bool
        default: true
      replace_string:
        description:
          - Replacement applied to the alias matched by O(objects[].match_string).
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
  prune:
    description:
      - Delete the objects of the resource that O(objects) does not list, within the scope the task names - those
        whose C(tag) equals O(prune_tag), those whose C(name) starts with O(prune_prefix) (both when both are given),
        or every object of the resource with O(prune_all=true).
      - Without a scope nothing is ever deleted; objects outside the scope are never touched.
      - Deletes are sent as C(deleted_objects) of bulk PATCH requests, never as a DELETE of the resource's root
        URI.
    type: bool
    default: false
  prune_all:
    description:
      - Scope O(prune) to every object of the resource, whatever its C(tag) - the whole resource type becomes what
        O(objects) lists (the "overridden" state). Cannot be combined with O(prune_tag) or O(prune_prefix).
      - Mind O(max_deletes) - the first run against a manager configured by hand deletes everything it does not
        list.
    type: bool
  prune_prefix:
    description:
      - Scope O(prune) to the objects whose C(name) starts with this text (and, with O(prune_tag), carry the tag).
    type: str
  prune_tag:
    description:
      - The C(tag) value marking the objects this task owns. With O(prune=true), O(prune_tag), O(prune_prefix) or
        O(prune_all=true) is required.
    type: str
seealso:
  - module: ucops.platform.pexip_conference
  - module: ucops.platform.pexip_aliases
  - module: ucops.platform.pexip_conference_info
'''

EXAMPLES = r'''
- name: Two Virtual Meeting Rooms with two aliases each
  ucops.platform.pexip_conferences:
    objects:
      - name: VMR alice
        service_type: conference
        tag: vmr-sync
        aliases:
          - alias: alice@example.com
          - alias: "2001"
      - name: VMR bob
        service_type: conference
        tag: vmr-sync
        pin: "4321"
        aliases:
          - alias: bob@example.com
          - alias: "2002"

# Typically the list comes from a file or a directory export.
- name: Converge the rooms from a variable and delete the tagged rooms it no longer lists
  ucops.platform.pexip_conferences:
    objects: "{{ rooms }}"
    prune: true
    prune_tag: vmr-sync
    batch_size: 1000
  vars:
    rooms:
      - name: VMR alice
        service_type: conference
        tag: vmr-sync
        aliases:
          - alias: alice@example.com
          - alias: "2001"
  register: sync

- name: Report
  ansible.builtin.debug:
    msg: "{{ sync.counts }} in {{ sync.requests }} requests"
'''

RETURN = r'''
changed:
  description: Whether anything was (or, in check mode, would be) written.
  returned: always
  type: bool
created:
  description: The names of the services created (in check mode, that a real run would create).
  returned: always
  type: list
  elements: str
  sample: ["VMR alice", "VMR bob"]
updated:
  description: The names of the services whose fields, or their aliases changed.
  returned: always
  type: list
  elements: str
  sample: []
deleted:
  description: The names of the services deleted by O(prune) (in check mode, that a real run would delete).
  returned: always
  type: list
  elements: str
  sample: []
counts:
  description: How many objects were created, updated, deleted and left unchanged, how many O(objects) listed
    and how many existed before the task.
  returned: always
  type: dict
  sample: {created: 2, updated: 0, deleted: 0, unchanged: 48, requested: 50, existing: 48}
requests:
  description: Number of HTTP requests the task sent to the Management Node (list pages, reference lookups, bulk writes).
  returned: always
  type: int
  sample: 2
changes:
  description:
    - Per object, what happened - C(name), C(action) (V(create), V(update), V(delete)) and, for updates, the names
      of the C(fields) that changed and the aliases C(created), C(updated) and C(deleted). Secrets are never included.
    - With C(--diff), also C(before) and C(after) values of the changed fields, secrets masked.
  returned: when O(details=true) or at C(-vv) and above
  type: list
  elements: dict
  sample: [{name: VMR alice, action: update, fields: [description]}]
failed_batch:
  description: The names of the objects of the bulk request that failed.
  returned: when a bulk write failed
  type: list
  elements: str
failed_phase:
  description:
    - Which writes the failed batch held - V(child_delete) and V(child_write) for children of existing objects,
      V(delete) for pruned objects, V(write) for created and updated objects.
  returned: when a bulk write failed
  type: str
written:
  description: How many objects (and children) the batches before the failed one wrote.
  returned: when a bulk write failed
  type: dict
  sample: {created: 500, updated: 0, deleted: 0, children: 0}
invalid:
  description: One message per invalid object, naming the object by index and key and the field at fault.
  returned: when objects failed validation (nothing was written)
  type: list
  elements: str
would_delete:
  description:
    - The names of the services (and the aliases, each prefixed with the name of its service) the task would
      have deleted when it refused to (O(max_deletes) exceeded, or an empty O(objects) with O(prune=true) and
      without O(prune_empty=true)). Nothing was written.
  returned: when the task failed on a delete guard
  type: list
  elements: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_bulk_module


def main():
    run_bulk_module(CONFERENCE, prune_field='tag')


if __name__ == '__main__':
    main()
