"""Python helpers for tests: read ``.lab/env`` and drive the ``/_lab/`` routes.

    env = read_env()
    lab = LabControl(env["PEXIP_URL"], env["PEXIP_USERNAME"], env["PEXIP_PASSWORD"],
                     env["PEXIP_CA_PATH"])
    lab.reset(); lab.clear_requests()
    lab.add_fault(method="POST", path="/api/admin/configuration/v1/conference/",
                  kind="status", status=503, retry_after=1)
    ...
    assert [w["method"] for w in lab.writes()] == ["POST"]
"""
import os
import shlex

import requests

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_env(path=".lab/env"):
    """The variables exported by ``.lab/env`` as a dict (relative paths from the repo root)."""
    if not os.path.isabs(path) and not os.path.exists(path):
        path = os.path.join(_ROOT, path)
    env = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("export "):
                line = line[len("export "):]
            name, _sep, value = line.partition("=")
            words = shlex.split(value)
            env[name.strip()] = words[0] if words else ""
    return env


class LabControl:
    """Client of one lab server's control routes (request log, faults, reset)."""

    def __init__(self, url, username, password, ca_path, timeout=30):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (username, password)
        # Ignore REQUESTS_CA_BUNDLE & co: they would override the lab CA.
        self.session.trust_env = False
        self.session.verify = ca_path
        self.timeout = timeout

    def _call(self, method, route, **kwargs):
        response = self.session.request(method, self.url + "/_lab/" + route,
                                        timeout=self.timeout, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def requests(self):
        """Every API request since the last clear: method, path, query, status, ts."""
        return self._call("GET", "requests")

    def writes(self):
        return [entry for entry in self.requests() if entry["method"] in WRITE_METHODS]

    def clear_requests(self):
        self._call("DELETE", "requests")

    def add_fault(self, **fault):
        """Queue a fault: method, path (prefix), kind (status|delay|drop|drop_after_commit|
        commit_after_drop), status, retry_after, seconds, count (see lab/README.md)."""
        return self._call("POST", "faults", json=fault)

    def faults(self):
        return self._call("GET", "faults")

    def clear_faults(self):
        self._call("DELETE", "faults")

    def reset(self):
        """Delete all configuration data; ids start again at 1 (Pexip: every resource served again)."""
        self._call("POST", "reset")

    # -- Pexip: which configuration resources the manager has (lab/README.md) --
    def resources(self):
        """{"absent": [...], "served": [...], "legacy": [...]} of the Pexip lab."""
        return self._call("GET", "resources")

    def set_absent_resources(self, names):
        """Make these Pexip resources answer 404 (an older manager for a resource added
        later, or a current one for a legacy resource such as host_system); [] serves all."""
        return self._call("PUT", "resources", json={"absent": list(names)})

    # -- Pexip: the simulated platform (calls on nodes, alarms; lab/README.md) --
    def start_calls(self, node, participants, seconds, conference=None):
        """Put ``participants`` on ``node`` for ``seconds``; 409 (HTTPError) on a node in maintenance."""
        body = {"node": node, "participants": participants, "seconds": seconds}
        if conference:
            body["conference"] = conference
        return self._call("POST", "calls", json=body)

    def calls(self):
        """The participants still connected."""
        return self._call("GET", "calls")

    def end_calls(self, node=None):
        """End every call, or those on one node; the number of participants that left."""
        return self._call("DELETE", "calls", json={"node": node} if node else None)["ended"]

    def raise_alarm(self, name, node="", level="error", details=""):
        """Raise an alarm (shown by status/v1/alarm/); its status entry."""
        return self._call("POST", "alarms", json={"name": name, "node": node, "level": level, "details": details})

    def alarms(self):
        return self._call("GET", "alarms")

    def clear_alarms(self, **match):
        """Clear the alarms matching ``id`` or ``name``/``node``, or all; how many were cleared."""
        return self._call("DELETE", "alarms", json=match or None)["cleared"]
