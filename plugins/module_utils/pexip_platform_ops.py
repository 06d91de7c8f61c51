# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Platform operations that are not plain configuration objects.

* licences: activated by entitlement id (POST), addressed afterwards by their
  ``fulfillment_id``, never updated, deactivated by DELETE;
* system backups: made by the command API (``backup_create``), listed and
  deleted through ``system_backup``, downloaded to a file, restored with
  ``backup_restore`` (a multipart upload with the passphrase).

Upgrades are in pexip_upgrade.py.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import shutil
import tempfile

from ansible.module_utils.six.moves.urllib.parse import urljoin

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import resource_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK
from ansible_collections.ucops.platform.plugins.module_utils.private_files import write_private_file
from ansible_collections.ucops.platform.plugins.module_utils.transport import send

COMMAND_PREFIX = '/api/admin/command/v1/platform/'


def _strip(value):
    return ''.join((value or '').split())


def _diff(result, diff_mode, before, after):
    if diff_mode:
        result['diff'] = {'before': before, 'after': after}
    return result


def _masked_licence(obj):
    shown = dict(obj or {})
    if shown.get('entitlement_id'):
        shown['entitlement_id'] = MASK
    if isinstance(shown.get('vendor_dictionary'), dict) and shown['vendor_dictionary'].get('entitlement_id'):
        shown['vendor_dictionary'] = dict(shown['vendor_dictionary'], entitlement_id=MASK)
    return shown


# -- licences ------------------------------------------------------------------------------
def licence(client, params, check_mode=False, diff_mode=False):
    """Activate (``present``) or deactivate (``absent``) the licence of one entitlement id."""
    wanted = _strip(params['entitlement_id'])
    if not wanted:
        raise ApiError('entitlement_id must not be empty', kind='usage')
    active = [obj for obj in client.iter_list('licence') if _strip(obj.get('entitlement_id')) == wanted]
    if params['state'] == 'absent':
        if not active:
            return _diff({'changed': False, 'licence': {}}, diff_mode, {}, {})
        if not check_mode:
            for obj in active:
                client.delete(resource_path('licence', obj['fulfillment_id']))
        return _diff({'changed': True, 'licence': {}}, diff_mode, _masked_licence(active[0]), {})
    if active:
        return _diff({'changed': False, 'licence': _masked_licence(active[0])}, diff_mode, {}, {})
    offline = bool(params.get('offline_mode'))
    if offline:
        pending = [req for req in client.iter_list('licence_request')
                   if _strip(req.get('reference')) == wanted and req.get('status') == 'PENDING']
        if pending:
            return _diff({'changed': False, 'licence': {}, 'licence_request': pending[0]}, diff_mode, {}, {})
    after = {'entitlement_id': MASK, 'offline_mode': offline}
    result = {'changed': True, 'licence': {} if offline else dict(after)}
    if check_mode:
        return _diff(result, diff_mode, {}, after)
    def lookup():
        """The new licence (or, offline, the pending request) by entitlement id: a manager may answer the POST
        without a Location header, and a POST that may have been carried out is never sent again."""
        if offline:
            found = [req for req in client.iter_list('licence_request')
                     if _strip(req.get('reference')) == wanted and req.get('status') == 'PENDING']
            return (found[0].get('resource_uri') or resource_path('licence_request', found[0]['sequence_number'])
                    if found else None)
        found = [obj for obj in client.iter_list('licence') if _strip(obj.get('entitlement_id')) == wanted]
        return (found[0].get('resource_uri') or resource_path('licence', found[0]['fulfillment_id'])
                if found else None)

    uri = client.create('licence', {'entitlement_id': wanted, 'offline_mode': offline}, lookup=lookup)
    if offline or uri.startswith(resource_path('licence_request')):
        result['licence_request'] = client.get_object(uri) or {'resource_uri': uri}
    else:
        found = [obj for obj in client.iter_list('licence') if _strip(obj.get('entitlement_id')) == wanted]
        result['licence'] = _masked_licence(found[0] if found else {'resource_uri': uri})
    return _diff(result, diff_mode, {}, after)


