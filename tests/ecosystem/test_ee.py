"""Execution environment: ansible-builder turns the collection's EE metadata into a build context.

No container engine is available, so the image itself is not built; `ansible-builder create`
writes everything a build uses (Containerfile, requirement files, scripts) and
`ansible-builder introspect` is what a build runs to collect the dependencies of the
collections it installs.

Paths in meta/execution-environment.yml are relative to the collection root (that is how
ansible-builder reads an installed collection's metadata), so `create` is given the definition
placed at the root of a copy of the collection's dependency files.
"""

import os
import shutil
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILDER = os.path.join(os.path.dirname(sys.executable), 'ansible-builder')


def builder(*args):
    completed = subprocess.run([BUILDER] + list(args), capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def requirement_names(path):
    with open(path) as handle:
        return [line.split('#')[0].strip() for line in handle if line.split('#')[0].strip()]


def test_runtime_requirements_are_unpinned_and_complete():
    python = requirement_names(os.path.join(ROOT, 'requirements.txt'))
    assert not [r for r in python if '==' in r], 'requirements.txt is for EEs: no exact pins'
    assert {r.split('>')[0].split('=')[0].strip() for r in python} >= {'requests', 'jsonschema'}
    system = requirement_names(os.path.join(ROOT, 'bindep.txt'))

    def runtime(line):
        profiles = line.split('[', 1)[1].rstrip(']').split() if '[' in line else []
        return all(p.startswith('platform:') for p in profiles)

    default_profile = [r for r in system if runtime(r)]
    assert [r.split()[0] for r in default_profile] == ['python3']


def test_create_writes_a_build_context(tmp_path):
    definition_dir = tmp_path / 'collection'
    definition_dir.mkdir()
    for name in ('requirements.txt', 'bindep.txt'):
        shutil.copy(os.path.join(ROOT, name), str(definition_dir / name))
    shutil.copy(os.path.join(ROOT, 'meta', 'execution-environment.yml'), str(definition_dir / 'execution-environment.yml'))
    with open(os.path.join(ROOT, 'meta', 'execution-environment.yml')) as handle:
        definition = yaml.safe_load(handle)
    assert definition['version'] == 3
    assert definition['dependencies']['python'] == 'requirements.txt'
    assert definition['dependencies']['system'] == 'bindep.txt'

    context = tmp_path / 'context'
    builder('create', '--file', str(definition_dir / 'execution-environment.yml'), '--context', str(context),
            '--output-filename', 'Containerfile')
    containerfile = (context / 'Containerfile').read_text()
    assert containerfile.startswith('ARG EE_BASE_IMAGE=') or 'FROM ' in containerfile
    assert 'ansible-core>=2.16.0' in containerfile
    assert 'ansible-runner' in containerfile
    assert '_build/requirements.txt' in containerfile and '_build/bindep.txt' in containerfile
    assert set(requirement_names(str(context / '_build' / 'requirements.txt'))) == set(
        requirement_names(os.path.join(ROOT, 'requirements.txt')))
    assert 'python3 [platform:dpkg platform:rpm]' in requirement_names(str(context / '_build' / 'bindep.txt'))
    assert (context / '_build' / 'scripts' / 'introspect.py').is_file()


def test_introspect_finds_the_collection_dependencies():
    output = builder('introspect', '--sanitize', os.path.join(ROOT, '.collections'))
    data = yaml.safe_load(output)
    python = ' '.join(data['python'])
    assert 'requests>=2.28' in python and 'jsonschema>=4.0' in python and 'ucops.platform' in python
    assert any(line.startswith('python3 [platform:dpkg platform:rpm]') for line in data['system'])
