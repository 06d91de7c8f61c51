"""The estate export (module_utils/estate.py) and its filters (plugins/filter/estate.py), against a fake manager."""

from ansible_collections.ucops.platform.plugins.filter.estate import (
    estate_null_secrets, estate_resources, estate_secrets_yaml, estate_yaml)
from ansible_collections.ucops.platform.plugins.module_utils import estate
from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError

PREFIX = '/api/admin/configuration/v1/'


class FakeClient:
    """Lists and schemas of a few resources; every other resource is empty (or, in ``absent``, a 404)."""

    def __init__(self, objects, schemas, absent=()):
        self.objects = objects
        self.schemas = schemas
        self.absent = absent

    def iter_list(self, resource, params=None, page_size=None):
        if resource in self.absent:
            raise ApiError('not found', status=404)
        return iter(self.objects.get(resource, []))

    def get(self, path, params=None):
        resource = path[len(PREFIX):].split('/')[0]
        return {'fields': self.schemas.get(resource, {})}


def _location(number, name, **extra):
    obj = {'resource_uri': PREFIX + 'system_location/%d/' % number, 'name': name, 'description': '', 'mtu': 1500,
           'overflow_location1': None, 'dns_servers': []}
    obj.update(extra)
    return obj


def _client():
    objects = {
        'system_location': [
            _location(1, 'Paris', overflow_location1=PREFIX + 'system_location/2/', mtu=1400,
                      dns_servers=[{'resource_uri': PREFIX + 'dns_server/7/', 'address': '192.0.2.53'}]),
            _location(2, 'London', description='London DC'),
        ],
        'dns_server': [{'resource_uri': PREFIX + 'dns_server/7/', 'address': '192.0.2.53', 'description': ''}],
        'conference': [
            {'resource_uri': PREFIX + 'conference/3/', 'name': 'Zebra', 'pin': '1234', 'guest_pin': '',
             'host_view': 'one_main_seven_pips', 'description': '{{ x }}', 'tag': 't',
             'aliases': [{'alias': 'z2', 'description': ''}, {'alias': 'z1', 'description': 'first'}],
             'automatic_participants': [PREFIX + 'automatic_participant/1/']},
            {'resource_uri': PREFIX + 'conference/4/', 'name': 'Alpha', 'pin': '', 'guest_pin': '',
             'host_view': 'one_main_zero_pips', 'description': '', 'tag': 't', 'aliases': []},
        ],
        'worker_vm': [{'resource_uri': PREFIX + 'worker_vm/1/', 'name': 'conf-01', 'hostname': 'conf-01',
                       'address': '192.0.2.21', 'system_location': PREFIX + 'system_location/2/',
                       'snmp_mode': 'DISABLED', 'snmp_authentication_password': ''}],
        'sip_proxy': [{'resource_uri': PREFIX + 'sip_proxy/1/', 'name': 'sbc', 'address': 'sbc.example.com',
                       'port': 5060}],
    }
    schemas = {
        'system_location': {'mtu': {'default': 1500}, 'description': {'default': ''},
                            'overflow_location1': {'default': None}, 'dns_servers': {'default': []}},
        'conference': {'host_view': {'default': 'one_main_seven_pips'}, 'pin': {'default': ''},
                       'guest_pin': {'default': ''}, 'description': {'default': ''}},
        'sip_proxy': {'port': {'default': 5060}},
        'worker_vm': {'snmp_mode': {'default': 'DISABLED'}, 'hostname': {'readonly': False}},
    }
    return FakeClient(objects, schemas, absent=('teams_proxy',))


def test_export_shape_references_defaults_secrets_order():
    data = estate.export_pexip(_client())
    files = data['files']
    platform = files['pexip_platform.yml']
    # referred-to objects first (London before Paris, which overflows to it), else sorted by key
    assert platform['pexip_platform_system_locations'] == [
        {'name': 'London', 'description': 'London DC'},
        {'name': 'Paris', 'mtu': 1400, 'dns_servers': ['192.0.2.53'], 'overflow_location1': 'London'},
    ]
    services = files['pexip_services.yml']
    # one tag on every service: the role's tag, left out of the objects
    assert services['pexip_services_tag'] == 't'
    alpha, zebra = services['pexip_services_conferences']
    assert alpha == {'name': 'Alpha', 'host_view': 'one_main_zero_pips', 'aliases': []}
    # the PIN is a reference to secrets.yml, the reverse side (automatic_participants) left out, aliases sorted
    assert zebra == {'name': 'Zebra', 'description': '{{ x }}', 'pin': '{{ vault_conference_zebra_pin }}',
                     'aliases': [{'alias': 'z1', 'description': 'first'}, {'alias': 'z2'}]}
    node = files['pexip_nodes.yml']['pexip_nodes_list'][0]
    assert node['system_location'] == 'London' and node['password'] == '{{ vault_worker_vm_conf_01_password }}'
    assert 'snmp_authentication_password' not in node and 'snmp_mode' not in node
    assert files['pexip_resources.yml']['pexip_resources']['sip_proxy'] == [{'name': 'sbc', 'address': 'sbc.example.com'}]
    assert [(s['name'], s['value']) for s in data['secrets']] == [
        ('vault_worker_vm_conf_01_password', None), ('vault_conference_zebra_pin', '1234')]
    assert data['secrets'][0]['about'] == 'password of Conferencing Node "conf-01"'
    assert data['counts']['conference'] == 2 and data['counts']['conference_alias'] == 2
    assert data['absent_resources'] == ['teams_proxy']


