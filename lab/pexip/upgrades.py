"""Upgrades in the lab: the chunked upload of an upgrade package and a rolling upgrade of every node.

* ``POST command/v1/platform/upgrade/`` with ``request: true`` and ``total_size``
  opens an upgrade_request (the configuration ``upgrade`` POST of
  lab/pexip/platform.py does the same); the answer's ``data`` carries its
  ``upload_id`` (the request's uuid) and ``resource_uri``. Without ``request``
  the command goes on to lab/pexip/platform.py (a whole package, recorded).
* ``POST configuration/v1/upgrade_request/<uuid>/upload/``: one chunk, as the
  first file part of a multipart body or as the raw body
  (application/octet-stream); an ``offset`` (form field or query) must be the
  number of bytes received so far. ``.../finish/`` with ``validate_only``
  checks the package (and with ``validate_only: false`` starts the upgrade);
  ``.../cancel/`` drops the upload. Answers are the reference's ok_response:
  ``{ok: true, upload_id, timestamp, current, upgrade}``, finish adds
  ``next_url``; a failure is a 400 naming the field.
* The package format is the lab's own (the real one is not in the reference): a
  tar archive with a member ``VERSION`` holding ``<version> [<build>]``.
* An upgrade moves the Management Node, then each Conferencing Node (by
  configuration id), through ``upgrade_status`` DOWNLOADING, INSTALLING,
  REBOOTING, one node at a time, each step ``LAB_PEXIP_UPGRADE_STEP_SECONDS``
  (default 0.5); a node not yet reached shows WAITING. A node that finished
  reports IDLE and the package's version. The running version is the version
  of the last upgrade started (it survives a lab restart; ``/_lab/reset``
  brings back the installed one, 36.0).
* ``GET status/v1/management_vm/`` (lab/pexip/status.py) shows the Management
  Node's status (id = configuration id - 1): sync_status, upgrade_status, version.
* Running upgrades are kept in ``upgrades.json`` (lab/pexip/livestate.py): a lab
  restart keeps them, ``/_lab/reset`` forgets them.
"""
import datetime
import json
import os
import re
import tarfile
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.urls import path, re_path

from lab.pexip import hydrate, livestate, platform, spec, status, timing
from lab.pexip.app.models import MODELS
from lab.pexip.resources import SpecResource

STEPS = ("DOWNLOADING", "INSTALLING", "REBOOTING")
UPGRADE_PREFIX = "api/admin/configuration/v1/upgrade_request/"
_VERSION = re.compile(r"\d+(\.\d+){0,3}")
# uuid -> {"started", "nodes": [[kind, configuration id]], "step", "version_info", "from_version"}
STORE = livestate.Store("upgrades.json", lambda: {"plans": {}})


def step_seconds():
    return timing.seconds("upgrade_step")


def _folder():
    folder = os.path.join(settings.STATE_DIR, "upgrades")
    os.makedirs(folder, exist_ok=True)
    return folder


def _part(uuid):
    return os.path.join(_folder(), uuid + ".part")


def _sidecar(uuid):
    return os.path.join(_folder(), uuid + ".json")


