"""The platform resources of the lab: Management Node, licensing, certificates,
permissions, VM manager, backups, upgrade and the platform commands."""
import hashlib
import json
import os

import pytest

from pexip_lab_client import API, ROOT, self_signed

COMMAND = "/api/admin/command/v1/platform/"
# every configuration resource of current versions (shapes.json, from the reference's
# current/resources.json) plus the legacy host_system, served by default
with open(os.path.join(ROOT, "lab", "pexip", "shapes.json"), encoding="utf-8") as _handle:
    ALL_RESOURCES = sorted(json.load(_handle)["configuration"]) + ["host_system"]


def test_root_and_schema_of_every_resource(api):
    root = api.get("").json()
    assert sorted(root) == sorted(ALL_RESOURCES)
    for resource in ALL_RESOURCES:
        assert root[resource] == {"list_endpoint": API + resource + "/", "schema": API + resource + "/schema/"}
        schema = api.get(resource + "/schema/").json()
        assert {"allowed_list_http_methods", "allowed_detail_http_methods", "fields", "filtering",
                "ordering", "default_limit"} <= set(schema), resource
        for name, field in schema["fields"].items():
            assert {"type", "nullable", "readonly", "default", "blank", "unique", "help_text"} <= set(field), (resource, name)
    methods = {name: (api.get(name + "/schema/").json()["allowed_list_http_methods"],
                      api.get(name + "/schema/").json()["allowed_detail_http_methods"])
               for name in ("licence", "system_backup", "upgrade", "permission", "management_vm")}
    assert methods == {"licence": (["get", "post"], ["get", "delete"]),
                       "system_backup": (["get"], ["get", "delete"]), "upgrade": (["post"], []),
                       "permission": (["get"], ["get"]),
                       # current/resources.json: list GET, POST, DELETE; detail GET, POST, DELETE, PATCH
                       "management_vm": (["get", "post", "delete"], ["get", "post", "delete", "patch"])}
    mgr = api.get("management_vm/schema/").json()["fields"]
    assert mgr["enable_ssh"]["valid_choices"] == ["GLOBAL", "OFF", "ON"]
    assert mgr["address"]["readonly"] and mgr["mtu"]["default"] == 1500
    assert "id" not in api.get("licence/schema/").json()["fields"]


def test_management_vm_is_found_by_listing_and_patched(api):
    listing = api.get("management_vm/").json()
    assert listing["meta"]["total_count"] == 1
    mgr = listing["objects"][0]
    assert mgr["id"] != 1 and mgr["resource_uri"] == API + "management_vm/%d/" % mgr["id"]
    assert mgr["primary"] is True and mgr["address"] and mgr["hostname"]
    assert "snmp_authentication_password" not in mgr
    dns = api.create("dns_server/", {"address": "192.0.2.53"})
    uri = mgr["resource_uri"]
    assert api.patch(uri, {"description": "lab manager", "dns_servers": [dns], "address": "198.51.100.1"}).status_code == 202
    after = api.get(uri).json()
    assert after["description"] == "lab manager" and after["address"] == mgr["address"]
    assert [item["address"] for item in after["dns_servers"]] == ["192.0.2.53"]
    bad = api.patch(uri, {"mtu": 100, "enable_ssh": "MAYBE"})
    assert bad.status_code == 400 and set(bad.json()["management_vm"]) == {"mtu", "enable_ssh"}
    assert api.get(uri).json()["mtu"] == 1500
    assert api.put(uri, {"name": "x"}).status_code == 405  # the facts allow no PUT
    assert api.get("management_vm/1/").status_code == 404


def test_management_vm_and_permissions_come_back_after_reset(api, lab):
    api.patch(api.get("management_vm/").json()["objects"][0]["resource_uri"], {"description": "x"})
    lab.reset()
    mgr = api.get("management_vm/").json()["objects"]
    assert len(mgr) == 1 and mgr[0]["description"] == ""
    assert api.get("permission/").json()["meta"]["total_count"] > 0


def test_licence_keyed_by_fulfillment_id(api):
    response = api.post("licence/", {"entitlement_id": "ABCD-1234-EFGH-5678", "offline_mode": False})
    assert response.status_code == 201 and response.text == ""
    path = response.headers["Location"].split("127.0.0.1", 1)[1].split("/", 1)[1]
    licence = api.get("/" + path).json()
    assert "id" not in licence
    assert licence["resource_uri"] == "/" + path == API + "licence/%s/" % licence["fulfillment_id"]
    assert licence["entitlement_id"] == "ABCD-1234-EFGH-5678" and licence["status"]
    assert isinstance(licence["concurrent"], int) and licence["start_date"] < licence["expiration_date"]
    assert api.get("licence/?fulfillment_id=%s" % licence["fulfillment_id"]).json()["meta"]["total_count"] == 1
    again = api.post("licence/", {"entitlement_id": "ABCD-1234-EFGH-5678"})
    assert again.status_code == 400 and list(again.json()["licence"]) == ["entitlement_id"]
    for bad in ("not an id", "x", ""):
        response = api.post("licence/", {"entitlement_id": bad})
        assert response.status_code == 400 and list(response.json()["licence"]) == ["entitlement_id"], bad
    assert api.patch(licence["resource_uri"], {"offline_mode": True}).status_code == 405
    assert api.delete(licence["resource_uri"]).status_code == 204
    assert api.get(licence["resource_uri"]).status_code == 404
    assert api.get("licence/").json()["meta"]["total_count"] == 0


