"""The drift report (module_utils/pexip_drift.py) against a fake manager: what is drift and what is not, the files."""

import json

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_drift import (
    drift_pexip, read_estate, render_json, render_junit, render_markdown, write_reports)

PREFIX = '/api/admin/configuration/v1/'


class FakeClient:
    """Lists and schemas of a few resources; every other resource is empty. Counts what is sent."""

    def __init__(self, objects, schemas):
        self.objects = objects
        self.schemas = schemas
        self.methods = []

    def iter_list(self, resource, params=None, page_size=None):
        self.methods.append('GET')
        return iter(self.objects.get(resource, []))

    def get(self, path, params=None):
        self.methods.append('GET')
        resource = path[len(PREFIX):].split('/')[0]
        return {'fields': self.schemas.get(resource, {})}


def _room(number, name, **extra):
    obj = {'resource_uri': PREFIX + 'conference/%d/' % number, 'name': name, 'description': '', 'pin': '',
           'guest_pin': '', 'tag': 'ops', 'ivr_theme': None, 'allow_guests': False,
           'aliases': [{'alias': '%s@example.com' % name.lower(), 'description': ''}]}
    obj.update(extra)
    return obj


def _client():
    objects = {
        'ivr_theme': [{'resource_uri': PREFIX + 'ivr_theme/5/', 'name': 'Corporate'}],
        'conference': [
            _room(1, 'Alpha', description='First', pin='1234', ivr_theme=PREFIX + 'ivr_theme/5/'),
            _room(2, 'Bravo', pin='5678'),
            _room(3, 'Hand made'),
        ],
    }
    schemas = {'conference': {'description': {'default': ''}, 'pin': {'default': ''}, 'guest_pin': {'default': ''},
                              'tag': {'default': ''}, 'ivr_theme': {'default': None},
                              'allow_guests': {'default': False}, 'id': {'readonly': True}},
               'ivr_theme': {'name': {'default': ''}}}
    return FakeClient(objects, schemas)


def _estate(**services):
    variables = {'pexip_services_tag': 'ops', 'pexip_services_ivr_themes': [{'name': 'Corporate'}],
                 'pexip_services_conferences': [
                     # a reference by URI and a value equal to the default: no drift
                     {'name': 'Alpha', 'description': 'First', 'pin': '1234', 'allow_guests': False,
                      'ivr_theme': PREFIX + 'ivr_theme/5/', 'aliases': [{'alias': 'alpha@example.com'}]},
                     {'name': 'Bravo', 'pin': '8765', 'aliases': [{'alias': 'bravo@example.com'}]},
                     {'name': 'Charlie', 'aliases': [{'alias': 'charlie@example.com'}]},
                     {'name': 'Gone', 'state': 'absent'}]}
    variables.update(services)
    return {'pexip_services.yml': variables}


def _objects(report, resource):
    return dict((entry['object'], entry) for entry in report['resources'][resource]['objects'])


def test_drift_per_object_defaults_and_uris_are_no_drift_secrets_masked():
    client = _client()
    report, secrets = drift_pexip(client, _estate())
    rooms = _objects(report, 'conference')
    assert rooms['Alpha'] == {'object': 'Alpha', 'status': 'in_sync'}
    assert rooms['Bravo']['fields'] == [{'field': 'pin', 'estate': '********', 'manager': '********', 'secret': True}]
    assert rooms['Charlie']['status'] == 'missing'
    assert rooms['Hand made']['status'] == 'unmanaged'
    assert rooms['Gone']['status'] == 'in_sync'
    assert report['counts'] == {'objects': 6, 'in_sync': 3, 'drifted': 1, 'unmanaged': 1, 'missing': 1}
    assert report['drift'] is True
    assert _objects(report, 'ivr_theme')['Corporate']['status'] == 'in_sync'
    assert {'1234', '5678', '8765'} <= secrets
    assert set(client.methods) == {'GET'}


