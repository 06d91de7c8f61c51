"""Backups against a scripted API: each way a manager may answer backup_create and serve the file."""

import hashlib
import os
import stat

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_backups import system_backup

from fake_http import FakeResponse, listing

BACKUP = '/api/admin/configuration/v1/system_backup/'
CREATE = '/api/admin/command/v1/platform/backup_create/'
REQUESTS = '/api/admin/status/v1/backup_request/'
CONTENT = b'encrypted lab backup bytes' * 40
SHA = hashlib.sha256(CONTENT).hexdigest()
MADE = {'filename': 'b.pexbak', 'sha256sum': SHA, 'size': len(CONTENT), 'date': '2026-12-01T02:00:00',
        'resource_uri': BACKUP + 'b.pexbak/'}
OLD = {'filename': 'a.pexbak', 'sha256sum': 'aa', 'size': 3, 'date': '2026-11-01T02:00:00',
       'resource_uri': BACKUP + 'a.pexbak/'}


class FileAnswer(FakeResponse):
    def __init__(self, content=CONTENT):
        super(FileAnswer, self).__init__(200, headers={'Content-Type': 'application/octet-stream'})
        self.data = content
        self.closed = False

    def iter_content(self, size):
        return iter([self.data[:10], self.data[10:]])

    def close(self):
        self.closed = True


class JsonAnswer(FakeResponse):
    def __init__(self, body):
        super(JsonAnswer, self).__init__(200, body, headers={'Content-Type': 'application/json'})

    def close(self):
        pass


def params(**values):
    base = {'state': 'present', 'filename': None, 'passphrase': 's3cret-phrase', 'dest': None, 'src': None,
            'keep': None, 'timeout': 30}
    base.update(values)
    return base


def request_entry(state, download_uri=''):
    return {'state': state, 'message': '', 'download_uri': download_uri, 'resource_uri': REQUESTS + '1/',
            'created_at': '2026-12-01T02:00:00', 'updated_at': None}


def test_accepted_202_background_request_followed_and_file_from_the_backups_own_uri(client, session, tmp_path):
    """The better-evidenced reading: 202 without a body, the file at the backup's own URI."""
    session.add('GET', BACKUP, listing([OLD]), listing([OLD]), listing([OLD]), listing([OLD, MADE]))
    session.add('GET', REQUESTS, listing([]), listing([request_entry('queued')]),
                listing([request_entry('in_progress')]), listing([request_entry('completed', MADE['resource_uri'])]))
    session.add('POST', CREATE, FakeResponse(202, text=''))
    session.add('GET', MADE['resource_uri'], FileAnswer())
    result = system_backup(client, params(dest=str(tmp_path) + '/'))
    target = tmp_path / 'b.pexbak'
    assert result['changed'] is True and result['system_backup']['filename'] == 'b.pexbak'
    assert result['download_route'] == MADE['resource_uri'] and result['sha256_verified'] is True
    # asked again after 0.25 s and 0.5 s (then every second), not a whole second each time
    assert result['backup_request']['request'] == REQUESTS + '1/' and result['backup_request']['waited'] == 0.75
    assert target.read_bytes() == CONTENT and stat.S_IMODE(os.stat(str(target)).st_mode) == 0o600
    assert session.writes()[0]['data'] == {'passphrase': 's3cret-phrase', 'request': True}


def test_sdk_status_message_and_file_at_the_requests_download_uri(client, session, tmp_path):
    download = MADE['resource_uri'] + 'download/'
    session.add('GET', BACKUP, listing([]), listing([MADE]))
    session.add('GET', REQUESTS, listing([]), listing([request_entry('completed', download)]))
    session.add('POST', CREATE, FakeResponse(200, {'status': 'success', 'message': 'Backup created successfully'}))
    session.add('GET', download, FileAnswer())
    result = system_backup(client, params(dest=str(tmp_path / 'copy.pexbak')))
    assert result['download_route'] == download and (tmp_path / 'copy.pexbak').read_bytes() == CONTENT
    assert result['backup_request']['answer'] == 'status message (HTTP 200)'


def test_envelope_without_background_requests_and_the_download_route(client, session, tmp_path):
    """A manager that refuses request (400 naming it) gets the plain command; its detail URI is JSON."""
    session.add('GET', BACKUP, listing([]), listing([MADE]))
    session.add('GET', REQUESTS, listing([]))
    session.add('POST', CREATE, FakeResponse(400, {'backup_create': {'request': ['Not available.']}}),
                FakeResponse(200, {'status': 'success', 'data': MADE}))
    session.add('GET', MADE['resource_uri'], JsonAnswer(MADE))
    session.add('GET', MADE['resource_uri'] + 'download/', FileAnswer())
    result = system_backup(client, params(dest=str(tmp_path) + '/'))
    assert [call['data'] for call in session.writes()] == [{'passphrase': 's3cret-phrase', 'request': True},
                                                           {'passphrase': 's3cret-phrase'}]
    assert result['download_route'] == MADE['resource_uri'] + 'download/'
    assert result['backup_request']['answer'] == 'backup in the answer'


