"""The whole life of every module that has a lifecycle file, against the lab, in a few playbook runs.

A module's lifecycle is its own EXAMPLES plus a small file, ``lifecycles/<module>.yml``:

``vars``
    values for the variables the examples use (``vault_*``); every value is treated as a secret that
    must never appear in any output, at ``-vvv`` included.
``change``
    options merged over the create task's to change one field (``update_password: always`` to change a
    write-only secret); ``change_fields`` lists the fields the diff must show (default: the keys of
    ``change`` that are not ``update_password``).
``bad`` and ``bad_message``
    options merged over the create task that the module must refuse before any request, and a regular
    expression its message must match.

The examples are read as: the tasks before the module's first task (setup: the objects it refers to),
the first task of the module (create), the tasks up to the module's last ``state: absent`` task
(delete), and the tasks after it (teardown). Every phase runs all modules in one ansible-playbook:

1. setup; 2. create in check mode: changed, no write; 3. create at ``-vvv``: changed, no secret in
the output; 4. rerun: unchanged, no write; 5. change with ``--diff``: changed, the diff names the
changed fields and masks secrets; 6. bad input: failed with the message, no write; 7. delete: changed;
8. delete again: unchanged, no write; 9. teardown.

Singletons (no ``state: absent`` example) skip 7 and 8. ``LIFECYCLE_MODULES=a,b`` runs only those modules.
"""

import json
import os
import re
import sys

import pytest
import yaml

from lab.control import LabControl
from tests.integration.test_module_examples import COLLECTION, _task_keywords, action_of, load_examples

HERE = os.path.dirname(os.path.abspath(__file__))
LIFECYCLES = os.path.join(HERE, 'lifecycles')
MODULES = sorted(name[:-4] for name in os.listdir(LIFECYCLES) if name.endswith('.yml')) if os.path.isdir(
    LIFECYCLES) else []
if os.environ.get('LIFECYCLE_MODULES'):
    # a subset while working on some modules: LIFECYCLE_MODULES=pexip_smtp_server,pexip_event_sink
    MODULES = [module for module in MODULES if module in os.environ['LIFECYCLE_MODULES'].split(',')]
CONFIG = '/api/admin/configuration/v1/'


def lifecycle(module):
    with open(os.path.join(LIFECYCLES, module + '.yml'), encoding='utf-8') as handle:
        data = yaml.safe_load(handle) or {}
    tasks = load_examples(module)
    keywords = _task_keywords()
    fqcn = '%s.%s' % (COLLECTION, module)
    own = [index for index, task in enumerate(tasks) if action_of(task, keywords) == fqcn]
    absent = [index for index in own if (tasks[index][fqcn] or {}).get('state') == 'absent']
    first = own[0]
    last = absent[-1] if absent else first
    create = tasks[first]
    change_fields = data.get('change_fields') or [key for key in data.get('change', {}) if key != 'update_password']
    return {
        'module': module, 'fqcn': fqcn, 'vars': data.get('vars') or {},
        'setup': tasks[:first], 'create': create,
        'delete': tasks[first + 1:last + 1] if absent else [], 'teardown': tasks[last + 1:],
        'absent_task': tasks[last] if absent else None,
        'change': data.get('change') or {}, 'change_fields': change_fields,
        'bad': data.get('bad'), 'bad_message': data.get('bad_message'),
    }


def _with(task, fqcn, extra, name):
    args = dict(task[fqcn] or {})
    args.update(extra)
    return {'name': name, fqcn: args}


# The modules are spread over this many inventory hosts (all local) that run at the same time (strategy free):
# each task is a new process that mostly waits for its start-up and the lab, so two cores serve several.
SHARDS = int(os.environ.get('LIFECYCLE_SHARDS', '3'))


