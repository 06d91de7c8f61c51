"""``objects_file`` of the bulk modules: the formats read_objects_file accepts and the errors it names."""
import json

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk_module import ObjectsFileError, read_objects_file

ROOMS = [{'name': 'réunion', 'aliases': [{'alias': 'a@example.com'}]}, {'name': 'b', 'pin': '0123'}]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return str(path)


@pytest.mark.parametrize('name, text', [
    ('rooms.json', json.dumps(ROOMS)),
    ('rooms.txt', json.dumps(ROOMS)),  # any name but the YAML and JSON Lines ones is JSON
    ('rooms.jsonl', '\n'.join(json.dumps(room) for room in ROOMS) + '\n\n'),
    ('rooms.NDJSON', '\n' + json.dumps(ROOMS[0]) + '\r\n' + json.dumps(ROOMS[1])),
    ('rooms.yml', "- name: réunion\n  aliases: [{alias: a@example.com}]\n- {name: b, pin: '0123'}\n"),
    ('rooms.yaml', "- name: !unsafe 'réunion'\n  aliases: [{alias: a@example.com}]\n- {name: b, pin: '0123'}\n"),
])
def test_every_format_gives_the_same_list(tmp_path, name, text):
    assert read_objects_file(write(tmp_path, name, text)) == ROOMS


@pytest.mark.parametrize('name, text, message', [
    ('rooms.json', '{"objects": []}', 'must hold a list of objects, not a mapping'),
    ('rooms.yml', 'just text', 'must hold a list of objects, not a str'),
    ('rooms.json', '[{"name": ', 'is not JSON (YAML files end in .yml or .yaml, JSON Lines in .jsonl or .ndjson)'),
    ('rooms.jsonl', '{"name": "a"}\n{"name": \n', 'line 2 is not JSON'),
    ('rooms.yaml', '- [unclosed', 'is not YAML'),
])
def test_a_bad_file_is_named_with_its_fault(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(ObjectsFileError) as raised:
        read_objects_file(path)
    assert str(raised.value).startswith('objects_file %s: ' % path) and message in str(raised.value)


def test_a_missing_file(tmp_path):
    with pytest.raises(ObjectsFileError, match='no such file'):
        read_objects_file(str(tmp_path / 'absent.json'))
