"""Certificate expiry report and renewal (import, assign, remove superseded) against a scripted API."""

import base64
import datetime

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificate_ops import (
    certificate_report, common_name, days_left, import_certificate)
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificates import fingerprint

from fake_http import FakeResponse, listing

TLS = '/api/admin/configuration/v1/tls_certificate/'
NODES = '/api/admin/configuration/v1/worker_vm/'
MGR = '/api/admin/configuration/v1/management_vm/'
IMPORT = '/api/admin/command/v1/platform/certificates_import/'
NOW = datetime.datetime(2026, 12, 1, 12, 0, 0)


def pem(seed):
    text = base64.b64encode(b'\x30\x82' + seed.encode() * 40).decode()
    return '-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n' % text


OLD = {'id': 1, 'resource_uri': TLS + '1/', 'subject_name': 'CN=conf.example.com', 'certificate': pem('old'),
       'end_date': '2026-12-11T12:00:00', 'serial_no': '1'}
NEW = {'id': 2, 'resource_uri': TLS + '2/', 'subject_name': 'C=GB,O=Example,CN=conf.example.com',
       'certificate': pem('new'), 'end_date': '2027-12-01T12:00:00', 'serial_no': '2'}
OTHER = {'id': 3, 'resource_uri': TLS + '3/', 'subject_name': 'CN=other.example.com', 'certificate': pem('other'),
         'end_date': '2026-12-01T00:00:00', 'serial_no': '3'}
NODE = {'name': 'node-1', 'resource_uri': NODES + '7/', 'tls_certificate': OLD['resource_uri']}


def test_days_left_and_common_name():
    assert days_left('2026-12-11T12:00:00', NOW) == 10 and days_left('2026-12-01T00:00:00', NOW) == -1
    assert days_left('2026-12-11T12:00:00.123456', NOW) == 10 and days_left(None, NOW) is None
    assert common_name('C=GB,O=Example,CN=conf.example.com') == 'conf.example.com'


def test_report_filters_by_days_and_names_the_nodes(client, session):
    session.add('GET', TLS, listing([NEW, OLD, OTHER]))
    session.add('GET', NODES, listing([NODE]))
    session.add('GET', MGR, listing([{'name': 'mgr', 'tls_certificate': None}]))
    found = certificate_report(client, expires_within_days=30, now=NOW)
    assert [(c['id'], c['days_left'], c['expired'], c['nodes']) for c in found] == [
        (3, -1, True, []), (1, 10, False, ['node-1'])]
    assert 'private_key' not in found[0]


def test_import_assign_and_remove_superseded_then_nothing_to_do(client, session):
    bundle = NEW['certificate'] + pem('ca')
    session.add('GET', TLS, listing([OLD]), listing([OLD, NEW]))
    session.add('POST', IMPORT, FakeResponse(200, {'status': 'success', 'message': 'Imported'}))
    session.add('GET', NODES, listing([NODE]), listing([NODE]), listing([dict(NODE, tls_certificate=NEW['resource_uri'])]))
    session.add('GET', MGR, listing([]))
    session.add('PATCH', NODE['resource_uri'], FakeResponse(202))
    session.add('DELETE', OLD['resource_uri'], FakeResponse(204))
    params = {'bundle': bundle, 'private_key_passphrase': None, 'nodes': ['node-1'], 'remove_superseded': True}
    result = import_certificate(client, params)
    assert result['changed'] and result['imported'] and result['nodes_changed'] == ['node-1']
    assert [item['resource_uri'] for item in result['removed']] == [OLD['resource_uri']]
    assert [(call['method'], call['path']) for call in session.writes()] == [
        ('POST', IMPORT), ('PATCH', NODE['resource_uri']), ('DELETE', OLD['resource_uri'])]
    assert session.writes()[0]['data'] == {'bundle': bundle}
    assert result['fingerprint'] == fingerprint(NEW['certificate'])


def test_a_superseded_certificate_still_presented_elsewhere_is_kept(client, session):
    other_node = {'name': 'node-2', 'resource_uri': NODES + '8/', 'tls_certificate': OLD['resource_uri']}
    moved = dict(NODE, tls_certificate=NEW['resource_uri'])
    session.add('GET', TLS, listing([OLD, NEW]))
    session.add('GET', NODES, listing([moved, other_node]))
    session.add('GET', MGR, listing([]))
    result = import_certificate(client, {'bundle': NEW['certificate'], 'private_key_passphrase': None,
                                         'nodes': ['node-1'], 'remove_superseded': True})
    assert result['changed'] is False and result['removed'] == []
    assert result['kept_in_use'][0]['nodes'] == ['node-2'] and session.writes() == []


def test_check_mode_writes_nothing(client, session):
    session.add('GET', TLS, listing([OLD]))
    session.add('GET', NODES, listing([NODE]))
    session.add('GET', MGR, listing([]))
    result = import_certificate(client, {'bundle': NEW['certificate'], 'private_key_passphrase': 'x',
                                         'nodes': ['node-1'], 'remove_superseded': True}, check_mode=True,
                                diff_mode=True)
    assert result['changed'] and result['imported'] and result['nodes_changed'] == ['node-1']
    assert session.writes() == [] and result['diff']['after']['nodes'] == ['node-1']


def test_unknown_node_and_empty_bundle_fail_clearly(client, session):
    with pytest.raises(ApiError) as info:
        import_certificate(client, {'bundle': 'no pem', 'nodes': [], 'remove_superseded': False})
    assert 'bundle: no PEM certificate' in str(info.value)
    session.add('GET', TLS, listing([NEW]))
    session.add('GET', NODES, listing([]))
    with pytest.raises(ApiError) as info:
        import_certificate(client, {'bundle': NEW['certificate'], 'nodes': ['ghost'], 'remove_superseded': False})
    assert "nodes: no Conferencing Node named 'ghost'" in str(info.value)