def test_manager_without_backup_requests_finds_the_new_backup_by_listing(client, session):
    session.add('GET', BACKUP, listing([OLD]), listing([OLD]), listing([OLD, MADE]))
    session.add('POST', CREATE, FakeResponse(202, text=''))
    result = system_backup(client, params())
    assert result['system_backup'] == MADE and session.writes()[0]['data'] == {'passphrase': 's3cret-phrase'}


def test_failed_request_fails_with_its_message(client, session):
    failed = dict(request_entry('failed'), message='not enough disk space')
    session.add('GET', BACKUP, listing([]))
    session.add('GET', REQUESTS, listing([]), listing([failed]))
    session.add('POST', CREATE, FakeResponse(202, text=''))
    with pytest.raises(ApiError) as info:
        system_backup(client, params())
    assert "ended 'failed': not enough disk space" in str(info.value)
    assert 's3cret-phrase' not in str(info.value)


def test_a_request_that_never_completes_times_out_naming_its_state(client, session):
    session.add('GET', BACKUP, listing([]))
    session.add('GET', REQUESTS, listing([]), listing([request_entry('in_progress')]))
    session.add('POST', CREATE, FakeResponse(202, text=''))
    with pytest.raises(ApiError) as info:
        system_backup(client, params(timeout=3))
    assert info.value.kind == 'timeout' and 'no new backup after 3 s' in str(info.value)
    assert 'state in_progress' in str(info.value)


def test_a_download_that_does_not_match_the_checksum_leaves_nothing(client, session, tmp_path):
    session.add('GET', BACKUP, listing([MADE]))
    session.add('GET', MADE['resource_uri'], FileAnswer(b'tampered'))
    with pytest.raises(ApiError) as info:
        system_backup(client, params(filename='b.pexbak', dest=str(tmp_path) + '/'))
    assert 'does not match its sha256sum' in str(info.value) and os.listdir(str(tmp_path)) == []


def test_no_route_serves_the_file(client, session, tmp_path):
    session.add('GET', BACKUP, listing([MADE]))
    session.add('GET', MADE['resource_uri'], JsonAnswer(MADE))
    with pytest.raises(ApiError) as info:
        system_backup(client, params(filename='b.pexbak', dest=str(tmp_path) + '/'))
    assert 'no route served the file of backup b.pexbak' in str(info.value)
    assert 'download/ (HTTP 404)' in str(info.value)


def test_present_with_filename_and_the_file_already_there_downloads_nothing(client, session, tmp_path):
    (tmp_path / 'b.pexbak').write_bytes(CONTENT)
    session.add('GET', BACKUP, listing([MADE]))
    result = system_backup(client, params(filename='b.pexbak', dest=str(tmp_path) + '/'))
    assert result['changed'] is False and result['download_route'] is None
    assert [call['path'] for call in session.calls] == [BACKUP]


def test_prune_keeps_the_newest_and_check_mode_deletes_nothing(client, session):
    newest = dict(MADE, filename='c.pexbak', date='2026-12-02T00:00:00', resource_uri=BACKUP + 'c.pexbak/')
    session.add('GET', BACKUP, listing([newest, OLD, MADE]))
    predicted = system_backup(client, params(state='pruned', keep=2), check_mode=True, diff_mode=True)
    assert predicted['changed'] is True and predicted['removed'] == ['a.pexbak'] and session.writes() == []
    assert predicted['backups'] == ['b.pexbak', 'c.pexbak']
    session.add('DELETE', OLD['resource_uri'], FakeResponse(204))
    done = system_backup(client, params(state='pruned', keep=2))
    assert [call['path'] for call in session.writes()] == [OLD['resource_uri']] and done['removed'] == ['a.pexbak']
    kept = system_backup(client, params(state='pruned', keep=3))
    assert kept['changed'] is False and kept['removed'] == []


def test_create_in_check_mode_writes_nothing_and_predicts_the_prune(client, session):
    session.add('GET', BACKUP, listing([OLD, MADE]))
    result = system_backup(client, params(keep=2), check_mode=True)
    assert result['changed'] is True and result['removed'] == ['a.pexbak'] and session.writes() == []


def test_backup_without_resource_uri_is_named_by_its_filename(client, session):
    """A backup has no id (its detail key is the filename): the URI is built from the filename."""
    session.add('GET', BACKUP, listing([{'filename': 'b.pexbak', 'sha256sum': 'ab', 'resource_uri': ''}]))
    session.add('DELETE', BACKUP + 'b.pexbak/', FakeResponse(204))
    result = system_backup(client, params(state='absent', filename='b.pexbak'))
    assert result['changed'] is True
    assert [(call['method'], call['path']) for call in session.writes()] == [('DELETE', BACKUP + 'b.pexbak/')]


def test_unknown_backup_fails_clearly(client, session):
    session.add('GET', BACKUP, listing([]))
    with pytest.raises(ApiError) as info:
        system_backup(client, params(filename='nope.pexbak'))
    assert "no system backup named 'nope.pexbak'" in str(info.value)