def _read_sidecar(uuid):
    try:
        with open(_sidecar(uuid), encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def _version_key(text):
    parts = [int(part) for part in (text or "0").split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return parts


def _installed_info():
    return {"build_date": "2026-01-01", "major": int(platform.LAB_VERSION.split(".", maxsplit=1)[0]),
            "pseudo_version": platform.LAB_BUILD, "version": platform.LAB_VERSION}


def _last_started():
    """The upgrade_request of the last upgrade started, or None."""
    return MODELS["upgrade_request"].objects.filter(state__in=("upgrading", "complete")).order_by("-pk").first()


def running_info():
    """version_info of the version the platform runs (or is being upgraded to)."""
    record = _last_started()
    if record is not None and record.upgrade:
        return json.loads(record.upgrade)
    return _installed_info()


def _active_plan():
    with STORE.lock:
        live = [(plan["started"], uuid, plan) for uuid, plan in STORE.data["plans"].items()]
    if not live:
        return None
    return max(live)[2]


def _ends(plan):
    return plan["started"] + len(plan["nodes"]) * len(STEPS) * plan["step"]


def node_state(kind, config_id, default_version):
    """``(upgrade_status, version)`` of one node now; ``default_version`` is what it
    reports when no upgrade ever ran."""
    plan = _active_plan()
    if plan is None:
        record = _last_started()
        if record is None or not record.upgrade:
            return "IDLE", default_version
        return "IDLE", json.loads(record.upgrade)["version"]
    before = plan["from_version"] or default_version
    if [kind, config_id] not in plan["nodes"]:
        return "IDLE", before
    index = plan["nodes"].index([kind, config_id])
    elapsed = time.time() - plan["started"]
    step = int(elapsed // plan["step"]) - index * len(STEPS)
    if step < 0:
        return "WAITING", before
    if step < len(STEPS):
        return STEPS[step], before
    return "IDLE", plan["version_info"]["version"]


def settle():
    """Upgrades whose last node is done: their request is complete (also after a lab restart)."""
    with STORE.lock:
        done = [uuid for uuid, plan in STORE.data["plans"].items() if time.time() >= _ends(plan)]
        if not done:
            return
        MODELS["upgrade_request"].objects.filter(uuid__in=done, state="upgrading").update(state="complete")
        for uuid in done:
            STORE.data["plans"].pop(uuid, None)
        STORE.save()


def _settle_later():
    try:
        with transaction.atomic():
            settle()
    finally:
        connection.close()


def _start(record, info, previous):
    """Start the rolling upgrade of ``record``; ``previous`` is the request of the last upgrade before it."""
    nodes = [["management_vm", platform.MANAGEMENT_VM_ID]]
    nodes += [["worker_vm", pk] for pk in MODELS["worker_vm"].objects.order_by("pk").values_list("pk", flat=True)]
    plan = {"started": time.time(), "nodes": nodes, "step": step_seconds(), "version_info": info,
            "from_version": json.loads(previous.upgrade)["version"] if previous is not None and previous.upgrade
            else None}
    with STORE.lock:
        STORE.data["plans"][record.uuid] = plan
        STORE.save()
    timer = threading.Timer(_ends(plan) - time.time() + 0.05, _settle_later)
    timer.daemon = True
    transaction.on_commit(timer.start)


class UpgradeRequestResource(SpecResource):
    """upgrade_request of the configuration API: an upgrade whose last node is done reads
    as complete from that moment, not only once its timer has run."""

    def dispatch(self, request_type, request, **kwargs):
        with transaction.atomic():
            settle()
        return super().dispatch(request_type, request, **kwargs)


def upgrading():
    plan = _active_plan()
    return plan is not None and time.time() < _ends(plan)


# -- the package -------------------------------------------------------------------
def read_package(filename):
    """version_info of a lab upgrade package, or raise hydrate.Invalid."""
    try:
        with tarfile.open(filename) as archive:
            member = archive.getmember("VERSION")
            text = archive.extractfile(member).read(200).decode("utf-8").split()
    except (tarfile.TarError, KeyError, AttributeError, OSError, UnicodeDecodeError):
        raise hydrate.Invalid("This file is not an Infinity upgrade package.") from None
    if not text or not _VERSION.fullmatch(text[0]):
        raise hydrate.Invalid("The upgrade package does not say which version it installs.")
    version = text[0]
    build = text[1] if len(text) > 1 else "%d0000.0.0" % int(version.split(".")[0])
    return {"build_date": datetime.date.today().isoformat(), "major": int(version.split(".")[0]),
            "pseudo_version": build, "version": version}


# -- views -------------------------------------------------------------------------
def _ok(record, **extra):
    answer = {"ok": True, "upload_id": record.uuid, "timestamp": int(time.time() * 1000),
              "current": json.loads(record.current) if record.current else running_info(),
              "upgrade": json.loads(record.upgrade) if record.upgrade else None}
    answer.update(extra)
    return JsonResponse(answer, status=200)


def _refuse(errors):
    return JsonResponse({"upgrade_request": errors}, status=400)


def _post_only(view):
    def wrapped(request, uuid):
        if request.method != "POST":
            response = HttpResponse(status=405)
            response["Allow"] = "POST"
            return response
        with transaction.atomic():
            settle()
            record = MODELS["upgrade_request"].objects.select_for_update().filter(uuid=uuid).first()
            if record is None:
                return HttpResponse(status=404)
            return view(request, record)
    return wrapped


def _field(request, name):
    """A field of a form or JSON body (sent with or without a Content-Type), else of the query."""
    if request.content_type.startswith("multipart/") or request.content_type == "application/x-www-form-urlencoded":
        return request.POST.get(name, request.GET.get(name))
    if request.content_type != "application/octet-stream" and request.body:
        try:
            body = json.loads(request.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            body = None
        if isinstance(body, dict) and name in body:
            return body[name]
    return request.GET.get(name)


@_post_only
def upload(request, record):
    if record.state != "uploading":
        return _refuse({"state": ["This upgrade request is %s; it takes no more data." % record.state]})
    if request.content_type.startswith("multipart/"):
        files = list(request.FILES.values())
        if not files:
            return _refuse({"chunk": ["Send the chunk as a file part."]})
        chunk = files[0].read()
    else:
        chunk = request.body
    if not chunk:
        return _refuse({"chunk": ["The chunk is empty."]})
    offset = _field(request, "offset")
    if offset not in (None, "") and str(offset) != str(record.offset or 0):
        expected = record.offset or 0
        return _refuse({"offset": ["Expected offset %d (the bytes received so far), not %s." % (expected, offset)]})
    total = _read_sidecar(record.uuid).get("total_size")
    if total is not None and (record.offset or 0) + len(chunk) > total:
        return _refuse({"chunk": ["The chunk goes past total_size %d." % total]})
    with open(_part(record.uuid), "ab") as handle:
        handle.write(chunk)
    record.offset = (record.offset or 0) + len(chunk)
    record.save()
    return _ok(record)


def _flag(value):
    return str(value).strip().lower() in ("true", "1", "yes", "on")


@_post_only
def finish(request, record):
    validate_only = _flag(_field(request, "validate_only"))
    if record.state not in ("uploading", "validated"):
        return _refuse({"state": ["This upgrade request is %s." % record.state]})
    total = _read_sidecar(record.uuid).get("total_size")
    if not record.offset or (total is not None and record.offset < total):
        received = record.offset or 0
        return _refuse({"offset": ["The upload is incomplete: %d of %s bytes received." % (received, total or "?")]})
    try:
        info = read_package(_part(record.uuid))
    except hydrate.Invalid as exc:
        record.state = "invalid"
        record.save()
        return _refuse({"package": [str(exc)]})
    current = running_info()
    if _version_key(info["version"]) < _version_key(current["version"]):
        record.state = "invalid"
        record.save()
        return _refuse({"package": ["The package installs %s, older than the running %s: downgrades are not "
                                    "supported." % (info["version"], current["version"])]})
    record.current, record.upgrade = json.dumps(current), json.dumps(info)
    if validate_only:
        record.state = "validated"
        record.save()
        return _ok(record)
    if upgrading():
        return _refuse({"state": ["An upgrade is already in progress."]})
    if _version_key(info["version"]) == _version_key(current["version"]):
        return _refuse({"package": ["The platform already runs version %s." % current["version"]]})
    previous = _last_started()
    record.state = "upgrading"
    record.save()
    _start(record, info, previous)
    if os.path.exists(_part(record.uuid)):
        os.remove(_part(record.uuid))
    return _ok(record, next_url="/admin/platform/upgrade/")


@_post_only
def cancel(request, record):
    if record.state not in ("uploading", "validated", "invalid"):
        return _refuse({"state": ["This upgrade request is %s and cannot be cancelled." % record.state]})
    record.state = "cancelled"
    record.save()
    for name in (_part(record.uuid), _sidecar(record.uuid)):
        if os.path.exists(name):
            os.remove(name)
    return _ok(record)


def command_upgrade(request):
    """command/v1/platform/upgrade/: request=true opens a chunked upload; anything else is platform's."""
    try:
        body = platform._request_body(request)  # pylint: disable=protected-access
    except ValueError:
        body = {}
    if request.method != "POST" or not _flag(body.get("request")):
        return platform_upgrade(request)
    with transaction.atomic():
        errors, record = platform.upgrade_request(body)
        if errors:
            return JsonResponse({"upgrade": errors}, status=400)
        record.current = json.dumps(running_info())
        record.save()
        with open(_sidecar(record.uuid), "w", encoding="utf-8") as handle:
            json.dump({"total_size": int(body["total_size"])}, handle)
    return JsonResponse({"status": "success", "data": {
        "ok": True, "upload_id": record.uuid, "resource_uri": spec.object_uri("upgrade_request", record),
        "timestamp": int(time.time() * 1000), "current": running_info()}}, status=200)


platform_upgrade = platform._command("upgrade", platform.upgrade)  # pylint: disable=protected-access


# -- the Management Node's status --------------------------------------------------
def management_entries():
    entries = []
    for manager in MODELS["management_vm"].objects.order_by("pk"):
        upgrade_status, version = node_state("management_vm", manager.pk, platform.LAB_VERSION)
        now = status.iso(time.time())
        entries.append({"id": manager.pk - 1, "configuration_id": manager.pk, "name": manager.name,
                        "primary": bool(getattr(manager, "primary", True)), "sync_status": "SYNCED",
                        "upgrade_status": upgrade_status, "version": version, "last_attempted_contact": now,
                        "last_updated": now, "resource_uri": status.uri("management_vm", manager.pk - 1)})
    return entries


status.register("management_vm", management_entries)

urlpatterns = [
    re_path(r"^" + UPGRADE_PREFIX + r"(?P<uuid>[0-9a-fA-F-]+)/upload/?$", upload),
    re_path(r"^" + UPGRADE_PREFIX + r"(?P<uuid>[0-9a-fA-F-]+)/finish/?$", finish),
    re_path(r"^" + UPGRADE_PREFIX + r"(?P<uuid>[0-9a-fA-F-]+)/cancel/?$", cancel),
    path(platform.COMMAND_PREFIX + "upgrade/", command_upgrade),
]
