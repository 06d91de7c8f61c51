"""docs/nodes.md as a user runs it first: every YAML task block of the guide, in order, with --check.

The guide's examples create the location and the nodes of a real site (DNS servers that must
exist, files under /srv, a node that answers on 192.0.2.21), so the lab runs them in check mode:
they must succeed and write nothing, as a dry run of the guide on an empty manager does.
"""

import os
import re

import yaml

from lab.control import LabControl

HERE = os.path.dirname(os.path.abspath(__file__))
GUIDE = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'docs', 'nodes.md')
WRITES = ('POST', 'PUT', 'PATCH', 'DELETE')


def guide_tasks():
    with open(GUIDE) as handle:
        blocks = re.findall(r'```yaml\n(.*?)```', handle.read(), re.S)
    tasks = []
    for block in blocks:
        tasks.extend(yaml.safe_load(block))
    return tasks


def test_guide_runs_in_check_mode_and_writes_nothing(playbook, lab_env, tmp_path):
    lab = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                     lab_env['PEXIP_CA_PATH'])
    lab.reset()
    tasks = guide_tasks()
    assert len(tasks) >= 4
    play = [{'name': 'docs/nodes.md', 'hosts': 'localhost', 'gather_facts': False,
             'vars': {'vault_node_password': 'Node-Passw0rd-1'}, 'tasks': tasks}]
    path = tmp_path / 'nodes_guide.yml'
    path.write_text(yaml.safe_dump(play, sort_keys=False))
    lab.clear_requests()
    run = playbook(str(path), '--check', cwd=str(tmp_path)).expect_success()
    assert [entry for entry in lab.requests() if entry['method'] in WRITES] == []
    # every task ran but the one that reports how long a real run waited
    assert re.search(r'ok=%d .* failed=0 +skipped=1 ' % (len(tasks) - 1), run.out), run.out
