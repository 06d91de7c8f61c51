"""Fixtures of the Kazoo lab suite: a private lab server (fresh state, own CA) per session."""
import os
import sys

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from lab.kazoo.testing import start_private_lab  # noqa: E402


@pytest.fixture(scope='session')
def kazoo_lab(tmp_path_factory):
    lab = start_private_lab(str(tmp_path_factory.mktemp('kazoo-lab')))
    yield lab
    lab.stop()


@pytest.fixture
def lab(kazoo_lab):
    kazoo_lab.reset()
    kazoo_lab.clear_faults()
    return kazoo_lab


class Api(object):
    def __init__(self, lab, token=None):
        self.lab = lab
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.verify = lab.ca_path
        self.token = token if token is not None else lab.token()

    def __call__(self, method, path, data=None, raw=None, token=True, **params):
        headers = {'X-Auth-Token': self.token} if token else {}
        kwargs = dict(headers=headers, params=params or None, timeout=30)
        if raw is not None:
            kwargs['data'] = raw
        elif data is not None:
            kwargs['json'] = {'data': data}
        resp = self.session.request(method, self.lab.url + path, **kwargs)
        return resp.status_code, resp.json() if resp.content else None


@pytest.fixture
def api(lab):
    return Api(lab)
