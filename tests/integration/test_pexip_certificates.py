"""Certificate renewal against the lab: an expiring certificate found, a CSR made on the manager and signed here by a
test CA, the signed certificate imported, assigned to the node, the old one removed; check mode writes nothing."""

import datetime


def _pki():
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'ucops renewal test CA')])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))

    def issue(subject, public_key, days):
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(public_key)
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=days, hours=12))
                .add_extension(x509.SubjectAlternativeName([x509.DNSName('conf.example.com')]), critical=False)
                .sign(ca_key, hashes.SHA256()))

    def pem(obj):
        return obj.public_bytes(serialization.Encoding.PEM).decode()
    return issue, pem, ca, ec, serialization, x509


def test_expiring_certificate_replaced(playbook, tmp_path):
    issue, pem, ca, ec, serialization, x509 = _pki()
    old_key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, 'conf.example.com')])
    old = issue(subject, old_key.public_key(), 10)
    key_pem = old_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
    (tmp_path / 'old-bundle.pem').write_text(pem(old) + pem(ca) + key_pem)
    playbook('pexip_certificates.yml', '-e', 'phase=prepare', '-e', 'pki_dir=%s' % tmp_path).expect_success()

    request = x509.load_pem_x509_csr((tmp_path / 'conf.csr').read_bytes())
    assert request.is_signature_valid
    signed = issue(request.subject, request.public_key(), 365)
    (tmp_path / 'signed-bundle.pem').write_text(pem(signed) + pem(ca))  # no key: the manager holds it
    playbook('pexip_certificates.yml', '-e', 'phase=replace', '-e', 'pki_dir=%s' % tmp_path).expect_success()
