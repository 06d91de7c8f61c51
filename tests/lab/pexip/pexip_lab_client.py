"""Helpers shared by the Pexip lab tests (imported by name: conftest modules clash)."""
import json
import os
import sys

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

API = "/api/admin/configuration/v1/"


class Api:
    """requests against /api/admin/configuration/v1/ with the lab credentials."""

    def __init__(self, env, auth=None):
        self.base = env["PEXIP_URL"]
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.verify = env["PEXIP_CA_PATH"]
        self.session.auth = auth or (env["PEXIP_USERNAME"], env["PEXIP_PASSWORD"])

    def url(self, path):
        if path.startswith(("http://", "https://")):
            return path
        return self.base + (path if path.startswith("/") else API + path)

    def request(self, method, path, body=None, **kwargs):
        if body is not None:
            kwargs["data"] = json.dumps(body)  # like the reference: no Content-Type
        return self.session.request(method, self.url(path), timeout=30, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.request("POST", path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.request("PATCH", path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.request("PUT", path, body, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def create(self, resource, body):
        """POST and return the new object's path."""
        response = self.post(resource, body)
        assert response.status_code == 201, response.text
        return requests.utils.urlparse(response.headers["Location"]).path
