"""The module's schema defaults against the lab's, which follow Kazoo's validator (jesse, use_defaults).

The lab derives its defaults independently (jsonschema with a default-writing ``properties``
keyword, see lab/kazoo/schemas.py); the two must agree on every real Kazoo schema and on the
constructs jesse handles that the real schemas do not use yet (issue 12).
"""
import json
import os
import sys

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from lab.kazoo.schemas import SchemaStore, default_schema_root  # noqa: E402

SYNTHETIC = {
    # a default list of objects whose item schema has defaults of its own
    'system_config.items': {'type': 'object', 'properties': {
        'servers': {'type': 'array', 'default': [{'host': 'a'}], 'items': {'type': 'object', 'properties': {
            'port': {'type': 'integer', 'default': 5060}}}}}},
    # a default object whose keys are matched by patternProperties / additionalProperties
    'system_config.patterns': {'type': 'object', 'properties': {
        'zones': {'type': 'object', 'default': {'eu': {}}, 'patternProperties': {'^[a-z]+$': {
            'type': 'object', 'properties': {'weight': {'type': 'integer', 'default': 1}}}}},
        'extra': {'type': 'object', 'default': {'x': {}}, 'additionalProperties': {
            'type': 'object', 'properties': {'on': {'type': 'boolean', 'default': True}}}}}},
    # a $ref with siblings, and allOf: jesse walks both
    'system_config.refs': {'type': 'object', 'properties': {
        'auth': {'type': 'object', 'default': {}, '$ref': 'refs.part', 'properties': {
            'own': {'type': 'string', 'default': 'o'}}},
        'mixed': {'type': 'object', 'default': {}, 'allOf': [
            {'properties': {'one': {'type': 'integer', 'default': 1}}},
            {'properties': {'two': {'type': 'integer', 'default': 2}}}]}}},
    'refs.part': {'type': 'object', 'properties': {'ttl': {'type': 'integer', 'default': 3600}}},
    # a default that breaks its own schema: Kazoo's default_object gives {} for the whole category
    'system_config.broken': {'type': 'object', 'properties': {
        'good': {'type': 'integer', 'default': 5},
        'bad': {'type': 'string', 'default': '', 'minLength': 1}}},
}


def _write(folder, schemas):
    (folder / '4.3').mkdir()
    (folder / 'refs').mkdir()
    for name, schema in schemas.items():
        (folder / '4.3' / (name + '.json')).write_text(json.dumps(dict(schema, _id=name)))
    (folder / '4.3' / 'system_configs.json').write_text(json.dumps({
        '_id': 'system_configs', 'type': 'object', 'properties': {'default': {'default': {}, 'type': 'object'}}}))


@pytest.mark.parametrize('category', ['items', 'patterns', 'refs', 'broken'])
def test_module_defaults_match_kazoo_on_jesse_constructs(tmp_path, category):
    _write(tmp_path, SYNTHETIC)
    lab = SchemaStore(root=str(tmp_path), version='4.3')
    module = SchemaBundle('system_config.' + category, dict(lab.schemas))
    assert module.defaults() == lab.default_section(category)


@pytest.mark.parametrize('version', ['4.3', 'master'])
def test_module_defaults_match_kazoo_on_every_real_schema(version):
    if not os.path.isdir(os.path.join(default_schema_root(), version)):
        pytest.skip('no reference schemas beside the project')
    lab = SchemaStore(version=version)
    names = [n for n in lab.names() if n.startswith('system_config.')]
    assert len(names) > 100
    differ = [n for n in names if SchemaBundle(n, lab.schemas).defaults() != lab.default_section(n[len('system_config.'):])]
    assert differ == []