# -- backups -------------------------------------------------------------------------------
def _sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def _command(client, name, data=None, files=None):
    _response, body = client.request('POST', COMMAND_PREFIX + name + '/', data=data, files=files, resource=name,
                                     retry=False)
    if isinstance(body, dict) and 'data' in body:
        return body['data']
    return body


def _find_backup(client, filename):
    matches = client.find('system_backup', 'filename', filename)
    return matches[0] if matches else None


def _backup_uri(backup):
    """A backup's URI: its resource_uri, else built from its filename (the detail key; backups have no id)."""
    return backup.get('resource_uri') or resource_path('system_backup', backup['filename'])


def backup_target(dest, filename):
    """The file a backup goes to: ``dest``, or ``dest/<filename>`` when ``dest`` is a directory or ends in a slash."""
    if dest.endswith(('/', os.sep)) or os.path.isdir(dest):
        return os.path.join(dest, filename)
    return dest


def download_backup(client, backup, dest):
    """Stream a backup to ``dest`` (written atomically); ``True`` when the file changed.

    Missing directories of the target are created (mode 0700).
    """
    dest = backup_target(dest, backup['filename'])
    if os.path.isfile(dest) and backup.get('sha256sum') and _sha256(dest) == backup['sha256sum']:
        return dest, False
    uri = _backup_uri(backup)
    response = send(client._session, 'GET', urljoin(client.base_url, uri + 'download/'), path=uri + 'download/',
                    prefix='pexip_', stream=True, timeout=client.timeout)
    client.request_count += 1
    if response.status_code >= 400:
        raise client._error('GET', uri + 'download/', response, None, 'system_backup')

    def verify(_size, sha256):
        if backup.get('sha256sum') and sha256 != backup['sha256sum']:
            raise ApiError('the downloaded backup does not match its sha256sum %s' % backup['sha256sum'], kind='server')
    write_private_file(dest, response.iter_content(1 << 20), verify)
    return dest, True


def system_backup(client, params, check_mode=False, diff_mode=False):
    """Create, download, delete or restore a backup of the platform's configuration."""
    state = params['state']
    filename = params.get('filename')
    dest = params.get('dest')
    if state == 'absent':
        backup = _find_backup(client, filename)
        if backup is None:
            return _diff({'changed': False, 'system_backup': {}}, diff_mode, {}, {})
        if not check_mode:
            client.delete(_backup_uri(backup))
        return _diff({'changed': True, 'system_backup': {}}, diff_mode, backup, {})
    if state == 'restored':
        return _restore(client, params, check_mode, diff_mode)
    changed = False
    if filename:
        backup = _find_backup(client, filename)
        if backup is None:
            raise ApiError('no system backup named %r; leave filename unset to make a new backup' % filename,
                           kind='not_found')
    else:
        changed = True
        if check_mode:
            return _diff({'changed': True, 'system_backup': {}}, diff_mode, {}, {'system_backup': 'new'})
        backup = _command(client, 'backup_create', data={'passphrase': params['passphrase']})
        if not isinstance(backup, dict) or not backup.get('filename'):
            raise ApiError('backup_create answered without the new backup', kind='server')
        backup = _find_backup(client, backup['filename']) or backup
    result = {'changed': changed, 'system_backup': backup}
    if dest:
        if check_mode:
            target = backup_target(dest, backup['filename'])
            fresh = not (os.path.isfile(target) and _sha256(target) == backup.get('sha256sum'))
        else:
            target, fresh = download_backup(client, backup, dest)
        result['dest'] = target
        result['changed'] = result['changed'] or fresh
    return _diff(result, diff_mode, {}, {'system_backup': backup['filename']} if result['changed'] else {})


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
            src, _fresh = download_backup(client, backup, os.path.join(scratch, backup['filename']))
        elif not os.path.isfile(src):
            raise ApiError('src: %s is not a readable file' % src, kind='usage')
        result = {'changed': True, 'restored': os.path.basename(src)}
        if not check_mode:
            with open(src, 'rb') as handle:
                result['result'] = _command(client, 'backup_restore', data={'passphrase': params['passphrase']},
                                            files={'package': (os.path.basename(src), handle)})
        return _diff(result, diff_mode, {}, {'restored': os.path.basename(src)})
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
