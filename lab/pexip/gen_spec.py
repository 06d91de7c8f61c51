"""Build lab/pexip/spec.json from the field facts of the reference material.

Run once by a maintainer (the reference folder is not shipped with the project):

    python -m lab.pexip.gen_spec /path/to/reference/pexip

It reads current/resources.json (every configuration resource of current
versions) and, only for what the current facts no longer have, the older
fields-all.json next to it: the legacy resource host_system, and the
``required`` flag of fields of older resources where the current facts leave it
open. It also writes lab/pexip/shapes.json from current/resources.json and
current/status.json: for every configuration and status resource of the
product, the type and the GET/write shape of each field.
tests/lab/pexip/test_reference_shapes.py walks it and holds every answer of the
lab to it.

Only facts are kept: names, types, defaults, choices, limits, relations and
whether a field is required, nullable, read-only, write-only, hashed or unique.
No descriptions are copied. What the facts decide is derived below (methods,
singletons, detail keys, nested and embedded fields, write-only and hashed
fields, uniqueness, uploads); the lab-specific decisions applied where the facts
leave something open are in the tables, each with the reason it exists.
"""
import json
import os
import sys

# Resources that current versions no longer have, served by the lab from the
# older facts (lab/README.md: the resource availability knob switches them off).
LEGACY = ["host_system"]

# Resources with behaviour of their own (lab/pexip/platform.py): the Management
# Node, licensing, certificates, permissions, the VM manager, backups, upgrade,
# software bundles, and the resources whose answers differ from plain CRUD
# (oauth2_client's POST answer, uploads, gms_gateway_token's DELETE, ...).
PLATFORM = [
    "management_vm", "licence", "licence_request", "ca_certificate", "tls_certificate",
    "permission", "host_system", "system_backup", "upgrade", "upgrade_request",
    "software_bundle", "software_bundle_revision", "oauth2_client", "gms_gateway_token",
    "media_library_entry", "webapp_branding", "system_syncpoint",
]

# host_system has no field facts in the reference material; this minimal set is
# the lab's own guess (documented in lab/README.md).
GUESSED_FACTS = {
    "host_system": {"fields": {
        "name": {"type": "string", "required": True, "max_length": 250},
        "description": {"type": "string", "default": "", "max_length": 250},
        "host_type": {"type": "string", "default": "vcenter", "max_length": 100},
        "address": {"type": "string", "required": True, "max_length": 255},
        "username": {"type": "string", "default": "", "max_length": 100},
        "password": {"type": "string", "default": "", "max_length": 100,
                     "write_only_or_not_returned": True},
    }},
}

# How GET shows a write-only field, where a fact says something other than
# "left out" (the default): tls_certificate's passphrase comes back blank
# (NOTES: "returned blank").
RENDER = {
    ("tls_certificate", "private_key_passphrase"): "blank",
}

# Defaults that the reference document's example output shows differently from
# the field facts; the document wins (a new VMR reads back host_view set).
DEFAULT_OVERRIDES = {
    ("conference", "host_view"): "one_main_seven_pips",
}

# Natural keys the lab enforces as unique although no fact says so (the
# assumed lookup keys of the older resources, kept from earlier lab versions:
# clients find these objects by them). Fields with ``unique: true`` and the
# documented natural keys (natural_key_basis "documented") are unique anyway.
UNIQUE = {
    ("conference", "name"), ("conference_alias", "alias"),
    ("system_location", "name"), ("ivr_theme", "name"), ("worker_vm", "name"),
    ("ca_certificate", "certificate"), ("tls_certificate", "certificate"),
    ("licence", "fulfillment_id"), ("host_system", "name"),
}

# Where both sides of a relation are to-many, which side stores it (the other
# is its reverse); a to-many field whose target points back with a to-one
# field is derived as the reverse side without a table entry.
# ivr_theme.gateway_routing_rule: the facts type both sides to-one; the lab
# stores gateway_routing_rule.ivr_theme and answers the theme's side as a list.
REVERSE = {
    ("conference", "automatic_participants"): ("automatic_participant", "conference"),
    ("user_group", "users"): ("end_user", "user_groups"),
    ("ivr_theme", "gateway_routing_rule"): ("gateway_routing_rule", "ivr_theme"),
}