def _play(name, tasks, variables, register=True, shard_of=None):
    """One play over the shard hosts; each task runs on its module's shard, registered as r<index>, and every
    host writes its results to results.json.<host> at the end. ``shard_of[index]`` is a task's shard."""
    body = []
    for index, task in enumerate(tasks):
        task = dict(task)
        mine = "inventory_hostname == 'shard%d'" % (shard_of[index] if shard_of else 0)
        given = task.get('when')
        task['when'] = [mine] + (given if isinstance(given, list) else [given] if given else [])
        if register:
            task['register'] = 'r%d' % index
            task['ignore_errors'] = True
        body.append(task)
    if register and tasks:
        body.append({'name': 'results', 'ansible.builtin.copy': {
            'dest': '{{ results_file }}.{{ inventory_hostname }}', 'mode': '0600',
            'content': '{{ [%s] | to_json }}' % ', '.join('r%d' % index for index in range(len(tasks)))},
            'no_log': True, 'check_mode': False})
    return [{'name': name, 'hosts': 'shards', 'gather_facts': False, 'strategy': 'free', 'vars': variables,
             'tasks': body}]


@pytest.fixture(scope='module')
def cycles():
    return [lifecycle(module) for module in MODULES]


def test_lifecycle_files_match_modules(cycles):
    for cycle in cycles:
        assert cycle['change'], '%s: the lifecycle needs a change' % cycle['module']
        assert cycle['bad'] and cycle['bad_message'], '%s: the lifecycle needs bad input and its message' % (
            cycle['module'])
        assert cycle['create'][cycle['fqcn']].get('state', 'present') == 'present', cycle['module']


