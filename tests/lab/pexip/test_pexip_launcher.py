"""The launcher: idempotent ``up``, ``status`` and the env file."""
import os
import subprocess
import sys

from pexip_lab_client import ROOT
from lab.control import read_env


def _run(command, lab_env):
    env = dict(os.environ, LAB_SERVERS="pexip")
    if "LAB_STATE_DIR" in lab_env:
        env["LAB_STATE_DIR"] = lab_env["LAB_STATE_DIR"]
        env["LAB_PEXIP_PORT"] = lab_env["PEXIP_URL"].rsplit(":", 1)[1]
    return subprocess.run([sys.executable, "-m", "lab", command], cwd=ROOT, env=env, check=False,
                          capture_output=True, text=True, timeout=60)


def test_up_is_idempotent_and_status_reports_running(lab_env):
    result = _run("up", lab_env)
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    result = _run("status", lab_env)
    assert result.returncode == 0 and "pexip: running" in result.stdout


def test_env_file_contents(lab_env):
    assert lab_env["PEXIP_URL"].startswith("https://127.0.0.1:")
    assert lab_env["PEXIP_USERNAME"] == "admin"
    assert len(lab_env["PEXIP_PASSWORD"]) >= 16
    assert os.path.isabs(lab_env["PEXIP_CA_PATH"]) and os.path.exists(lab_env["PEXIP_CA_PATH"])
    if "LAB_STATE_DIR" in lab_env:
        again = read_env(os.path.join(lab_env["LAB_STATE_DIR"], "env"))
        assert again["PEXIP_PASSWORD"] == lab_env["PEXIP_PASSWORD"]
