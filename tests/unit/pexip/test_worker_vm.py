"""Conferencing Node deployment logic against a scripted API."""

import os

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import WORKER_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_worker_vm import STATUS_PATH, WorkerVmDeployer

from fake_http import FakeResponse, listing

NODES = '/api/admin/configuration/v1/worker_vm/'
LOC = '/api/admin/configuration/v1/system_location/'
BLOB = b'<provisioning><token>0123456789abcdef0123456789abcdef</token></provisioning>'


def node(**extra):
    obj = {'id': 7, 'name': 'n1', 'hostname': 'n1', 'domain': 'example.test', 'address': '192.0.2.7',
           'netmask': '255.255.255.0', 'gateway': '192.0.2.1', 'ipv6_address': None, 'ipv6_gateway': None,
           'node_type': 'CONFERENCING', 'system_location': LOC + '1/', 'snmp_community': 'public',
           'resource_uri': NODES + '7/'}
    obj.update(extra)
    return obj


def params(**values):
    base = dict((name, None) for name in WORKER_VM.fields)
    base.update(state='present', deployment_type='MANUAL-PROVISION-ONLY', dest=None, bootstrap=False, recreate=False,
                wait=False, wait_timeout=10, update_password='on_create', clear=[], host=None, host_username=None,
                host_password=None, host_network=None, host_resource_path=None)
    base.update(name='n1', hostname='n1', domain='example.test', address='192.0.2.7', netmask='255.255.255.0',
                gateway='192.0.2.1', system_location='London', password='pw-secret')
    base.update(values)
    return base


def locations(session):
    session.add('GET', LOC, listing([{'id': 1, 'name': 'London', 'resource_uri': LOC + '1/'}]))


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def deployer(client, p, check_mode=False, warnings=None, clock=None):
    clock = clock or Clock()
    return WorkerVmDeployer(client, p, check_mode=check_mode, diff_mode=True,
                            warn=(warnings.append if warnings is not None else None), sleep=clock.sleep, clock=clock)


def test_create_streams_the_file_once_with_mode_0600_and_keeps_it_out_of_the_result(client, session, tmp_path):
    dest = tmp_path / 'n1.xml'
    session.add('GET', NODES, listing([]))
    locations(session)
    session.add('POST', NODES, FakeResponse(201, headers={'Location': 'https://mgr' + NODES + '7/'}, text=BLOB.decode()))
    session.add('GET', NODES + '7/', FakeResponse(200, node()))
    result = deployer(client, params(dest=str(dest))).run()
    assert dest.read_bytes() == BLOB
    assert os.stat(str(dest)).st_mode & 0o777 == 0o600
    assert result['changed'] and result['dest_size'] == len(BLOB)
    assert '0123456789abcdef' not in repr(result)
    assert 'pw-secret' not in repr(result)
    post = [c for c in session.writes() if c['method'] == 'POST'][0]
    assert post['data']['deployment_type'] == 'MANUAL-PROVISION-ONLY'
    assert post['data']['password'] == 'pw-secret'
    assert result['diff']['after']['password'] == '********'
    assert os.listdir(str(tmp_path)) == ['n1.xml']  # no temporary file left


def test_vmware_sends_host_credentials_only_in_the_post(client, session):
    session.add('GET', NODES, listing([]))
    locations(session)
    session.add('POST', NODES, FakeResponse(201, headers={'Location': NODES + '7/'}))
    session.add('GET', NODES + '7/', FakeResponse(200, node()))
    p = params(deployment_type='VMWARE', host='1', host_username='svc', host_password='vc-secret')
    result = deployer(client, p).run()
    post = session.writes()[0]['data']
    assert post['host'] == 1 and post['host_password'] == 'vc-secret'
    assert 'vc-secret' not in repr(result)
    assert 'dest' not in result


