"""The lab's chunked upgrade upload, rolling upgrade and LDAP sync (lab/README.md, "Upgrades and LDAP sync")."""
import io
import tarfile
import time

STATUS = "/api/admin/status/v1/"
COMMAND = "/api/admin/command/v1/"


def _package(version=None, size=3000):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        members = [("image.bin", b"x" * size)]
        if version:
            members.insert(0, ("VERSION", ("%s 81000.0.0" % version).encode()))
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _open(api, data):
    answer = api.post(COMMAND + "platform/upgrade/", {"request": True, "total_size": len(data)})
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]["resource_uri"]


def _upload(api, uri, data, chunk=2048):
    for offset in range(0, len(data), chunk):
        answer = api.request("POST", uri + "upload/", data={"offset": offset},
                             files={"chunk": ("package.tar", data[offset:offset + chunk])})
        assert answer.status_code == 200 and answer.json()["ok"] is True, answer.text


def _nodes(api):
    return [(entry["name"], entry["upgrade_status"], entry["version"])
            for resource in ("management_vm", "worker_vm")
            for entry in api.get(STATUS + resource + "/").json()["objects"]]


def test_chunks_must_follow_each_other_and_a_bad_package_fails_validation(api):
    data = _package(None)
    uri = _open(api, data)
    _upload(api, uri, data[:2048])
    answer = api.request("POST", uri + "upload/", data={"offset": 0}, files={"chunk": ("p", data[2048:])})
    assert answer.status_code == 400 and "Expected offset 2048" in answer.json()["upgrade_request"]["offset"][0]
    answer = api.post(uri + "finish/", {"validate_only": True})
    assert answer.status_code == 400 and "incomplete" in answer.json()["upgrade_request"]["offset"][0]
    rest = api.request("POST", uri + "upload/", data=data[2048:], headers={"Content-Type": "application/octet-stream"})
    assert rest.status_code == 200, rest.text  # a raw body, without an offset, is a chunk too
    answer = api.post(uri + "finish/", {"validate_only": True})
    assert answer.json() == {"upgrade_request": {"package": ["This file is not an Infinity upgrade package."]}}
    assert api.get(uri).json()["state"] == "invalid"
    assert api.post(uri + "cancel/").json()["ok"] is True and api.get(uri).json()["state"] == "cancelled"
    assert {status for _name, status, _version in _nodes(api)} == {"IDLE"}


def test_an_upgrade_moves_the_nodes_one_at_a_time(api):
    data = _package("37.0")
    uri = _open(api, data)
    _upload(api, uri, data, chunk=len(data))
    checked = api.post(uri + "finish/", {"validate_only": True}).json()
    assert checked["current"]["version"] == "36.0" and checked["upgrade"]["version"] == "37.0"
    started = api.post(uri + "finish/", {"validate_only": False}).json()
    assert started["next_url"] and api.get(uri).json()["state"] == "upgrading"
    again = api.post(_open(api, data) + "finish/", {"validate_only": False})
    assert again.status_code == 400  # nothing uploaded to the second request
    seen = []
    deadline = time.time() + 15
    while time.time() < deadline:
        nodes = _nodes(api)
        busy = [name for name, status, _version in nodes if status not in ("IDLE", "WAITING")]
        assert len(busy) <= 1, nodes
        seen += [name for name in busy if not seen or seen[-1] != name]
        if all(status == "IDLE" and version == "37.0" for _name, status, version in nodes):
            break
        time.sleep(0.1)
    assert seen == ["mgr"] and api.get(uri).json()["state"] == "complete"
    older = _package("36.5")
    uri = _open(api, older)
    _upload(api, uri, older)
    answer = api.post(uri + "finish/", {"validate_only": True})
    assert "older than the running 37.0" in answer.json()["upgrade_request"]["package"][0]


def test_ldap_sync_counts_follow_the_directory(api, control):
    source = api.create("ldap_sync_source/", {
        "name": "dir", "ldap_server": "ldap.example.com", "ldap_base_dn": "dc=example,dc=com",
        "ldap_bind_username": "cn=x", "ldap_bind_password": "pw"})
    template = api.create("conference_sync_template/", {
        "name": "t", "ldap_sync_source": source, "sync_conferences": True})
    template_id = template.rstrip("/").rsplit("/", 1)[-1]

    def sync():
        answer = api.post(COMMAND + "conference/sync/", {"conference_sync_template_id": template_id})
        assert answer.status_code == 200, answer.text
        busy = api.post(COMMAND + "conference/sync/", {"conference_sync_template_id": template_id})
        assert busy.status_code == 400 and "already running" in busy.text
        deadline = time.time() + 10
        while True:
            entry = api.get(STATUS + "conference_sync/", params={"configuration_id": template_id}).json()["objects"][0]
            if entry["sync_status"] != "SYNCING" or time.time() > deadline:
                return entry
            time.sleep(0.1)

    first = sync()
    assert (first["sync_status"], first["vmrs_created"], first["end_users_created"]) == ("COMPLETED", 5, 0)
    assert sync()["vmrs_unchanged"] == 5
    assert control._call("PUT", "ldap", json={"users": 3, "modify": 1}) == {"users": 3}
    last = sync()
    assert (last["vmrs_deleted"], last["vmrs_updated"], last["vmrs_unchanged"]) == (2, 1, 2)
    missing = api.post(COMMAND + "conference/sync/", {"conference_sync_template_id": "999"})
    assert missing.status_code == 400 and "No conference sync template" in missing.text


def test_timing_route_makes_the_progressions_faster_per_test(api, control):
    """/_lab/timing: an upgrade, an LDAP sync and a new node's sync take the seconds set there; reset restores them."""
    assert control._call("GET", "timing") == {"ldap_sync": 1.0, "node_sync": 2.0, "upgrade_step": 0.5}
    for bad in ({"upgrade_step": -1}, {"upgrade_step": "fast"}, {"upgrade_step": True}, {"speed": 1}, {}):
        answer = api.session.put(api.base + "/_lab/timing", json=bad)
        assert answer.status_code == 400, (bad, answer.text)
    shown = control._call("PUT", "timing", json={"upgrade_step": 0.05, "ldap_sync": 0})
    assert shown == {"ldap_sync": 0.0, "node_sync": 2.0, "upgrade_step": 0.05}
    data = _package("37.0")
    uri = _open(api, data)
    _upload(api, uri, data, chunk=len(data))
    started = time.time()
    api.post(uri + "finish/", {"validate_only": False})
    while not all(status == "IDLE" and version == "37.0" for _name, status, version in _nodes(api)):
        assert time.time() - started < 1.2, _nodes(api)  # 1 node x 3 steps x 0.05 s (0.5 s each by default)
        time.sleep(0.02)
    assert control._call("DELETE", "timing")["upgrade_step"] == 0.5
    control._call("PUT", "timing", json={"node_sync": 7})
    control.reset()
    assert control._call("GET", "timing") == {"ldap_sync": 1.0, "node_sync": 2.0, "upgrade_step": 0.5}
