"""``/_lab/timing``: how fast the simulated platform moves, per test.

The lab's progressions take a few seconds each by default (an upgrade step per
node, an LDAP sync, a new node until it reports SYNCED), set at start from the
environment. A test that only needs them to happen, not to take long, makes them
faster with ``PUT /_lab/timing {"upgrade_step": 0.05, "ldap_sync": 0.2,
"node_sync": 0.3}``; ``GET`` shows the values in force, ``DELETE`` (and
``/_lab/reset``) goes back to the environment's. A progression already under way
keeps the time it started with. The values are kept in the state dir like the
other live state (lab/pexip/livestate.py), so a lab restart keeps them.
"""
import os

from lab.pexip import livestate

# name -> (environment variable read at start, default seconds)
DEFAULTS = {
    "upgrade_step": ("LAB_PEXIP_UPGRADE_STEP_SECONDS", 0.5),
    "ldap_sync": ("LAB_PEXIP_LDAP_SYNC_SECONDS", 1.0),
    "node_sync": ("LAB_PEXIP_NODE_SYNC_SECONDS", 2.0),
}
STORE = livestate.Store("timing.json", dict)


def _from_environment(name):
    variable, default = DEFAULTS[name]
    try:
        return float(os.environ.get(variable, default))
    except ValueError:
        return default


def seconds(name):
    """The seconds the progression ``name`` takes now: the override, else the environment's."""
    with STORE.lock:
        value = STORE.data.get(name)
    return float(value) if value is not None else _from_environment(name)


def _shown():
    return {name: seconds(name) for name in sorted(DEFAULTS)}


def control(method, body):
    """GET shows the timings, PUT {name: seconds, ...} overrides some, DELETE goes back to the environment's."""
    if method == "GET":
        return 200, _shown()
    if method == "DELETE":
        STORE.reset()
        return 200, _shown()
    if method != "PUT":
        return 405, {"error": "Use GET, PUT or DELETE."}
    if not isinstance(body, dict) or not body:
        return 400, {"error": "Give an object with one or more of: %s" % ", ".join(sorted(DEFAULTS))}
    for name, value in body.items():
        if name not in DEFAULTS:
            return 400, {"error": "unknown timing %r; known: %s" % (name, ", ".join(sorted(DEFAULTS)))}
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 3600:
            return 400, {"error": "%s must be a number of seconds from 0 to 3600" % name}
    with STORE.lock:
        STORE.data.update({name: float(value) for name, value in body.items()})
        STORE.save()
    return 200, _shown()
