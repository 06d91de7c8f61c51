"""Configuration backups of the lab Management Node: the system_backup resource,
the platform commands backup_create and backup_restore, and the status API's
backup_request (a background backup that progresses over a few seconds).

How the product answers backup_create and where it serves the file are not in
the reference (command.json `_response_shape`: the SDK models
`{status, message, result}`, older notes `{status, data}`; no live capture).
The lab serves each plausible behaviour as a *profile*, chosen with the
control route ``/_lab/backups`` (see lab/README.md, "Backups"):

- ``accepted`` (default, the better-evidenced one): ``backup_create`` answers
  202 with no body, as the one third-party client that checks the status
  expects (dduransseau/stackstorm-pexip); the file is the answer to a GET of
  the backup's own URI (that client downloads ``resource_uri``; the SDK reads
  backups from the list URI only, never from the detail URI).
  ``request: true`` starts a background backup_request whose
  ``download_uri`` is the backup's URI.
- ``sdk``: 200 ``{"status": "success", "message": ...}`` (the SDK's
  CommandResponse, no ``result``); the detail GET is JSON and the file is at
  the request's ``download_uri`` (``<backup uri>download/``).
- ``envelope``: 200 ``{"status": "success", "data": <the backup>}`` (the
  earlier notes), the file at ``<backup uri>download/``, and ``request: true``
  refused (400 naming ``request``): the lab's behaviour before profiles.
"""
import base64
import hashlib
import itertools
import json
import os
import secrets
import threading
import time
import zlib

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.db import connection, transaction
from django.http import FileResponse, HttpResponse, JsonResponse
from django.urls import path, re_path
from tastypie import http
from tastypie.exceptions import BadRequest, ImmediateHttpResponse
from tastypie.paginator import Paginator

from lab.pexip import codec, platform, spec  # pylint: disable=protected-access
from lab.pexip.app.models import MODELS
from lab.pexip.resources import DEFAULT_LIMIT, MAX_LIMIT, SpecResource

PROFILES = ("accepted", "sdk", "envelope")
_BACKUP_MAGIC = b"UCOPS-LAB-PEXIP-BACKUP 1\n"
_BACKUP_SKIP = {"pexip_system_backup", "pexip_upgrade"}
STATUS_PREFIX = "/api/admin/status/v1/backup_request/"
# state names of a background request: the reference lists the field, not its values (lab's choice)
QUEUED, RUNNING, COMPLETED, FAILED = "queued", "in_progress", "completed", "failed"

_LOCK = threading.Lock()
_SETTINGS = {}
_REQUESTS = {}
_IDS = itertools.count(1)


def _default_settings():
    return {"profile": os.environ.get("LAB_PEXIP_BACKUP_PROFILE", "accepted"),
            "seconds": float(os.environ.get("LAB_PEXIP_BACKUP_SECONDS", "3")), "fail_next": False}


_SETTINGS.update(_default_settings())


def profile():
    with _LOCK:
        return _SETTINGS["profile"]


def reset():
    """/_lab/reset: the default profile, no background request."""
    global _IDS  # pylint: disable=global-statement
    with _LOCK:
        _SETTINGS.clear()
        _SETTINGS.update(_default_settings())
        _REQUESTS.clear()
        _IDS = itertools.count(1)


def control(method, body):
    """The /_lab/backups control route: (status, data)."""
    if method == "GET":
        with _LOCK:
            return 200, dict(_SETTINGS, profiles=list(PROFILES))
    if method == "PUT":
        if not isinstance(body, dict) or set(body) - {"profile", "seconds", "fail_next"}:
            return 400, {"error": 'the body is {"profile": %s, "seconds": N, "fail_next": bool}' % "|".join(PROFILES)}
        if "profile" in body and body["profile"] not in PROFILES:
            return 400, {"error": "profile must be one of %s" % ", ".join(PROFILES)}
        seconds = body.get("seconds", 0)
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
            return 400, {"error": "seconds must be a number >= 0"}
        with _LOCK:
            _SETTINGS.update(body)
            return 200, dict(_SETTINGS, profiles=list(PROFILES))
    if method == "DELETE":
        reset()
        return control("GET", None)
    return 405, {"error": "GET, PUT or DELETE"}


# -- the backup file -----------------------------------------------------------------
def _fernet(passphrase, salt):
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=60000)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))


def _dump_tables():
    out = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if not table.startswith("pexip_") or table in _BACKUP_SKIP:
                continue
            cursor.execute('SELECT * FROM "%s"' % table)
            columns = [col[0] for col in cursor.description]
            out[table] = {"columns": columns, "rows": [list(row) for row in cursor.fetchall()]}
    return out


