"""ansible-playbook runs of the per-resource Pexip modules and pexip_resource against the lab."""

import datetime

import pytest


@pytest.mark.parametrize('name', ['pexip_platform.yml', 'pexip_callcontrol.yml', 'pexip_services.yml', 'pexip_users.yml',
                                  'pexip_generic.yml', 'pexip_templates.yml'])
def test_resource_playbook(playbook, name):
    playbook(name).expect_success()


def _write_pki(folder):
    """A CA and a server certificate with its key, made for the test."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)

    def name(text):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name('ucops test CA')).issuer_name(name('ucops test CA'))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder().subject_name(name('mgr.lab.example.com')).issuer_name(ca.subject)
              .public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=2))
              .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .sign(ca_key, hashes.SHA256()))
    folder.joinpath('ca.pem').write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    folder.joinpath('server.pem').write_bytes(server.public_bytes(serialization.Encoding.PEM))
    folder.joinpath('server.key').write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def test_platform_operations(playbook, tmp_path):
    """Certificates by fingerprint, licences, the Management Node, backups and restore (upgrades: test_pexip_upgrade.py)."""
    _write_pki(tmp_path)
    playbook('pexip_platform_ops.yml', '-e', 'pki_dir=%s' % tmp_path).expect_success()
