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


def _pyyaml_text(variables, dumper=None):
    """What PyYAML itself writes for ``variables`` (the estate's text before the fast writer)."""
    import yaml
    from ansible_collections.ucops.platform.plugins.module_utils import estate_files
    return yaml.dump(estate_files._plain(variables), Dumper=dumper or estate_files._Dumper, default_flow_style=False,
                     sort_keys=False, allow_unicode=True, width=120, explicit_start=False)


def _random_node(rng, alphabet, depth=0):
    kind = rng.random()
    if depth > 3 or kind < 0.5:
        pick = rng.random()
        if pick < 0.6:
            return ''.join(rng.choice(alphabet) for _unused in range(rng.randint(0, 8)))
        if pick < 0.7:
            return rng.randint(-10 ** 6, 10 ** 9)
        if pick < 0.8:
            return rng.choice([True, False, None, 1.5])
        return rng.choice(['bench-vmr-00001', '77000001', 'Benchmark room 1', 'a@b.com', 'Salle Zürich', 'true', 'Null',
                           '', 'x' * 118, 'y ' * 70])
    if kind < 0.75:
        return [_random_node(rng, alphabet, depth + 1) for _unused in range(rng.randint(0, 3))]
    return dict((rng.choice(['name', 'aliases', 'alias', 'clear', 'k' * 110, ''.join(rng.choice(alphabet) for _unused in range(3))]),
                 _random_node(rng, alphabet, depth + 1)) for _unused in range(rng.randint(0, 4)))


def test_fast_writer_gives_pyyaml_text():
    """The estate's writer writes the usual values itself (PyYAML's representer cost 13 s of 100,000 rooms):
    its text is PyYAML's, byte for byte, for any data (random data of tricky text: indicators, quotes, text that
    reads as numbers, booleans or dates, line breaks, long lines, templates, nested lists)."""
    import random
    from ansible_collections.ucops.platform.plugins.module_utils.estate_files import _dump
    tricky = list("aZ09 _-.@/+():#,'\"{}%!&*?|>~=<[]\t\nüÀ€\u2028\x85yYnNtTfFoO") + [
        'yes', 'no', 'null', '~', '1.5', '0x1F', '012', '1_000', '12:30', '2001-12-14', '.inf', '<<', '---', '...', '  ']
    usual = list('aZ09 _-.@/+()üÀ') + ['yes', 'no', 'null', '1', '0', 'x' * 30, 'Off', '1e3', '0b1', '-', '+1', '1.0']
    for seed, alphabet in ((1, tricky), (2, usual)):
        rng = random.Random(seed)
        for _unused in range(1500):
            variables = dict((rng.choice(['pexip_a', 'pexip_b', ''.join(rng.choice(alphabet) for _unused in range(4))]),
                              _random_node(rng, alphabet)) for _unused in range(rng.randint(1, 4)))
            assert _dump(variables) == _pyyaml_text(variables), variables


def test_fast_writer_cases():
    from ansible_collections.ucops.platform.plugins.module_utils.estate_files import _dump
    rooms = {'pexip_services_tag': 'bench', 'pexip_services_ivr_themes': [], 'pexip_services_conferences': [
        {'name': 'bench-vmr-00000', 'description': 'Benchmark room 0', 'pin': '{{ vault_conference_x_pin }}',
         'aliases': [{'alias': '77000000'}, {'alias': 'bench-vmr-00000@example.com'}], 'clear': ['tag']},
        {'name': 'Salle Zürich', 'description': 'two\nlines', 'participant_limit': 5, 'locked': False, 'x': None,
         'guest_pin': '{{ vault_conference_y_pin }}\n'}],
        'pexip_platform_global': {'disabled_codecs': ['H264_H_0'], 'e': {}, 'n': 0.5}}
    text = _dump(rooms)
    assert text == _pyyaml_text(rooms)
    assert text.startswith("pexip_services_tag: bench\npexip_services_ivr_themes: []\npexip_services_conferences:\n"
                           "- name: bench-vmr-00000\n  description: Benchmark room 0\n  pin: '{{ vault_conference_x_pin }}'\n"
                           "  aliases:\n  - alias: '77000000'\n")
    # text ending in kept line breaks leaves the document open: "..." once, at its end, as PyYAML writes it
    open_ended = {'a': ['x\n\n'], 'b': 'c'}
    assert _dump(open_ended) == _pyyaml_text(open_ended)


