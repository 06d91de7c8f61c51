import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient  # noqa: E402

from fake_http import FakeSession  # noqa: E402


@pytest.fixture
def session():
    return FakeSession()


@pytest.fixture
def client(session):
    c = PexipClient('https://mgr.example.com', 'admin', 's3cret', sleep=lambda seconds: None)
    c._session = session
    c._once = session
    return c
