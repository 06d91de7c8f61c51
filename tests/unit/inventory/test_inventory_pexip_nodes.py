"""pexip_nodes inventory plugin: hosts, groups, variables, cache and errors, with PexipClient mocked."""

import json

import pytest

from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
import yaml

from ansible import constants as C
from ansible.plugins.loader import fragment_loader, init_plugin_loader
from ansible.utils.plugin_docs import add_fragments

from ansible_collections.ucops.platform.plugins.inventory import pexip_nodes
from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError

NAME = 'ucops.platform.pexip_nodes'
LOC = '/api/admin/configuration/v1/system_location/%d/'
SECRET = 'Sup3r-s3cret-pw'

NODES = [
    {'id': 1, 'name': 'conf-lon-01', 'hostname': 'conf-lon-01', 'domain': 'example.com', 'address': '192.0.2.21',
     'netmask': '255.255.255.0', 'gateway': '192.0.2.1', 'node_type': 'CONFERENCING', 'system_location': LOC % 1,
     'maintenance_mode': False, 'snmp_community': 'c0mmunity', 'snmp_privacy_password': 'hash',
     'resource_uri': '/api/admin/configuration/v1/worker_vm/1/'},
    {'id': 2, 'name': 'edge-nyc-01', 'hostname': 'edge-nyc-01', 'domain': 'example.com', 'address': '198.51.100.7',
     'node_type': 'PROXYING', 'system_location': {'name': 'New York (DMZ)', 'resource_uri': LOC % 2},
     'maintenance_mode': True, 'resource_uri': '/api/admin/configuration/v1/worker_vm/2/'},
]
STATUS = [
    {'id': 1001, 'configuration_id': 1, 'name': 'conf-lon-01', 'sync_status': 'SYNCED', 'deploy_status': 'DEPLOYED',
     'version': '36.0', 'upgrade_status': 'IDLE'},
]
LOCATIONS = [{'name': 'London', 'resource_uri': LOC % 1}, {'name': 'New York (DMZ)', 'resource_uri': LOC % 2}]


class FakeClient:
    instances = []
    fail = None  # an ApiError to raise from every read

    def __init__(self, url, username, password, validate_certs=True, ca_path=None, timeout=30,
                 oauth2_client_id=None, oauth2_private_key=None):
        self.args = dict(url=url, username=username, password=password, validate_certs=validate_certs,
                         ca_path=ca_path, timeout=timeout, oauth2_client_id=oauth2_client_id,
                         oauth2_private_key=oauth2_private_key)
        self.paths = []
        FakeClient.instances.append(self)

    def iter_list(self, resource, params=None, page_size=None, path=None):
        self.paths.append(path or resource)
        if FakeClient.fail is not None:
            raise FakeClient.fail  # pylint: disable=raising-bad-type
        if path and '/status/' in path:
            return iter(STATUS)
        return iter({'worker_vm': NODES, 'system_location': LOCATIONS}[resource])


@pytest.fixture(scope='module')
def new_plugin():
    """Register the plugin's documented options (with its doc fragments) as the plugin loader does."""
    init_plugin_loader([])
    doc = yaml.safe_load(pexip_nodes.DOCUMENTATION)
    add_fragments(doc, pexip_nodes.__file__, fragment_loader=fragment_loader)
    C.config.initialize_plugin_configuration_definitions('inventory', NAME, doc['options'])

    def make():
        plugin = pexip_nodes.InventoryModule()
        plugin._load_name = NAME
        plugin._redirected_names = []  # set by the plugin loader on every ansible-core (2.16-2.18 need it)
        return plugin

    return make


@pytest.fixture
def run(new_plugin, monkeypatch, tmp_path):
    monkeypatch.setattr(pexip_nodes, 'PexipClient', FakeClient)
    FakeClient.instances = []
    FakeClient.fail = None
    for name in ('PEXIP_URL', 'PEXIP_USERNAME', 'PEXIP_PASSWORD', 'PEXIP_VALIDATE_CERTS', 'PEXIP_CA_PATH',
                 'PEXIP_OAUTH2_CLIENT_ID', 'PEXIP_OAUTH2_PRIVATE_KEY'):
        monkeypatch.delenv(name, raising=False)

    def parse(config, env=None, cache=True, name='lab.pexip_nodes.yml'):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        path = tmp_path / name
        path.write_text(json.dumps(dict({'plugin': 'ucops.platform.pexip_nodes'}, **config)))
        plugin = new_plugin()
        inventory = InventoryData()
        assert plugin.verify_file(str(path))
        plugin.parse(inventory, DataLoader(), str(path), cache=cache)
        if config.get("cache"):
            plugin.update_cache_if_changed()  # as InventoryManager does after parse()
        return inventory

    return parse


CONN = {'pexip_url': 'https://mgr.example.com', 'pexip_username': 'inv', 'pexip_password': SECRET}


def groups_of(inventory, host):
    return sorted(g.name for g in inventory.get_host(host).get_groups())


def test_hosts_groups_and_variables(run):
    inventory = run(CONN)
    assert sorted(inventory.hosts) == ['conf-lon-01', 'edge-nyc-01']
    assert groups_of(inventory, 'conf-lon-01') == ['pexip_location_london', 'pexip_nodes', 'pexip_sync_synced',
                                                   'pexip_type_conferencing']
    assert groups_of(inventory, 'edge-nyc-01') == ['pexip_location_new_york__dmz_', 'pexip_nodes',
                                                   'pexip_sync_unknown', 'pexip_type_proxying']
    lon = inventory.get_host('conf-lon-01').vars
    assert lon['ansible_host'] == '192.0.2.21'
    assert lon['pexip_system_location'] == 'London'
    assert lon['pexip_fqdn'] == 'conf-lon-01.example.com'
    assert lon['pexip_sync_status'] == 'SYNCED' and lon['pexip_version'] == '36.0'
    assert lon['pexip_status']['configuration_id'] == 1
    nyc = inventory.get_host('edge-nyc-01').vars
    assert nyc['pexip_status'] is None and nyc['pexip_sync_status'] is None
    assert nyc['pexip_maintenance_mode'] is True