def test_a_value_set_on_the_manager_that_the_estate_leaves_out_is_drift():
    estate = _estate()
    del estate['pexip_services.yml']['pexip_services_conferences'][0]['description']
    estate['pexip_services.yml']['pexip_services_conferences'][0]['aliases'] = [{'alias': 'alpha2@example.com'}]
    report, _secrets = drift_pexip(_client(), estate)
    fields = _objects(report, 'conference')['Alpha']['fields']
    assert fields == [{'field': 'description', 'estate': None, 'manager': 'First', 'estate_default': True},
                      {'field': 'aliases', 'missing': ['alpha2@example.com'], 'unmanaged': ['alpha@example.com']}]


def test_the_services_tag_is_the_roles_and_a_file_not_given_is_not_compared():
    report, _secrets = drift_pexip(_client(), _estate(pexip_services_tag='other'))
    tags = [entry['fields'] for name, entry in sorted(_objects(report, 'conference').items())
            if entry['status'] == 'drifted']
    assert [{'field': 'tag', 'estate': 'other', 'manager': 'ops'}] in tags
    assert report['files_compared'] == ['pexip_services.yml']
    assert 'global' not in report['resources']


def test_the_reports_are_deterministic_and_never_hold_a_secret(tmp_path):
    report, _secrets = drift_pexip(_client(), _estate())
    again, _secrets = drift_pexip(_client(), _estate())
    files = write_reports(report, str(tmp_path / 'one'))
    write_reports(again, str(tmp_path / 'two'))
    for name in files:
        one = (tmp_path / 'one' / name).read_text()
        assert one == (tmp_path / 'two' / name).read_text()
        for pin in ('1234', '5678', '8765'):
            assert pin not in one
    assert json.loads(render_json(report))['counts']['drifted'] == 1
    markdown = render_markdown(report)
    assert '- **Bravo**: differs\n  - pin: estate "********", manager "********" (secret, changed)' in markdown
    assert '- **Hand made**: on the manager, not in the estate' in markdown
    assert '- **Charlie**: in the estate, not on the manager' in markdown
    junit = render_junit(report)
    assert '<testsuites name="drift" tests="6" failures="3">' in junit
    assert '<testcase classname="drift.conference" name="Alpha"/>' in junit
    assert '<failure message="in the estate, not on the manager" type="missing">' in junit


def test_an_estate_folder_is_read_with_its_secrets_and_unsafe_text(tmp_path):
    (tmp_path / 'pexip_services.yml').write_text(
        "pexip_services_conferences:\n- name: Alpha\n  description: !unsafe '{{ not a template }}'\n"
        "  pin: '{{ vault_conference_alpha_pin }}'\n")
    (tmp_path / 'kazoo.yml').write_text('kazoo_system_configs_sections: []\n')
    estate = read_estate(str(tmp_path), {'vault_conference_alpha_pin': '1234'})
    assert estate == {'kazoo.yml': {'kazoo_system_configs_sections': []}, 'pexip_services.yml': {
        'pexip_services_conferences': [{'name': 'Alpha', 'description': '{{ not a template }}', 'pin': '1234'}]}}
    (tmp_path / 'pexip_nodes.yml').write_text("pexip_nodes_password: \"{{ lookup('env', 'X') }}\"\n")
    with pytest.raises(ApiError, match=r'pexip_nodes.yml: pexip_nodes_password holds a template .* estate option'):
        read_estate(str(tmp_path), {})


class FakeConfigs:
    """Kazoo's system_configs as SystemConfigs reads them: the default section answered with the schema defaults."""

    class Bundle:
        def __init__(self, defaults):
            self._defaults = defaults

        def defaults(self):
            return dict(self._defaults)

    def __init__(self, documents, defaults):
        self.documents = documents
        self.schemas = defaults
        self.calls = []

    def categories(self):
        self.calls.append('categories')
        return sorted(self.documents)

    def document(self, category, with_defaults=True):
        self.calls.append('document %s' % category)
        document = json.loads(json.dumps(self.documents[category]))
        if 'default' in document:
            document['default'] = dict(self.schemas.get(category, {}), **document['default'])
        return document

    def schema(self, category):
        self.calls.append('schema %s' % category)
        return self.Bundle(self.schemas[category]) if category in self.schemas else None