def _load_tables(tables):
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in sorted(existing):
            if table.startswith("pexip_") and table not in _BACKUP_SKIP:
                cursor.execute('DELETE FROM "%s"' % table)
        for table, content in tables.items():
            if table not in existing or table in _BACKUP_SKIP:
                continue
            columns = ", ".join('"%s"' % col for col in content["columns"])
            marks = ", ".join(["%s"] * len(content["columns"]))
            for row in content["rows"]:
                cursor.execute('INSERT INTO "%s" (%s) VALUES (%s)' % (table, columns, marks), row)


def _encrypt(passphrase):
    """The backup file's bytes: a header, a salt and a Fernet token over the compressed table dump."""
    payload = json.dumps({"version": platform.LAB_VERSION, "build": platform.LAB_BUILD, "tables": _dump_tables()},
                         default=str).encode("utf-8")
    salt = os.urandom(16)
    return _BACKUP_MAGIC + salt + _fernet(passphrase, salt).encrypt(zlib.compress(payload))


def _store(content, taken):
    """Write ``content`` as a new backup file and its system_backup entry."""
    filename = "pexip_backup_%s_%s_%s.pexbak" % (platform.MANAGEMENT_VM["hostname"],
                                                 platform.LAB_VERSION.replace(".", "_"),
                                                 taken.strftime("%y_%m_%d_%H_%M_%S"))
    if MODELS["system_backup"].objects.filter(filename=filename).exists():
        filename = filename.replace(".pexbak", "_%s.pexbak" % secrets.token_hex(2))
    with open(os.path.join(platform._backup_dir(), filename), "wb") as handle:
        handle.write(content)
    return MODELS["system_backup"].objects.create(
        build=platform.LAB_BUILD, date=taken, filename=filename, sha256sum=hashlib.sha256(content).hexdigest(),
        size=len(content), type="manual", version=platform.LAB_VERSION)


