"""Fixtures for the lab's own tests: a running lab (started via the launcher
when needed), an API client and the lab control client.

Each test starts from an empty Management Node (``/_lab/reset``) with an empty
request log and no pending faults.
"""
import os
import socket
import subprocess
import sys

import pytest
import requests
from pexip_lab_client import ROOT, Api

from lab.control import LabControl, read_env

ENV_FILE = os.path.join(ROOT, ".lab", "env")


def _lab_answers(env):
    try:
        requests.get(env["PEXIP_URL"] + "/", verify=env["PEXIP_CA_PATH"], timeout=3)
        return True
    except (requests.RequestException, KeyError):
        return False


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def lab_env(tmp_path_factory):
    """Credentials of the lab under test.

    By default a private lab is started through the launcher (own state dir and
    port), because these tests reset all data and the shared lab in .lab/ may be
    in use by someone else. LAB_TESTS_SHARED=1 uses the shared lab instead,
    starting it when .lab/env is missing or the server does not answer.
    """
    if os.environ.get("LAB_TESTS_SHARED") == "1":
        if not (os.path.exists(ENV_FILE) and _lab_answers(read_env(ENV_FILE))):
            subprocess.run([sys.executable, "-m", "lab", "up"], cwd=ROOT, check=True)
        env = read_env(ENV_FILE)
        assert _lab_answers(env), "the Pexip lab did not come up"
        yield env
        return
    state = tmp_path_factory.mktemp("lab-state")
    launch_env = dict(os.environ, LAB_STATE_DIR=str(state), LAB_SERVERS="pexip",
                      LAB_PEXIP_PORT=str(_free_port()), LAB_PEXIP_PROFILE="default")
    subprocess.run([sys.executable, "-m", "lab", "up"], cwd=ROOT, env=launch_env, check=True,
                   stdout=subprocess.DEVNULL)
    try:
        env = read_env(str(state / "env"))
        assert _lab_answers(env), "the private Pexip lab did not come up"
        env["LAB_STATE_DIR"] = str(state)
        yield env
    finally:
        subprocess.run([sys.executable, "-m", "lab", "down"], cwd=ROOT, env=launch_env, check=False,
                       stdout=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def control(lab_env):
    return LabControl(lab_env["PEXIP_URL"], lab_env["PEXIP_USERNAME"],
                      lab_env["PEXIP_PASSWORD"], lab_env["PEXIP_CA_PATH"])


@pytest.fixture
def lab(control):
    control.clear_faults()
    control.reset()
    control.clear_requests()
    yield control
    control.clear_faults()


@pytest.fixture
def api(lab_env, lab):
    return Api(lab_env)
