# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The status API (alarms, nodes, participants, licensing, ...) and node maintenance.

* ``read_status``: every entry of one status resource, filtered, every page
  (``PexipClient.iter_status``).
* ``NodeMaintenance``: puts a Conferencing Node into maintenance mode (its
  configuration's ``maintenance_mode`` and ``maintenance_mode_reason``) or back
  into service, and optionally waits until no participant is left on it.
  Participants are counted from ``status/v1/participant/`` by the node's address
  (``media_node`` or ``signalling_node``, where the product names a node by its
  IP address).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import time

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean

# The top-level status resources of the reference facts (status.json); the module's choices.
STATUS_RESOURCES = (
    'alarm', 'backplane', 'backup_request', 'cloud_monitored_location', 'cloud_node', 'cloud_overflow_location',
    'conference', 'conference_shard', 'conference_sync', 'exchange_scheduler', 'licensing', 'management_vm',
    'mjx_endpoint', 'mjx_meeting', 'participant', 'registration_alias', 'scheduling_operation', 'snapshot_request',
    'system_location', 'system_status', 'teamsnode', 'teamsnode_call', 'teamsnodedsc', 'worker_vm',
)
# Where a participant's node shows: the node's address in each of these fields.
NODE_FIELDS = ('media_node', 'signalling_node')
POLL_SECONDS = 1.0
_NAME = re.compile(r'^[a-z][a-z0-9_]*$')


def filter_value(value):
    """A filter value as the API takes it: booleans as true/false, lists comma-separated (``__in``)."""
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ','.join(filter_value(item) for item in value)
    return value


def read_status(client, resource, filters=None):
    """Every entry of the status resource ``resource`` that passes ``filters`` (a dict), every page."""
    if not isinstance(resource, str) or not _NAME.match(resource):
        raise ApiError('resource=%r is not a status resource name%s'
                       % (resource, did_you_mean(resource, STATUS_RESOURCES)), kind='usage')
    query = dict((key, filter_value(value)) for key, value in (filters or {}).items())
    return list(client.iter_status(resource, query))


class DrainTimeout(ApiError):
    """Participants were still on the node when ``drain_timeout`` ran out; ``result`` holds the report."""

    def __init__(self, message, result):
        super(DrainTimeout, self).__init__(message, kind='timeout')
        self.result = result


class NodeMaintenance:
    """One node into maintenance mode (and drained) or back into service."""

    def __init__(self, client, params, check_mode=False, diff_mode=False, sleep=time.sleep, clock=time.monotonic):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self._sleep = sleep
        self._clock = clock

    def node(self):
        name = self.params['name']
        found = self.client.find('worker_vm', 'name', name)
        if not found:
            names = [obj.get('name') for obj in self.client.iter_list('worker_vm')]
            raise ApiError('name=%r: the Management Node has no Conferencing Node of that name%s'
                           % (name, did_you_mean(name, names)), kind='not_found')
        return found[0]

    def participants(self, node):
        """The ids of the participants whose media or signalling is on ``node`` right now."""
        address = node.get('address')
        if not address:
            return set()
        found = set()
        for field in NODE_FIELDS:
            for entry in self.client.iter_status('participant', {field: address}):
                if entry.get(field) == address:
                    found.add(entry.get('id') or entry.get('resource_uri'))
        return found

    def run(self):
        params = self.params
        node = self.node()
        maintenance = params['state'] == 'maintenance'
        before = {'maintenance_mode': bool(node.get('maintenance_mode')),
                  'maintenance_mode_reason': node.get('maintenance_mode_reason') or ''}
        change = {}
        if before['maintenance_mode'] != maintenance:
            change['maintenance_mode'] = maintenance
        if params.get('reason') is not None and params['reason'] != before['maintenance_mode_reason']:
            change['maintenance_mode_reason'] = params['reason']
        after = dict(before, **change)
        if change and not self.check_mode:
            self.client.patch(node['resource_uri'], change, resource='worker_vm')
        result = {'changed': bool(change), 'name': node['name'], 'state': params['state'],
                  'maintenance_mode': after['maintenance_mode'],
                  'maintenance_mode_reason': after['maintenance_mode_reason']}
        if self.diff_mode:
            result['diff'] = {'before': before, 'after': after}
        present = self.participants(node)
        result['participants'] = len(present)
        if not maintenance or not params.get('wait_drained'):
            result['participants_remaining'] = len(present)
            return result
        if self.check_mode:
            # nothing was changed, so nothing is waited for: the count is what a drain would start from
            result.update(participants_remaining=len(present), drained=not present, drain_seconds=0.0)
            return result
        return self._wait_drained(node, present, result)

    def _wait_drained(self, node, present, result):
        timeout = float(self.params.get('drain_timeout') or 0)
        started = self._clock()
        while present:
            waited = self._clock() - started
            if waited >= timeout:
                result.update(participants_remaining=len(present), drained=False, drain_seconds=round(waited, 1))
                raise DrainTimeout(
                    'node %r is in maintenance mode but %d of its %d participants were still connected after '
                    'drain_timeout=%s seconds; it takes no new calls, the running ones were left alone (raise '
                    'drain_timeout, or end the calls)' % (node['name'], len(present), result['participants'],
                                                          _seconds(timeout)), result)
            self._sleep(min(POLL_SECONDS, max(timeout - waited, 0.05)))
            present = self.participants(node)
        result.update(participants_remaining=0, drained=True, drain_seconds=round(self._clock() - started, 1))
        return result


def _seconds(value):
    return int(value) if float(value).is_integer() else value
