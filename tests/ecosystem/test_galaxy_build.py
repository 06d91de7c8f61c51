"""The collection as users get it: `ansible-galaxy collection build`, install the tarball, run a playbook."""

import os
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)
MAX_TARBALL_BYTES = 1024 * 1024

PLAYBOOK = '''
- name: From the installed tarball
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Read services through the installed collection
      ucops.platform.pexip_conference_info:
      register: services

    - name: The module answered with a list
      ansible.builtin.assert:
        that:
          - services.conferences is sequence
          - services is not changed
'''


def run(command, env=None, cwd=None):
    completed = subprocess.run(command, cwd=cwd or ROOT, env=env, capture_output=True, text=True, timeout=600,
                               check=False)
    assert completed.returncode == 0, '%s\n%s\n%s' % (command, completed.stdout[-4000:], completed.stderr[-4000:])
    return completed


def test_build_install_and_run(lab_env, tmp_path):
    dist = tmp_path / 'dist'
    run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', '--output-path', str(dist), ROOT])
    tarballs = list(dist.glob('ucops-platform-*.tar.gz'))
    assert len(tarballs) == 1
    tarball = tarballs[0]
    size = tarball.stat().st_size
    print('tarball %s: %d bytes' % (tarball.name, size))
    assert size < MAX_TARBALL_BYTES, 'the tarball grew to %d bytes: check build_ignore in galaxy.yml' % size
    with tarfile.open(str(tarball)) as archive:
        names = archive.getnames()
    for unwanted in ('.venv', '.lab', '.build', '.collections', '.git', 'tests/output', 'bench/results'):
        assert not [n for n in names if n == unwanted or n.startswith(unwanted + '/')], unwanted
    assert 'plugins/inventory/pexip_nodes.py' in names and 'meta/runtime.yml' in names

    collections = tmp_path / 'collections'
    # with ANSIBLE_COLLECTIONS_PATH on the checkout's link, ansible-galaxy would find the collection
    # already "installed" there and do nothing
    install_env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections))
    run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', '-p', str(collections), str(tarball)],
        env=install_env)
    installed = collections / 'ansible_collections' / 'ucops' / 'platform'
    assert (installed / 'MANIFEST.json').is_file()

    playbook = tmp_path / 'installed.yml'
    playbook.write_text(PLAYBOOK)
    env = dict(os.environ)
    env.update(lab_env)
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': str(collections),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'ANSIBLE_NOCOLOR': '1',
        # the checkout must not be importable: the modules come from the installed copy only
        'PYTHONPATH': '',
    })
    completed = run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', str(playbook), '-v'],
                    env=env, cwd=str(tmp_path))
    assert 'failed=0' in completed.stdout
    assert str(installed) in completed.stdout or 'ok=2' in completed.stdout
