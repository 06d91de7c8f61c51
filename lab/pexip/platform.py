"""Resources of the lab Management Node that need behaviour of their own.

- management_vm: one object that exists from the start, with an id other than 1
  (clients must find it by listing), GET and PATCH only.
- licence: activation by entitlement id, detail URI keyed by fulfillment_id,
  DELETE deactivates; offline_mode stores a licence_request instead.
- licence_request: read-mostly; POST to a request with the license server's
  response document completes it.
- ca_certificate / tls_certificate: PEM parsed with ``cryptography`` into the
  read-only fields; the private key is kept but never shown.
- permission: a fixed, read-only list.
- system_backup, backup_create, backup_restore: see lab/pexip/backups.py.
- upgrade: a package upload, accepted and recorded.
- oauth2_client: client_id made by the lab (the detail key); the POST answer
  shows the generated EC P-256 private_key_jwt, once.
- gms_gateway_token: DELETE empties the singleton instead of removing it.
- media_library_entry, webapp_branding: multipart uploads, stored by hash.
- software_bundle / software_bundle_revision: seeded stand-ins; PATCH selects a revision.
- system_syncpoint: POST with no body.
- The platform command upgrade.

The values the lab invents (versions, licence numbers, file names) are
plausible stand-ins, documented in lab/README.md.
"""
import datetime
import hashlib
import json
import os
import re
import secrets

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.urls import path
from tastypie import http

from lab.pexip import codec, hydrate, profile, spec
from lab.pexip.app.models import MODELS
from lab.pexip.resources import SpecResource

LAB_VERSION = "36.0"
LAB_BUILD = "80000.0.0"
MANAGEMENT_VM_ID = 2
MANAGEMENT_VM = {
    "name": "mgr", "hostname": "mgr", "domain": "lab.example.com", "address": "192.0.2.10",
    "netmask": "255.255.255.0", "gateway": "192.0.2.1", "primary": True, "initializing": False,
}
# (codename, name): the lab's own wording; the product's list is not in the reference.
PERMISSIONS = [
    ("is_admin", "Full administrator access"),
    ("may_view_configuration", "Read any configuration"),
    ("may_change_configuration", "Change any configuration"),
    ("may_view_status", "Read live status"),
    ("may_control_conferences", "Control conferences and participants"),
    ("may_view_history", "Read call history"),
    ("may_manage_platform", "Upgrade, back up and restore the platform"),
    ("may_manage_users", "Manage roles and administrator accounts"),
    ("may_use_api", "Use the management API"),
]
# Entitlement ids are hyphen-separated groups of letters and digits.
_ENTITLEMENT = re.compile(r"[A-Za-z0-9]{2,16}(-[A-Za-z0-9]{2,16}){1,7}")


def _now():
    return datetime.datetime.now().replace(tzinfo=None, microsecond=0)


def _errors(resource, errors):
    return JsonResponse({resource: errors}, status=400)


def _backup_dir():
    folder = os.path.join(settings.STATE_DIR, "backups")
    os.makedirs(folder, exist_ok=True)
    return folder


# -- startup / reset ---------------------------------------------------------------
def seed():
    """Objects a freshly installed Management Node has (called after table
    creation and after /_lab/reset)."""
    with transaction.atomic():
        if not MODELS["management_vm"].objects.exists():
            obj = MODELS["management_vm"]()
            obj.pk = MANAGEMENT_VM_ID
            cleaned = hydrate.clean("management_vm", {"name": MANAGEMENT_VM["name"]})
            for name, val in MANAGEMENT_VM.items():
                cleaned[name] = val
            hydrate.apply("management_vm", obj, cleaned)
        if not MODELS["permission"].objects.exists():
            for number, (codename, name) in enumerate(PERMISSIONS, start=1):
                MODELS["permission"].objects.create(pk=number, codename=codename, name=name)
    with transaction.atomic():
        _seed_bundles()
    known = set(MODELS["system_backup"].objects.values_list("filename", flat=True))
    for name in os.listdir(_backup_dir()):
        if name not in known:
            os.remove(os.path.join(_backup_dir(), name))


# -- certificates ------------------------------------------------------------------
def _name_hash(name):
    # Stand-in for OpenSSL's subject hash: 8 hex digits from the DER name.
    return hashlib.sha1(name.public_bytes()).hexdigest()[:8]


def _colon_hex(data):
    return ":".join("%02X" % byte for byte in data)


