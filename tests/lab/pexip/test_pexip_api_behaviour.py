"""Tastypie behaviour of the lab API: lists, filters, schema, writes, errors."""
import requests

from pexip_lab_client import API, Api

CONF = API + "conference/"


def _names(response):
    return [item["name"] for item in response.json()["objects"]]


def _bulk(api, count, prefix="vmr"):
    objects = [{"name": "%s%03d" % (prefix, n)} for n in range(count)]
    assert api.patch("conference/", {"objects": objects}).status_code == 202


def test_pagination_follows_meta_next(api):
    _bulk(api, 45)
    first = api.get("conference/").json()
    assert first["meta"] == {"limit": 20, "next": CONF + "?limit=20&offset=20", "offset": 0,
                             "previous": None, "total_count": 45}
    seen, page = [], first
    while True:
        seen += [vmr["name"] for vmr in page["objects"]]
        if not page["meta"]["next"]:
            break
        assert page["meta"]["next"].startswith(CONF + "?")
        page = api.get(page["meta"]["next"]).json()
    assert seen == ["vmr%03d" % n for n in range(45)]
    window = api.get("conference/?limit=5&offset=40").json()
    assert [vmr["name"] for vmr in window["objects"]] == ["vmr%03d" % n for n in range(40, 45)]
    assert window["meta"]["next"] is None and window["meta"]["previous"]
    everything = api.get("conference/?limit=0").json()
    assert everything["meta"]["limit"] == 10000 and len(everything["objects"]) == 45


def test_order_by_and_lookups(api):
    for name, kind in [("Beta", "lecture"), ("alpha", "conference"), ("Gamma", "conference")]:
        api.create("conference/", {"name": name, "service_type": kind, "participant_limit": len(name)})
    assert _names(api.get("conference/?order_by=name")) == ["Beta", "Gamma", "alpha"]
    assert _names(api.get("conference/?order_by=-id")) == ["Gamma", "alpha", "Beta"]
    assert _names(api.get("conference/?name__startswith=B")) == ["Beta"]
    assert _names(api.get("conference/?name__istartswith=a")) == ["alpha"]
    assert _names(api.get("conference/?name__contains=amm")) == ["Gamma"]
    assert _names(api.get("conference/?name__icontains=A")) == ["Beta", "alpha", "Gamma"]
    assert _names(api.get("conference/?name__in=alpha,Gamma")) == ["alpha", "Gamma"]
    assert _names(api.get("conference/?participant_limit__lt=5")) == ["Beta"]
    assert _names(api.get("conference/?participant_limit__gte=5")) == ["alpha", "Gamma"]
    assert _names(api.get("conference/?service_type=lecture&name=Beta")) == ["Beta"]
    assert api.get("conference/?order_by=nonsense").status_code == 400


def test_filter_aliases_by_conference_uri_or_id(api):
    api.create("conference/", {"name": "one", "aliases": [{"alias": "a1"}, {"alias": "a2"}]})
    api.create("conference/", {"name": "two", "aliases": [{"alias": "b1"}]})
    by_uri = api.get("conference_alias/?conference=" + CONF + "2/").json()["objects"]
    assert [alias["alias"] for alias in by_uri] == ["b1"]
    by_id = api.get("conference_alias/?conference=1").json()["objects"]
    assert [alias["alias"] for alias in by_id] == ["a1", "a2"]


def test_schema_and_api_root(api):
    schema = api.get("conference/schema/").json()
    assert schema["default_limit"] == 20
    assert set(schema["allowed_list_http_methods"]) == {"get", "post", "put", "patch", "delete"}
    assert "delete" in schema["allowed_detail_http_methods"]
    assert schema["filtering"]["name"] == 1 and "name" in schema["ordering"]
    service_type = schema["fields"]["service_type"]
    assert service_type["default"] == "conference"
    assert service_type["valid_choices"] == ["conference", "lecture", "two_stage_dialing",
                                             "test_call", "media_playback"]
    for key in ("type", "nullable", "blank", "readonly", "unique", "default", "help_text"):
        assert key in schema["fields"]["name"]
    assert schema["fields"]["name"]["unique"] is True
    assert schema["fields"]["aliases"]["related_type"] == "to_many"
    assert schema["fields"]["ivr_theme"]["related_type"] == "to_one"
    assert schema["fields"]["resource_uri"]["readonly"] is True
    root = api.get("").json()
    for resource in ("conference", "conference_alias", "automatic_participant", "ivr_theme",
                     "system_location", "dns_server", "ntp_server", "syslog_server"):
        assert root[resource] == {"list_endpoint": API + resource + "/",
                                  "schema": API + resource + "/schema/"}


