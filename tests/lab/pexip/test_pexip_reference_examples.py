"""Every request/response example of the Management configuration API document,
replayed against the lab in the document's order."""
from urllib.parse import urlsplit

CONF = "/api/admin/configuration/v1/conference/"


def test_create_vmr_returns_201_location_and_empty_body(api, lab_env):
    response = api.post("conference/", {"name": "VMR_1", "service_type": "conference"})
    assert response.status_code == 201
    assert response.headers["Location"] == lab_env["PEXIP_URL"] + CONF + "1/"
    assert response.content == b""


def test_get_vmr_matches_example_output(api):
    api.create("conference/", {"name": "VMR_1", "service_type": "conference"})
    api.create("conference_alias/", {"alias": "meet@example.com", "conference": CONF + "1/"})
    response = api.get("conference/1/")
    assert response.status_code == 200
    vmr = response.json()
    expected = {
        "aliases": [{"conference": CONF + "1/", "alias": "meet@example.com",
                     "description": "", "id": 1}],
        "allow_guests": False, "automatic_participants": [], "description": "",
        "force_presenter_into_main": False, "guest_pin": "", "guest_view": None,
        "host_view": "one_main_seven_pips", "id": 1, "ivr_theme": None,
        "max_callrate_in": None, "max_callrate_out": None, "name": "VMR_1",
        "participant_limit": None, "pin": "", "resource_uri": CONF + "1/",
        "service_type": "conference", "sync_tag": "", "tag": "",
    }
    assert {key: vmr[key] for key in expected} == expected


def test_patch_vmr_pin(api):
    api.create("conference/", {"name": "VMR_1", "service_type": "conference"})
    response = api.patch("conference/1/", {"pin": "1234"})
    assert response.status_code == 202
    assert response.content == b""
    assert api.get("conference/1/").json()["pin"] == "1234"


def test_add_alias_to_existing_vmr(api, lab_env):
    api.create("conference/", {"name": "VMR_1", "service_type": "conference"})
    response = api.post("conference_alias/", {"alias": "meet@example.com", "conference": CONF + "1/"})
    assert response.status_code == 201
    assert response.headers["Location"] == lab_env["PEXIP_URL"] + "/api/admin/configuration/v1/conference_alias/1/"
    alias = api.get("conference_alias/1/").json()
    assert alias["alias"] == "meet@example.com" and alias["conference"] == CONF + "1/"


def test_delete_vmr_deletes_its_aliases(api):
    api.create("conference/", {"name": "VMR_1", "aliases": [{"alias": "meet"}, {"alias": "meet@example.com"}]})
    api.create("conference/", {"name": "Other", "aliases": [{"alias": "other"}]})
    response = api.delete("conference/1/")
    assert response.status_code == 204
    assert api.get("conference/1/").status_code == 404
    remaining = api.get("conference_alias/").json()["objects"]
    assert [alias["alias"] for alias in remaining] == ["other"]


def test_create_vmr_with_aliases(api):
    path = api.create("conference/", {"name": "VMR_1", "service_type": "conference",
                                      "aliases": [{"alias": "meet"}, {"alias": "meet@example.com"}]})
    aliases = api.get(path).json()["aliases"]
    assert [alias["alias"] for alias in aliases] == ["meet", "meet@example.com"]
    assert all(set(alias) == {"alias", "conference", "description", "id"} for alias in aliases)
    assert api.get("conference_alias/").json()["meta"]["total_count"] == 2


def test_get_all_and_filter_by_service_type(api):
    api.create("conference/", {"name": "VMR_1", "service_type": "conference"})
    api.create("conference/", {"name": "Lecture", "service_type": "lecture",
                               "aliases": [{"alias": "lecture@example.com"}]})
    api.create("conference/", {"name": "Reception", "service_type": "two_stage_dialing",
                               "aliases": [{"alias": "reception@example.com"}]})
    everything = api.get("conference/").json()["objects"]
    assert [vmr["name"] for vmr in everything] == ["VMR_1", "Lecture", "Reception"]
    only_vmrs = api.get("conference/?service_type=conference").json()
    assert [vmr["name"] for vmr in only_vmrs["objects"]] == ["VMR_1"]
    assert only_vmrs["meta"]["total_count"] == 1


