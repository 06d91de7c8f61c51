"""Simulated calls on the lab's Conferencing Nodes.

``POST /_lab/calls {"node": NAME, "participants": N, "seconds": S, "conference": NAME}``
puts N participants in a conference (default name ``lab-call-<n>``) whose media
runs on that node; they leave by themselves S seconds later. The node must be
synced (``sync_status`` SYNCED) and not in maintenance mode (the configuration's
``maintenance_mode``): otherwise the answer is 409 and nothing starts, as a node
in maintenance takes no new calls. Calls already running on a node put into
maintenance keep running until they end. Each participant is one SD call of
``TOKENS_PER_PARTICIPANT`` media tokens (the lab's own figure); a node that has
no room for them answers 409 too.

``GET /_lab/calls`` lists the running participants; ``DELETE /_lab/calls`` ends
every call, ``{"node": NAME}`` those on one node (200 ``{"ended": count}``).

What they show in the status API (lab/pexip/status.py): ``participant/`` (one
entry each; ``media_node`` and ``signalling_node`` are the node's address, as in
the product), ``conference/`` (one per conference), ``conference_shard/`` (one
per conference and node; ``node`` is the node's address), ``licensing/`` (one
port licence per participant) and the node's ``media_load``, ``media_tokens_used``
and ``signaling_count`` in ``worker_vm/``. Calls are kept across a lab restart
(the nodes, not the Management Node, carry them).
"""
import time
import uuid

from lab.pexip import livestate, status

TOKENS_PER_PARTICIPANT = 9
LICENCE_TOTALS = {"port_total": 100, "audio_total": 100, "vmr_total": 0, "system_total": 0, "ghm_total": 0,
                  "otj_total": 0, "scheduling_total": 0, "teams_total": 0, "telehealth_total": 0}
STORE = livestate.Store("calls.json", lambda: {"next_call": 1, "participants": []})


def _running():
    """The participants still connected (the ones whose time is up are dropped)."""
    now = time.time()
    with STORE.lock:
        data = STORE.data
        running = [part for part in data["participants"] if part["ends"] > now]
        if len(running) != len(data["participants"]):
            data["participants"] = running
            STORE.save()
        return [dict(part) for part in running]


def node_load(name, max_tokens):
    """``{"media_load", "media_tokens_used", "signaling_count"}`` of one node."""
    count = sum(1 for part in _running() if part["node"] == name)
    used = count * TOKENS_PER_PARTICIPANT
    load = int(round(100.0 * used / max_tokens)) if max_tokens else 0
    return {"media_load": min(load, 100), "media_tokens_used": used, "signaling_count": count}


def participant_entries():
    entries = []
    for part in _running():
        entries.append({
            "id": part["id"], "resource_uri": status.uri("participant", part["id"]),
            "call_uuid": part["call_uuid"], "conference": part["conference"],
            "display_name": part["display_name"], "source_alias": "sip:%s@lab.example.test" % part["display_name"],
            "destination_alias": part["conference"], "participant_alias": part["display_name"],
            "media_node": part["address"], "signalling_node": part["address"],
            "system_location": part["location"], "connect_time": status.iso(part["started"]),
            "call_direction": "in", "protocol": "WebRTC", "role": "guest", "service_type": "conference",
            "has_media": True, "license_count": 1, "license_type": "port", "encryption": "On",
            "remote_address": part["remote_address"], "remote_port": part["remote_port"],
            "bandwidth": 1024, "rx_bandwidth": 1024, "tx_bandwidth": 1024, "call_quality": "1_good",
            "vendor": "ucops lab", "transcoding_enabled": True, "is_disconnect_supported": True,
            "is_mute_supported": True, "is_transfer_supported": True, "is_presentation_supported": True,
        })
    return entries


def _conferences():
    """conference name -> {"id", "started", "shards": {node name: participant}}."""
    found = {}
    for part in _running():
        conference = found.setdefault(part["conference"], {"id": part["conference_id"], "started": part["started"],
                                                           "shards": {}})
        conference["started"] = min(conference["started"], part["started"])
        conference["shards"].setdefault(part["node"], part)
    return found


def conference_entries():
    return [{"id": conf["id"], "resource_uri": status.uri("conference", conf["id"]), "name": name,
             "service_type": "conference", "is_started": True, "start_time": status.iso(conf["started"])}
            for name, conf in sorted(_conferences().items())]