def test_validation_errors_name_the_field(api):
    cases = [
        ({"name": "x", "service_type": "party"}, "service_type"),
        ({"name": "x" * 251}, "name"),
        ({"name": "x", "max_callrate_in": 64}, "max_callrate_in"),
        ({"name": "x", "participant_limit": "lots"}, "participant_limit"),
        ({"name": "x", "pin": "12"}, "pin"),
        ({"name": "x", "pin": "12ab"}, "pin"),
        ({"name": "x", "allow_guests": "perhaps"}, "allow_guests"),
        ({"service_type": "conference"}, "name"),
        ({"name": "x", "ivr_theme": API + "ivr_theme/99/"}, "ivr_theme"),
    ]
    for body, field in cases:
        response = api.post("conference/", body)
        assert response.status_code == 400, body
        errors = response.json()["conference"]
        assert list(errors) == [field] and isinstance(errors[field], list), body
    assert api.post("conference/", {"name": "ok", "pin": "1234#", "guest_pin": "98765"}).status_code == 201
    assert api.get("conference/").json()["meta"]["total_count"] == 1


def test_missing_reference_and_bad_json(api):
    response = api.post("conference_alias/", {"alias": "x", "conference": CONF + "999/"})
    assert response.status_code == 400
    assert "conference" in response.json()["conference_alias"]
    response = api.session.post(api.url("conference/"), data="{not json", timeout=30)
    assert response.status_code == 400 and "error" in response.json()
    response = api.session.post(api.url("conference/"), data="[1, 2]", timeout=30)
    assert response.status_code == 400 and "error" in response.json()
    assert api.get("conference/999/").status_code == 404
    assert api.patch("conference/999/", {"pin": "1234"}).status_code == 404
    assert api.delete("conference/999/").status_code == 404


def test_unique_natural_keys(api):
    api.create("conference/", {"name": "VMR", "aliases": [{"alias": "meet"}]})
    clash = api.post("conference/", {"name": "VMR"})
    assert clash.status_code == 400 and "name" in clash.json()["conference"]
    clash = api.post("conference/", {"name": "VMR2", "aliases": [{"alias": "meet"}]})
    assert clash.status_code == 400 and "aliases" in clash.json()["conference"]
    clash = api.post("conference_alias/", {"alias": "meet", "conference": CONF + "1/"})
    assert clash.status_code == 400 and "alias" in clash.json()["conference_alias"]
    for resource in ("system_location", "ivr_theme"):
        api.create(resource + "/", {"name": "same"})
        clash = api.post(resource + "/", {"name": "same"})
        assert clash.status_code == 400 and "name" in clash.json()[resource]
    assert api.get("conference/").json()["meta"]["total_count"] == 1


def test_patch_aliases_replaces_the_set(api):
    api.create("conference/", {"name": "VMR", "aliases": [{"alias": "a"}, {"alias": "b"}]})
    kept_id = api.get("conference_alias/?alias=a").json()["objects"][0]["id"]
    assert api.patch("conference/1/", {"aliases": [{"alias": "a"}, {"alias": "c", "description": "new"}]}).status_code == 202
    aliases = api.get("conference/1/").json()["aliases"]
    assert [(a["alias"], a["description"]) for a in aliases] == [("a", ""), ("c", "new")]
    assert aliases[0]["id"] == kept_id
    assert api.patch("conference/1/", {"description": "only this"}).status_code == 202
    assert len(api.get("conference/1/").json()["aliases"]) == 2


def test_bulk_patch_create_update_delete(api):
    api.create("conference/", {"name": "keep"})
    api.create("conference/", {"name": "drop"})
    response = api.patch("conference/", {
        "objects": [{"resource_uri": CONF + "1/", "description": "updated"},
                    {"name": "new", "aliases": [{"alias": "new@example.com"}]}],
        "deleted_objects": [CONF + "2/"]})
    assert response.status_code == 202
    vmrs = api.get("conference/").json()["objects"]
    assert [(v["name"], v["description"]) for v in vmrs] == [("keep", "updated"), ("new", "")]


