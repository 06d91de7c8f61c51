# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
name: pexip_nodes
short_description: Pexip Infinity Conferencing Nodes as inventory hosts
version_added: 0.2.0
description:
  - Reads the Conferencing Nodes (C(worker_vm)) of a Pexip Infinity Management Node from its configuration API
    and joins each with its entry in the status API (matched on the status entry's C(configuration_id)).
  - Every node becomes a host named after the node, with C(ansible_host) set to its address and its addresses,
    location, type and status as host variables (see O(variable_prefix)).
  - Hosts are grouped by system location, node type and synchronisation state (see O(group_by)); group names are
    sanitised (lower case, anything but letters, digits and C(_) becomes C(_)) and prefixed with O(group_prefix).
    O(compose), O(keyed_groups) and O(groups) add more, from the same host variables.
  - Secrets the API returns for a node (SNMP community and passwords) are never copied into host variables or
    the cache; the management password is never printed.
  - The inventory file name must end in C(pexip_nodes.yml) or C(pexip_nodes.yaml).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
requirements:
  - requests
options:
  plugin:
    description: Marks the file as a configuration of this plugin.
    type: str
    required: true
    choices: [ucops.platform.pexip_nodes]
  pexip_url:
    description:
      - Base URL of the Pexip Infinity Management Node, for example C(https://manager.example.com).
      - Required, here or in the environment.
    type: str
    env:
      - name: PEXIP_URL
  pexip_username:
    description:
      - Name of the management account used for HTTP basic authentication.
      - Give either O(pexip_username) and O(pexip_password), or O(pexip_oauth2_client_id) and
        O(pexip_oauth2_private_key), here or in the environment.
    type: str
    env:
      - name: PEXIP_USERNAME
  pexip_password:
    description:
      - Password of O(pexip_username). Prefer the environment variable (an AWX/AAP credential sets it) or a
        vaulted value over clear text in the inventory file. It is never printed.
    type: str
    env:
      - name: PEXIP_PASSWORD
  pexip_oauth2_client_id:
    description:
      - The C(client_id) of an OAuth2 client of the Management Node (Infinity v34 and later), to authenticate with
        OAuth2 client credentials instead of O(pexip_username) and O(pexip_password).
      - One bearer token is fetched per inventory run (see the ucops.platform.pexip doc fragment of the modules).
    type: str
    env:
      - name: PEXIP_OAUTH2_CLIENT_ID
  pexip_oauth2_private_key:
    description:
      - The EC private key of the OAuth2 client O(pexip_oauth2_client_id), as PEM text or the path of a PEM file.
        It is never printed.
    type: str
    env:
      - name: PEXIP_OAUTH2_PRIVATE_KEY
  pexip_validate_certs:
    description:
      - Whether the Management Node's TLS certificate is verified. To trust a private CA use O(pexip_ca_path) instead.
    type: bool
    default: true
    env:
      - name: PEXIP_VALIDATE_CERTS
  pexip_ca_path:
    description: Path to a PEM bundle of the CA certificates that signed the Management Node's certificate.
    type: path
    env:
      - name: PEXIP_CA_PATH
  pexip_timeout:
    description: Seconds to wait for the Management Node to answer one request.
    type: float
    default: 30
    env:
      - name: PEXIP_TIMEOUT
  include_status:
    description:
      - Whether to read the status API. Without it the C(sync_status) group and the status variables are not set.
    type: bool
    default: true
  group_by:
    description:
      - Which built-in groups to make. C(system_location) makes C(<group_prefix>location_<name>), C(node_type)
        makes C(<group_prefix>type_<node type>), C(sync_status) makes C(<group_prefix>sync_<state>) (C(unknown)
        for a node the status API does not list yet).
      - Every node is also in the group C(<group_prefix>nodes).
    type: list
    elements: str
    choices: [system_location, node_type, sync_status]
    default: [system_location, node_type, sync_status]
  group_prefix:
    description: Prefix of the built-in group names.
    type: str
    default: pexip_
  variable_prefix:
    description: Prefix of the host variables the plugin sets (C(ansible_host) excepted).
    type: str
    default: pexip_
'''

EXAMPLES = r'''
# inventory/prod.pexip_nodes.yml. The smallest file is the plugin line alone, with PEXIP_URL, PEXIP_USERNAME
# and PEXIP_PASSWORD in the environment (an AWX/AAP credential sets them). This one sets more: the URL and CA,
# a cache of ten minutes, and extra variables and groups from the host variables.
plugin: ucops.platform.pexip_nodes
pexip_url: https://manager.example.com
pexip_username: automation
pexip_ca_path: /etc/pki/pexip-ca.pem
group_prefix: pexip_
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/ucops-pexip-nodes
cache_timeout: 600
compose:
  node_fqdn: pexip_hostname ~ '.' ~ pexip_domain
groups:
  pexip_needs_attention: pexip_sync_status != 'SYNCED' or pexip_maintenance_mode
keyed_groups:
  - key: pexip_version
    prefix: pexip_version
    default_value: none
'''

import os
import re

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2_auth import (
    CREDENTIAL_ENV,
    check_credentials,
    choose_credentials,
)
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR

try:
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import STATUS_PREFIX, PexipClient
except ImportError:  # pragma: no cover - requests missing; reported in parse()
    PexipClient = None
    STATUS_PREFIX = '/api/admin/status/v1/'

# Configuration fields copied into host variables (never the secrets: password, snmp_*_password,
# snmp_community).
CONFIG_FIELDS = (
    'id', 'name', 'description', 'hostname', 'domain', 'address', 'netmask', 'gateway', 'ipv6_address',
    'ipv6_gateway', 'secondary_address', 'secondary_netmask', 'static_nat_address', 'alternative_fqdn',
    'node_type', 'deployment_type', 'maintenance_mode', 'maintenance_mode_reason', 'media_priority_weight',
    'enable_ssh', 'enable_distributed_database', 'transcoding', 'cloud_bursting', 'resource_uri',
)
# Status fields also set as top-level host variables (the whole entry is in <prefix>status).
STATUS_FIELDS = ('sync_status', 'deploy_status', 'upgrade_status', 'version', 'last_attempted_contact',
                 'boot_time', 'media_load')
SECRET_FIELDS = frozenset(['password', 'snmp_community', 'snmp_authentication_password', 'snmp_privacy_password'])
BUILTIN_GROUPS = ('system_location', 'node_type', 'sync_status')


def sanitize(value):
    """A group name part: lower case, anything but letters, digits and _ turned into _."""
    text = re.sub(r'[^a-z0-9_]', '_', str(value).strip().lower())
    return text or 'none'


def location_name(value, locations):
    """The name of a system_location given as a URI, a nested object or a name."""
    if isinstance(value, dict):
        return value.get('name') or locations.get(value.get('resource_uri'))
    if isinstance(value, str) and value.startswith('/api/'):
        return locations.get(value) or locations.get(value.rstrip('/') + '/')
    return value or None


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = 'ucops.platform.pexip_nodes'

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(('pexip_nodes.yml', 'pexip_nodes.yaml'))

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._file_options = self._read_config_data(path) or {}

        cache_key = self.get_cache_key(path)
        use_cache = self.get_option('cache') and cache
        update_cache = self.get_option('cache') and not cache
        data = None
        if use_cache:
            try:
                data = self._cache[cache_key]
            except KeyError:
                update_cache = True
        if data is None:
            data = self._fetch()
        if update_cache:
            self._cache[cache_key] = data
        self._populate(data)

    # -- reading the manager ----------------------------------------------------------------
    def _client(self):
        if PexipClient is None or REQUESTS_IMPORT_ERROR:
            raise AnsibleError('the ucops.platform.pexip_nodes inventory plugin needs the Python library requests '
                               'on the controller (pip install requests)')
        if not self.get_option('pexip_url'):
            raise AnsibleParserError('pexip_url is required: set it in the inventory file or the PEXIP_URL environment '
                                     'variable')
        # options set in the inventory file choose the method; the environment completes it. The file's own keys
        # say which were set there: ansible-core before 2.18 reports no origin for options given in the file.
        file_options = getattr(self, '_file_options', {})
        given = dict((option, self.get_option(option)) for option, _variable in CREDENTIAL_ENV
                     if file_options.get(option) not in (None, ''))
        credentials = choose_credentials(given, os.environ)
        try:
            check_credentials(credentials['pexip_username'], credentials['pexip_password'],
                              credentials['pexip_oauth2_client_id'], credentials['pexip_oauth2_private_key'])
            return PexipClient(
                self.get_option('pexip_url'), credentials['pexip_username'], credentials['pexip_password'],
                validate_certs=self.get_option('pexip_validate_certs'), ca_path=self.get_option('pexip_ca_path'),
                timeout=self.get_option('pexip_timeout'),
                oauth2_client_id=credentials['pexip_oauth2_client_id'],
                oauth2_private_key=credentials['pexip_oauth2_private_key'],
            )
        except ApiError as exc:
            raise AnsibleParserError(str(exc))

    def _fetch(self):
        """The nodes, their status entries and the location names: plain data, safe to cache."""
        client = self._client()
        try:
            nodes = [dict((k, v) for k, v in node.items() if k not in SECRET_FIELDS)
                     for node in client.iter_list('worker_vm')]
            locations = dict((loc.get('resource_uri'), loc.get('name')) for loc in client.iter_list('system_location'))
            status = []
            if self.get_option('include_status') and nodes:
                status = list(client.iter_list('worker_vm', path=STATUS_PREFIX + 'worker_vm/'))
        except ApiError as exc:
            raise AnsibleParserError('ucops.platform.pexip_nodes: %s' % exc)
        return {'nodes': nodes, 'status': status, 'locations': locations}

    # -- building the inventory -------------------------------------------------------------
    def _populate(self, data):
        prefix = self.get_option('variable_prefix')
        group_prefix = self.get_option('group_prefix')
        group_by = self.get_option('group_by')
        strict = self.get_option('strict')
        status_by_config = dict((entry.get('configuration_id'), entry) for entry in data.get('status') or [])
        locations = data.get('locations') or {}
        all_group = self.inventory.add_group(group_prefix + 'nodes')

        for node in sorted(data.get('nodes') or [], key=lambda n: n.get('name') or ''):
            name = node.get('name')
            if not name:
                continue
            status = status_by_config.get(node.get('id')) if self.get_option('include_status') else None
            host_vars = self._host_vars(node, status, locations, prefix)

            host = self.inventory.add_host(name, group=all_group)
            for key, value in host_vars.items():
                self.inventory.set_variable(host, key, value)

            parts = {
                'system_location': ('location', host_vars.get(prefix + 'system_location')),
                'node_type': ('type', node.get('node_type')),
                'sync_status': ('sync', (status or {}).get('sync_status') or 'unknown'),
            }
            for key in group_by:
                if key == 'sync_status' and not self.get_option('include_status'):
                    continue
                kind, value = parts[key]
                if value:
                    group = self.inventory.add_group('%s%s_%s' % (group_prefix, kind, sanitize(value)))
                    self.inventory.add_child(group, host)

            self._set_composite_vars(self.get_option('compose'), host_vars, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option('groups'), host_vars, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option('keyed_groups'), host_vars, host, strict=strict)

    @staticmethod
    def _host_vars(node, status, locations, prefix):
        host_vars = {}
        if node.get('address'):
            host_vars['ansible_host'] = node['address']
        for field in CONFIG_FIELDS:
            if field in node:
                host_vars[prefix + field] = node[field]
        host_vars[prefix + 'system_location'] = location_name(node.get('system_location'), locations)
        if node.get('hostname') and node.get('domain'):
            host_vars[prefix + 'fqdn'] = '%s.%s' % (node['hostname'], node['domain'])
        host_vars[prefix + 'status'] = status
        for field in STATUS_FIELDS:
            host_vars[prefix + field] = (status or {}).get(field)
        if status is None:
            host_vars[prefix + 'sync_status'] = None
        return host_vars
