"""OAuth2 clients: the private key shown only in the POST answer goes to dest, nowhere else."""

import os

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_identity import OAUTH2_CLIENT
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2 import dest_problem, private_key_hooks

from fake_http import FakeResponse, listing

CLIENTS = '/api/admin/configuration/v1/oauth2_client/'
ROLES = '/api/admin/configuration/v1/role/'
KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg0123456789abcdef\n-----END PRIVATE KEY-----\n'
CLIENT = {'client_id': 'c0ffee12', 'client_name': 'svc', 'role': ROLES + '3/', 'resource_uri': CLIENTS + 'c0ffee12/'}


class Module:
    def __init__(self, check_mode=False, **params):
        self.params = dict(client_name='svc', role='Ops', dest=None, state='present', clear=[])
        self.params.update(params)
        self.check_mode = check_mode
        self._diff = True
        self.secrets = []
        self.warnings = []

    def add_secret(self, value):
        self.secrets.append(value)

    def warn(self, message):
        self.warnings.append(message)


def run(client, module):
    engine = Engine(client, OAUTH2_CLIENT, check_mode=module.check_mode, diff_mode=True)
    finish = private_key_hooks(module, engine)
    result = engine.ensure(module.params, state=module.params['state'], clear=())
    return finish(result) if finish else result


def roles(session):
    session.add('GET', ROLES, listing([{'id': 3, 'name': 'Ops', 'resource_uri': ROLES + '3/'}]))


def test_create_writes_the_key_once_with_mode_0600_and_keeps_it_out_of_the_result(client, session, tmp_path):
    dest = tmp_path / 'keys' / 'svc.pem'
    session.add('GET', CLIENTS, listing([]))
    roles(session)
    session.add('POST', CLIENTS, FakeResponse(201, dict(CLIENT, private_key_jwt=KEY),
                                              headers={'Location': CLIENTS + 'c0ffee12/'}))
    session.add('GET', CLIENTS + 'c0ffee12/', FakeResponse(200, CLIENT))
    module = Module(dest=str(dest))
    result = run(client, module)
    assert dest.read_text() == KEY
    assert os.stat(str(dest)).st_mode & 0o777 == 0o600
    assert os.stat(str(dest.parent)).st_mode & 0o777 == 0o700
    assert os.listdir(str(dest.parent)) == ['svc.pem']  # no temporary file left
    assert module.secrets == [KEY]
    assert 'BEGIN PRIVATE KEY' not in repr(result) and '0123456789abcdef' not in repr(result)
    assert result['changed'] and result['private_key_written'] and result['dest'] == str(dest)
    assert result['oauth2_client']['client_id'] == 'c0ffee12'
    assert result['diff']['after']['role'] == ROLES + '3/'
    post = [call for call in session.writes() if call['method'] == 'POST']
    assert len(post) == 1 and post[0]['data'] == {'client_name': 'svc', 'role': ROLES + '3/'}


def test_an_answer_without_the_key_fails_naming_the_client(client, session, tmp_path):
    dest = tmp_path / 'svc.pem'
    session.add('GET', CLIENTS, listing([]))
    roles(session)
    session.add('POST', CLIENTS, FakeResponse(201, CLIENT, headers={'Location': CLIENTS + 'c0ffee12/'}))
    with pytest.raises(ApiError, match="created OAuth2 client 'svc' but its answer held no private key"):
        run(client, Module(dest=str(dest)))
    assert not dest.exists()


def test_a_lost_answer_fails_saying_the_key_cannot_be_read_again(client, session, tmp_path):
    # no answer in time: the client looks for the object, finds it, and the key was never seen
    session.add('GET', CLIENTS, listing([]), listing([]), listing([CLIENT]))
    roles(session)
    session.add('POST', CLIENTS, FakeResponse(504, text='gateway timeout'))
    session.add('GET', CLIENTS + 'c0ffee12/', FakeResponse(200, CLIENT))
    with pytest.raises(ApiError, match='answer .* was lost'):
        run(client, Module(dest=str(tmp_path / 'svc.pem')))
    assert len([call for call in session.writes() if call['method'] == 'POST']) == 1


def test_an_existing_client_is_not_posted_and_a_missing_key_file_is_a_warning(client, session, tmp_path):
    session.add('GET', CLIENTS, listing([CLIENT]))
    roles(session)
    module = Module(dest=str(tmp_path / 'svc.pem'))
    result = run(client, module)
    assert not result['changed'] and not result['private_key_written'] and session.writes() == []
    assert len(module.warnings) == 1 and "OAuth2 client 'svc' exists but its key file" in module.warnings[0]
    assert os.listdir(str(tmp_path)) == []


def test_an_existing_client_with_its_key_file_gives_no_warning(client, session, tmp_path):
    dest = tmp_path / 'svc.pem'
    dest.write_text(KEY)
    session.add('GET', CLIENTS, listing([CLIENT]))
    roles(session)
    module = Module(dest=str(dest))
    run(client, module)
    assert module.warnings == [] and dest.read_text() == KEY


def test_check_mode_creates_nothing_and_writes_no_file(client, session, tmp_path):
    session.add('GET', CLIENTS, listing([]))
    roles(session)
    result = run(client, Module(check_mode=True, dest=str(tmp_path / 'svc.pem')))
    assert result['changed'] and not result['private_key_written'] and session.writes() == []
    assert os.listdir(str(tmp_path)) == []


def test_a_dest_that_cannot_be_written_fails_before_any_request(client, session, tmp_path):
    with pytest.raises(ApiError, match='is a directory'):
        run(client, Module(dest=str(tmp_path)))
    blocker = tmp_path / 'file'
    blocker.write_text('x')
    with pytest.raises(ApiError, match='is not a directory'):
        run(client, Module(dest=str(blocker / 'svc.pem')))
    with pytest.raises(ApiError, match='client_name must be at most 100 characters'):
        run(client, Module(client_name='c' * 101, dest=str(tmp_path / 'svc.pem')))
    assert session.calls == []


def test_dest_problem_accepts_a_new_file_in_a_new_folder(tmp_path):
    assert dest_problem(str(tmp_path / 'a' / 'b' / 'key.pem')) is None


def test_absent_needs_no_dest(client, session):
    session.add('GET', CLIENTS, listing([CLIENT]))
    session.add('DELETE', CLIENTS + 'c0ffee12/', FakeResponse(204))
    result = run(client, Module(state='absent'))
    assert result['changed'] and [call['path'] for call in session.writes()] == [CLIENTS + 'c0ffee12/']


def test_a_key_file_that_cannot_be_written_fails_naming_client_and_dest(client, session, tmp_path, monkeypatch):
    from ansible_collections.ucops.platform.plugins.module_utils import pexip_oauth2

    def refuse(dest, text):
        raise OSError(28, 'No space left on device')
    monkeypatch.setattr(pexip_oauth2, 'write_secret_file', refuse)
    session.add('GET', CLIENTS, listing([]))
    roles(session)
    session.add('POST', CLIENTS, FakeResponse(201, dict(CLIENT, private_key_jwt=KEY),
                                              headers={'Location': CLIENTS + 'c0ffee12/'}))
    module = Module(dest=str(tmp_path / 'svc.pem'))
    with pytest.raises(ApiError) as caught:
        run(client, module)
    assert "OAuth2 client 'svc'" in str(caught.value) and 'No space left on device' in str(caught.value)
    assert 'BEGIN PRIVATE KEY' not in str(caught.value)