def parse_certificate(pem):
    """Read-only certificate fields from the first certificate of a PEM text."""
    if not isinstance(pem, str) or "-----BEGIN CERTIFICATE-----" not in pem:
        raise hydrate.Invalid("Expected a PEM encoded certificate.")
    try:
        cert = x509.load_pem_x509_certificates(pem.encode("utf-8"))[0]
    except ValueError as exc:
        raise hydrate.Invalid("The certificate could not be read: %s" % exc) from None
    try:
        sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        alt_names = ", ".join(str(item.value) for item in sans)
    except x509.ExtensionNotFound:
        alt_names = ""
    try:
        key_id = _colon_hex(cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest)
    except x509.ExtensionNotFound:
        key_id = None
    try:
        aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
        issuer_key_id = _colon_hex(aki) if aki else None
    except x509.ExtensionNotFound:
        issuer_key_id = None
    try:
        usages = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        server_auth = x509.oid.ExtendedKeyUsageOID.SERVER_AUTH in usages
        client_auth = x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH in usages
    except x509.ExtensionNotFound:
        server_auth = client_auth = True  # no restriction: usable for both
    start = cert.not_valid_before_utc.replace(tzinfo=None)
    end = cert.not_valid_after_utc.replace(tzinfo=None)
    subject, issuer = cert.subject.rfc4514_string(), cert.issuer.rfc4514_string()
    text = "\n".join([
        "Subject: %s" % subject, "Issuer: %s" % issuer, "Serial number: %d" % cert.serial_number,
        "Valid from: %s" % start.isoformat(), "Valid until: %s" % end.isoformat(),
        "Subject alternative names: %s" % (alt_names or "-"),
        "SHA-256 fingerprint: %s" % _colon_hex(cert.fingerprint(hashes.SHA256())),
    ])
    return cert, {
        "subject_name": subject, "issuer_name": issuer,
        "raw_subject": ", ".join(attr.rfc4514_string() for attr in cert.subject),
        "raw_issuer": ", ".join(attr.rfc4514_string() for attr in cert.issuer),
        "subject_hash": _name_hash(cert.subject), "issuer_hash": _name_hash(cert.issuer),
        "serial_no": str(cert.serial_number), "start_date": start, "end_date": end,
        "subject_alt_names": alt_names, "key_id": key_id, "issuer_key_id": issuer_key_id,
        "text": text, "server_auth_usage": server_auth, "client_auth_usage": client_auth,
    }


class CertificateResource(SpecResource):
    """ca_certificate and tls_certificate: parse what is sent before writing."""

    def derive(self, cleaned, data, instance):
        resource = self.spec_resource
        fields = spec.fields(resource)
        errors, cert = {}, None
        if instance is None and "nodes" in fields:
            cleaned["nodes"] = []  # the nodes using it; set from the node side, never here
        if "certificate" in cleaned:
            try:
                cert, parsed = parse_certificate(cleaned["certificate"])
                cleaned.update({key: val for key, val in parsed.items() if key in fields})
            except hydrate.Invalid as exc:
                errors["certificate"] = [str(exc)]
        if resource == "tls_certificate" and not errors:
            self._check_key(cleaned, instance, cert, errors)
        if errors:
            raise hydrate.FieldErrors(errors)

    @staticmethod
    def _check_key(cleaned, instance, cert, errors):
        """The private key must load (with the passphrase) and match the certificate."""
        if "private_key" not in cleaned and "private_key_passphrase" not in cleaned and cert is None:
            return
        pem = cleaned.get("private_key", instance.private_key if instance is not None else "")
        passphrase = cleaned.get("private_key_passphrase",
                                 instance.private_key_passphrase if instance is not None else "")
        try:
            key = serialization.load_pem_private_key(
                (pem or "").encode("utf-8"), password=passphrase.encode("utf-8") if passphrase else None)
        except TypeError:
            name = "private_key_passphrase" if passphrase else "private_key"
            errors[name] = ["The private key is encrypted: give its passphrase."
                            if not passphrase else "The private key is not encrypted."]
            return
        except (ValueError, UnsupportedAlgorithm):
            name = "private_key_passphrase" if passphrase and "ENCRYPTED" in (pem or "") else "private_key"
            errors[name] = ["The passphrase does not decrypt the private key."
                            if name == "private_key_passphrase" else "Expected a PEM encoded private key."]
            return
        if cert is None:
            cert, _parsed = parse_certificate(instance.certificate)
        if cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) != \
                key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo):
            errors["private_key"] = ["The private key does not match the certificate."]


