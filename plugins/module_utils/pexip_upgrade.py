# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Upgrades of the whole platform from a software package.

* The package goes up in chunks: ``POST command/v1/platform/upgrade/`` with
  ``request: true`` and ``total_size`` opens an ``upgrade_request`` (its uuid
  comes back as ``upload_id``, a ``resource_uri`` or the ``Location`` header),
  each chunk is a multipart POST to ``upgrade_request/<uuid>/upload/`` with its
  ``offset``, ``finish/`` with ``validate_only: true`` has the manager check the
  package (it names the version the package installs), ``finish/`` again starts
  the upgrade; ``cancel/`` drops an upload that is not used.
* Progress is the status API's ``upgrade_status`` and ``version`` of the
  Management Node (``management_vm``) and every Conferencing Node (``worker_vm``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import time

from ansible.module_utils.six.moves.urllib.parse import urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import STATUS_PREFIX, resource_path

UPGRADE_COMMAND = '/api/admin/command/v1/platform/upgrade/'
DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024
# upgrade_status values that mean a node has no upgrade under way (the reference gives no list)
IDLE_STATES = ('', 'IDLE', 'NONE', 'COMPLETE', 'COMPLETED', 'DONE', 'UPGRADED', 'SUCCESS')
_NUMBERS = re.compile(r'\d+(?:\.\d+)*')


def version_key(text):
    """Comparable form of a version as nodes report it: '37.0', '37.0.0 (lab)', '37' are equal."""
    match = _NUMBERS.search(str(text or ''))
    if not match:
        return None
    parts = [int(part) for part in match.group(0).split('.')]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def same_version(reported, wanted):
    key = version_key(reported)
    return key is not None and key == version_key(wanted)


def _failed(status):
    return 'FAIL' in str(status or '').upper() or 'ERROR' in str(status or '').upper()


def _idle(status):
    return str(status or '').strip().upper() in IDLE_STATES


def _silent(node):
    """A node that reports no version (never contacted, not deployed): it runs no software to follow."""
    return not node.get('version')


def platform_nodes(client):
    """Every node as the status API shows it: the Management Node(s) first, then the Conferencing Nodes."""
    nodes = []
    for kind, role in (('management_vm', 'management'), ('worker_vm', 'conferencing')):
        for entry in client.iter_list(kind, path=STATUS_PREFIX + kind + '/'):
            nodes.append({'name': entry.get('name'), 'role': role, 'version': entry.get('version'),
                          'upgrade_status': entry.get('upgrade_status'), 'sync_status': entry.get('sync_status')})
    return nodes


def running_version(nodes):
    managers = [node for node in nodes if node['role'] == 'management' and node.get('version')]
    return managers[0]['version'] if managers else None


def _data(body):
    """The payload of a command answer: ``{status, data}``, ``{status, message, result}`` or the object itself."""
    if isinstance(body, dict):
        for key in ('data', 'result'):
            if isinstance(body.get(key), dict):
                return body[key]
        return body
    return {}


class Upgrade(object):
    """One run of pexip_upgrade."""

    def __init__(self, client, params, check_mode=False, warn=None, sleep=time.sleep, clock=time.monotonic):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.warn = warn or (lambda message: None)
        self.sleep = sleep
        self.clock = clock

    # -- the steps ---------------------------------------------------------------------------
    def open_request(self, size):
        """Open a chunked upload; the uuid of its upgrade_request."""
        response, body = self.client.request('POST', UPGRADE_COMMAND, data={'request': True, 'total_size': size},
                                             resource='upgrade', retry=False)
        data = _data(body)
        uuid = data.get('upload_id') or data.get('uuid')
        uri = data.get('resource_uri') or response.headers.get('Location')
        if not uuid and uri:
            uuid = urlsplit(uri).path.rstrip('/').rsplit('/', 1)[-1]
        if not uuid and isinstance(body, dict) and isinstance(body.get('result'), str):
            uuid = body['result'].strip()
        if not uuid:
            raise ApiError('the upgrade command answered without the upgrade request to upload to (no upload_id, '
                           'resource_uri or Location)', method='POST', path=UPGRADE_COMMAND, kind='server')
        return uuid

    def _action(self, uuid, action, data=None, files=None):
        path = resource_path('upgrade_request', uuid) + action + '/'
        _response, body = self.client.request('POST', path, data=data, files=files, resource='upgrade_request',
                                              retry=False)
        return body if isinstance(body, dict) else {}

    def upload(self, uuid, package, size):
        chunk_size = self.params.get('chunk_size') or DEFAULT_CHUNK_SIZE
        offset = 0
        name = os.path.basename(package)
        with open(package, 'rb') as handle:
            while offset < size:
                chunk = handle.read(chunk_size)
                if not chunk:
                    break
                self._action(uuid, 'upload', data={'offset': str(offset)}, files={'chunk': (name, chunk)})
                offset += len(chunk)
        return offset

    def cancel(self, uuid):
        """Drop an upload that is not used (best effort: the upgrade is not started either way)."""
        try:
            self._action(uuid, 'cancel')
        except ApiError as error:
            self.warn('could not cancel upgrade request %s: %s' % (uuid, error))

    # -- the run ----------------------------------------------------------------------------
    def run(self):
        params = self.params
        package = params['package']
        if not os.path.isfile(package):
            raise ApiError('package: %s is not a readable file' % package, kind='usage')
        size = os.path.getsize(package)
        if size == 0:
            raise ApiError('package: %s is empty' % package, kind='usage')
        wanted = params.get('version')
        if wanted and version_key(wanted) is None:
            raise ApiError('version: %r is not a version number (for example 37.0)' % wanted, kind='usage')
        nodes = platform_nodes(self.client)
        current = running_version(nodes)
        result = {'changed': False, 'package': os.path.basename(package), 'size': size,
                  'current_version': current, 'version': wanted, 'nodes': nodes, 'progress': []}
        for node in nodes:
            if _silent(node):
                self.warn('node %s reports no version (sync_status %s): it is not followed'
                          % (node['name'], node['sync_status']))
        nodes = [node for node in nodes if not _silent(node)]
        busy = [node for node in nodes if not _idle(node['upgrade_status'])]
        if wanted and not busy and all(same_version(node['version'], wanted) for node in nodes):
            return result  # every node runs the package's version already: nothing to upload
        if wanted and current and version_key(wanted) < version_key(current):
            raise ApiError('version: the package installs %s, older than the running %s; Infinity does not '
                           'downgrade' % (wanted, current), kind='usage')
        if busy:
            raise ApiError('an upgrade is already under way (%s); wait for it to end before starting another'
                           % ', '.join('%s: %s' % (node['name'], node['upgrade_status']) for node in busy),
                           kind='conflict')
        if self.check_mode:
            if not wanted:
                self.warn('check mode cannot tell the version the package installs without uploading it; '
                          'set version to predict an upgrade that is not needed')
            result['changed'] = not params.get('validate_only')
            return result
        uuid = self.open_request(size)
        result['upgrade_request'] = uuid
        started = False
        try:
            self.upload(uuid, package, size)
            try:
                answer = self._action(uuid, 'finish', data={'validate_only': True})
            except ApiError as error:
                raise ApiError('package: %s failed validation on the Management Node%s'
                               % (os.path.basename(package), ': ' + error.message if error.message else ''),
                               status=error.status, method=error.method,
                               path=error.path, field_errors=error.field_errors, kind='validation')
            offered = (answer.get('upgrade') or {}).get('version')
            result['validated'] = {'current': answer.get('current'), 'upgrade': answer.get('upgrade')}
            if wanted and offered and not same_version(offered, wanted):
                raise ApiError('version: the package installs %s, not %s' % (offered, wanted), kind='usage')
            result['version'] = offered or wanted
            target = result['version']
            if params.get('validate_only'):
                return result
            if target and all(same_version(node['version'], target) for node in nodes):
                return result  # the platform runs this version already
            self._action(uuid, 'finish', data={'validate_only': False})
            started = True
        finally:
            if not started:
                self.cancel(uuid)
        result['changed'] = True
        if params.get('wait', True):
            silent = [node['name'] for node in result['nodes'] if _silent(node)]
            result['nodes'], result['progress'], result['elapsed'] = self.follow(result['version'], silent)
        return result

    def follow(self, target, silent=()):
        """Poll every node until each reports ``target`` with no upgrade under way; (nodes, progress, seconds).

        ``silent`` names the nodes that reported no version before the upgrade: they are not waited for
        while they still report none."""
        timeout = self.params.get('timeout') or 3600
        interval = self.params.get('poll_interval') or 5
        start = self.clock()
        progress, seen, nodes, problem = [], {}, [], None
        while True:
            elapsed = self.clock() - start
            try:
                nodes = platform_nodes(self.client)
                nodes = [node for node in nodes if not _silent(node) or node['name'] not in silent]
                problem = None
            except ApiError as error:
                # the Management Node restarts during its own upgrade: keep asking until the timeout
                if error.kind not in ('connection', 'timeout', 'server'):
                    raise
                problem = str(error)
            for node in nodes:
                state = (node['upgrade_status'], node['version'])
                if seen.get(node['name']) != state:
                    seen[node['name']] = state
                    progress.append({'node': node['name'], 'upgrade_status': node['upgrade_status'],
                                     'version': node['version'], 'seconds': round(elapsed, 1)})
                if _failed(node['upgrade_status']):
                    raise ApiError('the upgrade failed on node %s: upgrade_status %s (version %s)'
                                   % (node['name'], node['upgrade_status'], node['version']), kind='server')
            if nodes and problem is None and all(
                    _idle(node['upgrade_status']) and (not target or same_version(node['version'], target))
                    for node in nodes):
                return nodes, progress, round(elapsed, 1)
            if elapsed >= timeout:
                behind = ['%s (%s, %s)' % (node['name'], node['upgrade_status'], node['version']) for node in nodes
                          if not (_idle(node['upgrade_status']) and same_version(node['version'], target))]
                raise ApiError('timeout: after %d seconds %d of %d nodes do not report version %s yet: %s%s'
                               % (timeout, len(behind), len(nodes), target, ', '.join(behind),
                                  '; last error: %s' % problem if problem else ''), kind='timeout')
            self.sleep(interval)
