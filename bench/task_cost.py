"""Seconds per module task: N pexip_conference tasks against the lab, minus an empty play.

Usage (lab running, .lab/env written):  .venv/bin/python bench/task_cost.py [N]
Prints one JSON line; writes bench/results/task_cost.json. Not a test: no thresholds.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
sys.path.insert(0, os.path.join(ROOT, 'tests'))

from conftest import ENV_FILE, read_env_file  # noqa: E402

PLAY = """- name: Timing
  hosts: localhost
  gather_facts: false
  tasks:
%s
"""
TASK = """    - name: Task %d
      ucops.platform.pexip_conference:
        name: task-cost-room
        description: timing
"""
CLEANUP = """    - name: Remove the room
      ucops.platform.pexip_conference:
        name: task-cost-room
        state: absent
"""
NOOP = """    - name: Nothing
      ansible.builtin.meta: noop
"""


def timed_run(body, env):
    with tempfile.NamedTemporaryFile('w', suffix='.yml', delete=False) as handle:
        handle.write(PLAY % body)
    started = time.monotonic()
    subprocess.run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', handle.name],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    os.unlink(handle.name)
    return elapsed


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    env = dict(os.environ)
    env.update(read_env_file(ENV_FILE))
    env.update({'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
                'ANSIBLE_PYTHON_INTERPRETER': sys.executable})
    empty = timed_run(NOOP, env)
    full = timed_run(''.join(TASK % i for i in range(count)) + CLEANUP, env)
    result = {'tasks': count + 1, 'empty_play_s': round(empty, 2), 'play_s': round(full, 2),
              'seconds_per_module_task': round((full - empty) / (count + 1), 3),
              'load_average': os.getloadavg()}
    os.makedirs(os.path.join(ROOT, 'bench', 'results'), exist_ok=True)
    with open(os.path.join(ROOT, 'bench', 'results', 'task_cost.json'), 'w') as handle:
        json.dump(result, handle, indent=1)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