# Nested objects on GET show only these keys (the nested alias keys follow the
# example output of the reference document); every other nested field shows
# the whole object.
NESTED_KEYS = {
    ("conference", "aliases"): ["alias", "conference", "description", "id"],
}

# Fields the server fills in itself; anything sent for them is ignored. uuid
# fields the facts mark writable (the SDK sends them) are taken when sent and
# generated when not ("uuid4_default").
AUTO = {
    "creation_time": "now_on_create",
    "last_updated": "now_on_save",
    "uuid": "uuid4",
    "scheduled_conferences_count": "zero",
}
AUTO_FIELDS = {
    ("oauth2_client", "client_id"): "client_id",
}
# Read-only where the facts leave it open (readonly null: the provider marks it
# computed-only while the SDK sends it) and the lab computes the value itself.
READ_ONLY = {("ivr_theme", "gateway_routing_rule"), ("tls_certificate", "nodes"),
             ("licence", "vendor_dictionary"), ("licence_request", "actions"),
             ("licence_request", "generation_time"), ("licence_request", "reference"),
             ("licence_request", "sequence_number"), ("licence_request", "status"),
             ("mjx_exchange_deployment", "mjx_integrations"),
             ("mjx_google_deployment", "mjx_integrations"),
             ("mjx_graph_deployment", "mjx_integrations"),
             # the Management Node's network identity: the provider marks these
             # computed-only while the SDK sends them; the lab keeps the identity
             # it was installed with, as earlier lab versions did
             ("management_vm", "address"), ("management_vm", "netmask"), ("management_vm", "gateway"),
             ("management_vm", "hostname"), ("management_vm", "domain"), ("management_vm", "initializing")}

# Fields that must match a pattern (the PIN rule: 4-20 digits, optional final '#'),
# or be a valid regular expression (the schema page calls these fields regular expressions).
PATTERNS = {
    ("conference", "pin"): "pin", ("conference", "guest_pin"): "pin",
    ("gateway_routing_rule", "match_string"): "regex",
    ("conference", "match_string"): "regex", ("conference", "post_match_string"): "regex",
}

# Field facts' format validators the lab enforces: IPAddress (an IPv4 or IPv6 address).
FORMATS = {"IPAddress": "ip"}

# Fields whose required flag no fact gives (required: null) and the older facts
# do not give either: the lab makes a field required only when it is the
# resource's natural key (a named object needs its name) or a to-one link to
# the parent object that the SDK always sends and that cannot be null; every
# other such field is optional with its type's default. Exceptions (reason):
REQUIRED_OVERRIDES = {
    # a credential without its key id or key names nothing; the SDK always sends both
    ("pexip_streaming_credential", "public_key"): True,
    # uuid is generated when not sent (AUTO uuid4_default)
    ("scheduled_alias", "uuid"): False, ("telehealth_profile", "uuid"): False,
}

TYPE_MAP = {"string": "string", "integer": "integer", "boolean": "boolean",
            "datetime": "datetime", "file": "file", "related": "related", "to_many": "related",
            "dict": "json", "list": "json", "date": "string", "time": "string", "float": "float"}

# Fields the facts type as text that the endpoint takes as a multipart file upload.
FILE_FIELDS = {("upgrade", "package")}


def _old_to_current(facts):
    """A field of the older facts (fields-all.json) in the vocabulary of current/resources.json."""
    out = dict(facts)
    out["readonly"] = facts.get("read_only")
    out["related_to"] = facts.get("related_resource")
    if facts["type"] == "related" and facts.get("to_many"):
        out["type"] = "to_many"
    if facts.get("write_only_or_not_returned") is True:
        out["write_only"] = True
    if facts.get("format_validators"):
        out["format"] = facts["format_validators"]
    return out