def _file_response(backup):
    response = FileResponse(open(os.path.join(platform._backup_dir(), backup.filename), "rb"),
                            content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="%s"' % backup.filename
    return response


class SystemBackupResource(SpecResource):
    """List GET (JSON); the detail GET is the file (profile accepted) or JSON, with
    the file at ``<uri>download/`` (profiles sdk, envelope); DELETE removes the file too."""

    def prepend_urls(self):
        return [re_path(r"^(?P<resource_name>system_backup)/(?P<filename>[^/]+)/download/?$",
                        self.wrap_view("download"), name="lab_system_backup_download"),
                re_path(r"^(?P<resource_name>system_backup)/(?P<filename>(?!schema/?$)[^/]+)/?$",
                        self.wrap_view("own_uri"), name="lab_system_backup_own_uri")]

    def download(self, request, **kwargs):
        self.method_check(request, allowed=["get"])
        backup = MODELS["system_backup"].objects.filter(filename=kwargs["filename"]).first()
        if backup is None or profile() == "accepted":
            return http.HttpNotFound()
        return _file_response(backup)

    def own_uri(self, request, **kwargs):
        if request.method == "GET" and profile() == "accepted":
            backup = MODELS["system_backup"].objects.filter(filename=kwargs["filename"]).first()
            if backup is None:
                return http.HttpNotFound()
            return _file_response(backup)
        return self.dispatch_detail(request, **kwargs)

    def obj_delete(self, bundle, **kwargs):
        super().obj_delete(bundle, **kwargs)
        target = os.path.join(platform._backup_dir(), bundle.obj.filename)
        transaction.on_commit(lambda: os.path.exists(target) and os.remove(target))

    def obj_delete_list(self, bundle, **kwargs):
        raise ImmediateHttpResponse(http.HttpMethodNotAllowed())


# -- background requests (status API backup_request) ---------------------------------
def _iso(moment):
    return moment.replace(microsecond=0).isoformat() if moment else None


def _request_entry(entry, now=None):
    """The status object of a request; a due request is completed (its backup written) first."""
    now = now or time.time()
    elapsed = now - entry["started"]
    if entry["state"] in (QUEUED, RUNNING):
        if elapsed >= entry["seconds"]:
            _finish(entry)
        elif elapsed >= entry["seconds"] / 2:
            entry["state"], entry["updated"] = RUNNING, platform._now()
    return {"created_at": _iso(entry["created"]), "updated_at": _iso(entry["updated"]),
            "state": entry["state"], "message": entry["message"], "download_uri": entry["download_uri"],
            "resource_uri": "%s%d/" % (STATUS_PREFIX, entry["id"])}


def _finish(entry):
    entry["updated"] = platform._now()
    if entry["fail"]:
        entry["state"], entry["message"] = FAILED, "Backup failed: not enough disk space (lab fault)."
        return
    with transaction.atomic():
        backup = _store(entry.pop("content"), entry["created"])
    uri = spec.object_uri("system_backup", backup)
    entry["download_uri"] = uri if entry["profile"] == "accepted" else uri + "download/"
    entry["state"], entry["message"] = COMPLETED, "Backup %s created." % backup.filename


def _finish_due():
    """Complete every request whose time has come (also without anyone reading the status)."""
    with _LOCK:
        for entry in list(_REQUESTS.values()):
            _request_entry(entry)


def _timer(seconds):
    def run():
        try:
            _finish_due()
        finally:
            connection.close()
    timer = threading.Timer(seconds + 0.05, run)
    timer.daemon = True
    timer.start()


def _status_list(request):
    if request.method != "GET":
        return JsonResponse({"error": "Method not allowed."}, status=405)
    with _LOCK:
        entries = [_request_entry(entry) for entry in sorted(_REQUESTS.values(), key=lambda e: e["id"])]
    try:
        page = Paginator(request.GET, entries, resource_uri=STATUS_PREFIX, limit=DEFAULT_LIMIT,
                         max_limit=MAX_LIMIT).page()
    except BadRequest as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse(page)


def _status_detail(request, request_id):
    if request.method != "GET":
        return JsonResponse({"error": "Method not allowed."}, status=405)
    with _LOCK:
        entry = _REQUESTS.get(request_id)
        return HttpResponse(status=404) if entry is None else JsonResponse(_request_entry(entry))


def status_urls():
    return [path("v1/backup_request/", _status_list), path("v1/backup_request/<int:request_id>/", _status_detail)]


# -- the commands --------------------------------------------------------------------
def backup_create(body):
    errors = {}
    passphrase = platform._passphrase(body, errors)
    requested = platform._requested(body, errors)
    current = profile()
    if requested and current == "envelope":
        errors["request"] = ["Background backup requests are not available; omit this field."]
    if errors:
        return errors, None
    taken = platform._now()
    if requested:
        with _LOCK:
            entry = {"id": next(_IDS), "created": taken, "updated": taken, "started": time.time(),
                     "seconds": _SETTINGS["seconds"], "state": QUEUED, "message": "", "download_uri": "",
                     "profile": current, "fail": _SETTINGS["fail_next"], "content": _encrypt(passphrase)}
            _SETTINGS["fail_next"] = False
            _REQUESTS[entry["id"]] = entry
        _timer(entry["seconds"])
        return None, None
    backup = _store(_encrypt(passphrase), taken)
    return None, codec.to_dict("system_backup", backup)


def backup_restore(body):
    errors = {}
    package = platform._upload(body, errors)
    passphrase = platform._passphrase(body, errors)
    if errors:
        return errors, None
    content = package.read()
    if not content.startswith(_BACKUP_MAGIC) or len(content) < len(_BACKUP_MAGIC) + 17:
        return {"package": ["This file is not a backup of this system."]}, None
    salt = content[len(_BACKUP_MAGIC):len(_BACKUP_MAGIC) + 16]
    try:
        payload = json.loads(zlib.decompress(_fernet(passphrase, salt).decrypt(content[len(_BACKUP_MAGIC) + 16:])))
    except InvalidToken:
        return {"passphrase": ["The passphrase does not decrypt this backup."]}, None
    _load_tables(payload["tables"])
    return None, {"version": payload["version"], "build": payload["build"]}


def _create_view(request):
    """backup_create answers as the profile says (see the module docstring)."""
    response = platform._command("backup_create", backup_create)(request)
    if response.status_code != 200:
        return response
    current = profile()
    if current == "accepted":
        return HttpResponse(status=202)
    if current == "sdk":
        return JsonResponse({"status": "success", "message": "Backup created successfully"}, status=200)
    data = json.loads(response.content)["data"]
    if data is None:  # a background request (not reached: envelope refuses them)
        return JsonResponse({"status": "success", "data": {}}, status=200)
    return response


BASES = {"system_backup": SystemBackupResource}
COMMAND_PREFIX = "api/admin/command/v1/platform/"
urlpatterns = [
    path(COMMAND_PREFIX + "backup_create/", _create_view),
    path(COMMAND_PREFIX + "backup_restore/", platform._command("backup_restore", backup_restore)),
]
