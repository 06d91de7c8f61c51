"""Certificates by fingerprint and licences by entitlement id against a scripted API (backups: test_backups.py)."""

import base64
import hashlib

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import CA_CERTIFICATE, TLS_CERTIFICATE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificates import CertificateEngine, fingerprint
from ansible_collections.ucops.platform.plugins.module_utils.pexip_platform_ops import licence

from fake_http import FakeResponse, listing

CA = '/api/admin/configuration/v1/ca_certificate/'
TLS = '/api/admin/configuration/v1/tls_certificate/'
LIC = '/api/admin/configuration/v1/licence/'
LREQ = '/api/admin/configuration/v1/licence_request/'
DER = b'\x30\x82\x01\x0a' + bytes(range(200))


def pem(der=DER, width=64, newline='\n'):
    text = base64.b64encode(der).decode()
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return newline.join(['-----BEGIN CERTIFICATE-----'] + lines + ['-----END CERTIFICATE-----', ''])


def cert_params(resource, **values):
    base = dict((name, None) for name in resource.fields)
    base.update(values)
    return base


def test_fingerprint_ignores_pem_wrapping():
    expected = hashlib.sha256(DER).hexdigest().upper()
    assert fingerprint(pem()).replace(':', '') == expected
    assert fingerprint(pem(width=76, newline='\r\n')) == fingerprint(pem())
    assert fingerprint(pem() + pem(DER + b'x')) is None
    assert fingerprint('no certificate here') is None


def test_certificate_found_by_fingerprint_not_by_text(client, session):
    stored = {'id': 4, 'certificate': pem(width=76), 'trusted_intermediate': False, 'subject_name': 'CA',
              'resource_uri': CA + '4/'}
    other = {'id': 5, 'certificate': pem(DER + b'other'), 'trusted_intermediate': False, 'resource_uri': CA + '5/'}
    session.add('GET', CA, listing([other, stored]))
    result = CertificateEngine(client, CA_CERTIFICATE).ensure(cert_params(CA_CERTIFICATE, certificate=pem()))
    assert result['changed'] is False and session.writes() == []
    assert result['ca_certificate']['id'] == 4
    assert result['fingerprint'] == fingerprint(pem())


def test_bundle_is_refused_before_any_request(client, session):
    with pytest.raises(ApiError) as info:
        CertificateEngine(client, CA_CERTIFICATE).ensure(cert_params(CA_CERTIFICATE, certificate=pem() + pem(DER + b'x')))
    assert 'exactly one PEM certificate (found 2)' in str(info.value)
    assert session.calls == []


def test_tls_private_key_is_write_only(client, session):
    stored = {'id': 2, 'certificate': pem(), 'resource_uri': TLS + '2/'}
    session.add('GET', TLS, listing([stored]))
    params = cert_params(TLS_CERTIFICATE, certificate=pem(), private_key='-----BEGIN PRIVATE KEY-----x')
    assert CertificateEngine(client, TLS_CERTIFICATE, update_password='on_create').ensure(params)['changed'] is False
    session.add('PATCH', TLS + '2/', FakeResponse(202))
    session.add('GET', TLS + '2/', FakeResponse(200, stored))
    result = CertificateEngine(client, TLS_CERTIFICATE, update_password='always', diff_mode=True).ensure(params)
    assert result['changed'] is True
    assert session.writes()[-1]['data'] == {'private_key': '-----BEGIN PRIVATE KEY-----x'}
    assert 'PRIVATE KEY' not in repr(result)


def lic_params(**values):
    base = {'entitlement_id': 'AB12-CD34-EF56', 'offline_mode': False, 'state': 'present'}
    base.update(values)
    return base


def test_licence_activation_then_found_by_entitlement(client, session):
    active = {'fulfillment_id': 'FID-1', 'entitlement_id': 'AB12-CD34-EF56', 'status': 'ACTIVE',
              'resource_uri': LIC + 'FID-1/'}
    session.add('GET', LIC, listing([]), listing([active]))
    session.add('POST', LIC, FakeResponse(201, headers={'Location': 'https://mgr' + LIC + 'FID-1/'}))
    result = licence(client, lic_params(entitlement_id='AB12-CD34- EF56'))
    assert result['changed'] is True
    assert session.writes()[0]['data'] == {'entitlement_id': 'AB12-CD34-EF56', 'offline_mode': False}
    assert result['licence']['fulfillment_id'] == 'FID-1'
    assert result['licence']['entitlement_id'] == '********'
    again = licence(client, lic_params())
    assert again['changed'] is False and len(session.writes()) == 1


def test_licence_absent_deletes_by_fulfillment_id(client, session):
    session.add('GET', LIC, listing([{'fulfillment_id': 'FID-9', 'entitlement_id': 'AB12-CD34-EF56'}]))
    session.add('DELETE', LIC + 'FID-9/', FakeResponse(204))
    assert licence(client, lic_params(state='absent'))['changed'] is True
    assert [call['path'] for call in session.writes()] == [LIC + 'FID-9/']


def test_offline_licence_request_is_not_repeated(client, session):
    session.add('GET', LIC, listing([]))
    session.add('GET', LREQ, listing([{'reference': 'AB12-CD34-EF56', 'status': 'PENDING', 'resource_uri': LREQ + '3/'}]))
    result = licence(client, lic_params(offline_mode=True))
    assert result['changed'] is False and result['licence_request']['resource_uri'] == LREQ + '3/'
    assert session.writes() == []
