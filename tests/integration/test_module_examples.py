"""Every module's EXAMPLES, run against the lab, so that an example can never rot.

The EXAMPLES string of each module in plugins/modules/ is read from the module file (with
``ast``, without importing it), parsed as YAML and checked to be a plain task list. One
playbook then holds one play per module, in alphabetical order, each play running that
module's examples as they are shown on the docs site, and one ansible-playbook run executes
them all against the lab (connection from the lab's PEXIP_* / KAZOO_* environment).

Rules the examples keep (the static tests below enforce the first two):

- a task list, never a whole play; connection options at most in a block's module_defaults;
- self-contained: each module's examples create what they reference, under names, aliases
  and addresses no other module's examples use, so running the examples of several modules
  one after the other never collides;
- values users keep in a vault or an inventory are variables (``vault_*``, ``pexip_url``...);
  the test gives them lab values (example_vars);
- files are relative paths (``files/``, ``pki/``, ``backups/``, ``nodes/``): the playbook runs
  in a scratch directory where the test provides them (write_fixture_files).

Nothing is skipped: a task that is skipped, fails or is ignored fails the test. Examples that
truly cannot run against the lab are listed in NOT_RUN with the reason.
"""

import ast
import datetime
import io
import os
import re
import sys
import tarfile
import time
import zipfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODULE_DIR = os.path.join(ROOT, 'plugins', 'modules')
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from lab.control import LabControl  # noqa: E402

COLLECTION = 'ucops.platform'
MODULES = sorted(name[:-3] for name in os.listdir(MODULE_DIR) if name.endswith('.py') and not name.startswith('_'))

# Modules whose examples are not run here, with the reason. Keep this tiny.
NOT_RUN = {}
# Modules with a lifecycle file run their examples, phase by phase, in test_resource_lifecycles.py.
LIFECYCLE_DIR = os.path.join(HERE, 'lifecycles')
RUN_BY_LIFECYCLE = frozenset(name[:-4] for name in os.listdir(LIFECYCLE_DIR) if name.endswith('.yml')) if (
    os.path.isdir(LIFECYCLE_DIR)) else frozenset()

# A node that is bootstrapped must answer on <address>:8443. The lab's node simulator listens
# only on loopback addresses, so these documentation addresses become loopback ones in the test
# (127.66.0.0/16 is this test's range; the lab and integration tests use 127.77 and 127.88).
LOOPBACK_ADDRESSES = {
    'pexip_worker_vm': {'192.0.2.21': '127.66.0.21'},
}

PLAY_KEYWORDS = frozenset(['hosts', 'tasks', 'roles', 'pre_tasks', 'post_tasks', 'handlers', 'import_playbook',
                           'gather_facts', 'vars_files', 'vars_prompt', 'serial', 'strategy'])


def _task_keywords():
    from ansible.playbook.block import Block
    from ansible.playbook.task import Task
    return frozenset(Task.fattributes) | frozenset(Block.fattributes) | frozenset(['local_action', 'with_items'])


def read_examples(module):
    """The EXAMPLES string of a module file, or None."""
    with open(os.path.join(MODULE_DIR, module + '.py')) as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == 'EXAMPLES' for target in node.targets):
            return ast.literal_eval(node.value)
    return None


def load_examples(module):
    text = read_examples(module)
    return yaml.safe_load(text) if text else None


def leaf_tasks(tasks):
    """Every task of a task list, blocks opened."""
    for task in tasks:
        if 'block' in task:
            for key in ('block', 'rescue', 'always'):
                yield from leaf_tasks(task.get(key) or [])
        else:
            yield task


def action_of(task, keywords):
    actions = [key for key in task if key not in keywords and not key.startswith('with_')]
    return actions[0] if len(actions) == 1 else None


def example_problems(module, keywords):
    """What makes a module's EXAMPLES unfit to be run as a task list (empty when fine)."""
    text = read_examples(module)
    if not text or not text.strip():
        return ['no EXAMPLES']
    try:
        tasks = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return ['EXAMPLES is not YAML: %s' % exc]
    if not isinstance(tasks, list) or not tasks or not all(isinstance(task, dict) for task in tasks):
        return ['EXAMPLES is not a list of tasks']
    problems = []
    for task in tasks:
        play_keys = sorted(PLAY_KEYWORDS & set(task))
        if play_keys:
            problems.append('%r is a play (%s), not a task' % (task.get('name'), ', '.join(play_keys)))
    if problems:
        return problems
    used = set()
    for task in leaf_tasks(tasks):
        action = action_of(task, keywords)
        if action is None:
            problems.append('%r has no single module' % task.get('name'))
            continue
        if not re.match(r'^(%s|ansible\.builtin)\.[a-z0-9_]+$' % re.escape(COLLECTION), action):
            problems.append('%r uses %s: give modules by their full name (%s.* or ansible.builtin.*)'
                            % (task.get('name'), action, COLLECTION))
        if not task.get('name'):
            problems.append('a %s task has no name' % action)
        used.add(action)
    if '%s.%s' % (COLLECTION, module) not in used:
        problems.append('no example uses %s.%s itself' % (COLLECTION, module))
    return problems


