"""The lab's strict profile (LAB_PEXIP_PROFILE=strict, lab/pexip/profile.py): the other plausible product
choice at each point the reference leaves open. One strict lab of its own for this module; the
default profile's behaviour is what every other lab test checks."""
import os
import socket
import subprocess
import sys

import pytest
from pexip_lab_client import ROOT, Api

from lab.control import LabControl, read_env

STATUS = "/api/admin/status/v1/worker_vm/"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def strict_env(tmp_path_factory):
    state = tmp_path_factory.mktemp("lab-strict")
    launch = dict(os.environ, LAB_STATE_DIR=str(state), LAB_SERVERS="pexip", LAB_PEXIP_PORT=str(_free_port()),
                  LAB_PEXIP_PROFILE="strict")
    subprocess.run([sys.executable, "-m", "lab", "up"], cwd=ROOT, env=launch, check=True, stdout=subprocess.DEVNULL)
    try:
        env = read_env(str(state / "env"))
        env["launch"] = launch
        yield env
    finally:
        subprocess.run([sys.executable, "-m", "lab", "down"], cwd=ROOT, env=launch, check=False,
                       stdout=subprocess.DEVNULL)


@pytest.fixture
def strict(strict_env):
    control = LabControl(strict_env["PEXIP_URL"], strict_env["PEXIP_USERNAME"], strict_env["PEXIP_PASSWORD"],
                         strict_env["PEXIP_CA_PATH"])
    control.reset()
    return Api(strict_env)


def _location(api, name):
    return api.create("system_location/", {"name": name})


def _node(api, name, address, deployment):
    return api.post("worker_vm/", {"name": name, "hostname": name, "domain": "example.test", "address": address,
                                   "netmask": "255.255.255.0", "gateway": "192.0.2.1", "password": "node-pw-1",
                                   "system_location": _location(api, "loc-" + name), "deployment_type": deployment})


def test_the_profile_is_shown_and_exported(strict, strict_env):
    info = strict.get("/_lab/profile").json()
    assert info["profile"] == "strict" and set(info["profiles"]) == {"default", "strict"}
    assert set(info["choices"]) == {"filtering", "max_limit", "creation_location", "embedded_resource_uri",
                                    "conference_aliases_on_update", "worker_vm_status"}
    assert strict_env["LAB_PEXIP_PROFILE"] == "strict"


def test_the_launcher_refuses_another_profile_for_a_running_lab_and_an_unknown_one(strict_env):
    other = dict(strict_env["launch"], LAB_PEXIP_PROFILE="default")
    refused = subprocess.run([sys.executable, "-m", "lab", "up"], cwd=ROOT, env=other, capture_output=True, text=True,
                             check=False)
    assert refused.returncode == 1 and "LAB_PEXIP_PROFILE=strict" in refused.stderr
    unknown = dict(strict_env["launch"], LAB_PEXIP_PROFILE="lenient")
    refused = subprocess.run([sys.executable, "-m", "lab", "up"], cwd=ROOT, env=unknown, capture_output=True, text=True,
                             check=False)
    assert refused.returncode == 2 and "default, strict" in refused.stderr


def test_only_the_filters_of_the_schema_are_allowed(strict):
    assert strict.get("conference/schema/").json()["filtering"] == {"id": 1, "name": 1}  # 1: tastypie's ALL
    assert strict.get("dns_server/schema/").json()["filtering"] == {"id": 1}
    strict.create("conference/", {"name": "Room A", "description": "x"})
    assert strict.get("conference/", params={"name__icontains": "room"}).json()["meta"]["total_count"] == 1
    for path, field in (("conference/?description=x", "description"), ("dns_server/?address=192.0.2.1", "address"),
                        ("conference_alias/?conference=1", "conference")):
        refused = strict.get(path)
        assert refused.status_code == 400
        assert refused.json() == {"error": "The '%s' field does not allow filtering." % field}


def test_pages_are_capped_at_1000(strict):
    objects = [{"address": "10.%d.%d.1" % (index // 250, index % 250)} for index in range(1001)]
    assert strict.patch("dns_server/", {"objects": objects}).status_code == 202
    for limit in (0, 5000):
        page = strict.get("dns_server/", params={"limit": limit}).json()
        assert page["meta"]["limit"] == 1000 and len(page["objects"]) == 1000
        assert page["meta"]["total_count"] == 1001 and "offset=1000" in page["meta"]["next"]
    rest = strict.get(page["meta"]["next"]).json()
    assert len(rest["objects"]) == 1 and rest["meta"]["next"] is None


@pytest.mark.parametrize("deployment", ["MANUAL", "MANUAL-ESXI4", "MANUAL-HYPERV2012"])
def test_package_nodes_are_created_without_location(strict, deployment):
    answer = _node(strict, "pkg1", "192.0.2.41", deployment)
    assert answer.status_code == 201 and "Location" not in answer.headers
    assert answer.content[257:262] == b"ustar"  # the deployment file is still the body
    assert strict.get("worker_vm/", params={"name": "pkg1"}).json()["meta"]["total_count"] == 1


def test_provision_only_keeps_its_location_and_licences_have_none(strict):
    answer = _node(strict, "prov1", "192.0.2.42", "MANUAL-PROVISION-ONLY")
    assert answer.status_code == 201 and answer.headers["Location"].endswith("/worker_vm/1/")
    for offline in (False, True):
        answer = strict.post("licence/", {"entitlement_id": "ABCD-1234-EFGH-567%d" % int(offline), "offline_mode": offline})
        assert answer.status_code == 201 and "Location" not in answer.headers
    assert strict.get("licence/").json()["meta"]["total_count"] == 1
    assert strict.get("licence_request/").json()["meta"]["total_count"] == 1


def test_nested_automatic_participants_have_no_resource_uri(strict):
    room = strict.create("conference/", {"name": "Room B"})
    strict.create("automatic_participant/", {"alias": "sip:rec@example.com", "conference": [room]})
    nested = strict.get(room).json()["automatic_participants"]
    assert len(nested) == 1 and nested[0]["resource_uri"] == "" and nested[0]["id"] == 1
    assert strict.get("automatic_participant/1/").json()["resource_uri"].endswith("/automatic_participant/1/")


def test_conference_aliases_on_update_are_uris_only(strict):
    room = strict.create("conference/", {"name": "Room C", "aliases": [{"alias": "room-c"}]})
    refused = strict.patch(room, {"aliases": [{"alias": "room-c2"}]})
    assert refused.status_code == 400 and "aliases" in refused.json()["conference"]
    other = strict.create("conference_alias/", {"alias": "room-c3", "conference": room})
    assert strict.patch(room, {"aliases": [other]}).status_code == 202
    assert [item["alias"] for item in strict.get(room).json()["aliases"]] == ["room-c3"]


def test_node_status_by_configuration_id_without_its_filter(strict):
    _node(strict, "stat1", "192.0.2.43", "MANUAL")
    _node(strict, "stat2", "192.0.2.44", "MANUAL")
    entry = strict.get(STATUS + "2/").json()
    assert entry["id"] == 2 and entry["configuration_id"] == 2 and entry["name"] == "stat2"
    refused = strict.get(STATUS, params={"configuration_id": 2})
    assert refused.status_code == 400
    assert refused.json() == {"error": "The 'configuration_id' field does not allow filtering."}
    assert [e["configuration_id"] for e in strict.get(STATUS, params={"name": "stat2"}).json()["objects"]] == [2]


def test_the_default_profile_is_shown(lab_env, lab):
    assert Api(lab_env).get("/_lab/profile").json()["profile"] == "default"
