"""The lab-only routes: request log and fault injection."""
import json
import time

import pytest
import requests

from pexip_lab_client import API

CONF = API + "conference/"


def test_request_log_records_api_calls_only(api, lab):
    api.create("conference/", {"name": "VMR"})
    api.get("conference/?name=VMR")
    api.patch("conference/1/", {"pin": "1234"})
    lab.faults()  # a control call is not logged
    log = lab.requests()
    assert [(e["method"], e["path"], e["query"], e["status"]) for e in log] == [
        ("POST", CONF, "", 201), ("GET", CONF, "name=VMR", 200), ("PATCH", CONF + "1/", "", 202)]
    assert all(isinstance(e["ts"], float) for e in log)
    # the time the lab spent answering each request (bench/run.py's manager share)
    assert all(0 <= e["duration"] < 5 and e["received"] <= e["ts"] for e in log)
    assert [e["method"] for e in lab.writes()] == ["POST", "PATCH"]
    lab.clear_requests()
    assert lab.requests() == []


def test_status_fault_with_retry_after(api, lab):
    lab.add_fault(method="POST", path=CONF, kind="status", status=503, retry_after=1, count=1)
    failed = api.post("conference/", {"name": "VMR"})
    assert failed.status_code == 503
    assert failed.headers["Retry-After"] == "1"
    assert "error" in failed.json()
    assert api.get("conference/").json()["meta"]["total_count"] == 0
    assert api.post("conference/", {"name": "VMR"}).status_code == 201
    assert [e["status"] for e in lab.writes()] == [503, 201]


def test_fault_matches_method_and_path_prefix(api, lab):
    lab.add_fault(method="*", path=API + "conference_alias/", kind="status", status=500, count=2)
    assert api.get("conference/").status_code == 200
    assert api.get("conference_alias/").status_code == 500
    assert api.get("conference_alias/1/").status_code == 500
    assert api.get("conference_alias/").status_code == 200
    assert lab.faults() == []


def test_delay_fault(api, lab):
    lab.add_fault(method="GET", path=CONF, kind="delay", seconds=0.5)
    started = time.monotonic()
    assert api.get("conference/").status_code == 200
    assert time.monotonic() - started >= 0.5


def test_drop_fault_closes_without_answer(api, lab):
    lab.add_fault(method="POST", path=CONF, kind="drop")
    with pytest.raises(requests.ConnectionError):
        api.post("conference/", {"name": "VMR"})
    assert api.get("conference/").json()["meta"]["total_count"] == 0


def test_drop_after_commit_keeps_the_object(api, lab):
    lab.add_fault(method="POST", path=CONF, kind="drop_after_commit")
    with pytest.raises(requests.ConnectionError):
        api.post("conference/", {"name": "VMR"})
    vmrs = api.get("conference/").json()["objects"]
    assert [vmr["name"] for vmr in vmrs] == ["VMR"]
    assert lab.writes()[0]["status"] == 201


def _count_when_settled(api, path, expected, limit=10.0):
    """The object count of ``path`` once it reaches ``expected`` (or after ``limit`` seconds)."""
    deadline = time.monotonic() + limit
    count = api.get(path).json()["meta"]["total_count"]
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        count = api.get(path).json()["meta"]["total_count"]
    return count


def test_delay_fault_commits_a_write_late(api, lab):
    # the client gives up before the delayed POST reaches the API: the object appears afterwards
    lab.add_fault(method="POST", path=CONF, kind="delay", seconds=3)
    with pytest.raises(requests.Timeout):
        api.session.post(api.url("conference/"), data=json.dumps({"name": "Late"}), timeout=0.5)
    assert api.get("conference/").json()["meta"]["total_count"] == 0
    assert _count_when_settled(api, "conference/", 1) == 1
    assert [(e["method"], e["status"]) for e in lab.writes()] == [("POST", 201)]


def test_commit_after_drop_fault(api, lab):
    lab.add_fault(method="POST", path=CONF, kind="commit_after_drop", seconds=2)
    with pytest.raises(requests.ConnectionError):
        api.post("conference/", {"name": "Late"})
    assert api.get("conference/").json()["meta"]["total_count"] == 0
    assert _count_when_settled(api, "conference/", 1) == 1
    assert [vmr["name"] for vmr in api.get("conference/").json()["objects"]] == ["Late"]
    assert [(e["method"], e["status"]) for e in lab.writes()] == [("POST", 201)]


def test_bad_fault_is_rejected(lab):
    with pytest.raises(requests.HTTPError):
        lab.add_fault(kind="explode")


def test_reset_empties_data(api, lab):
    api.create("conference/", {"name": "VMR", "aliases": [{"alias": "a"}]})
    lab.reset()
    assert api.get("conference/").json()["meta"]["total_count"] == 0
    assert api.get("conference_alias/").json()["meta"]["total_count"] == 0
    assert api.create("conference/", {"name": "again"}) == CONF + "1/"
