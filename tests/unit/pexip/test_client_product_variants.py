"""The client against the plausible product variants the lab's strict profile shows (lab/pexip/profile.py).

Each test scripts what a manager of the other reading answers: a filter its schema does not list
(tastypie's 400), a capped page without a next link, a creation without Location, a node status
read by its configuration id.
"""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import WORKER_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import matches_filter, refused_filter
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_platform_ops import licence
from ansible_collections.ucops.platform.plugins.module_utils.pexip_worker_vm import STATUS_PATH, node_status

from fake_http import FakeResponse, listing

DNS = '/api/admin/configuration/v1/dns_server/'
NODES = '/api/admin/configuration/v1/worker_vm/'
LIC = '/api/admin/configuration/v1/licence/'
LREQ = '/api/admin/configuration/v1/licence_request/'


def refused(field):
    return FakeResponse(400, {'error': "The '%s' field does not allow filtering." % field})


def gets(session, path):
    return [call for call in session.calls if call['method'] == 'GET' and call['path'] == path]


def test_a_refused_filter_is_applied_on_the_controller_and_the_schema_read_once(client, session):
    objects = [{'id': 1, 'address': '192.0.2.1', 'resource_uri': DNS + '1/'},
               {'id': 2, 'address': '192.0.2.2', 'resource_uri': DNS + '2/'}]
    session.add('GET', DNS, refused('address'), listing(objects))
    session.add('GET', DNS + 'schema/', FakeResponse(200, {'filtering': {'id': 1, 'name': 1}}))
    assert [obj['id'] for obj in client.find('dns_server', 'address', '192.0.2.2')] == [2]
    # the next lookup of the task knows: no refused filter sent, no schema read again
    assert [obj['id'] for obj in client.find('dns_server', 'address', '192.0.2.1')] == [1]
    lists = gets(session, DNS)
    assert lists[0]['params'] == {'address': '192.0.2.2', 'limit': 500}
    assert [call['params'] for call in lists[1:]] == [{'limit': 500}, {'limit': 500}]
    assert len(gets(session, DNS + 'schema/')) == 1


def test_allowed_filters_still_narrow_the_list_and_the_schema_moves_the_others(client, session):
    """name is allowed (sent), address refused by its 400, description refused by the schema (never sent)."""
    objects = [{'id': 3, 'name': 'a', 'address': '192.0.2.3', 'description': 'x'},
               {'id': 4, 'name': 'a', 'address': '192.0.2.3', 'description': 'y'}]
    session.add('GET', DNS, refused('address'), listing(objects))
    session.add('GET', DNS + 'schema/', FakeResponse(200, {'filtering': {'name': ['exact']}}))
    found = list(client.iter_list('dns_server', {'name': 'a', 'address': '192.0.2.3', 'description__iexact': 'Y'}))
    assert [obj['id'] for obj in found] == [4]
    assert gets(session, DNS)[1]['params'] == {'name': 'a', 'limit': 500}


def test_without_a_schema_only_the_refused_field_moves_to_the_controller(client, session):
    session.add('GET', DNS, refused('address'), listing([{'id': 5, 'name': 'b', 'address': '192.0.2.5'}]))
    session.add('GET', DNS + 'schema/', FakeResponse(404, {'error': 'not found'}))
    found = list(client.iter_list('dns_server', {'name': 'b', 'address': '192.0.2.5'}))
    assert [obj['id'] for obj in found] == [5]
    assert gets(session, DNS)[1]['params'] == {'name': 'b', 'limit': 500}


def test_another_400_is_not_taken_for_a_refused_filter(client, session):
    session.add('GET', DNS, FakeResponse(400, {'error': "Invalid limit '-1' provided."}))
    with pytest.raises(ApiError) as exc:
        list(client.iter_list('dns_server', {'address': '192.0.2.5'}))
    assert exc.value.status == 400 and len(gets(session, DNS)) == 1
    assert refused_filter(exc.value) is None


@pytest.mark.parametrize('key,value,expected', [
    ('address', '192.0.2.1', True),
    ('address__in', '192.0.2.9,192.0.2.1', True),
    ('address__startswith', '198.', False),
    ('name__icontains', 'LON', True),
    ('name__iexact', 'london-1', True),
    ('name__regex', '^lon.*1$', True),
    ('enabled', 'True', True),
    ('enabled', 'false', False),
    ('mtu__gte', '1400', True),
    ('mtu__lt', '1400', False),
    ('system_location', '7', True),
    ('system_location', '/api/admin/configuration/v1/system_location/7/', True),
    ('system_location', '8', False),
    ('conference', '12', True),
    ('description__isnull', 'true', True),
    ('tags__isnull', 'true', True),
])
def test_controller_filter_matches_as_the_manager_does(key, value, expected):
    obj = {'address': '192.0.2.1', 'name': 'london-1', 'enabled': True, 'mtu': 1500, 'description': None,
           'system_location': {'id': 7, 'resource_uri': '', 'name': 'London'},
           'conference': ['/api/admin/configuration/v1/conference/11/', '/api/admin/configuration/v1/conference/12/'],
           'tags': []}
    assert matches_filter(obj, key, value) is expected


def test_a_lookup_through_a_relation_cannot_be_applied_on_the_controller():
    with pytest.raises(ApiError) as exc:
        matches_filter({'conference': 1}, 'conference__name', 'x')
    assert 'conference__name' in str(exc.value) and exc.value.kind == 'usage'


