# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Configuration backups of the Management Node.

A backup is made by the command API (``platform/backup_create``), listed and
deleted through the ``system_backup`` resource (keyed by filename), downloaded
to a file that is checked against the backup's ``sha256sum`` and restored with
``platform/backup_restore`` (a multipart upload with the passphrase).

How the product answers ``backup_create`` and where it serves the file are not
fully known (the reference gives the SDK's ``{status, message, result}``, older
notes ``{status, data}``, a third-party client a bare 202 and a download from
the backup's own URI). So nothing here relies on one answer:

* the command is sent with ``request: true`` where the status API has
  ``backup_request`` (a background backup, followed until it completes); a
  manager that refuses the field (400 naming ``request``) gets it again without;
* the new backup is the one the answer names (``data``/``result``), else the
  entry of ``system_backup`` that was not there before, once the request (if
  any) has completed;
* the file is fetched from the request's ``download_uri``, the backup's own URI
  or ``<its URI>download/``, the first that answers with something other than
  JSON.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import shutil
import tempfile

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import resource_path
from ansible_collections.ucops.platform.plugins.module_utils.private_files import write_private_file

COMMAND_PREFIX = '/api/admin/command/v1/platform/'
REQUESTS_PATH = '/api/admin/status/v1/backup_request/'
# states of a background request; the reference gives the field, not its values, so several spellings are read
DONE_STATES = ('completed', 'complete', 'done', 'success', 'succeeded', 'successful', 'finished', 'ready')
FAILED_STATES = ('failed', 'failure', 'error', 'errored', 'cancelled', 'canceled', 'aborted')
RUNNING_STATES = ('queued', 'pending', 'waiting', 'new', 'running', 'in_progress', 'in progress', 'started',
                  'processing', 'creating')
DEFAULT_TIMEOUT = 300


def _diff(result, diff_mode, before, after):
    if diff_mode:
        result['diff'] = {'before': before, 'after': after}
    return result


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def _find_backup(client, filename):
    matches = client.find('system_backup', 'filename', filename)
    return matches[0] if matches else None


def backup_uri(backup):
    """A backup's URI: its resource_uri, else built from its filename (the detail key; backups have no id)."""
    return backup.get('resource_uri') or resource_path('system_backup', backup['filename'])


def backup_target(dest, filename):
    """The file a backup goes to: ``dest``, or ``dest/<filename>`` when ``dest`` is a directory or ends in a slash."""
    if dest.endswith(('/', os.sep)) or os.path.isdir(dest):
        return os.path.join(dest, filename)
    return dest


def list_backups(client):
    """Every backup on the manager, oldest first (by ``date``, then file name)."""
    return sorted(client.iter_list('system_backup'), key=lambda b: (b.get('date') or '', b.get('filename') or ''))


def _requests(client):
    """The status API's backup requests, or ``None`` where the manager has no such resource."""
    try:
        return list(client.iter_list('backup_request', path=REQUESTS_PATH))
    except ApiError as exc:
        if exc.status in (404, 405):
            return None
        raise


def _state(entry):
    return str(entry.get('state') or '').strip().lower()


def _request_done(entry):
    state = _state(entry)
    return state in DONE_STATES or bool(entry.get('download_uri')) and state not in RUNNING_STATES + FAILED_STATES


def _answer_kind(status, body):
    """How the manager answered backup_create: for the result and the docs' table of variants."""
    if isinstance(body, dict) and isinstance(body.get('data'), dict) and body['data'].get('filename'):
        return 'backup in the answer'
    if isinstance(body, dict) and body.get('status'):
        return 'status message (HTTP %s)' % status
    return 'accepted (HTTP %s, no body)' % status if not body else 'HTTP %s' % status


def _post_create(client, passphrase, background):
    data = {'passphrase': passphrase}
    if background:
        data['request'] = True
    try:
        response, body = client.request('POST', COMMAND_PREFIX + 'backup_create/', data=data,
                                        resource='backup_create', retry=False)
    except ApiError as exc:
        if not (background and exc.status == 400 and 'request' in exc.field_errors):
            raise
        # a manager without background backups: the plain command
        response, body = client.request('POST', COMMAND_PREFIX + 'backup_create/', data={'passphrase': passphrase},
                                        resource='backup_create', retry=False)
        background = False
    return response.status_code, body, background


def create_backup(client, passphrase, timeout=DEFAULT_TIMEOUT, poll=1.0):
    """Make a backup and wait until it is listed. Returns ``(backup, report)``.

    ``report``: ``answer`` (how the command answered), ``request`` (the URI of the
    background request followed, or ``None``), ``download_uri`` and ``waited`` (s).
    """
    before = set(b.get('filename') for b in client.iter_list('system_backup'))
    known_requests = _requests(client)
    status, body, background = _post_create(client, passphrase, known_requests is not None)
    report = {'answer': _answer_kind(status, body), 'request': None, 'download_uri': None, 'waited': 0.0}
    named = None
    if isinstance(body, dict):
        made = body.get('data') if isinstance(body.get('data'), dict) else None
        if made and made.get('filename'):
            return _find_backup(client, made['filename']) or made, report
        if isinstance(body.get('result'), str) and body['result'].strip():
            named = body['result'].strip()
    seen = set(entry.get('resource_uri') for entry in known_requests or [])
    waited, state, asked = 0.0, None, 0
    while True:
        request = None
        if background:
            fresh = [entry for entry in _requests(client) or [] if entry.get('resource_uri') not in seen]
            request = fresh[-1] if fresh else None
        if request is not None:
            report['request'], state = request.get('resource_uri'), _state(request) or None
            if state in FAILED_STATES:
                raise ApiError('the backup request %s ended %r: %s' % (report['request'], request.get('state'),
                                                                       request.get('message') or 'no message'),
                               kind='server')
        new = [b for b in list_backups(client) if b.get('filename') not in before]
        if named:
            new = [b for b in new if b.get('filename') == named]
        if request is not None and _request_done(request):
            report['download_uri'] = request.get('download_uri') or None
            chosen = [b for b in new if b.get('filename') and b['filename'] in (report['download_uri'] or '')]
            if chosen or new:
                return (chosen or new)[-1], report
            if report['download_uri']:  # completed, not (yet) listed: the file is still there to fetch
                name = [part for part in report['download_uri'].split('/') if part and part != 'download'][-1]
                return {'filename': name}, report
        elif request is None and new:
            return new[-1], report
        if waited >= timeout:
            raise ApiError('timeout: no new backup after %d s (background request: %s, state %s); raise timeout or '
                           'check the Management Node' % (waited, report['request'] or 'none', state or 'unknown'),
                           kind='timeout')
        # ask again soon at first (a small backup is ready within a second), then every `poll` seconds
        step = min(poll * 2 ** (asked - 2) if asked < 2 else poll, timeout - waited)
        asked += 1
        client._sleep(step)  # pylint: disable=protected-access
        waited += step
        report['waited'] = waited


def download_backup(client, backup, dest, download_uri=None):
    """Fetch a backup to ``dest`` (written atomically, mode 0600), checked against its ``sha256sum``.

    Returns ``(path, changed, route)``: a file already there with the right
    checksum is kept (``changed`` false, ``route`` ``None``). The routes tried, in
    order: ``download_uri``, the backup's own URI, ``<its URI>download/``; one
    that answers 404/405/406 or with JSON (the backup's description, not its
    file) is passed over.
    """
    target = backup_target(dest, backup['filename'])
    expected = backup.get('sha256sum')
    if os.path.isfile(target) and expected and _sha256(target) == expected:
        return target, False, None
    own = backup_uri(backup)
    routes = []
    for route in (download_uri, own, own + 'download/'):
        if route and route not in routes:
            routes.append(route)
    tried = []
    for route in routes:
        try:
            response, _body = client.request('GET', route, expect_json=False, stream=True, resource='system_backup')
        except ApiError as exc:
            if exc.status in (404, 405, 406):
                tried.append('%s (HTTP %s)' % (route, exc.status))
                continue
            raise
        if 'json' in (response.headers.get('Content-Type') or '').lower():
            response.close()
            tried.append('%s (JSON, not the file)' % route)
            continue

        def verify(size, sha256):
            if expected and sha256 != expected:
                raise ApiError('the backup %s downloaded from %s does not match its sha256sum %s (got %s); nothing '
                               'was written to %s' % (backup['filename'], route, expected, sha256, target),
                               kind='server')
            if backup.get('size') not in (None, '') and int(backup['size']) != size:
                raise ApiError('the backup %s downloaded from %s has %d bytes, the manager lists %s; nothing was '
                               'written to %s' % (backup['filename'], route, size, backup['size'], target),
                               kind='server')
        try:
            write_private_file(target, response.iter_content(1 << 20), verify)
        finally:
            response.close()
        return target, True, route
    raise ApiError('no route served the file of backup %s; tried %s' % (backup['filename'], ', '.join(tried)),
                   kind='not_found')


def prune_backups(client, keep, check_mode=False, protect=()):
    """Delete all but the ``keep`` newest backups (``protect``: file names never deleted).

    Returns ``(removed, kept)`` lists of file names, oldest first."""
    backups = list_backups(client)
    removable = [b for b in backups if b.get('filename') not in protect]
    kept_count = max(keep - (len(backups) - len(removable)), 0)
    doomed = removable[:max(len(removable) - kept_count, 0)]
    if not check_mode:
        for backup in doomed:
            client.delete(backup_uri(backup))
    gone = set(b['filename'] for b in doomed)
    return [b['filename'] for b in doomed], [b['filename'] for b in backups if b['filename'] not in gone]


def system_backup(client, params, check_mode=False, diff_mode=False):
    """Create, download, delete, prune or restore a backup of the platform's configuration."""
    state = params['state']
    filename = params.get('filename')
    dest = params.get('dest')
    keep = params.get('keep')
    if state == 'absent':
        backup = _find_backup(client, filename)
        if backup is None:
            return _diff({'changed': False, 'system_backup': {}}, diff_mode, {}, {})
        if not check_mode:
            client.delete(backup_uri(backup))
        return _diff({'changed': True, 'system_backup': {}}, diff_mode, backup, {})
    if state == 'restored':
        return _restore(client, params, check_mode, diff_mode)
    if state == 'pruned':
        return _prune(client, keep, check_mode, diff_mode, {'changed': False})
    report = {}
    if filename:
        backup = _find_backup(client, filename)
        if backup is None:
            raise ApiError('no system backup named %r; leave filename unset to make a new backup' % filename,
                           kind='not_found')
        changed = False
    else:
        if check_mode:
            result = {'changed': True, 'system_backup': {}}
            if keep is not None:
                removed, kept = prune_backups(client, max(keep - 1, 0), check_mode=True)
                result.update(removed=removed, backups=kept)
            return _diff(result, diff_mode, {}, {'system_backup': 'new'})
        backup, report = create_backup(client, params['passphrase'], timeout=params.get('timeout') or DEFAULT_TIMEOUT)
        changed = True
    result = {'changed': changed, 'system_backup': backup}
    if report:
        result['backup_request'] = report
    if dest:
        if check_mode:
            target = backup_target(dest, backup['filename'])
            fresh = not (os.path.isfile(target) and _sha256(target) == backup.get('sha256sum'))
        else:
            target, fresh, route = download_backup(client, backup, dest, report.get('download_uri'))
            result['download_route'] = route
            result['sha256_verified'] = bool(backup.get('sha256sum'))
        result['dest'] = target
        result['changed'] = result['changed'] or fresh
    after = {'system_backup': backup['filename']} if result['changed'] else {}
    if keep is not None:
        return _prune(client, keep, check_mode, diff_mode, result, protect=(backup['filename'],), after=after)
    return _diff(result, diff_mode, {}, after)


def _prune(client, keep, check_mode, diff_mode, result, protect=(), after=None):
    removed, kept = prune_backups(client, keep, check_mode=check_mode, protect=protect)
    result.update(removed=removed, backups=kept, changed=result['changed'] or bool(removed))
    after = dict(after or {})
    if removed:
        after['removed'] = removed
    return _diff(result, diff_mode, {'backups': removed} if removed else {}, after)


def _restore(client, params, check_mode, diff_mode):
    src = params.get('src')
    scratch = None
    try:
        if not src:
            backup = _find_backup(client, params['filename'])
            if backup is None:
                raise ApiError('no system backup named %r to restore' % params['filename'], kind='not_found')
            if check_mode:
                return _diff({'changed': True, 'system_backup': backup}, diff_mode, {}, {'restored': backup['filename']})
            scratch = tempfile.mkdtemp(prefix='pexip-restore-')
            src = download_backup(client, backup, os.path.join(scratch, backup['filename']))[0]
        elif not os.path.isfile(src):
            raise ApiError('src: %s is not a readable file' % src, kind='usage')
        result = {'changed': True, 'restored': os.path.basename(src)}
        if not check_mode:
            with open(src, 'rb') as handle:
                _response, body = client.request('POST', COMMAND_PREFIX + 'backup_restore/',
                                                 data={'passphrase': params['passphrase']},
                                                 files={'package': (os.path.basename(src), handle)},
                                                 resource='backup_restore', retry=False)
            result['result'] = body['data'] if isinstance(body, dict) and 'data' in body else body
        return _diff(result, diff_mode, {}, {'restored': os.path.basename(src)})
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
