"""The lab refuses what the field facts say the product refuses: addresses that are not IP
addresses, regular expressions that do not compile. Nodes use documentation addresses (no listener)."""
import pytest


def _errors(response, resource):
    assert response.status_code == 400, response.text
    return response.json()[resource]


def test_node_address_fields_must_be_ip_addresses(api):
    location = api.create("system_location/", {"name": "val-loc"})
    body = {"name": "val-node", "hostname": "val-node", "domain": "example.test", "address": "not-an-ip",
            "netmask": "255.255.255.0", "gateway": "192.0.2.1", "password": "node-secret-pw",
            "system_location": location, "secondary_address": "also not", "static_nat_address": "",
            "deployment_type": "MANUAL-PROVISION-ONLY"}
    errors = _errors(api.post("worker_vm/", body), "worker_vm")
    assert errors == {"address": ["Enter a valid IPv4 or IPv6 address."],
                      "secondary_address": ["Enter a valid IPv4 or IPv6 address."]}
    assert api.get("worker_vm/").json()["objects"] == []
    body.update(address="192.0.2.20", secondary_address="", netmask="255.255.255.O")
    assert list(_errors(api.post("worker_vm/", body), "worker_vm")) == ["netmask"]
    body.update(netmask="255.255.255.0")
    created = api.post("worker_vm/", body)
    assert created.status_code == 201, created.text
    node = api.get("worker_vm/").json()["objects"][0]
    assert list(_errors(api.patch("worker_vm/%d/" % node["id"], {"gateway": "gw"}), "worker_vm")) == ["gateway"]


@pytest.mark.parametrize("resource, body, field", [
    ("dns_server/", {"address": "dns.example.com"}, "address"),
    ("static_route/", {"name": "r1", "address": "198.51.100.0", "prefix": 24, "gateway": "router"}, "gateway"),
    ("static_route/", {"name": "r2", "address": "net", "prefix": 24, "gateway": "192.0.2.1"}, "address"),
])
def test_ip_address_fields_of_other_resources(api, resource, body, field):
    name = resource.rstrip("/")
    assert list(_errors(api.post(resource, body), name)) == [field]
    assert api.get(resource).json()["objects"] == []


def test_ipv4_and_ipv6_addresses_are_accepted(api):
    assert api.post("dns_server/", {"address": "192.0.2.53"}).status_code == 201
    assert api.post("dns_server/", {"address": "2001:db8::53"}).status_code == 201
    assert api.post("static_route/", {"name": "v6", "address": "2001:db8:1::", "prefix": 32,
                                      "gateway": "2001:db8::1"}).status_code == 201


@pytest.mark.parametrize("field", ["match_string", "post_match_string"])
def test_conference_regular_expressions_must_compile(api, field):
    errors = _errors(api.post("conference/", {"name": "vr", "service_type": "two_stage_dialing", field: "(["}),
                     "conference")
    assert list(errors) == [field] and "regular expression" in errors[field][0]
    assert api.post("conference/", {"name": "vr", field: r"(\d{4})@example\.com"}).status_code == 201
