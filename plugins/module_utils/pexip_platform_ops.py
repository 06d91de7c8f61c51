# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Platform operations that are not plain configuration objects.

* licences: activated by entitlement id (POST), addressed afterwards by their
  ``fulfillment_id``, never updated, deactivated by DELETE.

Backups are in pexip_backups.py, upgrades in pexip_upgrade.py.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import resource_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK


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