def _typed(value):
    if isinstance(value, dict):
        return ('dict', [(_typed(key), _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ('list', [_typed(item) for item in value])
    return (type(value).__name__, value)


def test_fast_reader_reads_what_pyyaml_reads():
    """The drift report reads the estate's files with its own reader (PyYAML's constructor took 20 s of
    100,000 rooms): what it takes it reads as PyYAML does (values and types, !unsafe text), anything else (here
    random data and the same text with lines changed: comments, indents, flow style, documents) it leaves to
    PyYAML (NotPlain), never reading text PyYAML refuses."""
    import random
    import yaml
    from ansible_collections.ucops.platform.plugins.module_utils.estate_files import NotPlain, file_text, load_text
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_drift import _EstateLoader, _Unsafe
    tricky = list("aZ09 _-.@/+():#,'\"{}%!&*?|>~=<[]\t\nüÀ\u2028\x85yYnNtTfFoO") + [
        'yes', 'no', 'null', '~', '1.5', '0x1F', '012', '1_000', '12:30', '2001-12-14', '.inf', '<<', '---', '...', '  ']
    usual = list('aZ09 _-.@/+()üÀ') + ['yes', 'no', 'null', '1', '0', 'Off', '1e3', '-', '+1', '{{ vault_a }}', "'"]
    edits = ['', '# x', '  - y', '- z', 'k: v', '  k:', '...', '---', '   more', 'a: [1]', 'b: &x 1', "c: 'it''s'"]
    fast = 0
    for seed, alphabet in ((3, tricky), (4, usual)):
        rng = random.Random(seed)
        for _unused in range(1500):
            variables = dict((rng.choice(['pexip_a', 'pexip_b', ''.join(rng.choice(alphabet) for _unused in range(4))]),
                              _random_node(rng, alphabet)) for _unused in range(rng.randint(1, 4)))
            text = file_text(variables, 'x.yml')
            lines = text.split('\n')
            index = rng.randrange(len(lines))
            edit = rng.choice([' ' + lines[index], lines[index][1:], lines[index] + ' # c', rng.choice(edits),
                               lines[index].replace(': ', ':  ', 1), lines[index].replace('- ', '-  ', 1)])
            changed = '\n'.join(lines[:index] + [edit] + lines[index + (rng.random() < 0.5):])
            for candidate in (text, changed):
                try:
                    expected = _typed(yaml.load(candidate, Loader=_EstateLoader))  # nosec
                except yaml.YAMLError:
                    expected = 'refused'
                try:
                    got = _typed(load_text(candidate, unsafe=_Unsafe))
                except NotPlain:
                    continue
                fast += 1
                assert got == expected, candidate
    assert fast > 500


def test_fast_reader_takes_an_export():
    from ansible_collections.ucops.platform.plugins.module_utils.estate_files import file_text, load_text
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_drift import _Unsafe
    variables = {'pexip_services_tag': '', 'pexip_services_ivr_themes': [], 'pexip_services_conferences': [
        {'name': 'Board room', 'pin': '{{ vault_conference_board_room_pin }}', 'participant_limit': 25,
         'enable_chat': False, 'description': '{{ not a template }}', 'guest_identity_provider_group': None,
         'aliases': [{'alias': '7700'}, {'alias': 'board@example.com', 'description': 'Salle Zürich (main)'}],
         'clear': ['tag']}], 'pexip_platform_global': {'disabled_codecs': ['H264_H_0'], 'other': {}}}
    read = load_text(file_text(variables, 'pexip_services.yml'), unsafe=_Unsafe)
    assert _typed(read) == _typed(dict(variables, pexip_services_conferences=[
        dict(variables['pexip_services_conferences'][0], description=_Unsafe('{{ not a template }}'))]))
