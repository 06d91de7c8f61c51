"""A list page shows each object exactly as its detail answer does, for every resource.

The lab builds list pages from database rows (lab/pexip/fastlist.py) and detail answers
from model instances (lab/pexip/codec.py): this holds the two to each other, with one
object (or more) of every resource made as tests/lab/pexip/test_all_resources.py makes
them, plus objects that use every kind of field: nested aliases and automatic
participants, a nested related object, related URIs, hashed secrets, write-only fields,
a detail key other than the id. Both profiles (the strict one blanks the resource_uri of
nested automatic participants).
"""
import os
import subprocess
import sys

from pexip_lab_client import ROOT, Api
from test_all_resources import CURRENT, SINGLETONS, Maker
from test_strict_profile import strict_env  # noqa: F401  pylint: disable=unused-import  # the strict lab fixture

from lab.control import LabControl

# Resources whose objects clients cannot make with a plain POST (tests of their own).
NOT_MADE = set(SINGLETONS) | {"upgrade", "system_syncpoint", "management_vm", "licence_request",
                              "permission", "software_bundle", "software_bundle_revision",
                              "system_backup", "upgrade_request"}


def _made(strict):
    """The resources _populate makes (the strict profile answers a licence POST without
    a Location: test_strict_profile.py)."""
    return [resource for resource in CURRENT
            if resource not in NOT_MADE and not (strict and resource == "licence")]


def _populate(api, strict):
    """One object of every resource clients can make, and a few that use every kind of field."""
    maker = Maker(api)
    for resource in _made(strict):
        maker.uri(resource)
    participant = maker.uri("automatic_participant")
    theme = maker.uri("ivr_theme")
    rich = api.post("conference/", {
        "name": "rich room", "pin": "1234", "ivr_theme": theme, "automatic_participants": [participant],
        "aliases": [{"alias": "rich@example.com", "description": "first"}, {"alias": "7001"}]})
    assert rich.status_code == 201, rich.text
    bare = api.post("conference/", {"name": "bare room", "aliases": []})
    assert bare.status_code == 201, bare.text
    for resource, field in (("policy_server", "password"), ("smtp_server", "password"),
                            ("event_sink", "password")):
        body = dict(maker.body(resource), **{field: "clear-secret"})
        body["name"] += " with secret"
        response = api.post(resource + "/", body)
        assert response.status_code == 201, (resource, response.text)
    user = dict(maker.body("end_user"), user_groups=[maker.uri("user_group")])
    user["primary_email_address"] = "second@example.com"
    response = api.post("end_user/", user)
    assert response.status_code == 201, response.text
    brand = maker.uri("webapp_branding")
    alias = dict(maker.body("webapp_alias"), branding=brand, slug="branded")
    response = api.post("webapp_alias/", alias)
    assert response.status_code == 201, response.text


def _listing(api, resource, query=""):
    response = api.get(resource + "/?limit=0" + query)
    assert response.status_code == 200, (resource, response.text)
    return response.json()


def _check_every_resource(api):
    """Every listed object equals its detail answer; returns {resource: objects}."""
    root = api.get("").json()
    listed = {}
    for resource in sorted(root):
        schema = api.get(resource + "/schema/").json()
        if "get" not in schema["allowed_list_http_methods"]:
            continue
        page = _listing(api, resource)
        assert page["meta"]["total_count"] == len(page["objects"]), resource
        listed[resource] = page["objects"]
        if "get" not in schema["allowed_detail_http_methods"]:
            continue
        for obj in page["objects"]:
            detail = api.get(obj["resource_uri"])
            assert detail.status_code == 200, (resource, obj["resource_uri"])
            assert obj == detail.json(), resource
    return listed


def _check(api, strict):
    _populate(api, strict)
    listed = _check_every_resource(api)
    assert [resource for resource in _made(strict) if not listed.get(resource)] == []
    rooms = {room["name"]: room for room in listed["conference"]}
    rich = rooms["rich room"]
    assert [(a["alias"], a["description"]) for a in rich["aliases"]] == [("rich@example.com", "first"), ("7001", "")]
    assert all(a["conference"] == rich["resource_uri"] and a["id"] for a in rich["aliases"])
    assert rich["ivr_theme"]["resource_uri"].startswith("/api/admin/configuration/v1/ivr_theme/")
    assert [p["resource_uri"] for p in rich["automatic_participants"]] == ([""] if strict else [
        api.get("automatic_participant/").json()["objects"][0]["resource_uri"]])
    assert rooms["bare room"]["aliases"] == [] and rooms["bare room"]["ivr_theme"] is None
    assert any(p.get("password", "").startswith("$6$") for p in listed["policy_server"])
    assert all("password" not in sink for sink in listed["event_sink"])
    assert any(user["user_groups"] for user in listed["end_user"])
    assert any(isinstance(alias["branding"], dict) and alias["branding"]["uuid"] for alias in listed["webapp_alias"])
    assert all("id" not in brand for brand in listed["webapp_branding"])
    # the page the paginator chooses: offset, limit, ordering and (default profile) filters
    every = _listing(api, "conference", "&order_by=-name")["objects"]
    assert [room["name"] for room in every] == sorted((room["name"] for room in every), reverse=True)
    window = api.get("conference/?limit=2&offset=1&order_by=-name").json()
    assert window["objects"] == every[1:3] and window["meta"]["total_count"] == len(every)
    named = api.get("conference/?name=rich%20room").json()
    assert named["objects"] == [rich] and named["meta"]["total_count"] == 1


def test_list_pages_equal_detail_answers_for_every_resource(api):
    _check(api, strict=False)


def test_list_pages_equal_detail_answers_for_every_resource_in_the_strict_profile(strict_env):  # noqa: F811
    control = LabControl(strict_env["PEXIP_URL"], strict_env["PEXIP_USERNAME"], strict_env["PEXIP_PASSWORD"],
                         strict_env["PEXIP_CA_PATH"])
    control.reset()
    _check(Api(strict_env), strict=True)


def test_every_resource_is_listed_from_rows(tmp_path):
    """No resource falls back to building model instances for its list pages."""
    code = ("import sys; from lab.pexip import db; db.setup(sys.argv[1]); "
            "from lab.pexip import fastlist, spec; "
            "print(','.join(r for r in spec.RESOURCES if fastlist.plan(r) is None))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=ROOT), check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
