"""Fixtures of the Kazoo integration suite: a private lab and an ansible-playbook runner.

The lab is a fresh ``python -m lab.kazoo.server`` of our own (own CA, free port), so the
suite does not depend on, or disturb, the shared lab of ``make lab-up``. Set
``KAZOO_TESTS_USE_LAB_ENV=1`` to run against the lab described by ``.lab/env`` instead.
"""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
PLAYBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'playbooks')
BIN = os.path.dirname(sys.executable)

from lab.kazoo.testing import from_env_file, start_private_lab  # noqa: E402


@pytest.fixture(scope='session')
def kazoo_lab(tmp_path_factory):
    if os.environ.get('KAZOO_TESTS_USE_LAB_ENV') == '1':
        lab = from_env_file()
        assert lab is not None, '.lab/env has no answering Kazoo lab (make lab-up)'
        yield lab
        return
    lab = start_private_lab(str(tmp_path_factory.mktemp('kazoo-int')))
    yield lab
    lab.stop()


class Runner(object):
    def __init__(self, lab):
        self.lab = lab

    def __call__(self, playbook, env=None, extra_vars=None, verbosity=0, drop=(), inventory=None, forks=None):
        full_env = dict(os.environ)
        full_env.update(self.lab.env)
        for name in drop:
            full_env.pop(name, None)
        full_env.update({
            'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
            'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
            'ANSIBLE_NOCOLOR': '1', 'ANSIBLE_FORCE_COLOR': '0',
            'ANSIBLE_LOCALHOST_WARNING': 'false', 'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
            'PATH': BIN + os.pathsep + full_env.get('PATH', ''),
        })
        full_env.update(env or {})
        cmd = [os.path.join(BIN, 'ansible-playbook'), '-i', os.path.join(PLAYBOOKS, inventory) if inventory else 'localhost,',
               '-c', 'local', os.path.join(PLAYBOOKS, playbook)]
        if forks:
            cmd += ['--forks', str(forks)]
        cmd += ['-e', 'lab_url=%s lab_user=%s lab_ca=%s' % (self.lab.url, self.lab.env['KAZOO_USERNAME'],
                                                            self.lab.ca_path)]
        cmd += ['-e', '{"lab_password": "%s"}' % self.lab.env['KAZOO_PASSWORD']]
        for key, value in (extra_vars or {}).items():
            cmd += ['-e', '%s=%s' % (key, value)]
        if verbosity:
            cmd.append('-' + 'v' * verbosity)
        proc = subprocess.run(cmd, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, timeout=600, check=False)
        return proc.returncode, proc.stdout


@pytest.fixture
def run_playbook(kazoo_lab):
    kazoo_lab.reset()
    return Runner(kazoo_lab)
