"""The simulated platform's live state: calls on nodes, maintenance, alarms, the status
API's filters and pages, and nodes that survive a lab restart (lab/README.md)."""
import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest
import requests
from pexip_lab_client import ROOT

STATUS = "/api/admin/status/v1/"


def _synced_node(api, name, address, cpus=4):
    found = api.get("system_location/", params={"name": "live-loc"}).json()["objects"]
    loc = found[0]["resource_uri"] if found else api.create("system_location/", {"name": "live-loc"})
    response = api.post("worker_vm/", {"name": name, "hostname": name, "domain": "example.test", "address": address,
                                       "netmask": "255.255.255.0", "gateway": "192.0.2.1", "password": "pw",
                                       "system_location": loc, "deployment_type": "VMWARE", "host": 1,
                                       "host_username": "u", "host_password": "p", "vm_cpu_count": cpus})
    assert response.status_code == 201, response.text
    _wait(lambda: _node_status(api, name)["sync_status"] == "SYNCED", "the node never synced")
    return response.headers["Location"]


def _node_status(api, name):
    return api.get(STATUS + "worker_vm/", params={"name": name}).json()["objects"][0]


def _wait(condition, message, seconds=15):
    deadline = time.time() + seconds
    while not condition():
        assert time.time() < deadline, message
        time.sleep(0.2)


def _objects(api, resource, **params):
    return api.get(STATUS + resource + "/", params=params).json()["objects"]


def test_calls_show_in_status_and_leave_after_their_time(api, control):
    _synced_node(api, "live1", "192.0.2.61")
    _synced_node(api, "live2", "192.0.2.62")
    started = control.start_calls("live1", 3, 2, conference="weekly")
    assert started["conference"] == "weekly" and len(started["participants"]) == 3
    control.start_calls("live2", 1, 30, conference="weekly")
    participants = _objects(api, "participant", media_node="192.0.2.61")
    assert len(participants) == 3 and {p["conference"] for p in participants} == {"weekly"}
    assert {p["signalling_node"] for p in participants} == {"192.0.2.61"}
    assert [c["name"] for c in _objects(api, "conference")] == ["weekly"]
    assert sorted(s["node"] for s in _objects(api, "conference_shard")) == ["192.0.2.61", "192.0.2.62"]
    assert _objects(api, "licensing")[0]["port_count"] == 4
    node = _node_status(api, "live1")
    # 4 vCPUs: 72 media tokens; 3 participants of 9 tokens
    assert (node["media_tokens_used"], node["media_load"], node["signaling_count"]) == (27, 38, 3)
    # filters, order and pages like the configuration API
    page = api.get(STATUS + "participant/", params={"limit": 2}).json()
    assert page["meta"]["total_count"] == 4 and len(page["objects"]) == 2
    assert api.get(page["meta"]["next"]).json()["meta"]["offset"] == 2
    assert len(_objects(api, "participant", media_node__in="192.0.2.61,192.0.2.99")) == 3
    assert [n["name"] for n in _objects(api, "worker_vm", order_by="-name")] == ["live2", "live1"]
    refused = api.get(STATUS + "participant/", params={"colour": "red"})
    assert refused.status_code == 400 and "colour" in refused.json()["error"]
    detail = api.get(participants[0]["resource_uri"]).json()
    assert detail["id"] == participants[0]["id"]
    # the three on live1 leave after 2 s; the one on live2 stays
    _wait(lambda: not _objects(api, "participant", media_node="192.0.2.61"), "the participants never left", 10)
    assert _node_status(api, "live1")["media_load"] == 0
    assert len(control.calls()) == 1 and control.end_calls("live2") == 1
    assert _objects(api, "conference") == [] and _objects(api, "licensing")[0]["port_count"] == 0


def test_a_node_in_maintenance_takes_no_new_calls_but_keeps_running_ones(api, control):
    uri = _synced_node(api, "live3", "192.0.2.63", cpus=2)
    control.start_calls("live3", 2, 60)
    assert api.patch(uri, {"maintenance_mode": True, "maintenance_mode_reason": "patching"}).status_code == 202
    with pytest.raises(requests.HTTPError) as refused:
        control.start_calls("live3", 1, 60)
    assert refused.value.response.status_code == 409 and "maintenance" in refused.value.response.json()["error"]
    status = _node_status(api, "live3")
    assert status["maintenance_mode"] is True and status["maintenance_mode_reason"] == "patching"
    assert len(_objects(api, "participant")) == 2
    assert api.patch(uri, {"maintenance_mode": False}).status_code == 202
    # 2 vCPUs: 36 tokens, room for 4 participants in all
    with pytest.raises(requests.HTTPError) as full:
        control.start_calls("live3", 3, 60)
    assert full.value.response.status_code == 409 and "room for 2" in full.value.response.json()["error"]
    for body, code in (({"node": "nope", "participants": 1, "seconds": 1}, 404),
                       ({"node": "live3", "participants": 0, "seconds": 1}, 400),
                       ({"node": "live3", "participants": 1}, 400)):
        with pytest.raises(requests.HTTPError) as bad:
            control._call("POST", "calls", json=body)
        assert bad.value.response.status_code == code


def test_alarms_are_raised_and_cleared(api, control):
    first = control.raise_alarm("Conferencing Node CPU high", node="live4", level="warning", details="92%")
    control.raise_alarm("Licence expiring", level="critical")
    listed = _objects(api, "alarm")
    assert [a["name"] for a in listed] == ["Conferencing Node CPU high", "Licence expiring"]
    assert listed[0] == api.get(first["resource_uri"]).json()
    assert listed[0]["level"] == "warning" and listed[0]["time_raised"] and listed[0]["acknowledged"] is False
    assert [a["name"] for a in _objects(api, "alarm", level="critical")] == ["Licence expiring"]
    with pytest.raises(requests.HTTPError):
        control.raise_alarm("x", level="bad")
    assert control.clear_alarms(id=first["id"]) == 1
    assert [a["name"] for a in _objects(api, "alarm")] == ["Licence expiring"]
    assert control.clear_alarms() == 1 and control.alarms() == []


def test_nodes_calls_and_alarms_survive_a_lab_restart(api, control, lab_env):
    if os.environ.get("LAB_TESTS_SHARED") == "1":
        pytest.skip("restarts the lab: only on the private one")
    _synced_node(api, "live5", "192.0.2.65")
    control.start_calls("live5", 1, 120)
    control.raise_alarm("still here", node="live5")
    env = dict(os.environ, LAB_STATE_DIR=lab_env["LAB_STATE_DIR"], LAB_SERVERS="pexip",
               LAB_PEXIP_PORT=str(urlsplit(lab_env["PEXIP_URL"]).port))
    for command in ("down", "up"):
        subprocess.run([sys.executable, "-m", "lab", command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    node = _node_status(api, "live5")
    assert node["sync_status"] == "SYNCED" and node["signaling_count"] == 1
    assert [a["name"] for a in _objects(api, "alarm")] == ["still here"]
    control.reset()
    assert _objects(api, "alarm") == [] and control.calls() == []