def shard_entries():
    entries = []
    for name, conf in sorted(_conferences().items()):
        for node, part in sorted(conf["shards"].items()):
            shard_id = str(uuid.uuid5(uuid.UUID(conf["id"]), node))
            entries.append({"id": shard_id, "resource_uri": status.uri("conference_shard", shard_id),
                            "conference": name, "node": part["address"], "system_location": part["location"],
                            "service_type": "conference", "is_started": True, "transcoding_enabled": True,
                            "start_time": status.iso(conf["started"])})
    return entries


def licensing_entries():
    running = _running()
    return [dict(LICENCE_TOTALS, port_count=len(running), audio_count=0, vmr_count=0, system_count=0,
                 ghm_count=0, otj_count=0, scheduling_count=0, teams_count=0, telehealth_count=0,
                 customlayouts_active=False, googletrustedjoin_active=False, zoomtrustedjoin_active=False)]


def start(body):
    from lab.pexip import node_sim
    from lab.pexip.app.models import MODELS

    usage = 'the body is {"node": NAME, "participants": N, "seconds": S, "conference": NAME (optional)}'
    if not isinstance(body, dict) or set(body) - {"node", "participants", "seconds", "conference"}:
        return 400, {"error": usage}
    count, seconds = body.get("participants"), body.get("seconds")
    if not isinstance(body.get("node"), str) or isinstance(count, bool) or not isinstance(count, int) \
            or count < 1 or isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds <= 0:
        return 400, {"error": usage + "; participants at least 1, seconds more than 0"}
    node = MODELS["worker_vm"].objects.select_related("system_location").filter(name=body["node"]).first()
    if node is None:
        return 404, {"error": "no Conferencing Node named %r" % body["node"]}
    facts = node_sim.status_entry(node)
    if facts["sync_status"] != "SYNCED":
        return 409, {"error": "node %r is not in service (sync_status %s)" % (node.name, facts["sync_status"])}
    if facts["maintenance_mode"]:
        return 409, {"error": "node %r is in maintenance mode and takes no new calls" % node.name}
    room = (facts["max_media_tokens"] - facts["media_tokens_used"]) // TOKENS_PER_PARTICIPANT
    if count > room:
        return 409, {"error": "node %r has room for %d more participants" % (node.name, room)}
    now = time.time()
    with STORE.lock:
        data = STORE.data
        name = body.get("conference") or "lab-call-%d" % data["next_call"]
        data["next_call"] += 1
        same = [part for part in data["participants"] if part["conference"] == name and part["ends"] > now]
        conference_id = same[0]["conference_id"] if same else str(uuid.uuid4())
        started = []
        for index in range(count):
            part = {"id": str(uuid.uuid4()), "call_uuid": str(uuid.uuid4()), "conference": name,
                    "conference_id": conference_id, "display_name": "%s-guest-%d" % (name, index + 1),
                    "node": node.name, "address": node.address,
                    "location": node.system_location.name if node.system_location else "",
                    "remote_address": "198.51.100.%d" % (1 + index % 250), "remote_port": 40000 + index,
                    "started": now, "ends": now + float(seconds)}
            data["participants"].append(part)
            started.append(part["id"])
        STORE.save()
    return 201, {"node": node.name, "conference": name, "participants": started, "ends": status.iso(now + seconds)}


def end(body):
    body = body or {}
    if not isinstance(body, dict) or set(body) - {"node"}:
        return 400, {"error": 'the body is empty (every call) or {"node": NAME}'}
    with STORE.lock:
        data = STORE.data
        keep = [part for part in data["participants"] if "node" in body and part["node"] != body["node"]]
        ended = len(data["participants"]) - len(keep)
        data["participants"] = keep
        STORE.save()
    return 200, {"ended": ended}


def control(method, body):
    """The /_lab/calls control route: (status, data)."""
    if method == "GET":
        return 200, participant_entries()
    if method == "POST":
        return start(body)
    if method == "DELETE":
        return end(body)
    return 405, {"error": "GET, POST or DELETE"}


status.register("participant", participant_entries)
status.register("conference", conference_entries)
status.register("conference_shard", shard_entries)
status.register("licensing", licensing_entries)
