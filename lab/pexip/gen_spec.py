"""Build lab/pexip/spec.json from the field facts of the reference material.

Run once by a maintainer (the reference folder is not shipped with the project):

    python -m lab.pexip.gen_spec /path/to/reference/pexip/fields-all.json

Only facts are kept: names, types, defaults, choices, limits, relations and
whether a field is required, nullable or read-only. No descriptions are copied.
The lab-specific decisions applied on top of those facts are in the tables
below, each with the reason it exists.
"""
import json
import os
import sys

# Resources the lab serves with plain list/detail CRUD. The singletons (global,
# authentication, registration), the licence/certificate/upgrade/backup endpoints
# and the node resources (worker_vm, management_vm) need behaviour of their own
# and are left out for now.
SERVED = [
    "dns_server", "ntp_server", "syslog_server", "snmp_network_management_system",
    "static_route", "system_location", "h323_gatekeeper", "sip_credential",
    "sip_proxy", "mssip_proxy", "turn_server", "stun_server", "policy_server",
    "conference", "conference_alias", "automatic_participant", "ivr_theme",
    "gateway_routing_rule", "device", "ldap_sync_source", "ldap_sync_field",
    "role", "ldap_role",
]

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
    ("system_location", "name"), ("ivr_theme", "name"),
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
}

# Fields the server fills in itself; anything sent for them is ignored.
AUTO = {
    "creation_time": "now_on_create",
    "last_updated": "now_on_save",
    "uuid": "uuid4",
    "scheduled_conferences_count": "zero",
}
READ_ONLY = {("conference", "scheduled_conferences"), ("ivr_theme", "gateway_routing_rule")}

# Fields that must match a pattern (the PIN rule: 4-20 digits, optional final '#').
PATTERNS = {
    ("conference", "pin"): "pin", ("conference", "guest_pin"): "pin",
}

TYPE_MAP = {"string": "string", "integer": "integer", "boolean": "boolean",
            "datetime": "datetime", "file": "file", "related": "related",
            "dict": "json", "list": "json", "date": "string", "time": "string"}


def field_spec(resource, name, facts, served):
    kind = TYPE_MAP[facts["type"]]
    key = (resource, name)
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
    if facts.get("write_only_or_not_returned") is True:
        spec["write_only"] = True
    return spec


def build(facts_all):
    served = set(SERVED + SINGLETONS)
    out = {}
    for resource in SERVED + SINGLETONS:
        fields = {}
        for name, facts in sorted(facts_all[resource]["fields"].items()):
            if name in ("id", "resource_uri") or facts.get("deprecated"):
                continue
            fields[name] = field_spec(resource, name, facts, served)
        out[resource] = {"fields": fields}
        if resource in SINGLETONS:
            out[resource]["singleton"] = True
    return out


def main(argv):
    source = argv[1] if len(argv) > 1 else "/work/shared/reference/pexip/fields-all.json"
    with open(source, encoding="utf-8") as handle:
        facts_all = json.load(handle)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(build(facts_all), handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("wrote", target)


if __name__ == "__main__":
    main(sys.argv)
