"""Local certificate authority and server certificate for the lab (loopback only)."""
import datetime
import ipaddress
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_CERT, CA_KEY = "ca.pem", "ca-key.pem"
SERVER_CERT, SERVER_KEY = "server.pem", "server-key.pem"
NAMES = ["localhost"]
ADDRESSES = ["127.0.0.1", "::1"]


def _write(path, data, private=False):
    with open(path, "wb") as handle:
        handle.write(data)
    if private:
        os.chmod(path, 0o600)


def _key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load_key(path):
    with open(path, "rb") as handle:
        return serialization.load_pem_private_key(handle.read(), password=None)


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ucops lab"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def ensure(state_dir):
    """Create the CA and the server certificate unless they exist. Returns file paths."""
    os.makedirs(state_dir, exist_ok=True)
    paths = {name: os.path.join(state_dir, name) for name in (CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY)}
    now = datetime.datetime.now(datetime.timezone.utc)
    if not (os.path.exists(paths[CA_CERT]) and os.path.exists(paths[CA_KEY])):
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = (x509.CertificateBuilder()
              .subject_name(_name("ucops lab CA")).issuer_name(_name("ucops lab CA"))
              .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(days=1))
              .not_valid_after(now + datetime.timedelta(days=3650))
              .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
              .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
              .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA256()))
        _write(paths[CA_KEY], _key_pem(ca_key), private=True)
        _write(paths[CA_CERT], ca.public_bytes(serialization.Encoding.PEM))
        for stale in (SERVER_CERT, SERVER_KEY):
            if os.path.exists(paths[stale]):
                os.remove(paths[stale])
    if not (os.path.exists(paths[SERVER_CERT]) and os.path.exists(paths[SERVER_KEY])):
        ca_key = _load_key(paths[CA_KEY])
        with open(paths[CA_CERT], "rb") as handle:
            ca = x509.load_pem_x509_certificate(handle.read())
        key = ec.generate_private_key(ec.SECP256R1())
        sans = [x509.DNSName(name) for name in NAMES]
        sans += [x509.IPAddress(ipaddress.ip_address(addr)) for addr in ADDRESSES]
        cert = (x509.CertificateBuilder()
                .subject_name(_name("localhost")).issuer_name(ca.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=825))
                .add_extension(x509.SubjectAlternativeName(sans), critical=False)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(ca_key, hashes.SHA256()))
        _write(paths[SERVER_KEY], _key_pem(key), private=True)
        _write(paths[SERVER_CERT], cert.public_bytes(serialization.Encoding.PEM))
    return {"ca": paths[CA_CERT], "ca_key": paths[CA_KEY],
            "cert": paths[SERVER_CERT], "key": paths[SERVER_KEY]}
