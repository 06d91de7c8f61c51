# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""LDAP sync of a VMR sync template: the ``conference/sync`` command, followed in the
status API's ``conference_sync`` entry of the template (``configuration_id``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import STATUS_PREFIX

SYNC_COMMAND = '/api/admin/command/v1/conference/sync/'
KINDS = ('vmrs', 'devices', 'end_users')
COUNTS = ('created', 'updated', 'deleted', 'unchanged')
# sync_status words of a sync that is still running (the reference gives no list)
_RUNNING = ('SYNCING', 'PROGRESS', 'RUNNING', 'PENDING', 'STARTED', 'QUEUED', 'STARTING')


def counts(entry):
    """{vmrs: {created, updated, deleted, unchanged}, devices: ..., end_users: ...} of a status entry."""
    return dict((kind, dict((what, int(entry.get('%s_%s' % (kind, what)) or 0)) for what in COUNTS))
                for kind in KINDS)


def running(entry):
    status = str(entry.get('sync_status') or '').upper()
    if any(word in status for word in _RUNNING):
        return True
    progress = entry.get('sync_progress')
    return isinstance(progress, int) and 0 <= progress < 100 and not failed(entry) and status not in (
        'COMPLETED', 'COMPLETE', 'SUCCESS', 'SYNCED', 'IDLE', 'DONE', 'FINISHED')


def failed(entry):
    status = str(entry.get('sync_status') or '').upper()
    return 'FAIL' in status or 'ERROR' in status


class LdapSync(object):
    """One run of pexip_ldap_sync."""

    def __init__(self, client, params, check_mode=False, warn=None, sleep=time.sleep, clock=time.monotonic):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.warn = warn or (lambda message: None)
        self.sleep = sleep
        self.clock = clock

    def template(self):
        name = self.params['template']
        found = self.client.find('conference_sync_template', 'name', name)
        if not found:
            known = [obj.get('name') for obj in self.client.iter_list('conference_sync_template')]
            raise ApiError('template: no VMR sync template (conference_sync_template) named %r%s'
                           % (name, did_you_mean(name, known)), kind='not_found')
        return found[0]

    def entry(self, template_id):
        """The conference_sync status entry of a template, or None (listed whole: not every manager filters)."""
        for entry in self.client.iter_list('conference_sync', path=STATUS_PREFIX + 'conference_sync/'):
            if str(entry.get('configuration_id')) == str(template_id):
                return entry
        return None

    def run(self):
        template = self.template()
        result = {'changed': True, 'template': template.get('name'), 'template_id': template.get('id')}
        if self.check_mode:
            return result  # a sync's outcome depends on the directory: only a run can tell
        before = self.entry(template['id'])
        if before is not None and running(before):
            raise ApiError('template: a sync of %r is already running (%s, %s%%); wait for it to end'
                           % (template.get('name'), before.get('sync_status'), before.get('sync_progress')),
                           kind='conflict')
        self.client.request('POST', SYNC_COMMAND, data={'conference_sync_template_id': str(template['id'])},
                            resource='conference_sync', retry=False)
        if not self.params.get('wait', True):
            return result
        entry, elapsed = self.wait(template, before)
        result.update(conference_sync=entry, counts=counts(entry), elapsed=elapsed)
        result['changed'] = any(numbers[what] for numbers in result['counts'].values()
                                for what in ('created', 'updated', 'deleted'))
        if failed(entry) or (entry.get('sync_errors') or 0) > 0:
            raise SyncFailed(result, 'the sync of template %r failed with %s error(s): %s'
                             % (template.get('name'), entry.get('sync_errors') or 0,
                                entry.get('sync_last_error_description') or entry.get('sync_status')))
        return result

    def wait(self, template, before):
        """Poll until this sync ended: the entry changed since ``before`` (or was seen running) and is not running."""
        timeout = self.params.get('timeout') or 600
        interval = self.params.get('poll_interval') or 2
        start = self.clock()
        seen_running = False
        while True:
            elapsed = self.clock() - start
            entry = self.entry(template['id'])
            if entry is not None:
                if running(entry):
                    seen_running = True
                elif seen_running or before is None or entry.get('last_updated') != before.get('last_updated'):
                    return entry, round(elapsed, 1)
            if elapsed >= timeout:
                shown = ('%s, %s%%' % (entry.get('sync_status'), entry.get('sync_progress'))) if entry else \
                    'no conference_sync status yet'
                raise ApiError('timeout: the sync of template %r did not end within %d seconds (%s)'
                               % (template.get('name'), timeout, shown), kind='timeout')
            self.sleep(interval)


class SyncFailed(ApiError):
    """The sync ran and ended in error: the result (counts, status entry) goes with the failure."""

    def __init__(self, result, message):
        super(SyncFailed, self).__init__(message, kind='server')
        self.result = result
