#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_automatic_participants
short_description: Manage many Pexip Infinity Automatically Dialed Participants in one task
version_added: 0.2.0
description:
  - Converges a list of Automatically Dialed Participants (the C(automatic_participant) configuration resource)
    in one task. A participant is found by its O(objects[].alias), which must be unique among them.
  - Participants have no tag, so O(prune) is scoped by their C(description) instead.
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
      - The participants. Only the options set on an entry are compared and written.
      - Exactly one of O(objects) and O(objects_file) is required.
    type: list
    elements: dict
    suboptions:
      alias:
        description:
          - Alias the platform dials; the key by which the module finds the participant.
          - The key by which the module finds the object.
          - At most 250 characters.
        type: str
        required: true
      call_type:
        description:
          - Call type.
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
      conference:
        description:
          - Services that dial this participant, by name or resource URI; compared as a set. An empty list detaches
            it from every service.
          - A list of C(conference) objects, each given as its C(name) or its resource URI; compared as a set.
        type: list
        elements: str
      description:
        description:
          - Free text describing the object.
          - At most 250 characters.
        type: str
      dtmf_sequence:
        description:
          - DTMF sequence.
          - At most 250 characters.
        type: str
      keep_conference_alive:
        description:
          - Keep conference alive.
        type: str
        choices:
          - keep_conference_alive
          - keep_conference_alive_if_multiple
          - keep_conference_alive_never
      presentation_url:
        description:
          - Presentation URL.
          - At most 250 characters.
        type: str
      protocol:
        description:
          - Protocol.
        type: str
        choices:
          - teams
          - gms
          - h323
          - sip
          - mssip
          - rtmp
      remote_display_name:
        description:
          - Remote display name.
          - At most 250 characters.
        type: str
      role:
        description:
          - Role.
        type: str
        choices:
          - guest
          - chair
      routing:
        description:
          - Routing.
        type: str
        choices:
          - manual
          - routing_rule
      streaming:
        description:
          - Streaming (on or off).
        type: bool
      system_location:
        description:
          - System location the call is placed from.
          - Given as the C(name) of a C(system_location) object, or as its resource URI.
        type: str
  prune:
    description:
      - Delete the objects of the resource that O(objects) does not list, within the scope the task names - those
        whose C(description) equals O(prune_tag), those whose C(alias) starts with O(prune_prefix) (both when both
        are given), or every object of the resource with O(prune_all=true).
      - Without a scope nothing is ever deleted; objects outside the scope are never touched.
      - Deletes are sent as C(deleted_objects) of bulk PATCH requests, never as a DELETE of the resource's root
        URI.
    type: bool
    default: false
  prune_all:
    description:
      - Scope O(prune) to every object of the resource, whatever its C(description) - the whole resource type becomes
        what O(objects) lists (the "overridden" state). Cannot be combined with O(prune_tag) or O(prune_prefix).
      - Mind O(max_deletes) - the first run against a manager configured by hand deletes everything it does not
        list.
    type: bool
  prune_prefix:
    description:
      - Scope O(prune) to the objects whose C(alias) starts with this text (and, with O(prune_tag), carry the tag).
    type: str
  prune_tag:
    description:
      - The C(description) value marking the objects this task owns. With O(prune=true), O(prune_tag), O(prune_prefix)
        or O(prune_all=true) is required.
    type: str
seealso:
  - module: ucops.platform.pexip_conferences
'''

EXAMPLES = r'''
- name: The rooms to stream
  ucops.platform.pexip_conference:
    name: "{{ item }}"
  loop:
    - Training room 1
    - Training room 2

- name: A streaming recorder dialed into both rooms
  ucops.platform.pexip_automatic_participants:
    objects:
      - alias: sip:archive@example.com
        protocol: sip
        role: guest
        streaming: true
        description: recorders
        conference:
          - Training room 1
          - Training room 2
'''

RETURN = r'''
changed:
  description: Whether anything was (or, in check mode, would be) written.
  returned: always
  type: bool
created:
  description: The aliases of the participants created (in check mode, that a real run would create).
  returned: always
  type: list
  elements: str
  sample: ["sip:recorder@example.com"]
updated:
  description: The aliases of the participants whose fields changed.
  returned: always
  type: list
  elements: str
  sample: []
deleted:
  description: The aliases of the participants deleted by O(prune) (in check mode, that a real run would delete).
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
      of the C(fields) that changed. Secrets are never included.
    - With C(--diff), also C(before) and C(after) values of the changed fields, secrets masked.
  returned: when O(details=true) or at C(-vv) and above
  type: list
  elements: dict
  sample: [{name: sip:recorder@example.com, action: update, fields: [description]}]
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
    - The keys of the objects the task would have deleted when it refused to (O(max_deletes) exceeded, or an empty
      O(objects) with O(prune=true) and without O(prune_empty=true)). Nothing was written.
  returned: when the task failed on a delete guard
  type: list
  elements: str
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_services import AUTOMATIC_PARTICIPANT
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_bulk_module


def main():
    run_bulk_module(AUTOMATIC_PARTICIPANT, prune_field='description')


if __name__ == '__main__':
    main()
