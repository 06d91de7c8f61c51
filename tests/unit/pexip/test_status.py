"""The status API read (iter_status, read_status) and node maintenance (NodeMaintenance)."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_status import (
    DrainTimeout,
    NodeMaintenance,
    read_status,
)

from fake_http import FakeResponse, listing

STATUS = '/api/admin/status/v1/'
NODES = '/api/admin/configuration/v1/worker_vm/'
NODE_URI = NODES + '7/'
PARTICIPANTS = STATUS + 'participant/'


def _node(maintenance=False, reason=''):
    return {'id': 7, 'name': 'conf-01', 'address': '192.0.2.7', 'maintenance_mode': maintenance,
            'maintenance_mode_reason': reason, 'resource_uri': NODE_URI}


def _on_node(count):
    """One poll: the media_node and the signalling_node query, both naming the same participants."""
    people = [{'id': 'p%d' % index, 'media_node': '192.0.2.7', 'signalling_node': '192.0.2.7'}
              for index in range(count)]
    return [listing(people), listing(people)]


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def _params(**extra):
    params = {'name': 'conf-01', 'state': 'maintenance', 'reason': None, 'wait_drained': False,
              'drain_timeout': 3600.0}
    params.update(extra)
    return params


def test_iter_status_reads_every_page_of_the_status_api_with_filters(client, session):
    session.add('GET', STATUS + 'alarm/', listing([{'id': 1}], next_path=STATUS + 'alarm/?level=error&offset=1'),
                listing([{'id': 2}]))
    assert [a['id'] for a in read_status(client, 'alarm', {'level': 'error', 'acknowledged': False})] == [1, 2]
    first = session.calls[0]
    assert first['path'] == STATUS + 'alarm/'
    assert first['params']['level'] == 'error' and first['params']['acknowledged'] == 'false'


def test_a_status_resource_the_manager_lacks_is_named(client, session):
    with pytest.raises(ApiError) as caught:
        read_status(client, 'backplane')
    assert "no status resource 'backplane'" in str(caught.value) and caught.value.kind == 'not_found'
    with pytest.raises(ApiError) as bad:
        read_status(client, '../worker_vm')
    assert 'not a status resource name' in str(bad.value) and session.calls[1:] == []


def test_drain_sets_maintenance_and_waits_until_the_participants_leave(client, session):
    clock = Clock()
    session.add('GET', NODES, listing([_node()]))
    session.add('PATCH', NODE_URI, FakeResponse(202))
    session.add('GET', PARTICIPANTS, *(_on_node(3) + _on_node(3) + _on_node(1) + _on_node(0)))
    result = NodeMaintenance(client, _params(reason='patching', wait_drained=True), diff_mode=True,
                             sleep=clock.sleep, clock=clock).run()
    assert [w['data'] for w in session.writes()] == [{'maintenance_mode': True,
                                                      'maintenance_mode_reason': 'patching'}]
    assert result['changed'] and result['participants'] == 3 and result['participants_remaining'] == 0
    assert result['drained'] is True and result['drain_seconds'] == 3.0
    assert result['diff']['after'] == {'maintenance_mode': True, 'maintenance_mode_reason': 'patching'}
    queried = [call['params'] for call in session.calls if call['path'] == PARTICIPANTS]
    assert {'media_node': '192.0.2.7'} in [dict((k, v) for k, v in q.items() if k != 'limit') for q in queried]


def test_a_node_already_in_maintenance_is_left_alone(client, session):
    session.add('GET', NODES, listing([_node(True, 'patching')]))
    session.add('GET', PARTICIPANTS, *_on_node(0))
    result = NodeMaintenance(client, _params(reason='patching', wait_drained=True)).run()
    assert session.writes() == [] and result['changed'] is False and result['drained'] is True


def test_check_mode_predicts_and_neither_writes_nor_waits(client, session):
    session.add('GET', NODES, listing([_node()]))
    session.add('GET', PARTICIPANTS, *_on_node(2))
    result = NodeMaintenance(client, _params(wait_drained=True), check_mode=True).run()
    assert session.writes() == []
    assert result['changed'] is True and result['maintenance_mode'] is True
    assert (result['participants'], result['participants_remaining'], result['drained']) == (2, 2, False)


def test_a_drain_timeout_fails_with_the_count_still_connected(client, session):
    clock = Clock()
    session.add('GET', NODES, listing([_node()]))
    session.add('PATCH', NODE_URI, FakeResponse(202))
    session.add('GET', PARTICIPANTS, *(_on_node(4) + _on_node(2)))  # the last answer repeats
    with pytest.raises(DrainTimeout) as caught:
        NodeMaintenance(client, _params(wait_drained=True, drain_timeout=2.5), sleep=clock.sleep, clock=clock).run()
    assert "2 of its 4 participants were still connected after drain_timeout=2.5 seconds" in str(caught.value)
    assert caught.value.result['participants_remaining'] == 2 and caught.value.result['drained'] is False
    assert caught.value.result['drain_seconds'] == 2.5


def test_back_into_service_and_an_unknown_node(client, session):
    session.add('GET', NODES, listing([_node(True, 'patching')]), listing([]), listing([_node(True)]))
    session.add('PATCH', NODE_URI, FakeResponse(202))
    session.add('GET', PARTICIPANTS, *_on_node(0))
    result = NodeMaintenance(client, _params(state='in_service')).run()
    assert [w['data'] for w in session.writes()] == [{'maintenance_mode': False}]
    assert result['maintenance_mode'] is False and result['maintenance_mode_reason'] == 'patching'
    with pytest.raises(ApiError) as caught:
        NodeMaintenance(client, _params(name='conf-1')).run()
    assert "name='conf-1'" in str(caught.value) and "did you mean 'conf-01'" in str(caught.value)
