"""pexip_upgrade (chunked upload, validation, following the nodes) and pexip_ldap_sync against a scripted API."""

import pytest
import requests

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_ldap_sync import LdapSync, SyncFailed
from ansible_collections.ucops.platform.plugins.module_utils.pexip_upgrade import Upgrade, same_version, version_key

from fake_http import FakeResponse, listing

MGR = '/api/admin/status/v1/management_vm/'
WORKERS = '/api/admin/status/v1/worker_vm/'
COMMAND = '/api/admin/command/v1/platform/upgrade/'
REQUEST = '/api/admin/configuration/v1/upgrade_request/abc/'
TEMPLATES = '/api/admin/configuration/v1/conference_sync_template/'
SYNC_STATUS = '/api/admin/status/v1/conference_sync/'
SYNC = '/api/admin/command/v1/conference/sync/'


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def node(name, version, status='IDLE', sync='SYNCED'):
    return {'name': name, 'version': version, 'upgrade_status': status, 'sync_status': sync}


def params(package, **extra):
    base = {'package': str(package), 'version': None, 'validate_only': False, 'wait': True, 'timeout': 60,
            'poll_interval': 1, 'chunk_size': 4}
    base.update(extra)
    return base


@pytest.fixture
def package(tmp_path):
    path = tmp_path / 'upgrade.tar'
    path.write_bytes(b'0123456789')
    return path


def test_versions_compare_by_their_numbers():
    assert version_key('37.0.0 (80034.0.0)') == version_key('37') == (37,)
    assert same_version('37.0', '37.0.0') and not same_version('37.1', '37')
    assert version_key('36.0') < version_key('37.0') and version_key(None) is None


def test_platform_at_the_version_uploads_nothing(client, session, package):
    session.add('GET', MGR, listing([node('mgr', '37.0')]))
    session.add('GET', WORKERS, listing([node('n1', '37.0.0 (lab)')]))
    result = Upgrade(client, params(package, version='37.0')).run()
    assert result['changed'] is False and session.writes() == []


def test_refused_package_is_cancelled_and_named(client, session, package):
    session.add('GET', MGR, listing([node('mgr', '36.0')]))
    session.add('GET', WORKERS, listing([]))
    session.add('POST', COMMAND, FakeResponse(200, {'status': 'success', 'data': {'upload_id': 'abc'}}))
    session.add('POST', REQUEST + 'upload/', FakeResponse(200, {'ok': True}))
    session.add('POST', REQUEST + 'finish/', FakeResponse(400, {'upgrade_request': {'package': ['Not a package.']}}))
    session.add('POST', REQUEST + 'cancel/', FakeResponse(200, {'ok': True}))
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(package)).run()
    assert 'upgrade.tar failed validation' in str(info.value) and 'Not a package.' in str(info.value)
    writes = [(call['path'], (call['data'] or {}).get('offset')) for call in session.writes()]
    # 10 bytes in chunks of 4 at offsets 0, 4, 8; one validation; the upload dropped; never started
    assert writes == [(COMMAND, None), (REQUEST + 'upload/', '0'), (REQUEST + 'upload/', '4'),
                      (REQUEST + 'upload/', '8'), (REQUEST + 'finish/', None), (REQUEST + 'cancel/', None)]
    assert session.writes()[0]['data'] == {'request': True, 'total_size': 10}


def test_upgrade_followed_through_a_restarting_manager(client, session, package):
    """The request's uuid from a Location header; a dropped connection while the manager restarts is waited out."""
    clock = Clock()
    session.add('GET', MGR, listing([node('mgr', '36.0')]), listing([node('mgr', '36.0', 'INSTALLING')]),
                requests.ConnectionError('connection refused'), listing([node('mgr', '37.0')]))
    session.add('GET', WORKERS, listing([node('n1', '36.0')]), listing([node('n1', '36.0', 'WAITING')]),
                listing([node('n1', '37.0')]))
    session.add('POST', COMMAND, FakeResponse(200, {'status': 'success'}, headers={'Location': REQUEST}))
    session.add('POST', REQUEST + 'upload/', FakeResponse(200, {'ok': True}))
    session.add('POST', REQUEST + 'finish/', FakeResponse(200, {'ok': True, 'upgrade': {'version': '37.0'}}))
    result = Upgrade(client, params(package, chunk_size=100), sleep=clock.sleep, clock=clock).run()
    assert result['changed'] is True and result['version'] == '37.0' and result['upgrade_request'] == 'abc'
    assert [(step['node'], step['upgrade_status']) for step in result['progress']] == [
        ('mgr', 'INSTALLING'), ('n1', 'WAITING'), ('mgr', 'IDLE'), ('n1', 'IDLE')]
    assert [call['data'] for call in session.writes() if call['path'].endswith('finish/')] == [
        {'validate_only': True}, {'validate_only': False}]