def test_check_mode_creates_nothing_and_writes_no_file(client, session, tmp_path):
    session.add('GET', NODES, listing([]))
    locations(session)
    result = deployer(client, params(deployment_type='MANUAL', dest=str(tmp_path / 'n1.ova')), check_mode=True).run()
    assert result['changed'] and session.writes() == []
    assert os.listdir(str(tmp_path)) == []


def test_existing_node_is_not_rewritten_and_password_is_not_sent(client, session):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    result = deployer(client, params()).run()
    assert not result['changed'] and session.writes() == []


def test_updating_an_existing_node_needs_no_dest(client, session):
    session.add('GET', NODES, listing([node()]))
    session.add('PATCH', NODES + '7/', FakeResponse(202))
    session.add('GET', NODES + '7/', FakeResponse(200, node(description='rack 4')))
    p = dict((name, None) for name in params())
    p.update(name='n1', state='present', deployment_type='MANUAL-PROVISION-ONLY', description='rack 4', clear=[])
    result = deployer(client, p).run()
    assert result['changed'] and session.writes()[0]['data'] == {'description': 'rack 4'}


def test_a_synced_node_whose_file_was_deleted_is_left_alone(client, session, tmp_path):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH, listing([{'configuration_id': 7, 'sync_status': 'SYNCED',
                                              'deploy_status': 'DEPLOYED'}]))
    warnings = []
    result = deployer(client, params(dest=str(tmp_path / 'gone.xml'), recreate_if_file_missing=True),
                      warnings=warnings).run()
    assert not result['changed'] and session.writes() == [] and warnings == []


@pytest.mark.parametrize('check_mode', [False, True])
def test_a_lost_file_of_a_node_that_never_reported_fails_saying_what_to_do(client, session, tmp_path, check_mode):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH, listing([{'configuration_id': 7, 'sync_status': 'NEVER_CONTACTED',
                                              'deploy_status': 'NOT_DEPLOYED'}]))
    dest = str(tmp_path / 'n1.xml')
    with pytest.raises(ApiError) as exc:
        deployer(client, params(dest=dest), check_mode=check_mode).run()
    message = str(exc.value)
    assert "'n1' exists but has never reported" in message and dest in message
    assert 'set recreate_if_file_missing=true' in message and 'without dest' in message
    assert session.writes() == []


def test_recreate_if_file_missing_gets_a_new_file(client, session, tmp_path):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH, listing([]))  # never listed by the status API
    session.add('DELETE', NODES + '7/', FakeResponse(204))
    session.add('POST', NODES, FakeResponse(201, headers={'Location': NODES + '8/'}, text=BLOB.decode()))
    session.add('GET', NODES + '8/', FakeResponse(200, node(id=8, resource_uri=NODES + '8/')))
    dest = tmp_path / 'n1.xml'
    result = deployer(client, params(dest=str(dest), recreate_if_file_missing=True)).run()
    assert [c['method'] for c in session.writes()] == ['DELETE', 'POST']
    assert dest.read_bytes() == BLOB
    assert result['recreated'] and result['recreate_reason'] == 'deployment file missing'
    assert result['changed'] and result['dest_size'] == len(BLOB)


def test_recreate_checks_what_creation_needs_before_deleting(client, session, tmp_path):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH, listing([]))
    with pytest.raises(ApiError) as exc:
        deployer(client, params(dest=str(tmp_path / 'n1.xml'), recreate_if_file_missing=True, password=None)).run()
    assert 'needs password' in str(exc.value)
    with pytest.raises(ApiError) as exc:
        deployer(client, params(address='192.0.2.8', recreate=True)).run()
    assert 'set dest' in str(exc.value)
    with pytest.raises(ApiError) as exc:  # an identity change without the password: the node used to be deleted first
        deployer(client, params(address='192.0.2.8', recreate=True, dest=str(tmp_path / 'n1.xml'), password='')).run()
    assert 'needs password' in str(exc.value)
    assert session.writes() == []