def _reverse_of(resources, resource, name, facts):
    """(resource, field) that stores this relation when ``name`` is its reverse side."""
    key = (resource, name)
    if key in REVERSE:
        return REVERSE[key]
    if facts["type"] != "to_many" or facts.get("related_to") not in resources:
        return None
    target = facts["related_to"]
    back = [other for other, f in resources[target]["fields"].items()
            if f.get("related_to") == resource and f["type"] == "related"]
    if len(back) == 1 and target != resource:
        return (target, back[0])
    return None


def _required(resource, name, facts, res, old):
    if facts.get("required") is not None:
        return bool(facts["required"])
    if (resource, name) in REQUIRED_OVERRIDES:
        return REQUIRED_OVERRIDES[(resource, name)]
    old_fields = (old.get(resource) or {}).get("fields") or {}
    if old_fields.get(name, {}).get("required") is not None:
        return bool(old_fields[name]["required"])
    if name == res.get("natural_key") and res.get("natural_key_basis") in ("assumed", "documented"):
        return True
    return (facts["type"] == "related" and bool(facts.get("sdk_create_always_sends"))
            and not facts.get("nullable"))


def field_spec(resource, name, facts, res, resources, old):
    key = (resource, name)
    kind = "file" if key in FILE_FIELDS else TYPE_MAP[facts["type"]]
    spec = {"type": kind}
    auto = AUTO_FIELDS.get(key) or AUTO.get(name)
    if auto == "uuid4" and facts.get("readonly") is False:
        auto = "uuid4_default"
    readonly = (facts.get("readonly") is True or key in READ_ONLY
                or (auto is not None and auto != "uuid4_default"))
    required = _required(resource, name, facts, res, old) and not readonly
    nullable = facts.get("nullable")
    default = facts.get("default")
    if key in DEFAULT_OVERRIDES:
        default = DEFAULT_OVERRIDES[key]
    if kind == "related":
        spec["to"] = facts["related_to"]
        spec["to_many"] = facts["type"] == "to_many"
        embedded = facts.get("embedded_schema")
        spec["served_target"] = not embedded
        reverse = _reverse_of(resources, resource, name, facts)
        if reverse:
            spec["reverse_of"] = list(reverse)
        go_type = (facts.get("sdk_go_type") or "string").lstrip("*[]")
        if facts.get("get_shape") in ("nested_object", "nested_object_list") or (
                not embedded and go_type != "string"):
            spec["nested"] = True
            if key in NESTED_KEYS:
                spec["nested_keys"] = NESTED_KEYS[key]
        nullable = not required and not spec["to_many"]
        if spec["to_many"] or reverse:
            default = default if isinstance(default, list) else []
        else:
            default = None
        if embedded:
            spec["embedded"] = {sub: TYPE_MAP.get(f["type"], "string")
                                for sub, f in sorted(embedded["fields"].items())}
            if spec["to_many"]:
                first = sorted(embedded["fields"])[0]
                default = [item if isinstance(item, dict) else {first: item} for item in default]
    elif kind == "string":
        if nullable is None:
            nullable = False
        if default is None and not nullable and not required:
            default = ""
    elif kind == "boolean":
        nullable = bool(nullable)
        if default is None and not nullable:
            default = False
    elif kind in ("integer", "float", "datetime", "json"):
        if default is None and not required:
            nullable = True
        nullable = bool(nullable)
    elif kind == "file":
        nullable = True
    spec.update({"required": required, "nullable": bool(nullable),
                 "readonly": readonly, "default": default})
    for limit in ("choices", "min_length", "max_length", "min", "max"):
        if facts.get(limit) is not None:
            spec[limit] = facts[limit]
    if kind == "file":
        spec.pop("min_length", None)  # a file's length is its size: a non-empty upload is checked instead
    if (facts.get("unique") is True or key in UNIQUE or (
            name == res.get("natural_key") and res.get("natural_key_basis") == "documented")):
        spec["unique"] = True
    if auto:
        spec["auto"] = auto
    if key in PATTERNS:
        spec["pattern"] = PATTERNS[key]
    for validator in facts.get("format") or ():
        if validator in FORMATS:
            spec["format"] = FORMATS[validator]
    if facts.get("get_returns") == "hash":
        spec["render"] = "hash"
    elif facts.get("get_returns") == "only_in_create_response":
        spec["render"] = "create_response"
    elif facts.get("write_only") is True:
        spec["write_only"] = True
        # an uploaded file shows as null (as earlier lab versions did for theme packages)
        spec["render"] = "null" if kind == "file" else RENDER.get(key, "omit")
    if key == ("tls_certificate", "nodes"):
        spec["default"] = []
    return spec


