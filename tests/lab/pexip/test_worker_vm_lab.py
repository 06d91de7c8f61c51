"""The lab's Conferencing Nodes: deployment answers, hidden fields, status API, bootstrap simulator."""
import io
import json
import tarfile
import time

import pytest
import requests

STATUS = "/api/admin/status/v1/worker_vm/"


def _node(api, name, address, deployment, **extra):
    found = api.get("system_location/", params={"name": "loc-" + name}).json()["objects"]
    loc = found[0]["resource_uri"] if found else api.create("system_location/", {"name": "loc-" + name})
    body = {"name": name, "hostname": name, "domain": "example.test", "address": address,
            "netmask": "255.0.0.0", "gateway": "127.0.0.1", "password": "node-secret-pw",
            "system_location": loc, "deployment_type": deployment}
    body.update(extra)
    return api.post("worker_vm/", body)


def _status(api, config_id):
    objects = api.get(STATUS, params={"configuration_id": config_id}).json()["objects"]
    assert len(objects) == 1
    return objects[0]


def _bootstrap(env, address, document, content_type="text/xml"):
    return requests.post("https://%s:8443/configuration/bootstrap/" % address, data=document,
                         headers={"Content-Type": content_type}, verify=env["PEXIP_CA_PATH"], timeout=10)


def test_provision_only_answers_with_a_document_and_bootstraps(api, lab_env):
    response = _node(api, "prov1", "127.77.0.11", "MANUAL-PROVISION-ONLY")
    assert response.status_code == 201 and response.headers["Location"].endswith("/worker_vm/1/")
    assert response.headers["Content-Type"].startswith("text/xml")
    document = response.content
    assert b"node-secret-pw" not in document and b"<token>" in document
    node = api.get("worker_vm/1/").json()
    assert "password" not in node and "deployment_type" not in node
    status = _status(api, 1)
    assert status["sync_status"] == "NEVER_CONTACTED" and status["id"] != 1
    # malformed, foreign and wrong-address documents are refused
    assert _bootstrap(lab_env, "127.77.0.11", b"<not-xml").status_code == 400
    foreign = document.replace(document[document.index(b"<token>") + 7:][:32], b"f" * 32)
    refused = _bootstrap(lab_env, "127.77.0.11", foreign)
    assert refused.status_code == 400 and "not issued" in refused.json()["error"]
    assert _bootstrap(lab_env, "127.77.0.11", document, "application/json").status_code == 400
    accepted = _bootstrap(lab_env, "127.77.0.11", document)
    assert accepted.status_code == 200, accepted.text
    assert _bootstrap(lab_env, "127.77.0.11", document).status_code == 400  # single use
    deadline = time.time() + 10
    while _status(api, 1)["sync_status"] != "SYNCED":
        assert time.time() < deadline, "the node never synced"
        time.sleep(0.3)
    status = _status(api, 1)
    assert status["deploy_status"] == "DEPLOYED" and status["version"]


def test_document_for_another_address_is_refused(api, lab_env):
    document = _node(api, "prov2", "127.77.0.21", "MANUAL-PROVISION-ONLY").content
    _node(api, "prov3", "127.77.0.22", "MANUAL-PROVISION-ONLY")
    refused = _bootstrap(lab_env, "127.77.0.22", document)
    assert refused.status_code == 400 and "is for 127.77.0.21" in refused.json()["error"]


@pytest.mark.parametrize("deployment", ["MANUAL", "MANUAL-ESXI4", "MANUAL-HYPERV2012"])
def test_package_types_answer_with_an_ova_shaped_archive(api, deployment):
    response = _node(api, "pkg", "127.77.0.31", deployment, vm_cpu_count=8)
    assert response.status_code == 201
    with tarfile.open(fileobj=io.BytesIO(response.content)) as archive:
        names = archive.getnames()
        ovf = archive.extractfile(names[0]).read()
    assert names == ["pkg.ovf", "pkg-disk1.vmdk"]
    assert b'quantity="8"' in ovf and b"node-secret-pw" not in ovf


def test_vmware_needs_host_credentials_and_answers_empty(api):
    refused = _node(api, "vm1", "192.0.2.41", "VMWARE")
    assert refused.status_code == 400
    assert set(refused.json()["worker_vm"]) == {"host", "host_username", "host_password"}
    created = _node(api, "vm1", "192.0.2.41", "VMWARE", host=1, host_username="u", host_password="vc-secret",
                    snmp_authentication_password="snmp-auth-secret")
    assert created.status_code == 201 and created.content == b""
    node = api.get("worker_vm/").json()["objects"][0]
    assert "host_password" not in node
    assert node["snmp_authentication_password"].startswith("$6$")
    assert "snmp-auth-secret" not in json.dumps(node)
    deadline = time.time() + 10
    while _status(api, node["id"])["sync_status"] != "SYNCED":
        assert time.time() < deadline
        time.sleep(0.3)


def test_unknown_deployment_type_is_a_field_error(api):
    response = _node(api, "bad", "192.0.2.51", "KVM")
    assert response.status_code == 400 and "deployment_type" in response.json()["worker_vm"]
    assert api.get("worker_vm/").json()["objects"] == []


def test_status_detail_and_unknown_ids(api):
    _node(api, "vm2", "192.0.2.61", "VMWARE", host=1, host_username="u", host_password="p")
    entry = api.get(STATUS).json()["objects"][0]
    assert api.get(entry["resource_uri"]).json()["configuration_id"] == entry["configuration_id"]
    assert api.get(STATUS + "999999/").status_code == 404