# -- licensing ---------------------------------------------------------------------
def _licence_values(entitlement_id):
    start = _now()
    return {
        "fulfillment_id": "FID-" + secrets.token_hex(6).upper(),
        "fulfillment_type": "PROD", "product_id": "pexip_lab_ports", "license_type": "port",
        "features": "ports", "concurrent": 10, "concurrent_overdraft": 0, "activatable": 0,
        "activatable_overdraft": 0, "hybrid": 0, "hybrid_overdraft": 0, "repair": 0,
        "trust_flags": 0, "server_chain": "lab-licence-server", "status": "ACTIVE",
        "start_date": start.isoformat(), "expiration_date": start.replace(year=start.year + 1).isoformat(),
        "vendor_dictionary": {"entitlement_id": entitlement_id},
    }


def _check_entitlement(value, errors):
    if not _ENTITLEMENT.fullmatch(value):
        errors["entitlement_id"] = ["%r is not an entitlement id (groups of letters and digits "
                                    "separated by hyphens)." % value]
    elif MODELS["licence"].objects.filter(entitlement_id=value).exists():
        errors["entitlement_id"] = ["A licence with this entitlement id is already activated."]


def _strict_location(response):
    """The strict profile answers a licence POST without Location (only a worker_vm's
    MANUAL-PROVISION-ONLY creation is known to have one): clients find it by entitlement id."""
    if profile.STRICT and response.has_header("Location"):
        del response["Location"]
    return response


class LicenceResource(SpecResource):

    def post_list(self, request, **kwargs):
        body = self.deserialize(request, request.body, format=request.META.get("CONTENT_TYPE", ""))
        try:
            cleaned = hydrate.clean("licence", body)
        except hydrate.FieldErrors as exc:
            return _errors("licence", exc.errors)
        errors = {}
        _check_entitlement(cleaned["entitlement_id"], errors)
        if errors:
            return _errors("licence", errors)
        if cleaned["offline_mode"]:
            stored = MODELS["licence_request"].objects.create(
                actions="activate", generation_time=_now().isoformat(),
                reference=cleaned["entitlement_id"], sequence_number=secrets.token_hex(8),
                status="PENDING", response_xml=None)
            return _strict_location(http.HttpCreated(location=request.build_absolute_uri(
                spec.uri("licence_request", stored.sequence_number))))
        return _strict_location(super().post_list(request, **kwargs))

    def derive(self, cleaned, data, instance):
        cleaned.update(_licence_values(cleaned["entitlement_id"]))
        cleaned["offline_mode"] = False


class LicenceRequestResource(SpecResource):

    def post_detail(self, request, **kwargs):
        stored = MODELS["licence_request"].objects.filter(sequence_number=kwargs.get("sequence_number")).first()
        if stored is None:
            return http.HttpNotFound()
        body = self.deserialize(request, request.body, format=request.META.get("CONTENT_TYPE", ""))
        errors = {}
        response_xml = body.get("response_xml")
        if not isinstance(response_xml, str) or not response_xml.strip():
            errors["response_xml"] = ["This field is required."]
        elif stored.status != "PENDING":
            errors["status"] = ["This licence request is already completed."]
        else:
            _check_entitlement(stored.reference, errors)
        if errors:
            return _errors("licence_request", errors)
        licence = MODELS["licence"]()
        cleaned = hydrate.clean("licence", {"entitlement_id": stored.reference})
        cleaned.update(_licence_values(stored.reference))
        hydrate.apply("licence", licence, cleaned)
        stored.response_xml, stored.status = response_xml, "COMPLETED"
        stored.save()
        return http.HttpAccepted()


def _request_body(request):
    if request.content_type.startswith("multipart/") or request.content_type == "application/x-www-form-urlencoded":
        body = {key: request.POST.get(key) for key in request.POST}
        body.update({key: request.FILES[key] for key in request.FILES})
        return body
    if not request.body:
        return {}
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise ValueError("The request body must be a JSON object.")
    return body


def _command(name, handler):
    """A platform command view: POST only, field errors as 400, success envelope."""
    def view(request):
        if request.method != "POST":
            response = HttpResponse(status=405)
            response["Allow"] = "POST"
            return response
        try:
            body = _request_body(request)
        except ValueError as exc:
            return JsonResponse({"error": str(exc)}, status=400)
        with transaction.atomic():
            errors, data = handler(body)
            if errors:
                return _errors(name, errors)
        return JsonResponse({"status": "success", "data": data}, status=200)
    return view