def test_yaml_is_stable_and_templates_unsafe():
    data = estate.export_pexip(_client())
    first = estate_yaml(data['files']['pexip_services.yml'], 'pexip_services.yml')
    assert first == estate_yaml(estate.export_pexip(_client())['files']['pexip_services.yml'], 'pexip_services.yml')
    # text from the manager that looks like a template is never evaluated; references to secrets are
    assert "description: !unsafe '{{ x }}'" in first
    assert "pin: '{{ vault_conference_zebra_pin }}'" in first
    secrets = estate_secrets_yaml(data['secrets'])
    assert ('# password of Conferencing Node "conf-01" (pexip_nodes.yml): the manager never returns it, fill it in\n'
            'vault_worker_vm_conf_01_password: null\n') in secrets
    assert estate_null_secrets({'b': None, 'a': None, 'c': 'x'}) == ['a', 'b']


def test_other_resources_apply_order_and_phase():
    # a resource comes after those it refers to; those referring to a role-managed resource are applied late
    order = estate.apply_order(['mjx_endpoint', 'mjx_endpoint_group', 'sip_proxy'])
    assert order.index('mjx_endpoint_group') < order.index('mjx_endpoint')
    assert estate.phase_of('sip_proxy') == 'early' and estate.phase_of('mjx_endpoint_group') == 'late'
    items = estate_resources({'sip_proxy': [{'name': 'sbc', 'clear': ['description']}]}, 'early')
    assert items == [{'resource': 'sip_proxy', 'key': ['name'], 'references': {}, 'secrets': [],
                      'fields': {'name': 'sbc', 'description': None}}]
    assert estate_resources({'sip_proxy': []}, 'late') == []
    # every described resource is either a role's, written elsewhere, or in pexip_resources.yml
    for name in estate.RESOURCES:
        assert name in estate.ROLE_RESOURCES or name in estate.LEFT_OUT or name in estate.other_resources()


class CountingClient(FakeClient):
    def __init__(self, *args, **kwargs):
        super(CountingClient, self).__init__(*args, **kwargs)
        self.lists = []

    def iter_list(self, resource, params=None, page_size=None):
        self.lists.append(resource)
        return super(CountingClient, self).iter_list(resource, params, page_size)


def test_export_page_by_page_names_secrets_in_key_order():
    """Rooms are converted as their pages are read (100,000 rooms' objects are never held) yet give what
    converting the sorted objects gave: secrets named in key order whatever order the manager lists them in
    (two names with one slug: the first in key order keeps it), references to the rooms by name without
    reading them again."""
    rooms = [{'resource_uri': PREFIX + 'conference/%d/' % number, 'name': name, 'pin': pin, 'guest_pin': '',
              'description': '', 'tag': '', 'aliases': []}
             for number, name, pin in ((1, 'a-b', '1111'), (2, 'c', ''), (3, 'a b', '2222'))]
    participants = [{'resource_uri': PREFIX + 'automatic_participant/1/', 'alias': 'sip:rec@example.com',
                     'conference': [PREFIX + 'conference/3/', PREFIX + 'conference/1/'], 'description': 'x'}]
    client = CountingClient({'conference': rooms, 'automatic_participant': participants},
                            {'conference': {'pin': {'default': ''}, 'guest_pin': {'default': ''}}})
    data = estate.export_pexip(client)
    services = data['files']['pexip_services.yml']
    assert [room['name'] for room in services['pexip_services_conferences']] == ['a b', 'a-b', 'c']
    assert [room.get('pin') for room in services['pexip_services_conferences']] == [
        '{{ vault_conference_a_b_pin }}', '{{ vault_conference_a_b_pin_2 }}', None]
    assert [(entry['name'], entry['value']) for entry in data['secrets']] == [
        ('vault_conference_a_b_pin', '2222'), ('vault_conference_a_b_pin_2', '1111')]
    assert services['pexip_services_automatic_participants'][0]['conference'] == ['a b', 'a-b']
    assert client.lists.count('conference') == 1
