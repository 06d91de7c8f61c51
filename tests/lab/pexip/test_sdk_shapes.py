"""What Pexip's own Go SDK (and the Terraform provider built on it) sends and decodes (issue 17)."""
import time

import pytest

CODECS = [{"value": "MP4A-LATM_128"}, {"value": "H264_H_0"}, {"value": "H264_H_1"}]


def _rule(api, **extra):
    body = {"name": "sdk-rule", "priority": 10, "match_string": ".*"}
    body.update(extra)
    return api.create("gateway_routing_rule/", body)


def test_disabled_codecs_are_embedded_objects_on_get_and_write(api):
    glob = api.get("global/1/").json()
    assert sorted(glob["disabled_codecs"], key=lambda item: item["value"]) == sorted(
        CODECS, key=lambda item: item["value"])
    response = api.patch("global/1/", {"disabled_codecs": [{"value": "VP9"}, {"value": "H264_H_0"}]})
    assert response.status_code == 202, response.text
    assert api.get("global/1/").json()["disabled_codecs"] == [{"value": "VP9"}, {"value": "H264_H_0"}]
    rule = _rule(api)
    assert api.get(rule).json()["disabled_codecs"] == []
    assert api.patch(rule, {"disabled_codecs": [{"value": "H264_H_1"}]}).status_code == 202
    assert api.get(rule).json()["disabled_codecs"] == [{"value": "H264_H_1"}]


@pytest.mark.parametrize("sent", [
    ["H264_H_0"],                          # a plain name: the SDK never sends one
    [{"value": ""}],
    [{"value": 264}],
    [{"name": "H264_H_0"}],
    [{"value": "H264_H_0", "id": 3}],
    "H264_H_0",
])
def test_disabled_codecs_are_validated(api, sent):
    before = api.get("global/1/").json()["disabled_codecs"]
    response = api.patch("global/1/", {"disabled_codecs": sent})
    assert response.status_code == 400, response.text
    assert list(response.json()["global"]) == ["disabled_codecs"]
    assert api.get("global/1/").json()["disabled_codecs"] == before
    rule = api.post("gateway_routing_rule/", {"name": "bad", "priority": 10, "match_string": ".*",
                                              "disabled_codecs": sent})
    assert rule.status_code == 400 and list(rule.json()["gateway_routing_rule"]) == ["disabled_codecs"]


def test_conference_aliases_as_uris_like_the_terraform_provider(api):
    """The provider creates the aliases itself, then sends the conference their URIs."""
    conf = api.create("conference/", {"name": "tf-vmr"})
    other = api.create("conference/", {"name": "tf-other"})
    first = api.create("conference_alias/", {"alias": "tf1@example.com", "conference": other})
    second = api.create("conference_alias/", {"alias": "tf2@example.com", "conference": other})
    response = api.patch(conf, {"aliases": [first, second]})
    assert response.status_code == 202, response.text
    aliases = api.get(conf).json()["aliases"]
    assert sorted(item["alias"] for item in aliases) == ["tf1@example.com", "tf2@example.com"]
    assert sorted(item["id"] for item in aliases) == sorted(int(uri.rstrip("/").rsplit("/", 1)[1])
                                                            for uri in (first, second))
    assert api.get(other).json()["aliases"] == []
    # the same list again changes nothing; a shorter list drops the alias left out
    assert api.patch(conf, {"aliases": [first, second]}).status_code == 202
    assert api.put(conf, dict(api.get(conf).json(), aliases=[first])).status_code in (202, 204)
    assert [item["alias"] for item in api.get(conf).json()["aliases"]] == ["tf1@example.com"]
    # POST with URIs; objects and URIs mixed in one list
    third = api.create("conference_alias/", {"alias": "tf3@example.com", "conference": other})
    created = api.create("conference/", {"name": "tf-new", "aliases": [third, {"alias": "tf4@example.com"}]})
    assert sorted(item["alias"] for item in api.get(created).json()["aliases"]) == [
        "tf3@example.com", "tf4@example.com"]


