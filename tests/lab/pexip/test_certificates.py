"""Certificate signing requests made by the lab and the certificates_import command (lab/pexip/certificates.py)."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

IMPORT = "/api/admin/command/v1/platform/certificates_import/"


def _ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "lab test CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(key, hashes.SHA256()))
    return key, cert


def _sign(ca_key, ca, subject, public_key, days):
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca.subject).public_key(public_key)
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=days)).sign(ca_key, hashes.SHA256()))


def _pem(obj):
    return obj.public_bytes(serialization.Encoding.PEM).decode()


def test_request_signed_and_imported_with_the_managers_key(api):
    path = api.create("certificate_signing_request/", {
        "subject_name": "conf.example.com", "dn": "O=Example Ltd, C=GB",
        "additional_subject_alt_names": "join.example.com", "eku_server_auth": True, "private_key_type": "ecdsa256"})
    request = api.get(path).json()
    assert request["private_key"] is None and request["tls_certificate"] is None
    csr = x509.load_pem_x509_csr(request["csr"].encode())
    assert csr.is_signature_valid and csr.subject.rfc4514_string() == "C=GB,O=Example Ltd,CN=conf.example.com"
    names = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName)
    assert names == ["conf.example.com", "join.example.com"]
    assert list(csr.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value) == [ExtendedKeyUsageOID.SERVER_AUTH]

    ca_key, ca = _ca()
    signed = _sign(ca_key, ca, csr.subject, csr.public_key(), 90)
    bundle = _pem(signed) + _pem(ca)
    answer = api.post(IMPORT, {"bundle": bundle})
    assert answer.status_code == 200 and answer.json()["status"] == "success", answer.text
    tls = api.get("tls_certificate/").json()["objects"]
    assert [t["serial_no"] for t in tls] == [str(signed.serial_number)] and 89 <= (
        datetime.datetime.fromisoformat(tls[0]["end_date"]) - datetime.datetime.utcnow()).days <= 90
    assert [c["subject_name"] for c in api.get("ca_certificate/").json()["objects"]] == ["CN=lab test CA"]
    assert api.get(path).json()["tls_certificate"] == tls[0]["resource_uri"]
    again = api.post(IMPORT, {"bundle": bundle})
    assert "0 certificate(s), 2 already present" in again.json()["message"]


def test_import_needs_a_key_and_names_the_field(api):
    ca_key, ca = _ca()
    stranger = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "nokey.example.com")])
    cert = _sign(ca_key, ca, subject, stranger.public_key(), 10)
    refused = api.post(IMPORT, {"bundle": _pem(cert)})
    assert refused.status_code == 400 and list(refused.json()["certificates_import"]) == ["bundle"]
    encrypted = stranger.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.BestAvailableEncryption(b"key pass")).decode()
    wrong = api.post(IMPORT, {"bundle": _pem(cert) + encrypted, "private_key_passphrase": "nope"})
    assert list(wrong.json()["certificates_import"]) == ["private_key_passphrase"]
    right = api.post(IMPORT, {"bundle": _pem(cert) + encrypted, "private_key_passphrase": "key pass"})
    assert right.status_code == 200
    assert api.get("tls_certificate/").json()["objects"][0]["subject_name"] == "CN=nokey.example.com"
    assert api.post("certificate_signing_request/", {"subject_name": "x", "private_key_type": "dsa"}).status_code == 400