def _methods(res):
    return {"list": [m.lower() for m in res["methods"]["list"]],
            "detail": [m.lower() for m in res["methods"]["detail"]]}


def build(resources, old):
    """spec.json: every resource of ``resources`` (current facts) plus LEGACY from ``old``."""
    legacy = {name: {"fields": {field: _old_to_current(facts)
                                for field, facts in GUESSED_FACTS.get(name, old.get(name))["fields"].items()},
                     "methods": {"list": ["GET", "POST", "PUT", "DELETE", "PATCH"],
                                 "detail": ["GET", "POST", "PUT", "DELETE", "PATCH"]},
                     "detail_key": "id", "natural_key": "name", "natural_key_basis": "assumed"}
              for name in LEGACY}
    everything = dict(resources, **legacy)
    out = {}
    for resource in sorted(everything):
        res = everything[resource]
        fields = {}
        for name, facts in sorted(res["fields"].items()):
            if facts.get("deprecated"):
                continue
            if name in ("id", "resource_uri"):
                continue
            fields[name] = field_spec(resource, name, facts, res, everything, old)
        entry = {"fields": fields, "methods": _methods(res)}
        if res.get("singleton"):
            entry["singleton"] = True
        if resource in PLATFORM:
            entry["platform"] = True
        if resource in LEGACY:
            entry["legacy"] = True
        if res.get("detail_key", "id") != "id":
            entry["detail_key"] = res.get("detail_key")
        if res.get("upload"):
            entry["upload"] = True
        out[resource] = entry
    return out


def _shape(facts, status=False):
    out = {"type": facts.get("type")}
    for key in ("related_to", "get_shape", "write_shape", "nullable"):
        if facts.get(key) is not None:
            out[key] = facts[key]
    if facts.get("embedded_schema"):
        out["embedded"] = sorted(facts["embedded_schema"]["fields"])
    if facts.get("type") in ("related", "to_many") and facts.get("sdk_go_type"):
        out["sdk_go_type"] = facts["sdk_go_type"]
    if not status:
        for key in ("readonly", "write_only", "get_returns", "deprecated"):
            if facts.get(key) is not None:
                out[key] = facts[key]
    return out


def build_shapes(resources, status):
    """Field shapes of the current-version facts (see the module docstring)."""
    return {
        "configuration": {name: {"path": facts["path"],
                                 "fields": {field: _shape(f) for field, f in sorted(facts["fields"].items())}}
                          for name, facts in sorted(resources.items())},
        "status": {name: {"path": facts["path"],
                          "fields": {field: _shape(f, status=True) for field, f in sorted(facts["fields"].items())}}
                   for name, facts in sorted(status.items())},
    }


def _load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _write(name, data):
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("wrote", target)


def main(argv):
    source = argv[1] if len(argv) > 1 else "/work/shared/reference/pexip"
    if source.endswith(".json"):  # the older calling convention: the path of fields-all.json
        source = os.path.dirname(os.path.abspath(source))
    resources = _load(os.path.join(source, "current", "resources.json"))
    status = _load(os.path.join(source, "current", "status.json"))
    old = _load(os.path.join(source, "fields-all.json"))
    _write("spec.json", build(resources, old))
    _write("shapes.json", build_shapes(resources, status))


if __name__ == "__main__":
    main(sys.argv)