def test_create_multiple_vmrs_with_patch(api):
    data = {"objects": [
        {"name": "VMR_1", "service_type": "conference", "aliases": [{"alias": "meet1@example.com"}]},
        {"name": "VMR_2", "service_type": "conference", "aliases": [{"alias": "meet2@example.com"}]},
    ]}
    response = api.patch("conference/", data)
    assert response.status_code == 202
    assert response.content == b""
    vmrs = api.get("conference/").json()["objects"]
    assert [(vmr["name"], [a["alias"] for a in vmr["aliases"]]) for vmr in vmrs] == [
        ("VMR_1", ["meet1@example.com"]), ("VMR_2", ["meet2@example.com"])]


def test_automatic_participant_lifecycle(api, lab_env):
    api.create("conference/", {"name": "VMR_1"})
    api.create("conference/", {"name": "VMR_2"})
    response = api.post("automatic_participant/", {
        "alias": "myendpoint@mydomain.com", "remote_display_name": "My Name",
        "description": "Dial myendpoint@mydomain.com whenever a related conference starts",
        "protocol": "sip", "role": "guest", "conference": [CONF + "1/"]})
    assert response.status_code == 201
    assert response.headers["Location"] == lab_env["PEXIP_URL"] + "/api/admin/configuration/v1/automatic_participant/1/"
    adp = api.get("automatic_participant/1/").json()
    assert adp["conference"] == [CONF + "1/"]
    assert adp["call_type"] == "video" and adp["keep_conference_alive"] == "keep_conference_alive_if_multiple"
    nested = api.get("conference/1/").json()["automatic_participants"]
    assert [item["alias"] for item in nested] == ["myendpoint@mydomain.com"]

    response = api.patch("automatic_participant/1/", {"conference": [CONF + "1/", CONF + "2/"]})
    assert response.status_code == 202
    assert api.get("automatic_participant/1/").json()["conference"] == [CONF + "1/", CONF + "2/"]

    assert api.patch("automatic_participant/1/", {"conference": []}).status_code == 202
    assert api.get("automatic_participant/1/").json()["conference"] == []
    assert api.get("conference/1/").json()["automatic_participants"] == []

    assert api.delete("automatic_participant/1/").status_code == 204
    assert api.get("automatic_participant/1/").status_code == 404


def test_call_routing_rules(api):
    api.create("gateway_routing_rule/", {
        "name": "Route to Lync", "priority": 50, "match_incoming_calls": True,
        "match_outgoing_calls": False, "match_incoming_h323": True,
        "match_incoming_mssip": False, "match_incoming_sip": True, "match_incoming_webrtc": True,
        "match_string": "9(.*)", "replace_string": "", "called_device_type": "external",
        "outgoing_protocol": "mssip"})
    api.create("gateway_routing_rule/", {
        "name": "Outbound calls to registered devices", "priority": 60,
        "match_incoming_calls": False, "match_outgoing_calls": True,
        "match_string": r".*@mycompany\.com", "replace_string": "",
        "called_device_type": "registration"})
    rules = api.get("gateway_routing_rule/?order_by=-priority").json()["objects"]
    assert [rule["priority"] for rule in rules] == [60, 50]
    assert rules[1]["outgoing_protocol"] == "mssip"
    assert api.delete("gateway_routing_rule/1/").status_code == 204
    assert api.get("gateway_routing_rule/").json()["meta"]["total_count"] == 1


def test_upload_service_theme_and_use_it(api):
    api.create("conference/", {"name": "VMR_1"})
    response = api.post("ivr_theme/", {"name": "New theme"})
    assert response.status_code == 201
    theme_uri = response.headers["location"]
    theme_path = urlsplit(theme_uri).path
    response = api.session.patch(theme_uri, files={"package": ("test_theme.zip", b"PK\x03\x04zip")},
                                 timeout=30)
    assert response.status_code == 202, response.text
    assert api.patch("conference/1/", {"ivr_theme": theme_path}).status_code == 202
    vmr = api.get("conference/1/").json()
    assert vmr["ivr_theme"]["resource_uri"] == theme_path
    assert vmr["ivr_theme"]["name"] == "New theme"
    assert api.get(theme_path).json()["conference"] == [CONF + "1/"]
