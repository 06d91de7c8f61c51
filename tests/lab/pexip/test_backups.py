"""Backups in each profile of lab/pexip/backups.py: what backup_create answers, where the
file is, and the status API's backup_request that progresses over a few seconds."""
import hashlib
import time

import pytest
from pexip_lab_client import API

COMMAND = "/api/admin/command/v1/platform/"
STATUS = "/api/admin/status/v1/backup_request/"


def _wait_completed(api, deadline=10.0):
    seen = []
    end = time.time() + deadline
    while time.time() < end:
        entry = api.get(STATUS).json()["objects"][-1]
        if not seen or seen[-1] != entry["state"]:
            seen.append(entry["state"])
        if entry["state"] in ("completed", "failed"):
            return entry, seen
        time.sleep(0.2)
    raise AssertionError("the backup request did not finish: %s" % seen)


@pytest.mark.parametrize("profile, answer, file_at", [
    ("accepted", (202, ""), "own"),
    ("sdk", (200, '{"status": "success", "message": "Backup created successfully"}'), "download"),
])
def test_background_request_progresses_and_names_the_file(api, profile, answer, file_at):
    assert api.put("/_lab/backups", {"profile": profile, "seconds": 1}).json()["profile"] == profile
    response = api.post(COMMAND + "backup_create/", {"passphrase": "pass phrase", "request": True})
    assert (response.status_code, response.text) == answer
    assert api.get("system_backup/").json()["objects"] == []
    entry, states = _wait_completed(api)
    assert states[0] == "queued" and states[-1] == "completed"
    assert set(entry) >= {"created_at", "updated_at", "state", "message", "download_uri", "resource_uri"}
    backup = api.get("system_backup/").json()["objects"][0]
    own = api.get(backup["resource_uri"])
    download = api.get(backup["resource_uri"] + "download/")
    if file_at == "own":
        assert entry["download_uri"] == backup["resource_uri"]
        assert own.headers["Content-Type"] == "application/octet-stream" and download.status_code == 404
        content = own.content
    else:
        assert entry["download_uri"] == backup["resource_uri"] + "download/"
        assert own.json()["filename"] == backup["filename"]
        content = download.content
    assert hashlib.sha256(content).hexdigest() == backup["sha256sum"] and len(content) == backup["size"]
    assert api.get(entry["resource_uri"]).json()["state"] == "completed"


def test_a_failed_request_names_the_cause_and_makes_no_backup(api):
    api.put("/_lab/backups", {"seconds": 0.2, "fail_next": True})
    assert api.post(COMMAND + "backup_create/", {"passphrase": "p", "request": True}).status_code == 202
    entry, _states = _wait_completed(api)
    assert entry["state"] == "failed" and "disk space" in entry["message"] and entry["download_uri"] == ""
    assert api.get("system_backup/").json()["objects"] == []


def test_envelope_refuses_requests_and_the_control_route_checks_its_input(api, lab):
    api.put("/_lab/backups", {"profile": "envelope"})
    refused = api.post(COMMAND + "backup_create/", {"passphrase": "p", "request": True})
    assert refused.status_code == 400 and list(refused.json()["backup_create"]) == ["request"]
    assert api.put("/_lab/backups", {"profile": "other"}).status_code == 400
    assert api.put("/_lab/backups", {"seconds": -1}).status_code == 400
    assert api.get(API + "system_backup/schema/").json()["fields"]["filename"]
    lab.reset()
    assert api.get("/_lab/backups").json()["profile"] == "accepted"