# Option values that identify an object on the manager: two modules' examples must not share one.
_IDENTITY_KEYS = ('name', 'alias', 'address', 'realm')
_IDENTITY_LISTS = ('dns_servers', 'ntp_servers', 'syslog_servers')


def identities(args):
    found = []
    if not isinstance(args, dict):
        return found
    for key in _IDENTITY_KEYS:
        if isinstance(args.get(key), str):
            found.append(args[key])
    for key in _IDENTITY_LISTS:
        found.extend(value for value in args.get(key) or [] if isinstance(value, str))
    for key in ('aliases', 'objects'):
        for item in args.get(key) if isinstance(args.get(key), list) else []:
            found.extend(identities(item))
    found.extend(identities(args.get('fields')))
    return [value for value in found if '{{' not in value]


def names_by_module():
    """{identifying value: modules whose examples write an object with it}."""
    keywords = _task_keywords()
    owners = {}
    for module in MODULES:
        for task in leaf_tasks(load_examples(module) or []):
            action = action_of(task, keywords) or ''
            short = action.rsplit('.', 1)[-1]
            if not action.startswith(COLLECTION + '.') or short.endswith('_info') or short.startswith('kazoo_'):
                continue
            for value in identities(task[action]):
                owners.setdefault(value, set()).add(module)
    return owners


def test_every_module_has_task_list_examples():
    keywords = _task_keywords()
    problems = ['%s: %s' % (module, problem) for module in MODULES for problem in example_problems(module, keywords)]
    assert not problems, 'EXAMPLES that cannot be run as a task list:\n' + '\n'.join(problems)
    assert set(NOT_RUN) <= set(MODULES), 'NOT_RUN names modules that do not exist'


def test_examples_of_different_modules_use_different_names():
    shared = sorted((value, sorted(modules)) for value, modules in names_by_module().items() if len(modules) > 1)
    assert not shared, ('examples of several modules use the same name, alias or address, so running them one '
                        'after the other collides:\n' + '\n'.join('%r: %s' % item for item in shared))


# -- running them --------------------------------------------------------------------------------

def example_vars(lab_env):
    """Stand-ins for the variables users keep in an inventory or a vault."""
    return {
        'pexip_url': lab_env['PEXIP_URL'],
        'pexip_username': lab_env['PEXIP_USERNAME'],
        'vault_pexip_password': lab_env['PEXIP_PASSWORD'],
        'kazoo_url': lab_env['KAZOO_URL'],
        'vault_kazoo_api_key': lab_env['KAZOO_API_KEY'],
        'vault_backup_passphrase': 'Backup-Passphrase-1',
        'vault_device_password': 'Device-Passw0rd',
        'vault_ldap_password': 'Ldap-Bind-Passw0rd',
        'vault_node_password': 'Node-Passw0rd-1',
        'vault_ntp_key': 'ntp-shared-key-7',
        'vault_pexip_entitlement': 'EXAM-1234-PLES-5678',
        'vault_policy_password': 'Policy-Passw0rd',
        'vault_trap_community': 'noc-traps',
        'vault_trunk_password': 'Trunk-Passw0rd',
        'vault_turn_secret': 'turn-shared-secret',
        'vault_vcenter_password': 'vCenter-Passw0rd',
    }


