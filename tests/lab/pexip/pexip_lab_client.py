"""Helpers shared by the Pexip lab tests (imported by name: conftest modules clash)."""
import json
import os
import sys

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

API = "/api/admin/configuration/v1/"


class Api:
    """requests against /api/admin/configuration/v1/ with the lab credentials."""

    def __init__(self, env, auth=None):
        self.base = env["PEXIP_URL"]
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.verify = env["PEXIP_CA_PATH"]
        self.session.auth = auth or (env["PEXIP_USERNAME"], env["PEXIP_PASSWORD"])

    def url(self, path):
        if path.startswith(("http://", "https://")):
            return path
        return self.base + (path if path.startswith("/") else API + path)

    def request(self, method, path, body=None, **kwargs):
        if body is not None:
            kwargs["data"] = json.dumps(body)  # like the reference: no Content-Type
        return self.session.request(method, self.url(path), timeout=30, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.request("POST", path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.request("PATCH", path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.request("PUT", path, body, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def create(self, resource, body):
        """POST and return the new object's path."""
        response = self.post(resource, body)
        assert response.status_code == 201, response.text
        return requests.utils.urlparse(response.headers["Location"]).path


def self_signed(common_name, serial=4242, passphrase=None, server_auth=True):
    """A self-signed certificate and its EC key, both PEM text (the key encrypted with ``passphrase`` if given)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Lab Test"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start = datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server_auth else ExtendedKeyUsageOID.CLIENT_AUTH
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(serial).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(common_name)]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
            .sign(key, hashes.SHA256()))
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    return cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem.decode()
