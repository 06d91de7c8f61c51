"""LDAP sync in the lab: ``conference/sync`` for a conference_sync_template and its ``conference_sync`` status.

* The lab stands in for the directory: a list of users, each with a revision
  (default 5 users). ``PUT /_lab/ldap {"users": N, "modify": M}`` sets the
  number of users (new ones are added, the last ones removed) and changes the
  first M of them; ``GET`` shows it; ``/_lab/reset`` brings back the default.
* ``POST command/v1/conference/sync/ {"conference_sync_template_id": ID}``
  starts a sync of that template: 200 ``{"status": "success", "data":
  {"conference_sync_template_id": ID}}``; an unknown template or a sync of the
  template already running is a 400 naming ``conference_sync_template_id``.
* ``GET status/v1/conference_sync/`` (lab/pexip/status.py: list, detail,
  filters): one entry per template that was ever synced.
  ``sync_status`` SYNCING with ``sync_progress`` rising to 100 over
  ``LAB_PEXIP_LDAP_SYNC_SECONDS`` (default 1), then COMPLETED with the counts:
  for each kind the template syncs (sync_conferences: vmrs_*, sync_devices:
  devices_*, sync_end_users: end_users_*) the directory users created, updated
  (changed since the template's last sync), deleted and unchanged. A template
  without an ldap_sync_source ends FAILED with sync_errors 1 and
  sync_last_error_description. The lab does not create the VMRs, devices or
  users themselves. The state is kept in ``ldap_sync.json`` (lab/pexip/livestate.py).
"""
import time

from django.http import HttpResponse, JsonResponse
from django.urls import path

from lab.pexip import livestate, platform, status, timing
from lab.pexip.app.models import MODELS

DEFAULT_USERS = 5
KINDS = (("sync_conferences", "vmrs"), ("sync_devices", "devices"), ("sync_end_users", "end_users"))


def _empty():
    return {"directory": {"user%d" % n: 1 for n in range(1, DEFAULT_USERS + 1)},
            "synced": {},   # template id -> {user: revision} at its last completed sync
            "entries": {},  # template id -> {"shown", "running", "started", "seconds", "outcome", "snapshot"}
            "next_id": 1}


STORE = livestate.Store("ldap_sync.json", _empty)


def sync_seconds():
    return timing.seconds("ldap_sync")


def control(method, body):
    """``/_lab/ldap``: GET shows the simulated directory, PUT {"users", "modify"} changes it."""
    if method == "GET":
        with STORE.lock:
            return 200, {"users": len(STORE.data["directory"])}
    if method != "PUT":
        return 405, {"error": "Use GET or PUT."}
    body = body or {}
    users, modify = body.get("users"), body.get("modify", 0)
    for name, value in (("users", users), ("modify", modify)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            return 400, {"error": "%s must be a whole number >= 0" % name}
    with STORE.lock:
        directory = STORE.data["directory"]
        if users is not None:
            for number in range(1, max(users, len(directory)) + 1):
                if number <= users:
                    directory.setdefault("user%d" % number, 1)
                else:
                    directory.pop("user%d" % number, None)
        for name in sorted(directory, key=lambda key: int(key[4:]))[:modify]:
            directory[name] += 1
        STORE.save()
        return 200, {"users": len(directory)}


def _now():
    return status.iso(time.time())


def _counts(template, previous, directory):
    counts = {}
    for flag, kind in KINDS:
        wanted = bool(getattr(template, flag, False))
        created = [u for u in directory if u not in previous] if wanted else []
        updated = [u for u in directory if u in previous and previous[u] != directory[u]] if wanted else []
        deleted = [u for u in previous if u not in directory] if wanted else []
        unchanged = [u for u in directory if previous.get(u) == directory[u]] if wanted else []
        counts.update({kind + "_created": len(created), kind + "_updated": len(updated),
                       kind + "_deleted": len(deleted), kind + "_unchanged": len(unchanged)})
    return counts


def _zero_counts():
    return {"%s_%s" % (kind, what): 0 for _flag, kind in KINDS
            for what in ("created", "updated", "deleted", "unchanged")}


def entry(template_id):
    """The status entry of one template now (settles a finished sync)."""
    template_id = str(template_id)
    with STORE.lock:
        stored = STORE.data["entries"].get(template_id)
        if stored is None:
            return None
        shown = dict(stored["shown"])
        if stored.get("running"):
            elapsed = time.time() - stored["started"]
            if elapsed >= stored["seconds"]:
                stored["running"] = False
                shown.update(stored["outcome"], sync_progress=100, last_updated=_now())
                if stored["outcome"]["sync_status"] == "COMPLETED":
                    STORE.data["synced"][template_id] = stored["snapshot"]
                stored["shown"] = dict(shown)
                STORE.save()
            else:
                shown["sync_progress"] = int(100 * elapsed / stored["seconds"]) if stored["seconds"] else 100
        return shown


def command_sync(request):
    if request.method != "POST":
        response = HttpResponse(status=405)
        response["Allow"] = "POST"
        return response
    try:
        body = platform._request_body(request)  # form or JSON, with or without a Content-Type
    except ValueError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    raw = body.get("conference_sync_template_id")
    template = None
    if raw in (None, ""):
        problem = "This field is required."
    elif not str(raw).strip().isdigit():
        problem = "%r is not a conference sync template id." % (raw,)
    else:
        template = MODELS["conference_sync_template"].objects.filter(pk=int(str(raw).strip())).first()
        problem = None if template is not None else "No conference sync template with id %s." % raw
    if template is not None:
        current = entry(template.pk)
        if current is not None and current["sync_status"] == "SYNCING":
            problem = "A sync of template %s is already running." % template.pk
    if problem:
        return JsonResponse({"conference_sync": {"conference_sync_template_id": [problem]}}, status=400)
    _begin(template)
    return JsonResponse({"status": "success", "data": {"conference_sync_template_id": str(template.pk)}})


def _begin(template):
    with STORE.lock:
        directory = dict(STORE.data["directory"])
        previous = STORE.data["synced"].get(str(template.pk), {})
        stored = STORE.data["entries"].get(str(template.pk))
        if stored is None:
            status_id = STORE.data["next_id"]
            STORE.data["next_id"] += 1
        else:
            status_id = stored["shown"]["id"]
        if template.ldap_sync_source_id is None:
            outcome = dict(_zero_counts(), sync_status="FAILED", sync_errors=1,
                           sync_last_error_description="The template %r has no LDAP sync source." % template.name)
        else:
            outcome = dict(_counts(template, previous, directory), sync_status="COMPLETED", sync_errors=0,
                           sync_last_error_description="")
        shown = dict(_zero_counts(), id=status_id, configuration_id=template.pk, sync_status="SYNCING",
                     sync_progress=0, sync_errors=0, sync_last_error_description="", last_updated=_now(),
                     resource_uri=status.uri("conference_sync", status_id))
        STORE.data["entries"][str(template.pk)] = {"shown": shown, "running": True, "started": time.time(),
                                                   "seconds": sync_seconds(), "outcome": outcome,
                                                   "snapshot": directory}
        STORE.save()


def entries():
    """Status entries of the templates that still exist."""
    existing = set(str(pk) for pk in MODELS["conference_sync_template"].objects.values_list("pk", flat=True))
    with STORE.lock:
        ids = sorted((template_id for template_id in STORE.data["entries"] if template_id in existing), key=int)
    return [entry(template_id) for template_id in ids]


status.register("conference_sync", entries)

urlpatterns = [path("api/admin/command/v1/conference/sync/", command_sync)]
