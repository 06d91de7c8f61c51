# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Certificate renewal: expiry report, import of a signed certificate, assignment to nodes, clean-up.

* ``certificate_report``: the TLS (or CA) certificates with the days left until
  their ``end_date``, the nodes that present each one, optionally only those
  expiring within N days;
* ``import_certificate``: ``platform/certificates_import`` with a PEM bundle
  (the signed certificate first, then its chain; its private key too unless the
  request was made on the manager, which then pairs it with the request's key),
  found afterwards by its SHA-256 fingerprint, so a second run imports nothing;
  then assigned to Conferencing Nodes (``worker_vm.tls_certificate``) and, on
  request, the certificates it supersedes (same common name, presented by no
  node any more) deleted.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import re

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificates import fingerprint, pem_certificates

COMMAND = '/api/admin/command/v1/platform/certificates_import/'
SHOWN = ('id', 'resource_uri', 'subject_name', 'issuer_name', 'serial_no', 'start_date', 'end_date',
         'subject_alt_names', 'server_auth_usage', 'client_auth_usage', 'certificate')


def _uri(value):
    """A related field as the API shows it (a URI or a nested object) as its URI."""
    if isinstance(value, dict):
        return value.get('resource_uri')
    return value or None


def _parse_date(text):
    if not text:
        return None
    text = str(text).replace('Z', '')
    for fmt in ('%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d'):
        try:
            return datetime.datetime.strptime(text.split('+', 1)[0], fmt)
        except ValueError:
            continue
    return None


def days_left(end_date, now=None):
    """Whole days from ``now`` (UTC) until ``end_date`` (naive UTC ISO text); negative once expired."""
    end = _parse_date(end_date)
    if end is None:
        return None
    now = now or datetime.datetime.utcnow()
    return int((end - now).total_seconds() // 86400)


def _users(client):
    """Certificate URI -> names of the nodes (and the Management Node) that present it."""
    users = {}
    for node in client.iter_list('worker_vm'):
        for field in ('tls_certificate', 'tls_client_certificate'):
            uri = _uri(node.get(field))
            if uri:
                users.setdefault(uri, []).append(node.get('name'))
    for manager in client.iter_list('management_vm'):
        uri = _uri(manager.get('tls_certificate'))
        if uri:
            users.setdefault(uri, []).append(manager.get('name') or 'management node')
    return users


def _describe(obj, users, now):
    shown = dict((key, obj.get(key)) for key in SHOWN if key in obj)
    shown['fingerprint'] = fingerprint(obj.get('certificate'))
    shown['days_left'] = days_left(obj.get('end_date'), now)
    shown['expired'] = shown['days_left'] is not None and shown['days_left'] < 0
    shown['nodes'] = sorted(users.get(obj.get('resource_uri'), []))
    return shown


def certificate_report(client, kind='tls', expires_within_days=None, subject_name=None, now=None):
    """The certificates of ``kind`` (``tls`` or ``ca``), soonest expiry first."""
    resource = 'tls_certificate' if kind == 'tls' else 'ca_certificate'
    users = _users(client) if kind == 'tls' else {}
    now = now or datetime.datetime.utcnow()
    found = []
    for obj in client.iter_list(resource):
        shown = _describe(obj, users, now)
        if subject_name and subject_name not in (obj.get('subject_name') or ''):
            continue
        if expires_within_days is not None and (shown['days_left'] is None or shown['days_left'] > expires_within_days):
            continue
        found.append(shown)
    found.sort(key=lambda c: (c['days_left'] is None, c['days_left'] if c['days_left'] is not None else 0))
    return found


def _leaf(bundle):
    blocks = pem_certificates(bundle)
    if not blocks:
        raise ApiError('bundle: no PEM certificate in it; put the signed certificate first, then its chain',
                       kind='usage')
    # the first certificate of the bundle is the one being installed (its chain follows)
    first = bundle[bundle.index('-----BEGIN CERTIFICATE-----'):]
    end = first.index('-----END CERTIFICATE-----') + len('-----END CERTIFICATE-----')
    return fingerprint(first[:end])


def _find_by_fingerprint(client, wanted):
    matches = [obj for obj in client.iter_list('tls_certificate') if fingerprint(obj.get('certificate')) == wanted]
    return matches[0] if matches else None


def import_certificate(client, params, check_mode=False, diff_mode=False):
    """Import the bundle's certificate unless present, assign it to ``nodes``, remove what it supersedes."""
    wanted = _leaf(params['bundle'])
    current = _find_by_fingerprint(client, wanted)
    result = {'changed': False, 'imported': False, 'fingerprint': wanted, 'nodes_changed': [], 'removed': [],
              'kept_in_use': []}
    if current is None:
        result['changed'] = result['imported'] = True
        if not check_mode:
            data = {'bundle': params['bundle']}
            if params.get('private_key_passphrase'):
                data['private_key_passphrase'] = params['private_key_passphrase']
            client.request('POST', COMMAND, data=data, resource='certificates_import', retry=False)
            current, _waited = client._poll(  # pylint: disable=protected-access
                lambda: _find_by_fingerprint(client, wanted), lambda found: found is not None)
            if current is None:
                raise ApiError('certificates_import accepted the bundle but no tls_certificate holds the certificate '
                               '%s; check that the first certificate of the bundle is the server certificate' % wanted,
                               kind='server')
    uri = current.get('resource_uri') if current else None
    nodes = params.get('nodes') or []
    for name in nodes:
        found = client.find('worker_vm', 'name', name)
        if not found:
            raise ApiError('nodes: no Conferencing Node named %r' % name, kind='not_found')
        node = found[0]
        if uri is not None and _uri(node.get('tls_certificate')) == uri:
            continue
        result['nodes_changed'].append(name)
        if not check_mode:
            client.patch(node['resource_uri'], {'tls_certificate': uri}, resource='worker_vm')
    if params.get('remove_superseded'):
        _remove_superseded(client, current, params['bundle'], nodes, result, check_mode)
    result['changed'] = bool(result['changed'] or result['nodes_changed'] or result['removed'])
    if current:
        result['tls_certificate'] = _describe(current, _users(client), datetime.datetime.utcnow())
    else:  # check mode, before the import
        result['tls_certificate'] = {'fingerprint': wanted}
    if diff_mode:
        after = {}
        if result['imported']:
            after['imported'] = wanted
        if result['nodes_changed']:
            after['nodes'] = result['nodes_changed']
        if result['removed']:
            after['removed'] = [item['fingerprint'] for item in result['removed']]
        result['diff'] = {'before': {}, 'after': after}
    return result


def common_name(subject_name):
    """The CN of an RFC 4514 subject (``C=GB,O=Example,CN=conf.example.com``), or the whole text without one."""
    parts = [part.strip() for part in re.split(r'(?<!\\),', subject_name or '')]
    names = [part[3:] for part in parts if part[:3].upper() == 'CN=']
    return names[-1] if names else (subject_name or '').strip()


def _remove_superseded(client, current, bundle, moving, result, check_mode):
    """Delete the other certificates of the same common name that no node presents (after the moves)."""
    if not current:  # check mode before the import: the name is read from the imported certificate
        return
    subject = current.get('subject_name')
    name = common_name(subject)
    users = _users(client)
    for obj in client.iter_list('tls_certificate'):
        if obj.get('resource_uri') == current.get('resource_uri') or common_name(obj.get('subject_name')) != name:
            continue
        using = [name for name in users.get(obj.get('resource_uri'), []) if name not in moving]
        entry = {'fingerprint': fingerprint(obj.get('certificate')), 'subject_name': obj.get('subject_name'),
                 'serial_no': obj.get('serial_no'), 'end_date': obj.get('end_date'),
                 'resource_uri': obj.get('resource_uri')}
        if using:
            result['kept_in_use'].append(dict(entry, nodes=sorted(using)))
            continue
        result['removed'].append(entry)
        if not check_mode:
            client.delete(obj['resource_uri'])