def test_conference_aliases_as_objects_still_work_and_bad_uris_are_refused(api):
    conf = api.create("conference/", {"name": "obj-vmr", "aliases": [{"alias": "o1@example.com"}]})
    assert [item["alias"] for item in api.get(conf).json()["aliases"]] == ["o1@example.com"]
    for bad in ["/api/admin/configuration/v1/conference_alias/999/", "/api/admin/configuration/v1/conference/1/", 7]:
        response = api.patch(conf, {"aliases": [bad]})
        assert response.status_code == 400, response.text
        assert list(response.json()["conference"]) == ["aliases"]
    assert [item["alias"] for item in api.get(conf).json()["aliases"]] == ["o1@example.com"]


STATUS = "/api/admin/status/v1/worker_vm/"
NODE_STATUS_FIELDS = {
    "boot_time", "configuration_id", "cpu_capabilities", "cpu_count", "cpu_model", "deploy_status", "hypervisor",
    "id", "last_attempted_contact", "last_updated", "maintenance_mode", "maintenance_mode_reason",
    "max_audio_calls", "max_direct_participants", "max_full_hd_calls", "max_hd_calls", "max_media_tokens",
    "max_sd_calls", "media_load", "media_tokens_used", "name", "node_type", "resource_uri", "signaling_count",
    "sync_status", "system_location", "total_ram", "upgrade_status", "version"}


def _vmware_node(api, location, index):
    body = {"name": "st%02d" % index, "hostname": "st%02d" % index, "domain": "example.test",
            "address": "192.0.2.%d" % (100 + index), "netmask": "255.255.255.0", "gateway": "192.0.2.1",
            "password": "node-secret-pw", "system_location": location, "deployment_type": "VMWARE",
            "host": 1, "host_username": "u", "host_password": "p"}
    response = api.post("worker_vm/", body)
    assert response.status_code == 201, response.text


def test_node_status_has_every_field_and_pages_like_the_configuration_api(api):
    location = api.create("system_location/", {"name": "status-loc"})
    for index in range(23):
        _vmware_node(api, location, index)
    first = api.get(STATUS).json()
    assert first["meta"]["total_count"] == 23 and first["meta"]["limit"] == 20 and first["meta"]["offset"] == 0
    assert len(first["objects"]) == 20 and first["meta"]["previous"] is None
    assert first["meta"]["next"].startswith(STATUS) and "offset=20" in first["meta"]["next"]
    second = api.get(first["meta"]["next"]).json()
    assert len(second["objects"]) == 3 and second["meta"]["next"] is None
    names = [entry["name"] for entry in first["objects"] + second["objects"]]
    assert names == ["st%02d" % index for index in range(23)]
    assert len(api.get(STATUS, params={"limit": 0}).json()["objects"]) == 23
    page = api.get(STATUS, params={"limit": 5, "offset": 10, "name": "st11"}).json()
    assert page["meta"]["total_count"] == 1 and page["objects"] == []
    assert api.get(STATUS, params={"limit": "x"}).status_code == 400
    for entry in first["objects"]:
        assert set(entry) == NODE_STATUS_FIELDS
    deadline = time.time() + 10
    while True:
        entry = api.get(STATUS, params={"name": "st00"}).json()["objects"][0]
        if entry["sync_status"] == "SYNCED":
            break
        assert time.time() < deadline, "the node never synced"
        time.sleep(0.3)
    assert set(entry) == NODE_STATUS_FIELDS
    assert entry["max_media_tokens"] > 0 and entry["media_tokens_used"] == 0 and entry["cpu_model"]
    detail = api.get(entry["resource_uri"]).json()
    assert set(detail) == NODE_STATUS_FIELDS and detail["max_media_tokens"] == entry["max_media_tokens"]