def test_timeout_names_the_nodes_behind(client, session, package):
    clock = Clock()
    session.add('GET', MGR, listing([node('mgr', '36.0')]), listing([node('mgr', '37.0')]))
    session.add('GET', WORKERS, listing([node('n1', '36.0')]), listing([node('n1', '36.0', 'REBOOTING')]))
    session.add('POST', COMMAND, FakeResponse(200, {'data': {'upload_id': 'abc'}}))
    session.add('POST', REQUEST + 'upload/', FakeResponse(200, {'ok': True}))
    session.add('POST', REQUEST + 'finish/', FakeResponse(200, {'ok': True, 'upgrade': {'version': '37.0'}}))
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(package, chunk_size=100, timeout=5), sleep=clock.sleep, clock=clock).run()
    assert 'after 5 seconds 1 of 2 nodes do not report version 37.0 yet: n1 (REBOOTING, 36.0)' in str(info.value)


def test_busy_platform_and_downgrade_are_refused_before_any_write(client, session, package):
    session.add('GET', MGR, listing([node('mgr', '37.0', 'INSTALLING')]), listing([node('mgr', '37.0')]))
    session.add('GET', WORKERS, listing([]))
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(package, version='38.0')).run()
    assert 'already under way (mgr: INSTALLING)' in str(info.value)
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(package, version='36.0')).run()
    assert 'installs 36.0, older than the running 37.0' in str(info.value)
    assert session.writes() == []


def sync_entry(status, when, created=0, unchanged=0, errors=0, description=''):
    return {'id': 1, 'configuration_id': 3, 'sync_status': status, 'last_updated': when, 'sync_errors': errors,
            'sync_last_error_description': description, 'sync_progress': 100 if status != 'SYNCING' else 40,
            'vmrs_created': created, 'vmrs_unchanged': unchanged}


def test_ldap_sync_waits_for_this_sync_and_counts(client, session):
    clock = Clock()
    session.add('GET', TEMPLATES, listing([{'id': 3, 'name': 'Staff'}]))
    previous = sync_entry('COMPLETED', '2026-01-01T10:00:00', created=5)
    session.add('GET', SYNC_STATUS, listing([previous]), listing([previous]),
                listing([sync_entry('COMPLETED', '2026-01-01T11:00:00', unchanged=5)]))
    session.add('POST', SYNC, FakeResponse(200, {'status': 'success'}))
    result = LdapSync(client, {'template': 'Staff', 'wait': True, 'timeout': 10, 'poll_interval': 1},
                      sleep=clock.sleep, clock=clock).run()
    assert result['changed'] is False and result['counts']['vmrs'] == {'created': 0, 'updated': 0, 'deleted': 0,
                                                                       'unchanged': 5}
    assert session.writes()[0]['data'] == {'conference_sync_template_id': '3'}


def test_ldap_sync_failure_keeps_the_counts(client, session):
    clock = Clock()
    session.add('GET', TEMPLATES, listing([{'id': 3, 'name': 'Staff'}]))
    session.add('GET', SYNC_STATUS, listing([]), listing([sync_entry('SYNCING', 't1')]),
                listing([sync_entry('FAILED', 't2', errors=1, description='bind refused')]))
    session.add('POST', SYNC, FakeResponse(200, {'status': 'success'}))
    with pytest.raises(SyncFailed) as info:
        LdapSync(client, {'template': 'Staff', 'wait': True, 'timeout': 10, 'poll_interval': 1},
                 sleep=clock.sleep, clock=clock).run()
    assert 'failed with 1 error(s): bind refused' in str(info.value)
    assert info.value.result['counts']['vmrs']['created'] == 0


def test_missing_or_empty_package_fails_before_any_request(client, session, tmp_path):
    empty = tmp_path / 'empty.tar'
    empty.write_bytes(b'')
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(empty)).run()
    assert 'is empty' in str(info.value)
    with pytest.raises(ApiError) as info:
        Upgrade(client, params(tmp_path / 'missing.tar')).run()
    assert 'is not a readable file' in str(info.value)
    assert session.calls == []


def test_a_node_that_never_reported_is_not_waited_for(client, session, package):
    """A Conferencing Node never contacted reports no version: the upgrade does not wait for it (it did, forever)."""
    clock = Clock()
    warnings = []
    session.add('GET', MGR, listing([node('mgr', '36.0')]), listing([node('mgr', '37.0')]))
    session.add('GET', WORKERS, listing([node('new', None, sync='NEVER_CONTACTED')]))
    session.add('POST', COMMAND, FakeResponse(200, {'data': {'upload_id': 'abc'}}))
    session.add('POST', REQUEST + 'upload/', FakeResponse(200, {'ok': True}))
    session.add('POST', REQUEST + 'finish/', FakeResponse(200, {'ok': True, 'upgrade': {'version': '37.0'}}))
    result = Upgrade(client, params(package, chunk_size=100, timeout=30), warn=warnings.append,
                     sleep=clock.sleep, clock=clock).run()
    assert result['changed'] is True and clock.now < 30
    assert [item['name'] for item in result['nodes']] == ['mgr']
    assert warnings == ['node new reports no version (sync_status NEVER_CONTACTED): it is not followed']