def test_bulk_patch_is_all_or_nothing(api):
    api.create("conference/", {"name": "existing"})
    response = api.patch("conference/", {"objects": [
        {"name": "fine"}, {"resource_uri": CONF + "1/", "description": "changed"},
        {"name": "bad", "service_type": "nope"}]})
    assert response.status_code == 400
    assert "service_type" in response.json()["conference"]
    vmrs = api.get("conference/").json()["objects"]
    assert [(v["name"], v["description"]) for v in vmrs] == [("existing", "")]


def test_put_replaces_the_object(api):
    api.create("conference/", {"name": "VMR", "description": "old", "pin": "1234"})
    assert api.put("conference/1/", {"name": "VMR", "service_type": "lecture"}).status_code == 204
    vmr = api.get("conference/1/").json()
    assert (vmr["service_type"], vmr["description"], vmr["pin"]) == ("lecture", "", "")


def test_delete_on_root_deletes_everything(api):
    _bulk(api, 3)
    assert api.delete("conference/").status_code == 204
    assert api.get("conference/").json()["meta"]["total_count"] == 0


def test_ids_are_never_reused(api):
    api.create("conference/", {"name": "one"})
    api.delete("conference/1/")
    assert api.create("conference/", {"name": "two"}) == CONF + "2/"


def test_system_location_nested_servers(api):
    dns = api.create("dns_server/", {"address": "192.0.2.53"})
    ntp = api.create("ntp_server/", {"address": "pool.ntp.org"})
    location = api.create("system_location/", {"name": "Oslo", "dns_servers": [dns], "ntp_servers": [ntp]})
    data = api.get(location).json()
    assert data["mtu"] == 1500 and data["bdpm_pin_checks_enabled"] == "GLOBAL"
    assert [server["address"] for server in data["dns_servers"]] == ["192.0.2.53"]
    assert data["ntp_servers"][0]["resource_uri"] == ntp
    bad = api.post("system_location/", {"name": "Bergen", "mtu": 9000})
    assert bad.status_code == 400 and "mtu" in bad.json()["system_location"]


def test_authentication_required(lab_env, lab):
    url = lab_env["PEXIP_URL"] + CONF
    anonymous = requests.get(url, verify=lab_env["PEXIP_CA_PATH"], timeout=30)
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith('Basic realm="')
    wrong = Api(lab_env, auth=("admin", "wrong")).get("conference/")
    assert wrong.status_code == 401
    assert Api(lab_env).get("conference/").status_code == 200


def test_ivr_theme_multipart_create_and_package_is_write_only(api):
    response = api.session.post(api.url("ivr_theme/"), data={"name": "Branded"},
                                files={"package": ("theme.zip", b"PK\x03\x04" + b"x" * 100)}, timeout=30)
    assert response.status_code == 201, response.text
    theme = api.get("ivr_theme/1/").json()
    assert theme["name"] == "Branded" and theme["package"] is None
    assert theme["uuid"] and theme["last_updated"]
    clash = api.session.post(api.url("ivr_theme/"), data={"name": "Branded"},
                             files={"package": ("other.zip", b"PK")}, timeout=30)
    assert clash.status_code == 400 and "name" in clash.json()["ivr_theme"]


def test_rejected_nested_alias_writes_nothing(api):
    bad = api.post("conference/", {"name": "VMR", "aliases": [{"alias": "ok"}, {"alias": "x" * 300}]})
    assert bad.status_code == 400 and "aliases" in bad.json()["conference"]
    assert api.get("conference/").json()["meta"]["total_count"] == 0
    assert api.get("conference_alias/").json()["meta"]["total_count"] == 0


def test_singletons_exist_and_only_patch(api):
    listing = api.get("global/").json()
    assert listing["meta"]["total_count"] == 1
    settings = api.get("global/1/").json()
    assert settings["resource_uri"] == API + "global/1/"
    assert settings["crypto_mode"] == "besteffort"
    assert api.patch("global/1/", {"crypto_mode": "on"}).status_code == 202
    assert api.get("global/1/").json()["crypto_mode"] == "on"
    assert api.post("global/", {}).status_code == 405
    assert api.delete("global/1/").status_code == 405
    bad = api.patch("global/1/", {"crypto_mode": "sometimes"})
    assert bad.status_code == 400 and "crypto_mode" in bad.json()["global"]
    for resource in ("registration", "authentication"):
        assert api.get(resource + "/1/").status_code == 200
