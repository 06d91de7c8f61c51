"""playbooks/site.yml through ansible-runner, the way an AWX/AAP job template runs it.

A job template's run is: a private data dir with the project, an inventory, env/envvars filled by
the credential types' injectors, env/extravars, and ansible_runner.run(). Here the credential types
are the importable files of extras/awx/, rendered with the lab's connection settings exactly as
AWX renders injectors (Jinja2 over the inputs, `tower.filename.<name>` for file injectors).
"""

import os
import shutil
import sys

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
import pytest
import yaml

ansible_runner = pytest.importorskip('ansible_runner', reason='ansible-runner is in requirements-dev.txt')

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)
EXTRAS = os.path.join(ROOT, 'extras', 'awx')


def load_type(name):
    with open(os.path.join(EXTRAS, 'credential_type_%s.yml' % name)) as handle:
        return yaml.safe_load(handle)


def inject(credential_type, inputs, private_dir):
    """Render a credential type's injectors as AWX does: returns the env vars it sets."""
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    values = dict((field['id'], field.get('default', '')) for field in credential_type['inputs']['fields'])
    values.update(inputs)
    filenames = {}
    for key, template in (credential_type['injectors'].get('file') or {}).items():
        name = key.split('.', 1)[1]
        path = os.path.join(private_dir, 'cred_%s' % name)
        with open(path, 'w') as handle:
            handle.write(env.from_string(template).render(**values))
        filenames[name] = path
    context = dict(values, tower={'filename': filenames})
    return dict((key, env.from_string(template).render(**context))
                for key, template in credential_type['injectors']['env'].items())


def test_credential_types_are_importable_definitions():
    for name, prefix in (('pexip', 'PEXIP_'), ('kazoo', 'KAZOO_')):
        definition = load_type(name)
        assert definition['kind'] == 'cloud' and definition['name']
        fields = dict((f['id'], f) for f in definition['inputs']['fields'])
        for secret in [f for f in fields if any(w in f for w in ('password', 'api_key', 'token'))]:
            assert fields[secret].get('secret') is True, '%s must be secret: true' % secret
        assert set(definition['inputs']['required']) <= set(fields)
        assert all(key.startswith(prefix) for key in definition['injectors']['env'])


def test_pexip_credential_injects_the_oauth2_key_as_a_file(tmp_path):
    pem = '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n'
    env = inject(load_type('pexip'), {'pexip_url': 'https://mgr.example.com', 'pexip_oauth2_client_id': 'cid',
                                      'pexip_oauth2_private_key': pem}, str(tmp_path))
    assert env['PEXIP_OAUTH2_CLIENT_ID'] == 'cid' and env['PEXIP_USERNAME'] == env['PEXIP_PASSWORD'] == ''
    with open(env['PEXIP_OAUTH2_PRIVATE_KEY']) as handle:
        assert handle.read() == pem
    basic = inject(load_type('pexip'), {'pexip_url': 'https://mgr.example.com', 'pexip_username': 'u',
                                        'pexip_password': 'p'}, str(tmp_path))
    assert basic['PEXIP_OAUTH2_PRIVATE_KEY'] == '' and basic['PEXIP_OAUTH2_CLIENT_ID'] == ''


def test_site_playbook_as_a_job_template(lab_env, tmp_path):
    private = tmp_path / 'job'
    (private / 'env').mkdir(parents=True)
    (private / 'inventory').mkdir()
    shutil.copytree(os.path.join(ROOT, 'playbooks'), str(private / 'project' / 'playbooks'))
    shutil.copy(os.path.join(ROOT, 'playbooks', 'inventory', 'hosts.yml'), str(private / 'inventory' / 'hosts.yml'))
    with open(lab_env['PEXIP_CA_PATH']) as handle:
        ca_bundle = handle.read()

    envvars = {}
    envvars.update(inject(load_type('pexip'), {
        'pexip_url': lab_env['PEXIP_URL'], 'pexip_username': lab_env['PEXIP_USERNAME'],
        'pexip_password': lab_env['PEXIP_PASSWORD'], 'pexip_ca_bundle': ca_bundle}, str(private)))
    envvars.update(inject(load_type('kazoo'), {
        'kazoo_url': lab_env['KAZOO_URL'], 'kazoo_api_key': lab_env['KAZOO_API_KEY'],
        'kazoo_ca_bundle': ca_bundle}, str(private)))
    assert envvars['PEXIP_CA_PATH'] and open(envvars['PEXIP_CA_PATH']).read() == ca_bundle
    # The execution environment's part: the collection installed where ansible looks for it.
    envvars.update({
        'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'PATH': BIN + os.pathsep + os.environ.get('PATH', ''),
    })
    for name in list(os.environ):  # only what the credentials inject, as in a job's container
        if name.startswith(('PEXIP_', 'KAZOO_')):
            envvars.setdefault(name, '')
    with open(str(private / 'env' / 'envvars'), 'w') as handle:
        yaml.safe_dump(envvars, handle)
    with open(str(private / 'env' / 'extravars'), 'w') as handle:
        yaml.safe_dump({'awx_job_id': 42, 'awx_job_template_name': 'ucops site'}, handle)

    result = ansible_runner.run(private_data_dir=str(private), playbook='playbooks/site.yml',
                                inventory=str(private / 'inventory' / 'hosts.yml'), quiet=True,
                                envvars=envvars, timeout=600)
    stdout = result.stdout.read()
    assert result.status == 'successful', stdout[-5000:]
    assert result.rc == 0

    events = list(result.events)
    kinds = [e['event'] for e in events]
    assert kinds[-1] == 'playbook_on_stats' or 'playbook_on_stats' in kinds
    stats = [e for e in events if e['event'] == 'playbook_on_stats'][-1]['event_data']
    assert not stats.get('failures') and not stats.get('dark'), stats
    ok_actions = set(e['event_data'].get('task_action') for e in events if e['event'] == 'runner_on_ok')
    # site.yml's Pexip and Kazoo plays ran the collection's modules (directly or through its roles)
    assert any(a and a.startswith('ucops.platform.pexip_') for a in ok_actions), ok_actions
    assert any(a and a.startswith('ucops.platform.kazoo_') for a in ok_actions), ok_actions
    for secret in (lab_env['PEXIP_PASSWORD'], lab_env['KAZOO_API_KEY']):
        assert secret not in stdout