def test_identity_change_is_refused_without_recreate(client, session):
    session.add('GET', NODES, listing([node()]))
    with pytest.raises(ApiError) as exc:
        deployer(client, params(address='192.0.2.8', dest='/tmp/x.xml')).run()
    assert "address is '192.0.2.7', the task wants '192.0.2.8'" in str(exc.value)
    assert 'recreate=true' in str(exc.value)
    assert session.writes() == []


def test_recreate_deletes_then_posts(client, session, tmp_path):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('DELETE', NODES + '7/', FakeResponse(204))
    session.add('POST', NODES, FakeResponse(201, headers={'Location': NODES + '8/'}, text='<x/>'))
    session.add('GET', NODES + '8/', FakeResponse(200, node(id=8, address='192.0.2.8', resource_uri=NODES + '8/')))
    result = deployer(client, params(address='192.0.2.8', recreate=True, dest=str(tmp_path / 'n.xml'))).run()
    assert [c['method'] for c in session.writes()] == ['DELETE', 'POST']
    assert result['recreated'] and result['replaced']['address'] == '192.0.2.7'


def test_node_type_change_warns(client, session):
    session.add('GET', NODES, listing([node()]))
    session.add('PATCH', NODES + '7/', FakeResponse(202))
    session.add('GET', NODES + '7/', FakeResponse(200, node(node_type='PROXYING')))
    warnings = []
    p = dict((name, None) for name in params())
    p.update(name='n1', state='present', deployment_type='MANUAL', node_type='PROXYING', clear=[])
    deployer(client, p, warnings=warnings).run()
    assert len(warnings) == 1
    assert any('disconnects every call' in w for w in warnings)
    assert session.writes()[0]['data'] == {'node_type': 'PROXYING'}


def test_wait_polls_the_status_api_until_synced(client, session):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH,
                listing([{'configuration_id': 7, 'sync_status': 'NEVER_CONTACTED', 'deploy_status': 'NOT_DEPLOYED'}]),
                listing([{'configuration_id': 9, 'sync_status': 'SYNCED'},
                         {'configuration_id': 7, 'sync_status': 'SYNCED', 'deploy_status': 'DEPLOYED'}]))
    clock = Clock()
    result = deployer(client, params(wait=True), clock=clock).run()
    assert result['status']['configuration_id'] == 7
    assert result['wait_seconds'] == 1.0


def test_wait_times_out_with_the_last_status(client, session):
    session.add('GET', NODES, listing([node()]))
    locations(session)
    session.add('GET', STATUS_PATH, listing([{'configuration_id': 7, 'sync_status': 'NEVER_CONTACTED',
                                              'deploy_status': 'NOT_DEPLOYED', 'last_attempted_contact': None}]))
    with pytest.raises(ApiError) as exc:
        deployer(client, params(wait=True, wait_timeout=5)).run()
    assert 'was not synced after 5 seconds' in str(exc.value)
    assert 'sync_status=NEVER_CONTACTED' in str(exc.value)


def test_option_errors_before_any_request(client, session):
    with pytest.raises(ApiError) as exc:
        deployer(client, params(deployment_type='VMWARE', bootstrap=True)).run()
    assert 'VMWARE needs host, host_username, host_password' in str(exc.value)
    assert 'bootstrap needs deployment_type MANUAL-PROVISION-ONLY' in str(exc.value)
    assert session.calls == []
    session.add('GET', NODES, listing([]))
    with pytest.raises(ApiError) as exc:
        deployer(client, params(deployment_type='MANUAL')).run()
    assert 'returns a file when the node is created: set dest' in str(exc.value)
    assert session.writes() == []


def test_lost_answer_after_create_is_reported(client, session, tmp_path):
    session.add('GET', NODES, listing([]), listing([node()]))
    locations(session)
    session.add('POST', NODES, FakeResponse(503, {'error': 'busy'}))
    with pytest.raises(ApiError) as exc:
        deployer(client, params(dest=str(tmp_path / 'n.xml'))).run()
    assert 'cannot be downloaded again' in str(exc.value) and 'recreate_if_file_missing=true' in str(exc.value)
