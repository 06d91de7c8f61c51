"""make demo: run playbooks/site.yml against the lab twice; the second run must change nothing.

The lab's Pexip data is reset first, so the first run builds the whole estate from nothing
(platform, four Conferencing Nodes deployed and bootstrapped, services, Kazoo configs) and the
second run proves it idempotent. The full output of each run is kept in the lab's state
directory (demo-first.log, demo-second.log); the terminal gets a summary. LAB_STATE_DIR selects
a private lab, as for the tests.
"""

import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
sys.path.insert(0, os.path.join(ROOT, 'tests'))
sys.path.insert(0, ROOT)

from conftest import ENV_FILE, STATE_DIR, read_env_file  # noqa: E402
from lab.control import LabControl  # noqa: E402

TASK = re.compile(r'^TASK \[(?:[\w.]+ : )?(.*?)\] \*+$')
RECAP = re.compile(r'localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)')
SUMMARY = re.compile(r'^\s*"((?:services|aliases|locations|nodes|routing|kazoo):.*)",?$')


def run_site(env, label):
    log_path = os.path.join(STATE_DIR, 'demo-%s.log' % label)
    command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'playbooks/inventory/hosts.yml', 'playbooks/site.yml']
    print('== %s run: ansible-playbook -i playbooks/inventory/hosts.yml playbooks/site.yml' % label, flush=True)
    started = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    with open(log_path, 'w') as handle:
        handle.write(completed.stdout)
        handle.write(completed.stderr)
    recap = RECAP.search(completed.stdout)
    if completed.returncode != 0 or recap is None:
        sys.stdout.write(completed.stdout[-6000:])
        sys.stderr.write(completed.stderr[-3000:])
        sys.exit('%s run failed (exit %d); full output in %s' % (label, completed.returncode, log_path))
    ok, changed, _unreachable, failed, skipped = (int(value) for value in recap.groups())

    changed_tasks, summary, task = [], [], None
    for line in completed.stdout.splitlines():
        match = TASK.match(line)
        if match:
            task = match.group(1)
        elif line.startswith('changed:') and task and task not in changed_tasks:
            changed_tasks.append(task)
        match = SUMMARY.match(line)
        if match:
            summary.append(match.group(1))

    shown = os.path.relpath(log_path, ROOT) if log_path.startswith(ROOT + os.sep) else log_path
    print('   %.1f s, %d tasks ok, %d changed, %d skipped, %d failed (log: %s)'
          % (elapsed, ok, changed, skipped, failed, shown))
    for name in changed_tasks:
        print('   changed: %s' % name)
    return changed, summary


def main():
    env = dict(os.environ)
    env.update(read_env_file(ENV_FILE))
    env.setdefault('ANSIBLE_COLLECTIONS_PATH', os.path.join(ROOT, '.collections'))
    env.setdefault('ANSIBLE_LOCALHOST_WARNING', 'false')
    env['PATH'] = BIN + os.pathsep + env.get('PATH', '')

    print('== resetting the lab\'s Pexip data (%s)' % env['PEXIP_URL'], flush=True)
    LabControl(env['PEXIP_URL'], env['PEXIP_USERNAME'], env['PEXIP_PASSWORD'], env['PEXIP_CA_PATH']).reset()

    first, summary = run_site(env, 'first')
    second = run_site(env, 'second')[0]
    print('== the estate')
    for line in summary:
        print('   ' + line)
    if second != 0:
        sys.exit('the second run reported %d changed tasks; it must report none' % second)
    print('== demo done: the first run changed %d task(s), the second run changed nothing' % first)


if __name__ == '__main__':
    main()