def test_offline_licence_becomes_a_stored_request(api):
    response = api.post("licence/", {"entitlement_id": "OFFL-0000-0001", "offline_mode": True})
    assert response.status_code == 201 and "/licence_request/" in response.headers["Location"]
    assert api.get("licence/").json()["meta"]["total_count"] == 0
    stored = api.get("licence_request/").json()["objects"]
    assert len(stored) == 1 and stored[0]["status"] == "PENDING" and stored[0]["reference"] == "OFFL-0000-0001"
    uri = stored[0]["resource_uri"]
    # no id: the detail key is the sequence number (current/resources.json)
    assert "id" not in stored[0] and uri == API + "licence_request/%s/" % stored[0]["sequence_number"]
    assert response.headers["Location"].endswith(uri)
    assert api.post("licence_request/", {"reference": "x"}).status_code == 405
    assert api.post(uri, {}).status_code == 400
    assert api.post(uri, {"response_xml": "<response/>"}).status_code == 202
    assert api.get(uri).json()["status"] == "COMPLETED"
    assert api.get("licence/").json()["objects"][0]["entitlement_id"] == "OFFL-0000-0001"


def test_ca_certificate_parsed_and_unique(api):
    pem, _key = self_signed("ca.lab.example", serial=77)
    path = api.create("ca_certificate/", {"certificate": pem})
    cert = api.get(path).json()
    assert cert["subject_name"] == "CN=ca.lab.example,O=Lab Test" == cert["issuer_name"]
    assert cert["serial_no"] == "77" and cert["start_date"] == "2025-01-02T03:04:05"
    assert cert["end_date"] == "2026-01-02T03:04:05" and cert["trusted_intermediate"] is False
    assert len(cert["subject_hash"]) == 8 and cert["key_id"] and "ca.lab.example" in cert["text"]
    duplicate = api.post("ca_certificate/", {"certificate": pem})
    assert duplicate.status_code == 400 and list(duplicate.json()["ca_certificate"]) == ["certificate"]
    broken = api.post("ca_certificate/", {"certificate": "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n"})
    assert broken.status_code == 400 and list(broken.json()["ca_certificate"]) == ["certificate"]
    assert api.patch(path, {"trusted_intermediate": True}).status_code == 202
    assert api.get(path).json()["trusted_intermediate"] is True
    other, _key = self_signed("other.lab.example", serial=78)
    assert api.patch(path, {"certificate": other}).status_code == 202
    assert api.get(path).json()["serial_no"] == "78"
    assert api.get("ca_certificate/").json()["meta"]["total_count"] == 1
    assert api.delete(path).status_code == 204


def test_tls_certificate_with_encrypted_key(api):
    pem, key = self_signed("mgr.lab.example", passphrase="s3cret")
    body = {"certificate": pem, "private_key": key, "private_key_passphrase": "wrong"}
    response = api.post("tls_certificate/", body)
    assert response.status_code == 400 and list(response.json()["tls_certificate"]) == ["private_key_passphrase"]
    _other_pem, other_key = self_signed("x.lab.example")
    response = api.post("tls_certificate/", {"certificate": pem, "private_key": other_key})
    assert response.status_code == 400 and list(response.json()["tls_certificate"]) == ["private_key"]
    response = api.post("tls_certificate/", {"certificate": pem})
    assert response.status_code == 400 and list(response.json()["tls_certificate"]) == ["private_key"]
    assert api.get("tls_certificate/").json()["meta"]["total_count"] == 0
    path = api.create("tls_certificate/", dict(body, private_key_passphrase="s3cret"))
    cert = api.get(path).json()
    assert "private_key" not in cert and cert["private_key_passphrase"] == ""
    assert cert["subject_alt_names"] == "mgr.lab.example" and cert["nodes"] == []
    assert cert["server_auth_usage"] is True and cert["client_auth_usage"] is False
    assert api.patch(path, {"parameters": "x"}).status_code == 202
    mgr = api.get("management_vm/").json()["objects"][0]["resource_uri"]
    assert api.patch(mgr, {"tls_certificate": path}).status_code == 202
    assert api.get(mgr).json()["tls_certificate"] == path


def test_permissions_are_read_only(api):
    perms = api.get("permission/?limit=0").json()["objects"]
    assert perms and all(set(item) == {"codename", "id", "name", "resource_uri"} for item in perms)
    assert api.post("permission/", {"name": "x", "codename": "x"}).status_code == 405
    assert api.patch(perms[0]["resource_uri"], {"name": "x"}).status_code == 405
    role = api.create("role/", {"name": "operators", "permissions": [perms[0]["resource_uri"]]})
    # nested permission objects on GET (SDK []Permission), URIs on write
    assert api.get(role).json()["permissions"] == [perms[0]]


