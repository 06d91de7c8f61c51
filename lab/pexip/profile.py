"""Lab profiles: which plausible product behaviour the lab Management Node shows
where the reference leaves a point open.

``LAB_PEXIP_PROFILE`` (read once at start, from the environment the launcher
passes on) chooses one:

* ``default``: what the lab always did (generous filtering, max_limit 10000,
  a ``Location`` on every creation, ...);
* ``strict``: the other plausible choice at each point below, so that the
  modules are tested against both readings of the product.

``GET /_lab/profile`` shows the profile and each of its choices.
"""
import os

PROFILES = ("default", "strict")

# point -> (default profile, strict profile): what each profile does
CHOICES = {
    "filtering": (
        "every scalar field filters with all tastypie lookups, relations by id or URI",
        "only id and name filter (schema 'filtering'); any other filter is "
        "400 {\"error\": \"The 'x' field does not allow filtering.\"} as stock tastypie answers"),
    "max_limit": ("10000 (limit=0 and larger limits give 10000 per page)",
                  "1000, stock tastypie (limit=0 and larger limits give 1000 per page)"),
    "creation_location": (
        "every 201 has a Location header",
        "no Location on the POST of MANUAL, MANUAL-ESXI4, MANUAL-HYPERV2012 worker_vms and of licences"),
    "embedded_resource_uri": (
        "nested automatic_participants carry their resource_uri",
        "nested automatic_participants have an empty resource_uri (their id only)"),
    "conference_aliases_on_update": (
        "PATCH/PUT of a conference takes aliases as objects or URIs",
        "PATCH/PUT of a conference takes aliases as conference_alias URIs only (objects only on create)"),
    "worker_vm_status": (
        "status ids are configuration id + 1000; the list filters on configuration_id, name, sync_status, id",
        "status id = configuration id (status/v1/worker_vm/<configuration id>/); the list filters on name only"),
}


def _read():
    name = (os.environ.get("LAB_PEXIP_PROFILE") or "default").strip().lower()
    if name not in PROFILES:
        raise SystemExit("LAB_PEXIP_PROFILE must be one of %s, got %r" % (", ".join(PROFILES), name))
    return name


NAME = _read()
STRICT = NAME == "strict"
MAX_LIMIT = 1000 if STRICT else 10000


def info():
    index = PROFILES.index(NAME)
    return {"profile": NAME, "profiles": list(PROFILES),
            "choices": dict((point, both[index]) for point, both in sorted(CHOICES.items()))}


def control(method, body):
    """The /_lab/profile control route (read-only: the profile is chosen at start)."""
    if method == "GET":
        return 200, info()
    return 405, {"error": "GET only: the profile is chosen at start with LAB_PEXIP_PROFILE"}