def _kazoo():
    return FakeConfigs(
        {'crossbar': {'default': {'request_timeout_ms': 20000, 'cors': {'max_age': 60}},
                      'crossbar@n1.example.com': {'pagination_page_size': 77},
                      'crossbar@hand.example.com': {'pagination_page_size': 5}},
         'ecallmgr': {'default': {'fetch_timeout': 3100}}},
        {'crossbar': {'request_timeout_ms': 10000, 'pagination_page_size': 50, 'cors': {'max_age': 30}}})


def _kazoo_estate():
    return {'kazoo.yml': {'kazoo_system_configs_sections': [
        # a value equal to Kazoo's schema default in the default section: no drift
        {'category': 'crossbar', 'node': 'default',
         'settings': {'request_timeout_ms': 20000, 'pagination_page_size': 50, 'cors': {'max_age': 90}}},
        {'category': 'crossbar', 'node': 'crossbar@n1.example.com', 'settings': {'pagination_page_size': 78}},
        {'category': 'crossbar', 'node': 'crossbar@gone.example.com', 'settings': {'pagination_page_size': 9}},
        {'category': 'ecallmgr', 'node': 'default', 'settings': {'fetch_timeout': 3100}},
        {'category': 'ecallmgr', 'node': 'ecallmgr@old.example.com', 'state': 'absent'}]}}


def test_kazoo_sections_keys_that_differ_unmanaged_and_missing_defaults_are_no_drift():
    configs = _kazoo()
    report, _secrets = drift_pexip(_client(), _kazoo_estate(), kazoo=configs)
    sections = _objects(report, 'kazoo_system_config')
    assert sections['crossbar / default'] == {'object': 'crossbar / default', 'status': 'drifted', 'fields': [
        {'field': 'cors.max_age', 'estate': 90, 'manager': 60}]}
    assert sections['crossbar / crossbar@n1.example.com']['fields'] == [
        {'field': 'pagination_page_size', 'estate': 78, 'manager': 77}]
    assert sections['crossbar / crossbar@hand.example.com']['status'] == 'unmanaged'
    assert sections['crossbar / crossbar@gone.example.com']['status'] == 'missing'
    assert sections['ecallmgr / default']['status'] == 'in_sync'
    assert sections['ecallmgr / ecallmgr@old.example.com']['status'] == 'in_sync'
    result = report['resources']['kazoo_system_config']
    assert (result['file'], result['variable']) == ('kazoo.yml', 'kazoo_system_configs_sections')
    assert result['counts'] == {'in_sync': 2, 'drifted': 2, 'unmanaged': 1, 'missing': 1}
    assert report['files_compared'] == ['kazoo.yml']
    # read with the export, each schema once
    assert configs.calls.count('schema crossbar') == 1
    assert '- **crossbar / crossbar@n1.example.com**: differs\n  - pagination_page_size: estate 78, manager 77' \
        in render_markdown(report)
    assert '<testcase classname="drift.kazoo_system_config" name="crossbar / crossbar@hand.example.com">' \
        in render_junit(report)


def test_kazoo_a_key_kazoo_stores_that_the_estate_leaves_out_is_drift_and_without_kazoo_it_is_not_compared():
    estate = _kazoo_estate()
    estate['kazoo.yml']['kazoo_system_configs_sections'][0]['settings'] = {'cors': {'max_age': 60}}
    report, _secrets = drift_pexip(_client(), estate, kazoo=_kazoo())
    assert _objects(report, 'kazoo_system_config')['crossbar / default']['fields'] == [
        {'field': 'request_timeout_ms', 'estate': None, 'manager': 20000, 'estate_default': True}]
    report, _secrets = drift_pexip(_client(), estate)
    assert 'kazoo_system_config' not in report['resources']
    assert report['files_not_compared'] == ['kazoo.yml']


def test_the_schema_defaults_are_looked_up_once_per_resource_not_once_per_object(monkeypatch):
    from ansible_collections.ucops.platform.plugins.module_utils import estate as estate_module
    calls = []
    real = estate_module._default_of

    def counted(schema, name):
        calls.append(name)
        return real(schema, name)

    monkeypatch.setattr(estate_module, '_default_of', counted)
    report, _secrets = drift_pexip(_client(), _estate())
    assert report['counts']['objects'] == 6
    # three rooms on the manager: each of the room's fields once, not three times
    assert calls.count('description') == 1 and calls.count('allow_guests') == 1