def test_host_system_crud_hides_password(api):
    path = api.create("host_system/", {"name": "vcenter1", "address": "vc.lab.example",
                                       "username": "svc", "password": "pw"})
    host = api.get(path).json()
    assert "password" not in host and host["host_type"] == "vcenter"
    assert api.post("host_system/", {"name": "vcenter1", "address": "y"}).status_code == 400
    assert api.post("host_system/", {"name": "nameless"}).json()["host_system"] == {"address": ["This field is required."]}
    assert api.patch(path, {"description": "main"}).status_code == 202
    assert api.delete(path).status_code == 204


def test_backup_create_list_download_restore(api):
    """The envelope profile (lab/pexip/backups.py): 200 with the backup, the file at <uri>download/."""
    assert api.put("/_lab/backups", {"profile": "envelope"}).status_code == 200
    api.create("conference/", {"name": "kept"})
    response = api.post(COMMAND + "backup_create/", {"passphrase": "pass phrase"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "success" and body["data"]["filename"].endswith(".pexbak")
    backups = api.get("system_backup/").json()["objects"]
    assert len(backups) == 1
    backup = backups[0]
    # no id: the detail key is the filename (current/resources.json)
    assert set(backup) == {"build", "date", "filename", "resource_uri", "sha256sum", "size", "type", "version"}
    assert backup["resource_uri"] == API + "system_backup/%s/" % backup["filename"]
    content = api.get(backup["resource_uri"] + "download/").content
    assert len(content) == backup["size"] and hashlib.sha256(content).hexdigest() == backup["sha256sum"]

    api.create("conference/", {"name": "added later"})
    api.delete(api.get("conference/?name=kept").json()["objects"][0]["resource_uri"])
    wrong = api.session.post(api.url(COMMAND + "backup_restore/"), files={"package": ("b.pexbak", content)},
                             data={"passphrase": "not it"}, timeout=30)
    assert wrong.status_code == 400 and list(wrong.json()["backup_restore"]) == ["passphrase"]
    assert [c["name"] for c in api.get("conference/").json()["objects"]] == ["added later"]
    junk = api.session.post(api.url(COMMAND + "backup_restore/"), files={"package": ("b", b"junk")},
                            data={"passphrase": "pass phrase"}, timeout=30)
    assert junk.status_code == 400 and list(junk.json()["backup_restore"]) == ["package"]
    restored = api.session.post(api.url(COMMAND + "backup_restore/"), files={"package": ("b.pexbak", content)},
                                data={"passphrase": "pass phrase"}, timeout=30)
    assert restored.status_code == 200 and restored.json()["status"] == "success"
    assert [c["name"] for c in api.get("conference/").json()["objects"]] == ["kept"]
    assert api.get("system_backup/").json()["meta"]["total_count"] == 1

    assert api.post(COMMAND + "backup_create/", {}).json() == {"backup_create": {"passphrase": ["This field is required."]}}
    assert api.get(COMMAND + "backup_create/").status_code == 405
    assert api.patch(backup["resource_uri"], {"type": "x"}).status_code == 405
    assert api.delete(backup["resource_uri"]).status_code == 204
    assert api.get(backup["resource_uri"] + "download/").status_code == 404
    assert api.get("system_backup/").json()["meta"]["total_count"] == 0


@pytest.mark.parametrize("path", [API + "upgrade/", COMMAND + "upgrade/"])
def test_upgrade_upload(api, path):
    response = api.session.post(api.url(path), files={"package": ("pexip_upgrade.tar", b"x" * 2048)}, timeout=30)
    if path.startswith(API):
        assert response.status_code == 202 and response.text == ""
    else:
        assert response.status_code == 200 and response.json()["status"] == "success"
        assert response.json()["data"] == {"package": "pexip_upgrade.tar", "size": 2048}
    missing = api.post(path, {})
    assert missing.status_code == 400 and list(missing.json()["upgrade"]) == ["package"]
    assert api.get(path).status_code == 405


def test_gateway_rule_match_string_must_be_a_regex(api):
    response = api.post("gateway_routing_rule/", {"name": "bad", "priority": 10, "match_string": "9(.*"})
    assert response.status_code == 400 and list(response.json()["gateway_routing_rule"]) == ["match_string"]
    response = api.post("gateway_routing_rule/", {"name": "bad", "priority": 0, "match_string": "9(.*)"})
    assert list(response.json()["gateway_routing_rule"]) == ["priority"]


def test_command_flags_are_checked(api):
    response = api.post(COMMAND + "backup_create/", {"passphrase": "p", "request": "perhaps"})
    assert response.status_code == 400 and list(response.json()["backup_create"]) == ["request"]
    # a valid flag is taken: 202 under the default backup profile ("accepted"; tests/lab/pexip/test_backups.py)
    assert api.post(COMMAND + "backup_create/", {"passphrase": "p", "request": False}).status_code == 202
    assert "id" not in api.get("upgrade/schema/").json()["fields"]
