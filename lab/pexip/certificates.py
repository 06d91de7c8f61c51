"""Certificate signing requests and the certificates_import command of the lab Management Node.

- certificate_signing_request: on create (and when its subject, dn, alternative
  names or key usages change) the lab makes the request itself: ``csr`` (PEM,
  read-only) is signed with the request's key: the ``private_key`` sent, or one
  the lab generates (``private_key_type``: ``rsa2048`` (default), ``rsa4096``,
  ``ecdsa256``, ``ecdsa384``: the product's values are not in the reference).
  A generated key stays on the manager: kept in the state dir, never returned.
- ``POST command/v1/platform/certificates_import/`` ``{bundle,
  private_key_passphrase}``: every certificate of the PEM bundle that is a CA
  goes to ca_certificate, every other one to tls_certificate with its key: one
  from the bundle or the key of a certificate signing request made here whose
  public key it carries (that request then points at it). Answer 200
  ``{"status": "success", "message": ...}``; field errors 400 naming ``bundle``
  or ``private_key_passphrase``.
"""
import hashlib
import json
import os
import re

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.http import JsonResponse
from django.urls import path

from lab.pexip import hydrate, platform, spec
from lab.pexip.app.models import MODELS
from lab.pexip.resources import SpecResource

KEY_TYPES = {"": ("rsa", 2048), "rsa2048": ("rsa", 2048), "rsa4096": ("rsa", 4096),
             "ecdsa256": ("ec", ec.SECP256R1()), "ecdsa384": ("ec", ec.SECP384R1())}
_KEY_BLOCK = re.compile(r"-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----.+?-----END \1-----", re.S)
_CERT_BLOCK = re.compile(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)
_DN_KEYS = {"CN": NameOID.COMMON_NAME, "O": NameOID.ORGANIZATION_NAME, "OU": NameOID.ORGANIZATIONAL_UNIT_NAME,
            "C": NameOID.COUNTRY_NAME, "ST": NameOID.STATE_OR_PROVINCE_NAME, "L": NameOID.LOCALITY_NAME,
            "EMAILADDRESS": NameOID.EMAIL_ADDRESS}


def _key_dir():
    folder = os.path.join(settings.STATE_DIR, "csr-keys")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


def _spki(public_key):
    return hashlib.sha256(public_key.public_bytes(serialization.Encoding.DER,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)).hexdigest()


def _pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


def _stored_key(public_key):
    target = os.path.join(_key_dir(), _spki(public_key) + ".pem")
    if not os.path.exists(target):
        return None
    with open(target, "rb") as handle:
        return serialization.load_pem_private_key(handle.read(), password=None)


def _name(subject_name, dn):
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, subject_name)] if subject_name else []
    for part in [item.strip() for item in (dn or "").split(",") if item.strip()]:
        key, _sep, value = part.partition("=")
        oid = _DN_KEYS.get(key.strip().upper())
        if oid is None or not value.strip():
            raise hydrate.FieldErrors({"dn": ["%r is not a KEY=value part of a distinguished name (keys: %s)."
                                              % (part, ", ".join(sorted(_DN_KEYS)))]})
        attributes.append(x509.NameAttribute(oid, value.strip()))
    return x509.Name(attributes)


class CertificateSigningRequestResource(SpecResource):
    """Makes the request text (``csr``) with the request's own key or a generated one."""

    WATCHED = ("subject_name", "dn", "additional_subject_alt_names", "eku_server_auth", "eku_client_auth",
               "private_key", "private_key_passphrase", "private_key_type")

    def derive(self, cleaned, data, instance):
        if instance is not None and not any(name in data for name in self.WATCHED):
            return
        values = {name: cleaned.get(name, getattr(instance, name, None) if instance is not None else None)
                  for name in self.WATCHED}
        if not values["subject_name"]:
            raise hydrate.FieldErrors({"subject_name": ["A certificate signing request needs a subject name."]})
        key = self._key(values)
        names = [values["subject_name"]] + [item.strip() for item in
                                            (values["additional_subject_alt_names"] or "").split(",") if item.strip()]
        builder = (x509.CertificateSigningRequestBuilder().subject_name(_name(values["subject_name"], values["dn"]))
                   .add_extension(x509.SubjectAlternativeName([x509.DNSName(item) for item in dict.fromkeys(names)]),
                                  critical=False))
        usages = [oid for flag, oid in (("eku_server_auth", ExtendedKeyUsageOID.SERVER_AUTH),
                                        ("eku_client_auth", ExtendedKeyUsageOID.CLIENT_AUTH)) if values[flag]]
        if usages:
            builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=False)
        cleaned["csr"] = builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode("ascii")

    @staticmethod
    def _key(values):
        if values["private_key"]:
            passphrase = values["private_key_passphrase"]
            try:
                return serialization.load_pem_private_key(values["private_key"].encode("utf-8"),
                                                          password=passphrase.encode("utf-8") if passphrase else None)
            except (TypeError, ValueError, UnsupportedAlgorithm):
                raise hydrate.FieldErrors({"private_key": [
                    "Expected a PEM encoded private key (with its passphrase when encrypted)."]}) from None
        kind = KEY_TYPES.get(values["private_key_type"] or "")
        if kind is None:
            choices = ", ".join(sorted(name for name in KEY_TYPES if name))
            raise hydrate.FieldErrors({"private_key_type": ["Choose one of %s." % choices]})
        key = rsa.generate_private_key(65537, kind[1]) if kind[0] == "rsa" else ec.generate_private_key(kind[1])
        target = os.path.join(_key_dir(), _spki(key.public_key()) + ".pem")
        with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="ascii") as handle:
            handle.write(_pem(key))
        return key


