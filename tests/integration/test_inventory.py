"""The ucops.platform.pexip_nodes inventory plugin against the lab, through ansible-inventory."""

import json
import os
import subprocess
import sys
import uuid

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)
CONFIG = '/api/admin/configuration/v1/'


def plain(value):
    """ansible-inventory marks untrusted strings as {"__ansible_unsafe": ...}: unwrap them."""
    if isinstance(value, dict):
        if set(value) == {'__ansible_unsafe'}:
            return value['__ansible_unsafe']
        return dict((k, plain(v)) for k, v in value.items())
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@pytest.fixture
def lab_nodes(lab_env):
    """A location with one Conferencing and one Proxying node, removed afterwards."""
    session = requests.Session()
    session.auth = (lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'])
    session.verify = lab_env['PEXIP_CA_PATH']
    session.trust_env = False  # REQUESTS_CA_BUNDLE would override verify
    base = lab_env['PEXIP_URL']
    tag = uuid.uuid4().hex[:6]
    created = []
    try:
        answer = session.post(base + CONFIG + 'system_location/', json={'name': 'Inventory %s (A/B)' % tag})
        assert answer.status_code == 201, answer.text
        location = answer.headers['Location'].split(base, 1)[-1]
        created.append(location)
        names = {}
        for index, node_type in enumerate(('CONFERENCING', 'PROXYING')):
            name = 'inv-%s-%s' % (tag, node_type[:4].lower())
            answer = session.post(base + CONFIG + 'worker_vm/', json={
                'name': name, 'hostname': name, 'domain': 'example.test', 'address': '127.0.%d.%d' % (index + 80, 10),
                'netmask': '255.0.0.0', 'gateway': '127.0.0.1', 'password': 'Node-pw-%s' % tag,
                'node_type': node_type, 'system_location': location})
            assert answer.status_code == 201, answer.text
            created.insert(0, answer.headers['Location'].split(base, 1)[-1])
            names[node_type] = name
        yield tag, names
    finally:
        for uri in created:
            session.delete(base + uri if uri.startswith('/') else uri)


def run_inventory(lab_env, tmp_path, config, *args):
    path = tmp_path / 'lab.pexip_nodes.yml'
    path.write_text(config)
    env = dict(os.environ)
    env.update(lab_env)
    env.update({'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'), 'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
                'ANSIBLE_INVENTORY_UNPARSED_FAILED': 'true', 'ANSIBLE_NOCOLOR': '1'})
    completed = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(path)] + list(args), env=env,
                               capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed


def test_nodes_as_hosts_grouped_with_status(lab_env, lab_nodes, tmp_path):
    tag, names = lab_nodes
    output = tmp_path / 'inventory.json'
    completed = run_inventory(lab_env, tmp_path, 'plugin: ucops.platform.pexip_nodes\n'
                              'keyed_groups:\n  - key: pexip_deploy_status\n    prefix: deploy\n',
                              '--list', '--output', str(output), '-vvv')
    text = output.read_text()
    assert lab_env['PEXIP_PASSWORD'] not in completed.stdout + completed.stderr + text
    assert 'Node-pw-' not in text
    data = plain(json.loads(text))
    conf, proxy = names['CONFERENCING'], names['PROXYING']
    hostvars = data['_meta']['hostvars']
    assert hostvars[conf]['ansible_host'] == '127.0.80.10'
    assert hostvars[conf]['pexip_system_location'] == 'Inventory %s (A/B)' % tag
    assert hostvars[conf]['pexip_node_type'] == 'CONFERENCING'
    assert hostvars[conf]['pexip_status']['configuration_id'] == hostvars[conf]['pexip_id']
    assert hostvars[conf]['pexip_sync_status'] == hostvars[conf]['pexip_status']['sync_status']
    assert 'pexip_password' not in hostvars[conf] and 'pexip_snmp_community' not in hostvars[conf]
    location_group = 'pexip_location_inventory_%s__a_b_' % tag
    assert sorted(data[location_group]['hosts']) == sorted([conf, proxy])
    assert conf in data['pexip_type_conferencing']['hosts']
    assert proxy in data['pexip_type_proxying']['hosts']
    sync_group = 'pexip_sync_%s' % hostvars[conf]['pexip_sync_status'].lower()
    assert conf in data[sync_group]['hosts']
    assert conf in data['deploy_%s' % hostvars[conf]['pexip_deploy_status']]['hosts']


def test_wrong_password_fails_with_the_cause(lab_env, tmp_path):
    path = tmp_path / 'bad.pexip_nodes.yml'
    path.write_text('plugin: ucops.platform.pexip_nodes\n')
    env = dict(os.environ)
    env.update(lab_env)
    env.update({'PEXIP_PASSWORD': 'not-the-password-42', 'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
                'ANSIBLE_INVENTORY_UNPARSED_FAILED': 'true', 'ANSIBLE_NOCOLOR': '1'})
    completed = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(path), '--list'], env=env,
                               capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert 'HTTP 401' in output and 'authentication failed' in output
    assert 'not-the-password-42' not in output
