"""Build lab/pexip/spec.json from the field facts of the reference material.

Run once by a maintainer (the reference folder is not shipped with the project):

    python -m lab.pexip.gen_spec /path/to/reference/pexip/fields-all.json

It also writes lab/pexip/shapes.json from the current-version facts next to it
(current/resources.json, current/status.json): for every configuration and
status resource of the product, the type and the GET/write shape of each field.
tests/lab/pexip/test_reference_shapes.py walks it and holds every answer of the
lab to it.

Only facts are kept: names, types, defaults, choices, limits, relations and
whether a field is required, nullable or read-only. No descriptions are copied.
The lab-specific decisions applied on top of those facts are in the tables
below, each with the reason it exists.
"""
import json
import os
import sys

# Resources the lab serves with plain list/detail CRUD. The singletons (global,
# authentication, registration) and the PLATFORM resources below need behaviour
# of their own.
SERVED = [
    "dns_server", "ntp_server", "syslog_server", "snmp_network_management_system",
    "static_route", "system_location", "h323_gatekeeper", "sip_credential",
    "sip_proxy", "mssip_proxy", "turn_server", "stun_server", "policy_server",
    "conference", "conference_alias", "automatic_participant", "ivr_theme",
    "gateway_routing_rule", "device", "ldap_sync_source", "ldap_sync_field",
    "role", "ldap_role", "worker_vm", "conference_sync_template",
]

# Resources with behaviour of their own (lab/pexip/platform.py): the Management
# Node, licensing, certificates, permissions, the VM manager, backups and upgrade.
PLATFORM = [
    "management_vm", "licence", "licence_request", "ca_certificate", "tls_certificate",
    "permission", "host_system", "system_backup", "upgrade",
]

# Allowed methods (list, detail) where they differ from full CRUD; from the
# schema-page facts (management_vm: the lab does not let clients add or remove
# the Management Node, so only GET and PATCH of the one that exists).
METHODS = {
    "management_vm": (["get"], ["get", "patch"]),
    "licence": (["get", "post"], ["get", "delete"]),
    "licence_request": (["get"], ["get", "post"]),
    "ca_certificate": (["get", "post", "delete"], ["get", "patch", "delete"]),
    "tls_certificate": (["get", "post", "patch", "delete"], ["get", "patch", "delete"]),
    "permission": (["get"], ["get"]),
    "system_backup": (["get"], ["get", "delete"]),
    "upgrade": (["post"], []),
}

# Detail URIs keyed by something other than the id (the object has no id field);
# None: the resource has no objects to name (upgrade only takes a POST).
DETAIL_KEY = {"licence": "fulfillment_id", "licence_request": "sequence_number",
              "system_backup": "filename", "upgrade": None}

# How GET shows secrets the product does not give back: left out, or blank.
RENDER = {
    ("tls_certificate", "private_key"): "omit",
    ("tls_certificate", "private_key_passphrase"): "blank",
    ("host_system", "password"): "omit",
    ("management_vm", "snmp_authentication_password"): "omit",
    ("management_vm", "snmp_privacy_password"): "omit",
}

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

# Singletons: one object (id 1) that exists from the start; list GET, detail
# GET/PATCH only (NOTES section 2).
SINGLETONS = ["global", "registration", "authentication"]

# Defaults that the reference document's example output shows differently from
# the field facts; the document wins (a new VMR reads back host_view set).
DEFAULT_OVERRIDES = {
    ("conference", "host_view"): "one_main_seven_pips",
}

# Natural keys that the product enforces as unique.
UNIQUE = {
    ("conference", "name"), ("conference_alias", "alias"),
    ("system_location", "name"), ("ivr_theme", "name"), ("worker_vm", "name"),
    ("ca_certificate", "certificate"), ("tls_certificate", "certificate"),
    ("licence", "fulfillment_id"), ("host_system", "name"),
}

# Fields that are the other side of a relation stored on another resource.
REVERSE = {
    ("conference", "aliases"): ("conference_alias", "conference"),
    ("conference", "automatic_participants"): ("automatic_participant", "conference"),
    ("ivr_theme", "conference"): ("conference", "ivr_theme"),
    ("ivr_theme", "gateway_routing_rule"): ("gateway_routing_rule", "ivr_theme"),
}

# Related fields that GET renders as nested objects instead of URIs. The value
# limits the keys of each nested object (None = every field); the nested alias
# keys follow the example output of the reference document.
NESTED_ON_GET = {
    ("conference", "aliases"): ["alias", "conference", "description", "id"],
    ("conference", "ivr_theme"): None,
    ("conference", "automatic_participants"): None,
    ("gateway_routing_rule", "ivr_theme"): None,
    ("global", "default_theme"): None,
    ("system_location", "dns_servers"): None,
    ("system_location", "ntp_servers"): None,
    ("system_location", "syslog_servers"): None,
    ("system_location", "event_sinks"): None,
    ("worker_vm", "static_routes"): None,
    ("management_vm", "dns_servers"): None,
    ("management_vm", "ntp_servers"): None,
    ("management_vm", "syslog_servers"): None,
    ("management_vm", "static_routes"): None,
    ("role", "permissions"): None,
}

# Related fields whose target is an embedded resource (no URI, no objects of its
# own): the value is a list of small objects, on GET and on write. The keys are
# the embedded_schema facts of current/resources.json (disabled_codec: {"value"});
# the SDK types the field []CodecValue.
EMBEDDED = {
    ("global", "disabled_codecs"): ["value"],
    ("gateway_routing_rule", "disabled_codecs"): ["value"],
}

