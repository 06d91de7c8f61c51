"""Fixtures shared by the lab and integration suites: a running lab and its settings."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# LAB_STATE_DIR (with LAB_PEXIP_PORT / LAB_KAZOO_PORT) points the suites at a private lab,
# so that several people can run them on one machine without resetting each other's data.
STATE_DIR = os.path.abspath(os.environ.get('LAB_STATE_DIR') or os.path.join(ROOT, '.lab'))
ENV_FILE = os.path.join(STATE_DIR, 'env')


def read_env_file(path=ENV_FILE):
    values = {}
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if line.startswith('export '):
                line = line[len('export '):]
            if '=' not in line or line.startswith('#'):
                continue
            name, value = line.split('=', 1)
            values[name] = value.strip().strip('"').strip("'")
    return values


@pytest.fixture(scope='session')
def lab_env():
    """The lab's connection settings, starting the lab first when it is not running.

    The lab runs on LAB_PYTHON when set: scripts/matrix.sh runs the tests on other ansible-core
    releases, in venvs without the lab's own requirements, against the lab of .venv."""
    python = os.environ.get('LAB_PYTHON') or sys.executable
    subprocess.run([python, '-m', 'lab', 'up'], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return read_env_file()
