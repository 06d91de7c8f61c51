"""The estate's files written by the export modules (``dest``): module_utils/estate_files.py."""

import os

from ansible_collections.ucops.platform.plugins.filter.estate import estate_secrets_yaml, estate_yaml
from ansible_collections.ucops.platform.plugins.module_utils.estate_files import estate_texts, write_estate, write_export

FILES = {'pexip_services.yml': {'pexip_services_tag': '', 'pexip_services_conferences': [
    {'name': 'Salle Zürich', 'description': '{{ not a template }}', 'pin': '{{ vault_conference_salle_pin }}'}]},
    'pexip_nodes.yml': {'pexip_nodes_list': []}}
SECRETS = [{'name': 'vault_conference_salle_pin', 'value': '0042', 'file': 'pexip_services.yml',
            'about': 'pin of conference "Salle Zürich"'},
           {'name': 'vault_worker_vm_a_password', 'value': None, 'file': 'pexip_nodes.yml',
            'about': 'password of Conferencing Node "a"'}]


class FakeModule:
    def __init__(self, dest, check_mode=False, diff=False):
        self.params = {'dest': dest}
        self.check_mode = check_mode
        self._diff = diff

    def fail_json(self, **kwargs):
        raise AssertionError(kwargs)


def _state(folder):
    return dict((name, (os.stat(os.path.join(folder, name)).st_ino, os.stat(os.path.join(folder, name)).st_mtime_ns,
                        oct(os.stat(os.path.join(folder, name)).st_mode & 0o777)))
                for name in sorted(os.listdir(folder)))


def test_module_text_is_the_filters_text():
    texts = estate_texts(FILES, SECRETS)
    assert sorted(texts) == ['pexip_nodes.yml', 'pexip_services.yml', 'secrets.yml']
    assert texts['pexip_services.yml'] == estate_yaml(FILES['pexip_services.yml'], 'pexip_services.yml').encode()
    assert texts['secrets.yml'] == estate_secrets_yaml(SECRETS).encode()
    assert b"!unsafe '{{ not a template }}'" in texts['pexip_services.yml']
    assert estate_texts(FILES) == dict((k, v) for k, v in texts.items() if k != 'secrets.yml')


def test_write_check_mode_unchanged_and_modes(tmp_path):
    dest = str(tmp_path / 'estate')
    texts = estate_texts(FILES, SECRETS)
    # check mode writes nothing (not even the folder) and names what would change
    assert write_estate(dest, texts, check_mode=True) == sorted(texts)
    assert not os.path.exists(dest)
    assert write_estate(dest, texts) == sorted(texts)
    first = _state(dest)
    assert first['secrets.yml'][2] == '0o600' and first['pexip_services.yml'][2] == '0o644'
    assert sorted(first) == sorted(texts)  # no temporary file left behind
    # unchanged bytes: nothing rewritten (same inode, same mtime)
    assert write_estate(dest, texts) == []
    assert _state(dest) == first
    # one file changes: only it is replaced (a new inode: written beside and renamed)
    changed = dict(texts, **{'pexip_nodes.yml': texts['pexip_nodes.yml'] + b'# more\n'})
    assert write_estate(dest, changed, check_mode=True) == ['pexip_nodes.yml']
    assert _state(dest) == first
    assert write_estate(dest, changed) == ['pexip_nodes.yml']
    after = _state(dest)
    assert after['pexip_nodes.yml'][0] != first['pexip_nodes.yml'][0]
    assert after['secrets.yml'] == first['secrets.yml'] and after['pexip_services.yml'] == first['pexip_services.yml']
    # a secrets.yml someone made readable is put back to 0600, same bytes
    os.chmod(os.path.join(dest, 'secrets.yml'), 0o644)
    assert write_estate(dest, changed) == ['secrets.yml']
    assert _state(dest)['secrets.yml'][2] == '0o600'


def test_write_export_result_holds_names_and_counts_only(tmp_path):
    dest = str(tmp_path)
    estate = {'files': FILES, 'secrets': SECRETS, 'counts': {'conference': 1}, 'absent_resources': []}
    result = write_export(FakeModule(dest, check_mode=True, diff=True), estate, secrets=True)
    assert result == {'changed': True, 'file_names': ['pexip_nodes.yml', 'pexip_services.yml', 'secrets.yml'],
                      'changed_files': ['pexip_nodes.yml', 'pexip_services.yml', 'secrets.yml'],
                      'counts': {'conference': 1}, 'secret_count': 2, 'null_secret_count': 1, 'absent_resources': [],
                      'diff': {'prepared': ''.join('new %s\n' % os.path.join(dest, name) for name in
                                                   ('pexip_nodes.yml', 'pexip_services.yml', 'secrets.yml'))}}
    assert os.listdir(dest) == []
    assert write_export(FakeModule(dest), estate, secrets=True)['changed'] is True
    again = write_export(FakeModule(dest, diff=True), estate, secrets=True)
    assert again['changed'] is False and again['changed_files'] == [] and 'diff' not in again
    assert '0042' not in repr(again)