def test_secrets_never_reach_host_variables(run):
    inventory = run(CONN)
    dumped = json.dumps([h.vars for h in inventory.hosts.values()])
    for secret in (SECRET, 'c0mmunity', 'snmp_community', 'snmp_privacy_password', 'password'):
        assert secret not in dumped


def test_status_joined_on_configuration_id_not_status_id(run):
    inventory = run(CONN)
    # status id 1001 != configuration id 1: still joined
    assert inventory.get_host('conf-lon-01').vars['pexip_deploy_status'] == 'DEPLOYED'


def test_credentials_from_environment(run):
    run({}, env={'PEXIP_URL': 'https://env.example.com', 'PEXIP_USERNAME': 'envuser', 'PEXIP_PASSWORD': SECRET,
                 'PEXIP_VALIDATE_CERTS': 'false', 'PEXIP_CA_PATH': '/tmp/ca.pem'})
    args = FakeClient.instances[-1].args
    assert args['url'] == 'https://env.example.com' and args['username'] == 'envuser' and args['password'] == SECRET
    assert args['validate_certs'] is False and args['ca_path'] == '/tmp/ca.pem'


def test_oauth2_credentials_from_environment_or_file(run):
    oauth2_env = {'PEXIP_URL': 'https://env.example.com', 'PEXIP_OAUTH2_CLIENT_ID': 'cid',
                  'PEXIP_OAUTH2_PRIVATE_KEY': '/keys/pexip.pem'}
    run({}, env=oauth2_env)
    args = FakeClient.instances[-1].args
    assert (args['username'], args['password']) == (None, None)
    assert (args['oauth2_client_id'], args['oauth2_private_key']) == ('cid', '/keys/pexip.pem')
    # basic credentials in the inventory file choose basic auth over OAuth2 variables in the environment
    run(CONN, env=oauth2_env)
    args = FakeClient.instances[-1].args
    assert (args['username'], args['oauth2_client_id'], args['oauth2_private_key']) == ('inv', None, None)


def test_both_methods_in_the_file_is_a_clear_error(run):
    with pytest.raises(AnsibleParserError, match='not both'):
        run(dict(CONN, pexip_oauth2_client_id='cid', pexip_oauth2_private_key='/k.pem'))


def test_missing_password_is_a_clear_error(run):
    with pytest.raises(AnsibleParserError, match='pexip_password is required.*PEXIP_PASSWORD'):
        run({'pexip_url': 'https://mgr.example.com', 'pexip_username': 'inv'})


def test_api_error_names_the_cause_without_the_password(run):
    FakeClient.fail = ApiError('authentication failed: the manager rejected the credentials', status=401,
                               method='GET', path='/api/admin/configuration/v1/worker_vm/', kind='auth')
    with pytest.raises(AnsibleParserError) as caught:
        run(CONN)
    assert 'HTTP 401' in str(caught.value) and 'worker_vm' in str(caught.value)
    assert SECRET not in str(caught.value)


def test_prefixes_group_by_and_no_status(run):
    inventory = run(dict(CONN, group_prefix='px_', variable_prefix='node_', group_by=['node_type'],
                         include_status=False))
    assert groups_of(inventory, 'conf-lon-01') == ['px_nodes', 'px_type_conferencing']
    host_vars = inventory.get_host('conf-lon-01').vars
    assert host_vars['node_address'] == '192.0.2.21' and 'pexip_address' not in host_vars
    assert not any('/status/' in p for p in FakeClient.instances[-1].paths)


def test_constructable_compose_groups_keyed_groups(run):
    inventory = run(dict(CONN, compose={'site': "pexip_system_location | lower"},
                         groups={'attention': "pexip_maintenance_mode or pexip_sync_status != 'SYNCED'"},
                         keyed_groups=[{'key': 'pexip_node_type', 'prefix': 'role'}]))
    assert inventory.get_host('conf-lon-01').vars['site'] == 'london'
    assert 'attention' in groups_of(inventory, 'edge-nyc-01')
    assert 'attention' not in groups_of(inventory, 'conf-lon-01')
    assert 'role_CONFERENCING' in groups_of(inventory, 'conf-lon-01')


def test_cache_is_used_and_holds_no_secret(run, tmp_path):
    cache_dir = tmp_path / 'cache'
    config = dict(CONN, cache=True, cache_plugin='ansible.builtin.jsonfile', cache_connection=str(cache_dir),
                  cache_timeout=600)
    run(config, cache=False)  # refresh: reads the API and writes the cache
    assert len(FakeClient.instances) == 1
    cached = ''.join(p.read_text() for p in cache_dir.iterdir())
    assert 'conf-lon-01' in cached
    for secret in (SECRET, 'c0mmunity'):
        assert secret not in cached
    inventory = run(config, cache=True)  # served from the cache: no client made
    assert len(FakeClient.instances) == 1
    assert inventory.get_host('conf-lon-01').vars['pexip_sync_status'] == 'SYNCED'


def test_verify_file_wants_the_plugin_suffix(new_plugin, tmp_path):
    other = tmp_path / 'hosts.yml'
    other.write_text('plugin: ucops.platform.pexip_nodes\n')
    assert not new_plugin().verify_file(str(other))
