"""make demo: run playbooks/site.yml against the lab twice; the second run must change nothing."""

import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
sys.path.insert(0, os.path.join(ROOT, 'tests'))

from conftest import read_env_file  # noqa: E402


def run_site(env, label):
    started = time.monotonic()
    command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'playbooks/inventory/hosts.yml', 'playbooks/site.yml']
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    sys.stdout.write(completed.stdout)
    sys.stderr.write(completed.stderr)
    if completed.returncode != 0:
        sys.exit('%s run failed (exit %d)' % (label, completed.returncode))
    recap = re.search(r'localhost\s*:\s*ok=(\d+)\s+changed=(\d+)', completed.stdout)
    changed = int(recap.group(2)) if recap else -1
    print('== %s run: changed=%d in %.1f s' % (label, changed, elapsed))
    return changed


def main():
    env = dict(os.environ)
    env.update(read_env_file(os.path.join(ROOT, '.lab', 'env')))
    env.setdefault('ANSIBLE_COLLECTIONS_PATH', os.path.join(ROOT, '.collections'))
    env['PATH'] = BIN + os.pathsep + env.get('PATH', '')
    first = run_site(env, 'first')
    second = run_site(env, 'second')
    if second != 0:
        sys.exit('the second run reported %d changed tasks; it must report none' % second)
    print('== demo done: first run changed %d task(s), second run changed nothing' % first)


if __name__ == '__main__':
    main()
