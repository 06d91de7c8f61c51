"""pexip_status_info, pexip_node_maintenance and the pexip_maintenance role against the lab's node simulator.

One run of playbooks/pexip_maintenance.yml does the behaviour checks (its own asserts); then the lab is
restarted and a second, small play checks that the nodes still report synced.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_status_drain_batches_and_restart(playbook, lab_env):
    run = playbook('pexip_maintenance.yml', '--tags', 'maintenance')
    run.expect_success()
    assert 'drain ' in run.out
    python = os.environ.get('LAB_PYTHON') or sys.executable  # the lab's interpreter, as tests/conftest.py starts it
    for command in ('down', 'up'):
        subprocess.run([python, '-m', 'lab', command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    playbook('pexip_maintenance.yml', '--tags', 'after_restart').expect_success()