# -- certificates_import -------------------------------------------------------------
def _load_keys(bundle, passphrase, errors):
    keys = []
    for match in _KEY_BLOCK.finditer(bundle):
        try:
            keys.append(serialization.load_pem_private_key(match.group(0).encode("ascii"),
                                                           password=passphrase.encode("utf-8") if passphrase else None))
        except TypeError:
            errors["private_key_passphrase"] = ["A private key of the bundle is encrypted: give its passphrase."
                                                if not passphrase else "A private key of the bundle is not encrypted."]
        except (ValueError, UnsupportedAlgorithm):
            errors["private_key_passphrase" if passphrase else "bundle"] = [
                "The passphrase does not decrypt a private key of the bundle." if passphrase
                else "A private key of the bundle could not be read."]
    return keys


def _is_ca(cert):
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


def _create(resource, values):
    cleaned = hydrate.clean(resource, values)
    _cert, parsed = platform.parse_certificate(values["certificate"])
    cleaned.update({key: val for key, val in parsed.items() if key in spec.fields(resource)})
    if resource == "tls_certificate":
        cleaned["nodes"] = []
    obj = MODELS[resource]()
    hydrate.apply(resource, obj, cleaned)
    return obj


def certificates_import(body):
    bundle, passphrase = body.get("bundle"), body.get("private_key_passphrase") or ""
    if hasattr(bundle, "read"):
        bundle = bundle.read().decode("utf-8", "replace")
    errors = {}
    if not isinstance(bundle, str) or not _CERT_BLOCK.search(bundle):
        return {"bundle": ["Expected PEM text with at least one certificate."]}, None
    keys = _load_keys(bundle, passphrase, errors)
    if errors:
        return errors, None
    by_spki = {_spki(key.public_key()): key for key in keys}
    imported, known = [], 0
    for block in _CERT_BLOCK.findall(bundle):
        try:
            cert = x509.load_pem_x509_certificate(block.encode("ascii"))
        except ValueError as exc:
            return {"bundle": ["A certificate of the bundle could not be read: %s" % exc]}, None
        pem = block + "\n"
        resource = "ca_certificate" if _is_ca(cert) else "tls_certificate"
        if MODELS[resource].objects.filter(certificate=pem).exists():
            known += 1
            continue
        values = {"certificate": pem}
        if resource == "tls_certificate":
            key = by_spki.get(_spki(cert.public_key())) or _stored_key(cert.public_key())
            if key is None:
                return {"bundle": ["No private key for the certificate of %s: put it in the bundle, or make the "
                                   "request on this manager." % cert.subject.rfc4514_string()]}, None
            values["private_key"] = _pem(key)
        obj = _create(resource, values)
        imported.append("%s %s" % (resource, obj.pk))
        if resource == "tls_certificate":
            for request in MODELS["certificate_signing_request"].objects.filter(tls_certificate__isnull=True):
                try:
                    csr = x509.load_pem_x509_csr(request.csr.encode("ascii"))
                except ValueError:
                    continue
                if _spki(csr.public_key()) == _spki(cert.public_key()):
                    request.tls_certificate, request.certificate = obj, pem
                    request.save()
    return None, {"imported": imported, "already_present": known}


def _import_view(request):
    response = platform._command("certificates_import", certificates_import)(request)  # pylint: disable=protected-access
    if response.status_code != 200:
        return response
    data = json.loads(response.content)["data"]
    message = "Imported %d certificate(s), %d already present." % (len(data["imported"]), data["already_present"])
    return JsonResponse({"status": "success", "message": message}, status=200)


BASES = {"certificate_signing_request": CertificateSigningRequestResource}
urlpatterns = [path(platform.COMMAND_PREFIX + "certificates_import/", _import_view)]