def _passphrase(body, errors):
    passphrase = body.get("passphrase")
    if not isinstance(passphrase, str) or passphrase == "":
        errors["passphrase"] = ["This field is required."]
    elif len(passphrase) > 1000:
        errors["passphrase"] = ["Ensure this value has at most 1000 characters (it has %d)." % len(passphrase)]
    return passphrase


def _requested(body, errors):
    """Whether the optional ``request`` flag is set (an invalid value is an error)."""
    if body.get("request") in (None, ""):
        return False
    try:
        return hydrate.clean("upgrade", {"request": body["request"]}, partial=True)["request"]
    except hydrate.FieldErrors as exc:
        errors.update(exc.errors)
        return False


def _upload(body, errors):
    package = body.get("package")
    if package is None:
        errors["package"] = ["This field is required."]
    elif not (hasattr(package, "read") and hasattr(package, "size")):
        errors["package"] = ["Send the file as multipart/form-data."]
    elif package.size == 0:
        errors["package"] = ["The submitted file is empty."]
    return package


def upgrade(body):
    errors = {}
    package = _upload(body, errors)
    if _requested(body, errors):
        errors["request"] = ["Chunked upgrade requests are not modelled by the lab; omit this field."]
    if errors:
        return errors, None
    package.seek(0)
    record = MODELS["upgrade"]()
    hydrate.apply("upgrade", record, {"package": (package.name or "", package.size, package.read()),
                                      "request": False, "total_size": package.size})
    return None, {"package": package.name, "size": package.size}


def _version_info():
    """The embedded version_info object of this lab manager."""
    return {"build_date": "2026-01-01", "major": int(LAB_VERSION.split(".", maxsplit=1)[0]),
            "pseudo_version": LAB_BUILD, "version": LAB_VERSION}


def upgrade_request(body):
    """POST upgrade/ with request=true and total_size opens a chunked upload: an
    upgrade_request (keyed by a new uuid) that the lab answers 201 + Location for."""
    errors = {}
    total = body.get("total_size")
    if isinstance(total, str) and total.strip().isdigit():
        total = int(total)
    if isinstance(total, bool) or not isinstance(total, int) or total < 1:
        errors["total_size"] = ["A chunked upgrade request needs total_size: the package size in bytes."]
    if body.get("package") is not None:
        errors["package"] = ["Send the package in chunks to the upgrade request, not with it."]
    if errors:
        return errors, None
    record = MODELS["upgrade_request"]()
    hydrate.apply("upgrade_request", record, {})
    record.current, record.upgrade = json.dumps(_version_info()), None
    record.offset, record.state = 0, "uploading"
    record.save()
    return None, record


class UpgradeResource(SpecResource):
    """POST a software package (multipart); the lab records it and answers 202.
    With request=true (no package) it opens an upgrade_request instead."""

    def post_list(self, request, **kwargs):
        body = self.deserialize(request, request.body, format=request.META.get("CONTENT_TYPE", ""))
        if str(body.get("request")).lower() in ("true", "1"):
            errors, record = upgrade_request(body)
            if errors:
                return _errors("upgrade", errors)
            return http.HttpCreated(location=request.build_absolute_uri(spec.object_uri("upgrade_request", record)))
        errors, _data = upgrade(body)
        if errors:
            return _errors("upgrade", errors)
        return http.HttpAccepted()


