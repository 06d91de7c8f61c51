# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for VMR scheduling with Microsoft Exchange:
the aliases the scheduling service hands out, and the single and recurring meetings booked with them.

The scheduling service normally writes these objects itself when users book meetings
in Outlook; the modules are for seeding, repairing and cleaning them up. Names, types
and limits follow the Management Configuration API's field facts; read-only fields
(creation and deletion times) are left out. No field of a scheduled or recurring
conference is unique: they are found by the Exchange identifier the facts document
as their candidate key.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

SCHEDULED_ALIAS = Resource(
    'scheduled_alias',
    title='alias handed out by Exchange scheduling',
    key='alias',
    module='pexip_scheduled_alias',
    fields=dict(
        alias=Field(max_length=250, doc='Alias the scheduling service gave to a meeting.'),
        numeric_alias=Field(max_length=250, doc='Numeric form of the alias, for callers dialling from a keypad.'),
        alias_number=Field(type='int', doc='Number of the alias in the connector\'s range of aliases.'),
        uuid=Field(doc='Unique identifier of the alias.'),
        exchange_connector=Field(kind='ref', target='ms_exchange_connector',
                                 doc='Exchange connector whose scheduling service handed out the alias.'),
        ews_item_uid=Field(max_length=255, nullable=True,
                           doc='Exchange identifier of the meeting the alias was given to; empty while unused.'),
        is_used=Field(type='bool', doc='Whether a booked meeting uses the alias.'),
    ),
    doc=ModuleDoc(
        summary='Manage an alias handed out by Exchange scheduling on Pexip Infinity',
        about=['Adds, changes and removes an alias that the VMR scheduling service for Exchange gives to a meeting '
               'booked in Outlook. The service creates these itself; the module is for seeding, repairing and '
               'cleaning them up.',
               'The alias is found by its O(alias).'],
        examples="""
- name: The Exchange connector the alias belongs to (see ucops.platform.pexip_ms_exchange_connector)
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling for room aliases
    addin_server_domain: scheduling-aliases.example.com

- name: An alias booked for a meeting
  ucops.platform.pexip_scheduled_alias:
    alias: meet.7001@vc.example.com
    numeric_alias: "7001"
    alias_number: 7001
    exchange_connector: Exchange scheduling for room aliases
    ews_item_uid: 040000008200E00074C5B7101A82E0080000000010C0FFEE00000000000000001000000001
    is_used: true

- name: Remove the alias
  ucops.platform.pexip_scheduled_alias:
    alias: meet.7001@vc.example.com
    state: absent

- name: Remove the connector
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling for room aliases
    state: absent
""",
    ),
)

RECURRING_CONFERENCE = Resource(
    'recurring_conference',
    title='recurring meeting series booked through Exchange',
    key='ews_item_id',
    module='pexip_recurring_conference',
    fields=dict(
        ews_item_id=Field(max_length=255, doc='Exchange item identifier of the meeting series.'),
        subject=Field(max_length=255, doc='Subject of the meeting series, as booked.'),
        conference=Field(kind='ref', target='conference', doc='Virtual Meeting Room the series takes place in.'),
        scheduled_alias=Field(kind='ref', target='scheduled_alias', nullable=True,
                              doc='Alias the scheduling service gave to the series.'),
        current_index=Field(type='int', doc='Index of the occurrence the series has reached.'),
        is_depleted=Field(type='bool', doc='Whether the series has no occurrences left.'),
    ),
    doc=ModuleDoc(
        summary='Manage a recurring meeting series booked through Exchange on Pexip Infinity',
        about=['Adds, changes and removes a meeting series that the VMR scheduling service for Exchange booked '
               'into a Virtual Meeting Room. The service creates these itself; the module is for seeding, '
               'repairing and cleaning them up.',
               'No field is unique on the manager: the series is found by its O(ews_item_id), the Exchange '
               'identifier of the series.'],
        examples="""
- name: The room the series takes place in (see ucops.platform.pexip_conference)
  ucops.platform.pexip_conference:
    name: Weekly sync room
    service_type: conference

- name: A weekly meeting series booked in Outlook
  ucops.platform.pexip_recurring_conference:
    ews_item_id: AAMkADExampleWeeklySyncSeries0001AAA=
    subject: Weekly sync
    conference: Weekly sync room
    current_index: 0
    is_depleted: false

- name: Remove the series
  ucops.platform.pexip_recurring_conference:
    ews_item_id: AAMkADExampleWeeklySyncSeries0001AAA=
    state: absent

- name: Remove the room
  ucops.platform.pexip_conference:
    name: Weekly sync room
    state: absent
""",
    ),
)

SCHEDULED_CONFERENCE = Resource(
    'scheduled_conference',
    title='meeting booked through Exchange',
    key='ews_item_uid',
    module='pexip_scheduled_conference',
    fields=dict(
        ews_item_uid=Field(max_length=255, doc='Exchange global identifier of the meeting.'),
        ews_item_id=Field(max_length=255, doc='Exchange item identifier of the meeting.'),
        subject=Field(max_length=255, doc='Subject of the meeting, as booked.'),
        start_time=Field(doc='When the meeting starts, as an ISO 8601 date and time such as 2026-12-01T09:00:00.'),
        end_time=Field(doc='When the meeting ends, as an ISO 8601 date and time.'),
        conference=Field(kind='ref', target='conference', doc='Virtual Meeting Room the meeting takes place in.'),
        scheduled_alias=Field(kind='ref', target='scheduled_alias', nullable=True,
                              doc='Alias the scheduling service gave to the meeting.'),
        recurring_conference=Field(kind='ref', target='recurring_conference', nullable=True,
                                   doc='Meeting series this meeting is an occurrence of; unset for a single meeting.'),
    ),
    doc=ModuleDoc(
        summary='Manage a meeting booked through Exchange on Pexip Infinity',
        about=['Adds, changes and removes a meeting (a single one, or one occurrence of a series) that the VMR '
               'scheduling service for Exchange booked into a Virtual Meeting Room. The service creates these '
               'itself; the module is for seeding, repairing and cleaning them up.',
               'No field is unique on the manager: the meeting is found by its O(ews_item_uid), the Exchange '
               'global identifier of the meeting.'],
        examples="""
- name: The room the meeting takes place in (see ucops.platform.pexip_conference)
  ucops.platform.pexip_conference:
    name: Quarterly review room
    service_type: conference

- name: A meeting booked in Outlook
  ucops.platform.pexip_scheduled_conference:
    ews_item_uid: 040000008200E00074C5B7101A82E00800000000QUARTERLYREVIEW0001
    ews_item_id: AAMkADExampleQuarterlyReview0001AAA=
    subject: Quarterly review
    start_time: "2026-12-01T09:00:00"
    end_time: "2026-12-01T10:30:00"
    conference: Quarterly review room

- name: Remove the meeting
  ucops.platform.pexip_scheduled_conference:
    ews_item_uid: 040000008200E00074C5B7101A82E00800000000QUARTERLYREVIEW0001
    state: absent

- name: Remove the room
  ucops.platform.pexip_conference:
    name: Quarterly review room
    state: absent
""",
    ),
)