def _certificates():
    """PEM texts: a corporate root CA, this year's manager certificate with its key, last year's."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)

    def name(text):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    def pem(cert):
        return cert.public_bytes(serialization.Encoding.PEM)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name('Example Corp Root CA')).issuer_name(name('Example Corp Root CA'))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - day).not_valid_after(now + 3650 * day)
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    files = {'pki/corp-root.pem': pem(ca)}
    for path, start in (('pki/manager', now - day), ('pki/manager-2025', now - 400 * day)):
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(name('manager.example.com')).issuer_name(ca.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(start + 365 * day)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName('manager.example.com')]), critical=False)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .sign(ca_key, hashes.SHA256()))
        files[path + '.pem'] = pem(cert)
        files[path + '.key'] = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
    # a Conferencing Node certificate as pexip_certificate_import takes it: certificate, chain, key in one file
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name('conf.example.com')).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - day).not_valid_after(now + 365 * day)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName('conf.example.com')]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    files['pki/conf.example.com-bundle.pem'] = pem(cert) + pem(ca) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return files


def write_fixture_files(folder, lab_env):
    """The files the examples read, at the relative paths they use."""
    files = _certificates()
    with open(lab_env['PEXIP_CA_PATH'], 'rb') as handle:
        files['pki/pexip-nodes.pem'] = handle.read()   # the lab's node simulator certificates come from its CA
    for theme in ('corporate', 'reception'):
        package = io.BytesIO()
        with zipfile.ZipFile(package, 'w') as archive:
            archive.writestr('theme.json', '{"name": "%s"}' % theme)
        files['files/%s-theme.zip' % theme] = package.getvalue()
    package = io.BytesIO()
    with tarfile.open(fileobj=package, mode='w') as archive:   # the lab's package format (lab/pexip/upgrades.py)
        for name, data in (('VERSION', b'37.0 81000.0.0\n'), ('upgrade.img', b'lab stand-in for an upgrade image\n')):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    files['files/Pexip_Infinity_v37_UPGRADE.tar'] = package.getvalue()
    for video in ('welcome-video', 'product-tour'):   # media library entries
        files['files/%s.mp4' % video] = b'lab stand-in for an MP4 video: ' + video.encode() + b'\n'
    for look in ('corporate', 'partner'):   # web app branding packages
        package = io.BytesIO()
        with zipfile.ZipFile(package, 'w') as archive:
            archive.writestr('manifest.json', '{"brandingName": "%s"}' % look)
        files['files/%s-branding.zip' % look] = package.getvalue()
    for path, content in files.items():
        target = os.path.join(folder, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, 'wb') as handle:
            handle.write(content)


def _replace(value, mapping):
    if isinstance(value, dict):
        return {key: _replace(item, mapping) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, mapping) for item in value]
    if isinstance(value, str):
        return mapping.get(value, value)
    return value


def examples_playbook(variables):
    """One play per module running its examples; the number of tasks expected to run."""
    plays = []
    expected = 0
    for module in MODULES:
        if module in NOT_RUN or module in RUN_BY_LIFECYCLE:
            continue
        tasks = _replace(load_examples(module), LOOPBACK_ADDRESSES.get(module, {}))
        expected += len(list(leaf_tasks(tasks)))
        plays.append({
            'name': 'EXAMPLES of %s.%s' % (COLLECTION, module),
            'hosts': 'localhost',
            'gather_facts': False,
            # every failure is shown, not only the first one; the test fails on any of them
            'ignore_errors': True,
            'vars': variables,
            'tasks': tasks,
        })
    return plays, expected


def failures(output):
    """``play: task: message`` for every failed task in a default-callback output."""
    found = []
    play = task = None
    for line in output.splitlines():
        if line.startswith('PLAY ['):
            play = line[6:line.rfind(']')]
        elif line.startswith('TASK ['):
            task = line[6:line.rfind(']')]
        elif line.startswith(('fatal:', 'failed:')):
            found.append('%s / %s:\n    %s' % (play, task, line[:1500]))
    return found


def test_every_example_runs(playbook, lab_env, tmp_path):
    for prefix in ('PEXIP', 'KAZOO'):
        LabControl(lab_env[prefix + '_URL'], lab_env[prefix + '_USERNAME'], lab_env[prefix + '_PASSWORD'],
                   lab_env[prefix + '_CA_PATH']).reset()
    write_fixture_files(str(tmp_path), lab_env)
    plays, expected = examples_playbook(example_vars(lab_env))
    path = tmp_path / 'examples.yml'
    path.write_text(yaml.safe_dump(plays, sort_keys=False, width=1000))
    started = time.monotonic()
    run = playbook(str(path), cwd=str(tmp_path))
    took = time.monotonic() - started
    print('\n%d modules, %d example tasks: %.1f s' % (len(plays), expected, took))
    recap = re.search(r'localhost\s*:\s*ok=(\d+)\s+changed=\d+\s+unreachable=(\d+)\s+failed=(\d+)\s+'
                      r'skipped=(\d+)\s+rescued=\d+\s+ignored=(\d+)', run.out)
    assert recap, 'no play recap:\n%r' % run
    ok, unreachable, failed, skipped, ignored = (int(value) for value in recap.groups())
    assert not (failed or ignored or unreachable), 'examples failed:\n' + '\n'.join(failures(run.out))
    assert run.rc == 0, repr(run)
    assert skipped == 0, 'examples were skipped:\n%r' % run
    assert ok == expected, 'expected %d example tasks to run, %d did:\n%r' % (expected, ok, run)
    assert len(plays) + len(NOT_RUN) + len(RUN_BY_LIFECYCLE & set(MODULES)) == len(MODULES)
    run.expect_success()   # and no deprecation warning
