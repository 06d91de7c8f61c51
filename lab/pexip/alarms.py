"""Alarms of the simulated platform: raised and cleared through ``/_lab/alarms``,
listed by ``/api/admin/status/v1/alarm/`` (lab/pexip/status.py).

``POST /_lab/alarms {"name", "node", "level", "details", "instance", "identifier"}``
raises one (201, the status entry); ``name`` is required; ``level`` is one of
LEVELS (the facts give no list of levels; these are the lab's); ``node`` names the
node the alarm is about (a Conferencing Node's or the Management Node's name, free
text). ``DELETE /_lab/alarms`` with ``{"id": N}`` or ``{"name": ..., "node": ...}``
clears the matching alarms, with no body every alarm (200 ``{"cleared": count}``).
``GET`` lists them. Alarms are kept across a lab restart (lab/pexip/livestate.py).
"""
import time

from lab.pexip import livestate, status

LEVELS = ("critical", "error", "warning")
STORE = livestate.Store("alarms.json", lambda: {"next_id": 1, "alarms": []})


def entries():
    with STORE.lock:
        return [dict(alarm, time_raised=status.iso(alarm["raised"]), resource_uri=status.uri("alarm", alarm["id"]))
                for alarm in STORE.data["alarms"]]


def _clean(entry):
    entry = dict(entry)
    entry.pop("raised", None)
    return status.complete("alarm", entry)


def raise_alarm(body):
    if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
        return 400, {"error": 'the body is {"name": ..., "node": ..., "level": ..., "details": ...}; name is required'}
    unknown = sorted(set(body) - {"name", "node", "level", "details", "instance", "identifier"})
    if unknown:
        return 400, {"error": "unknown keys: %s" % ", ".join(unknown)}
    level = body.get("level", "error")
    if level not in LEVELS:
        return 400, {"error": "level must be one of %s" % ", ".join(LEVELS)}
    with STORE.lock:
        data = STORE.data
        alarm = {"id": data["next_id"], "name": body["name"], "node": str(body.get("node") or ""),
                 "level": level, "details": str(body.get("details") or ""),
                 "instance": str(body.get("instance") or ""), "identifier": int(body.get("identifier") or 0),
                 "acknowledged": False, "raised": time.time()}
        data["next_id"] += 1
        data["alarms"].append(alarm)
        STORE.save()
    return 201, _clean(dict(alarm, time_raised=status.iso(alarm["raised"]),
                            resource_uri=status.uri("alarm", alarm["id"])))


def clear(body):
    body = body or {}
    if not isinstance(body, dict) or set(body) - {"id", "name", "node"}:
        return 400, {"error": 'the body is empty (every alarm), {"id": N} or {"name": ..., "node": ...}'}
    with STORE.lock:
        data = STORE.data
        keep = [alarm for alarm in data["alarms"]
                if any(alarm.get(key) != value for key, value in body.items())] if body else []
        cleared = len(data["alarms"]) - len(keep)
        data["alarms"] = keep
        STORE.save()
    return 200, {"cleared": cleared}


def control(method, body):
    """The /_lab/alarms control route: (status, data)."""
    if method == "GET":
        return 200, [_clean(entry) for entry in entries()]
    if method == "POST":
        return raise_alarm(body)
    if method == "DELETE":
        return clear(body)
    return 405, {"error": "GET, POST or DELETE"}


status.register("alarm", lambda: [_clean(entry) for entry in entries()])
