"""Run real ansible-playbook processes against the lab."""

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.dirname(sys.executable)


class Run:
    def __init__(self, completed):
        self.rc = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr

    def expect_success(self):
        """Fail the test with the playbook's output when it did not succeed."""
        if self.rc != 0 or 'failed=0' not in self.out:
            pytest.fail('ansible-playbook failed:\n%r' % self, pytrace=False)
        if 'DEPRECATION WARNING' in self.out + self.err:
            # the collection uses only supported APIs of every ansible-core it runs on
            pytest.fail('ansible-playbook printed a deprecation warning:\n%r' % self, pytrace=False)
        return self

    def __repr__(self):
        return 'rc=%s\n--- stdout ---\n%s\n--- stderr ---\n%s' % (self.rc, self.out[-6000:], self.err[-3000:])


@pytest.fixture(scope='session')
def playbook(lab_env):
    """Call ``playbook(name, *args, env={...}, cwd=None)``: runs tests/integration/playbooks/<name>
    (or the playbook at an absolute path), from the project root unless ``cwd`` is given."""
    base_env = dict(os.environ)
    base_env.update(lab_env)
    base_env.update({
        'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_FORCE_COLOR': '0',
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'ANSIBLE_RETRY_FILES_ENABLED': 'false',
        'PATH': BIN + os.pathsep + base_env.get('PATH', ''),
    })

    def run(name, *args, env=None, cwd=None):
        command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                   os.path.join(HERE, 'playbooks', name)] + list(args)
        run_env = dict(base_env)
        for key, value in (env or {}).items():
            if value is None:
                run_env.pop(key, None)
            else:
                run_env[key] = value
        completed = subprocess.run(command, cwd=cwd or ROOT, env=run_env, capture_output=True, text=True, timeout=900, check=False)
        return Run(completed)

    return run