@pytest.mark.skipif(not MODULES, reason='no lifecycle files')
def test_lifecycles(playbook, lab_env, tmp_path, cycles):
    from tests.integration.test_module_examples import example_vars, write_fixture_files
    lab = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                     lab_env['PEXIP_CA_PATH'])
    lab.reset()
    write_fixture_files(str(tmp_path), lab_env)
    variables = example_vars(lab_env)
    secrets = {}
    for cycle in cycles:
        variables.update(cycle['vars'])
        secrets.update((str(value), cycle['module']) for value in cycle['vars'].values())
    results_file = str(tmp_path / 'results.json')
    variables['results_file'] = results_file
    inventory = tmp_path / 'shards.ini'
    inventory.write_text('[shards]\n' + ''.join(
        'shard%d ansible_connection=local ansible_python_interpreter=%s\n' % (index, sys.executable)
        for index in range(SHARDS)))
    shard = dict((cycle['module'], index % SHARDS) for index, cycle in enumerate(cycles))

    def run(phase, tasks, *args, register=True, owners=None):
        """Run ``tasks`` (``owners[i]``: the module of task i); the results, task by task, and the writes."""
        path = tmp_path / ('%s.yml' % phase)
        shard_of = [shard[module] for module in owners] if owners else None
        path.write_text(yaml.safe_dump(_play(phase, tasks, variables, register, shard_of), sort_keys=False,
                                       width=1000))
        for index in range(SHARDS):
            if os.path.exists('%s.shard%d' % (results_file, index)):
                os.remove('%s.shard%d' % (results_file, index))
        lab.clear_requests()
        outcome = playbook(str(path), '-i', str(inventory), *args, cwd=str(tmp_path))
        writes = [entry for entry in lab.writes() if entry['path'].startswith(CONFIG)]
        results = []
        if register:
            by_shard = {}
            for index in range(SHARDS):
                name = '%s.shard%d' % (results_file, index)
                by_shard[index] = json.load(open(name)) if os.path.exists(name) else []
            for index in range(len(tasks)):
                own = by_shard.get(shard_of[index] if shard_of else 0) or []
                results.append(own[index] if index < len(own) else {'failed': True, 'msg': 'no result'})
        assert outcome.rc == 0 or register, '%s failed:\n%r' % (phase, outcome)
        # the collection uses only supported APIs of every ansible-core it runs on (as Run.expect_success checks)
        assert 'DEPRECATION WARNING' not in outcome.out + outcome.err, '%s printed a deprecation warning:\n%r' % (
            phase, outcome)
        return outcome, results, writes

    def leaked(text):
        return sorted('%s (%s)' % (secret, module) for secret, module in secrets.items() if secret in text)

    problems = []

    def expect(phase, results, test, what):
        for cycle, result in zip(cycles_run, results):
            message = test(cycle, result)
            if message:
                problems.append('%s / %s: %s%s' % (phase, cycle['module'], what, message if message is not True
                                                   else '') + ' -> %s' % json.dumps(result)[:600])

    cycles_run = cycles
    setup = [task for cycle in cycles for task in cycle['setup']]
    if setup:
        # the setup of one module may use what another's creates: one host runs it all, in order
        outcome, _results, _writes = run('setup', setup, register=False)
        assert outcome.rc == 0 and 'failed=0' in outcome.out, 'setup failed:\n%r' % outcome

    creates = [dict(cycle['create'], name='create %s' % cycle['module']) for cycle in cycles]
    owners = [cycle['module'] for cycle in cycles]
    outcome, results, writes = run('check', creates, '--check', owners=owners)
    expect('check mode', results, lambda c, r: None if r.get('changed') and not r.get('failed') else True,
           'should report a change and not fail')
    assert not writes, 'check mode wrote: %s' % writes

    outcome, results, writes = run('create', creates, '-vvv', owners=owners)
    expect('create', results, lambda c, r: None if r.get('changed') and not r.get('failed') else True,
           'should create')
    assert not leaked(outcome.out + outcome.err), 'secrets at -vvv: %s' % leaked(outcome.out + outcome.err)

    outcome, results, writes = run('rerun', creates, owners=owners)
    expect('rerun', results, lambda c, r: None if not r.get('changed') and not r.get('failed') else True,
           'should change nothing')
    assert not writes, 'the rerun wrote: %s' % writes

    changes = [_with(cycle['create'], cycle['fqcn'], cycle['change'], 'change %s' % cycle['module'])
               for cycle in cycles]
    outcome, results, writes = run('change', changes, '--diff', owners=owners)

    def changed_with_diff(cycle, result):
        if not result.get('changed') or result.get('failed'):
            return 'should change'
        after = (result.get('diff') or {}).get('after') or {}
        missing = [name for name in cycle['change_fields'] if name not in after]
        return 'the diff lacks %s' % missing if missing else None
    expect('change', results, changed_with_diff, '')
    assert not leaked(outcome.out + json.dumps(results)), 'secrets in the change output: %s' % leaked(
        outcome.out + json.dumps(results))

    bads = [_with(cycle['create'], cycle['fqcn'], cycle['bad'], 'bad %s' % cycle['module']) for cycle in cycles]
    outcome, results, writes = run('bad', bads, owners=owners)

    def refused(cycle, result):
        if not result.get('failed'):
            return 'should fail'
        if not re.search(cycle['bad_message'], result.get('msg', '')):
            return 'message %r does not match %r' % (result.get('msg'), cycle['bad_message'])
        return None
    expect('bad input', results, refused, '')
    assert not writes, 'bad input wrote: %s' % writes
    assert not leaked(outcome.out), 'secrets in the bad-input output: %s' % leaked(outcome.out)

    cycles_run = [cycle for cycle in cycles if cycle['absent_task']]
    deletes = [dict(task, name='delete %s: %s' % (cycle['module'], task.get('name')))
               for cycle in cycles_run for task in cycle['delete']]
    outcome, results, writes = run('delete', deletes,
                                   owners=[cycle['module'] for cycle in cycles_run for _task in cycle['delete']])
    # only the absent task of each module is checked here: the examples between create and it run too
    positions = []
    position = 0
    for cycle in cycles_run:
        position += len(cycle['delete'])
        positions.append(position - 1)
    expect('delete', [results[index] for index in positions],
           lambda c, r: None if r.get('changed') and not r.get('failed') else True, 'should delete')
    again = [dict(cycle['absent_task'], name='delete again %s' % cycle['module']) for cycle in cycles_run]
    outcome, results, writes = run('delete-again', again, owners=[cycle['module'] for cycle in cycles_run])
    expect('delete again', results, lambda c, r: None if not r.get('changed') and not r.get('failed') else True,
           'should change nothing')
    assert not writes, 'deleting again wrote: %s' % writes

    teardown = [task for cycle in cycles for task in cycle['teardown']]
    if teardown:
        outcome, _results, _writes = run('teardown', teardown, register=False)
        assert outcome.rc == 0 and 'failed=0' in outcome.out, 'teardown failed:\n%r' % outcome
    assert not problems, '%d lifecycle problems:\n' % len(problems) + '\n'.join(problems)