def test_pages_follow_meta_next_and_the_count_when_a_capped_page_has_no_next(client, session):
    """A manager that caps the page (max_limit 1000) and, here, gives no next link: the count says more remain."""
    first = FakeResponse(200, {'meta': {'limit': 2, 'offset': 0, 'next': DNS + '?limit=2&offset=2',
                                        'total_count': 5}, 'objects': [{'id': 1}, {'id': 2}]})
    second = FakeResponse(200, {'meta': {'limit': 2, 'offset': 2, 'next': None, 'total_count': 5},
                                'objects': [{'id': 3}, {'id': 4}]})
    third = FakeResponse(200, {'meta': {'limit': 2, 'offset': 4, 'next': None, 'total_count': 5},
                               'objects': [{'id': 5}]})
    session.add('GET', DNS, first, second, third)
    assert [obj['id'] for obj in client.iter_list('dns_server', page_size=5000)] == [1, 2, 3, 4, 5]
    calls = gets(session, DNS)
    assert calls[1]['params'] is None and calls[1]['query'] == 'limit=2&offset=2'
    assert calls[2]['params'] == {'limit': 5000, 'offset': 4}
    assert len(calls) == 3


def test_a_creation_without_location_writes_the_body_once_and_finds_the_object_by_key(client, session):
    bodies = []
    session.add('POST', NODES, FakeResponse(201, text='OVA-BYTES'))
    session.add('GET', NODES, listing([{'id': 9, 'name': 'n9', 'resource_uri': NODES + '9/'}]))
    engine = Engine(client, WORKER_VM)
    uri = client.create('worker_vm', {'name': 'n9'}, on_response=lambda response: bodies.append(response.content),
                        lookup=lambda: (engine.find('n9') or {}).get('resource_uri'))
    assert uri == NODES + '9/' and bodies == [b'OVA-BYTES']
    assert len(session.writes()) == 1


def test_a_creation_without_location_and_not_found_fails_without_a_second_post(client, session):
    session.add('POST', NODES, FakeResponse(201, text='OVA-BYTES'))
    session.add('GET', NODES, listing([]))
    with pytest.raises(ApiError) as exc:
        client.create('worker_vm', {'name': 'n9'}, lookup=lambda: None)
    assert "worker_vm name='n9'" in str(exc.value) and 'no Location header' in str(exc.value)
    assert len(session.writes()) == 1


def test_a_licence_created_without_location_is_found_by_entitlement_id(client, session):
    active = {'fulfillment_id': 'FID-1', 'entitlement_id': 'AB12-CD34-EF56', 'status': 'ACTIVE'}
    session.add('GET', LIC, listing([]), listing([active]))
    session.add('POST', LIC, FakeResponse(201))
    result = licence(client, {'entitlement_id': 'AB12-CD34-EF56', 'state': 'present', 'offline_mode': False})
    assert result['changed'] is True and result['licence']['fulfillment_id'] == 'FID-1'
    assert len(session.writes()) == 1


def test_an_offline_licence_request_created_without_location_is_found_by_reference(client, session):
    pending = {'sequence_number': 'abc', 'reference': 'AB12-CD34-EF56', 'status': 'PENDING'}
    session.add('GET', LIC, listing([]))
    session.add('GET', LREQ, listing([]), listing([pending]))
    session.add('GET', LREQ + 'abc/', FakeResponse(200, dict(pending, resource_uri=LREQ + 'abc/')))
    session.add('POST', LIC, FakeResponse(201))
    result = licence(client, {'entitlement_id': 'AB12-CD34-EF56', 'state': 'present', 'offline_mode': True})
    assert result['licence_request']['resource_uri'] == LREQ + 'abc/'
    assert len(session.writes()) == 1


def test_node_status_by_detail_path_when_it_is_the_nodes(client, session):
    session.add('GET', STATUS_PATH + '7/', FakeResponse(200, {'id': 7, 'configuration_id': 7, 'sync_status': 'SYNCED'}))
    status, by_detail = node_status(client, 7)
    assert status['sync_status'] == 'SYNCED' and by_detail is True
    assert gets(session, STATUS_PATH) == []


def test_node_status_falls_back_on_the_list_when_the_detail_is_another_nodes(client, session):
    """Status ids that are not configuration ids: status/v1/worker_vm/7/ is another node's entry."""
    session.add('GET', STATUS_PATH + '7/', FakeResponse(200, {'id': 7, 'configuration_id': 3}))
    session.add('GET', STATUS_PATH, listing([{'id': 1007, 'configuration_id': 7, 'sync_status': 'NEVER_CONTACTED'}]))
    status, by_detail = node_status(client, 7)
    assert status['id'] == 1007 and by_detail is False
    # the next poll goes straight to the list
    node_status(client, 7, by_detail)
    assert len(gets(session, STATUS_PATH + '7/')) == 1


def test_node_status_list_filtered_on_the_controller_when_the_filter_is_refused(client, session):
    session.add('GET', STATUS_PATH, refused('configuration_id'),
                listing([{'id': 1003, 'configuration_id': 3}, {'id': 1007, 'configuration_id': 7}]))
    status, by_detail = node_status(client, 7)  # the detail path is 404 (not routed)
    assert status['id'] == 1007 and by_detail is False
    assert gets(session, STATUS_PATH)[-1]['params'] == {'limit': 500}