# -- OAuth2 clients ----------------------------------------------------------------
def _jwt_key():
    """A new EC P-256 private key (PKCS#8 PEM): the key the client signs its JWTs with."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


class OAuth2ClientResource(SpecResource):
    """client_id is made by the manager and names the object in its URI; the POST
    answer (201, JSON) is the only place the generated private_key_jwt is shown."""

    def derive(self, cleaned, data, instance):
        if instance is None:
            cleaned["private_key_jwt"] = _jwt_key()

    def post_list(self, request, **kwargs):
        response = super().post_list(request, **kwargs)
        if response.status_code != 201:
            return response
        client_id = response["Location"].rstrip("/").rsplit("/", 1)[-1]
        obj = MODELS["oauth2_client"].objects.get(client_id=client_id)
        answer = JsonResponse(codec.to_dict("oauth2_client", obj, created=True), status=201)
        answer["Location"] = response["Location"]
        return answer


# -- singletons with a DELETE ------------------------------------------------------
class GmsGatewayTokenResource(SpecResource):
    """DELETE on the one object removes the uploaded token: object 1 stays (the
    singleton cannot be created again, there is no POST) with every field back
    at its initial, empty value."""

    def delete_detail(self, request, **kwargs):
        obj = MODELS["gms_gateway_token"].objects.filter(pk=kwargs.get("pk")).first()
        if obj is None:
            return http.HttpNotFound()
        hydrate.apply("gms_gateway_token", obj, hydrate.defaults("gms_gateway_token"))
        return http.HttpNoContent()

    def delete_list(self, request, **kwargs):
        return http.HttpMethodNotAllowed()


# -- uploads -----------------------------------------------------------------------
# Media kinds the lab recognises by file name extension (its own table): type, format.
MEDIA_KINDS = {
    ".mp4": ("video", "mp4"), ".mov": ("video", "mov"), ".webm": ("video", "webm"),
    ".mkv": ("video", "mkv"), ".mp3": ("audio", "mp3"), ".wav": ("audio", "wav"),
    ".ogg": ("audio", "ogg"), ".png": ("image", "png"), ".jpg": ("image", "jpeg"),
    ".jpeg": ("image", "jpeg"),
}


class MediaLibraryEntryResource(SpecResource):
    """media_file (multipart) is stored; GET shows file_name, media_size, media_type
    and media_format worked out from it, never the file."""

    def derive(self, cleaned, data, instance):
        upload = cleaned.get("media_file")
        if not upload:
            return
        name, size, _content = upload
        extension = os.path.splitext(name.lower())[1]
        if extension not in MEDIA_KINDS:
            raise hydrate.FieldErrors({"media_file": [
                "Unsupported media file %r: use one of %s." % (name, ", ".join(sorted(MEDIA_KINDS)))]})
        media_type, media_format = MEDIA_KINDS[extension]
        cleaned.update({"file_name": os.path.basename(name), "media_size": size,
                        "media_type": media_type, "media_format": media_format})


class WebappBrandingResource(SpecResource):
    """branding_file (multipart) is stored; the manager names the package by a uuid
    (its detail key, in the Location header); is_default stays false for uploads."""

    def derive(self, cleaned, data, instance):
        if instance is None:
            cleaned["is_default"] = False


class SystemSyncpointResource(SpecResource):
    """POST (no fields) records a sync point; GET on its URI shows when."""

    def deserialize(self, request, data, format=None):
        if not data or not data.strip():
            return {}
        return super().deserialize(request, data, format)


# -- software bundles --------------------------------------------------------------
# (bundle_type, version, revision, core): the lab's stand-ins for the bundles a
# fresh manager has; one revision each, selected.
SOFTWARE_BUNDLES = [("webapp3", LAB_VERSION, "1", True), ("webapp2", LAB_VERSION, "1", True)]


def _seed_bundles():
    if MODELS["software_bundle_revision"].objects.exists():
        return
    for number, (bundle_type, version, revision, core) in enumerate(SOFTWARE_BUNDLES, start=1):
        rev = MODELS["software_bundle_revision"].objects.create(
            pk=number, bundle_type=bundle_type, version=version, revision=revision, core=core)
        MODELS["software_bundle"].objects.create(pk=number, bundle_type=bundle_type, selected_revision=rev)


class SoftwareBundleResource(SpecResource):
    """PATCH selects a revision, which must be one of this bundle's type."""

    def derive(self, cleaned, data, instance):
        rev = cleaned.get("selected_revision")
        if rev is not None and instance is not None and rev.bundle_type != instance.bundle_type:
            raise hydrate.FieldErrors({"selected_revision": [
                "Revision %s is a %s revision, not %s." % (rev.pk, rev.bundle_type, instance.bundle_type)]})


BASES = {
    "ca_certificate": CertificateResource, "tls_certificate": CertificateResource,
    "licence": LicenceResource, "licence_request": LicenceRequestResource,
    "upgrade": UpgradeResource,
    "oauth2_client": OAuth2ClientResource, "gms_gateway_token": GmsGatewayTokenResource,
    "media_library_entry": MediaLibraryEntryResource, "webapp_branding": WebappBrandingResource,
    "system_syncpoint": SystemSyncpointResource, "software_bundle": SoftwareBundleResource,
}

COMMAND_PREFIX = "api/admin/command/v1/platform/"
urlpatterns = [
    path(COMMAND_PREFIX + "upgrade/", _command("upgrade", upgrade)),
]