# Fields the server fills in itself; anything sent for them is ignored.
AUTO = {
    "creation_time": "now_on_create",
    "last_updated": "now_on_save",
    "uuid": "uuid4",
    "scheduled_conferences_count": "zero",
}
READ_ONLY = {("conference", "scheduled_conferences"), ("ivr_theme", "gateway_routing_rule"),
             ("tls_certificate", "client_auth_usage"), ("tls_certificate", "server_auth_usage"),
             ("licence", "vendor_dictionary"), ("licence_request", "actions"),
             ("licence_request", "generation_time"), ("licence_request", "reference"),
             ("licence_request", "sequence_number"), ("licence_request", "status")}

# Fields that must match a pattern (the PIN rule: 4-20 digits, optional final '#'),
# or be a valid regular expression (the schema page calls these fields regular expressions).
PATTERNS = {
    ("conference", "pin"): "pin", ("conference", "guest_pin"): "pin",
    ("gateway_routing_rule", "match_string"): "regex",
    ("conference", "match_string"): "regex", ("conference", "post_match_string"): "regex",
}

# Field facts' format validators the lab enforces: IPAddress (an IPv4 or IPv6 address).
FORMATS = {"IPAddress": "ip"}

TYPE_MAP = {"string": "string", "integer": "integer", "boolean": "boolean",
            "datetime": "datetime", "file": "file", "related": "related",
            "dict": "json", "list": "json", "date": "string", "time": "string"}


# Fields the facts type as text that the endpoint takes as a multipart file upload.
FILE_FIELDS = {("upgrade", "package")}


def field_spec(resource, name, facts, served):
    key = (resource, name)
    kind = "file" if key in FILE_FIELDS else TYPE_MAP[facts["type"]]
    spec = {"type": kind}
    readonly = bool(facts.get("read_only")) or name in AUTO or key in READ_ONLY
    required = bool(facts.get("required")) and not readonly
    nullable = facts.get("nullable")
    default = facts.get("default")
    if key in DEFAULT_OVERRIDES:
        default = DEFAULT_OVERRIDES[key]
    if kind == "related":
        spec["to"] = facts["related_resource"]
        spec["to_many"] = bool(facts.get("to_many"))
        spec["served_target"] = facts["related_resource"] in served
        if key in REVERSE:
            spec["reverse_of"] = list(REVERSE[key])
        if key in NESTED_ON_GET:
            spec["nested"] = True
            if NESTED_ON_GET[key]:
                spec["nested_keys"] = NESTED_ON_GET[key]
        nullable = not required and not spec["to_many"]
        if spec["to_many"]:
            default = default if isinstance(default, list) else []
        else:
            default = None
        if key in EMBEDDED:
            keys = EMBEDDED[key]
            spec["embedded"] = keys
            default = [item if isinstance(item, dict) else {keys[0]: item} for item in default]
    elif kind == "string":
        if nullable is None:
            nullable = False
        if default is None and not nullable and not required:
            default = ""
    elif kind == "boolean":
        nullable = bool(nullable)
        if default is None and not nullable:
            default = False
    elif kind in ("integer", "datetime", "json"):
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
    if key in UNIQUE:
        spec["unique"] = True
    if name in AUTO:
        spec["auto"] = AUTO[name]
    if key in PATTERNS:
        spec["pattern"] = PATTERNS[key]
    for validator in facts.get("format_validators") or ():
        if validator in FORMATS:
            spec["format"] = FORMATS[validator]
    if facts.get("write_only_or_not_returned") is True:
        spec["write_only"] = True
    if key in RENDER:
        spec["render"] = RENDER[key]
    if key == ("tls_certificate", "nodes"):
        spec["default"] = []
    return spec


def build(facts_all):
    facts_all = dict(facts_all, **GUESSED_FACTS)
    served = set(SERVED + SINGLETONS + PLATFORM)
    out = {}
    for resource in SERVED + SINGLETONS + PLATFORM:
        fields = {}
        for name, facts in sorted(facts_all[resource]["fields"].items()):
            if name in ("id", "resource_uri") or facts.get("deprecated"):
                continue
            fields[name] = field_spec(resource, name, facts, served)
        out[resource] = {"fields": fields}
        if resource in SINGLETONS:
            out[resource]["singleton"] = True
        if resource in PLATFORM:
            out[resource]["platform"] = True
        if resource in METHODS:
            out[resource]["methods"] = {"list": METHODS[resource][0], "detail": METHODS[resource][1]}
        if resource in DETAIL_KEY:
            out[resource]["detail_key"] = DETAIL_KEY[resource]
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


def main(argv):
    source = argv[1] if len(argv) > 1 else "/work/shared/reference/pexip/fields-all.json"
    with open(source, encoding="utf-8") as handle:
        facts_all = json.load(handle)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(build(facts_all), handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("wrote", target)
    current = os.path.join(os.path.dirname(os.path.abspath(source)), "current")
    with open(os.path.join(current, "resources.json"), encoding="utf-8") as handle:
        resources = json.load(handle)
    with open(os.path.join(current, "status.json"), encoding="utf-8") as handle:
        status = json.load(handle)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shapes.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(build_shapes(resources, status), handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("wrote", target)


if __name__ == "__main__":
    main(sys.argv)
