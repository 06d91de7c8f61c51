#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_worker_vm
short_description: Deploy and manage Pexip Infinity Conferencing Nodes
version_added: 0.2.0
description:
  - Creates, updates and deletes Conferencing Nodes (the C(worker_vm) resource) through the Management Node.
  - O(deployment_type=VMWARE) has the Management Node deploy the VM on a VMware host itself. The manual types answer
    with a file that exists only in the creation answer; the module streams it to O(dest) once (temporary file and
    rename, mode 0600) and never puts its content in a result or log. V(MANUAL), V(MANUAL-ESXI4) and V(MANUAL-HYPERV2012)
    return the VM package to import into the hypervisor; V(MANUAL-PROVISION-ONLY) returns a provisioning document
    for a VM booted from the generic template, which O(bootstrap=true) posts to the node.
  - The network identity of a node (O(address), O(hostname), O(domain), O(netmask), O(gateway), O(ipv6_address),
    O(ipv6_gateway)) is part of its deployment file. A node whose identity differs from the task is not patched;
    the task fails and explains why, unless O(recreate=true), which deletes the node and deploys it again.
  - Addresses, netmasks and names are checked before any request (O(address) an IPv4 address, O(netmask) a dotted
    IPv4 netmask, O(ipv6_address) an IPv6 address, ...), so a value the Management Node would refuse creates nothing
    and, with O(recreate=true), deletes nothing.
  - Changing O(node_type) or O(system_location) of an existing node is done, with a warning that its calls are dropped
    while it restarts.
  - O(wait=true) polls the status API until the node reports itself synchronised.
author:
  - ucops.platform contributors (@ucops)
notes:
  - The deployment file is single-use and cannot be downloaded again. If it is lost, delete the node and rerun.
  - Only one file is written per creation; a rerun against an existing node writes nothing and sends nothing.
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  address:
    description:
      - IPv4 address of the node. Part of its identity.
      - Needed to create the object.
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  alternative_fqdn:
    description:
      - Another name the node is known by, for example in its TLS certificate.
      - At most 255 characters.
    type: str
  bootstrap:
    description:
      - With O(deployment_type=MANUAL-PROVISION-ONLY), post the provisioning document to C(https://<address>:8443/configuration/bootstrap/)
        right after creating the node. The VM must already run from the generic template.
    type: bool
    default: false
  bootstrap_ca_path:
    description: CA bundle used to verify the node's certificate (a freshly installed node has a self-signed one).
    type: path
  bootstrap_retries:
    description: How many times a failed connection to the bootstrap endpoint is retried (with backoff).
    type: int
    default: 4
  bootstrap_validate_certs:
    description: Whether the certificate of the node's bootstrap endpoint is verified.
    type: bool
    default: true
  clear:
    description: Fields to empty (C(null) for references and optional addresses, an empty list for sets).
    type: list
    elements: str
    default: []
  deployment_type:
    description:
      - How the node is deployed; used only when the node is created (the API does not return it).
      - V(VMWARE) needs O(host), O(host_username) and O(host_password). The other types need O(dest).
    type: str
    choices:
      - VMWARE
      - MANUAL
      - MANUAL-ESXI4
      - MANUAL-HYPERV2012
      - MANUAL-PROVISION-ONLY
    default: MANUAL-PROVISION-ONLY
  description:
    description:
      - Free text about the node.
      - At most 250 characters.
    type: str
  dest:
    description:
      - Where the file returned for a manual deployment type is saved when the node is created (required then).
        An existing file is replaced atomically. Nothing is written when the node already exists, and changing an
        existing node does not need O(dest).
      - When the node exists, has never reported to the Management Node, and O(dest) names a file that does not
        exist, the node cannot be deployed (the manager hands the file out only once), so the task fails and says
        how to get a new file, see O(recreate_if_file_missing). A node that has reported no longer needs its file.
    type: path
  domain:
    description:
      - DNS domain name of the node. Part of its identity.
      - Needed to create the object.
      - Must be a DNS domain name such as example.com; checked before any request.
    type: str
  enable_distributed_database:
    description:
      - Whether the node takes part in the distributed database.
    type: bool
  enable_ssh:
    description:
      - SSH access to the node; V(GLOBAL) follows the platform setting.
    type: str
    choices:
      - GLOBAL
      - 'OFF'
      - 'ON'
  gateway:
    description:
      - IPv4 default gateway of the node. Part of its identity.
      - Needed to create the object.
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  host:
    description: VMware host the Management Node deploys to (O(deployment_type=VMWARE)), by id.
    type: str
  host_network:
    description: Port group of the VMware host the node's interface is attached to.
    type: str
  host_password:
    description: Password of O(host_username). Sent once, at creation; never returned.
    type: str
  host_resource_path:
    description: Inventory path of the resource pool on the VMware host, for example C(/dc1/host/esx1/Resources).
    type: str
  host_username:
    description: Account on the VMware host (O(deployment_type=VMWARE)).
    type: str
  hostname:
    description:
      - Host name of the node, at most 63 characters. Part of its identity.
      - Needed to create the object.
      - Must be a host name of letters, digits and hyphens that neither starts nor ends with a hyphen; checked before
        any request.
    type: str
  ipv6_address:
    description:
      - IPv6 address of the node. Part of its identity.
      - Must be an IPv6 address such as 2001:db8::10; checked before any request.
    type: str
  ipv6_gateway:
    description:
      - IPv6 default gateway of the node. Part of its identity.
      - Must be an IPv6 address such as 2001:db8::10; checked before any request.
    type: str
  maintenance_mode:
    description:
      - Whether the node refuses new calls.
    type: bool
  maintenance_mode_reason:
    description:
      - Why the node is in maintenance mode.
      - At most 250 characters.
    type: str
  media_priority_weight:
    description:
      - Weight for choosing this node for media among the nodes of its location.
    type: int
  name:
    description:
      - Name of the node.
      - The key by which the module finds the object.
      - At most 32 characters.
    type: str
    required: true
  netmask:
    description:
      - IPv4 netmask of the node. Part of its identity.
      - Needed to create the object.
      - Must be an IPv4 netmask such as 255.255.255.0; checked before any request.
    type: str
  node_type:
    description:
      - Role of the node. A change drops its calls.
    type: str
    choices:
      - CONFERENCING
      - PROXYING
  password:
    description:
      - Password of the node's C(admin) account for SSH; plain or as a SHA-512 crypt hash.
      - Write-only; see O(update_password). Required to create a node.
      - At most 250 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  recreate:
    description:
      - When the node exists with other identity fields, delete it and deploy it again instead of failing. The old
        VM must be removed from the hypervisor and the new file deployed.
    type: bool
    default: false
  recreate_if_file_missing:
    description:
      - When the node exists, has never reported to the Management Node (the status API shows no sign of it) and
        the file O(dest) names does not exist, delete the node and create it again, so that the manager hands out
        a new deployment file, written to O(dest) (then bootstrapped and waited for as asked). This is the only
        way to get a new file; a VM already started from the old file must be deployed again from the new one.
      - Without it, such a task fails before any write, saying what to do. A node that has reported is never recreated
        by this option.
    type: bool
    default: false
  secondary_address:
    description:
      - IPv4 address of a second network interface (for a proxying node with two interfaces).
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  secondary_netmask:
    description:
      - IPv4 netmask of the second network interface, such as C(255.255.255.0).
      - Must be an IPv4 netmask such as 255.255.255.0; checked before any request.
    type: str
  snmp_authentication_password:
    description:
      - SNMPv3 authentication password (8 to 100 characters). Write-only; see O(update_password).
      - From 8 to 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  snmp_community:
    description:
      - SNMPv2c community. Masked in results.
      - At most 16 characters.
      - Masked in every result and diff.
    type: str
  snmp_mode:
    description:
      - SNMP support of the node.
    type: str
    choices:
      - DISABLED
      - STANDARD
      - AUTHPRIV
  snmp_privacy_password:
    description:
      - SNMPv3 privacy password (8 to 100 characters). Write-only; see O(update_password).
      - From 8 to 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  snmp_system_contact:
    description:
      - SNMP system contact.
      - At most 70 characters.
    type: str
  snmp_system_location:
    description:
      - SNMP system location.
      - At most 70 characters.
    type: str
  snmp_username:
    description:
      - SNMPv3 user name.
      - At most 100 characters.
    type: str
  ssh_authorized_keys:
    description:
      - SSH public keys of the C(admin) account, each by name or resource URI.
      - A list of resource URIs of C(ssh_authorized_key) objects; compared as a set.
    type: list
    elements: str
  ssh_authorized_keys_use_cloud:
    description:
      - Whether keys provided by a cloud platform are also accepted.
    type: bool
  state:
    description: V(present) creates or updates the node, V(absent) deletes it from the Management Node.
    type: str
    choices:
      - present
      - absent
    default: present
  static_nat_address:
    description:
      - Public IPv4 address the node is reached at through static NAT.
      - Must be an IPv4 address such as 192.0.2.10; checked before any request.
    type: str
  static_routes:
    description:
      - Static routes of the node, each by name or resource URI.
      - A list of C(static_route) objects, each given as its C(name) or its resource URI; compared as a set.
    type: list
    elements: str
  system_location:
    description:
      - System location by name or resource URI. A change drops its calls.
      - Needed to create the object.
      - Given as the C(name) of a C(system_location) object, or as its resource URI.
    type: str
  tls_certificate:
    description:
      - Server certificate of the node, by subject name or resource URI.
      - Given as the C(subject_name) of a C(tls_certificate) object, or as its resource URI.
    type: str
  tls_client_certificate:
    description:
      - Client certificate the node presents, by subject name or resource URI.
      - Given as the C(subject_name) of a C(tls_certificate) object, or as its resource URI.
    type: str
  update_password:
    description:
      - V(on_create) sends O(password), O(snmp_authentication_password) and O(snmp_privacy_password) only when the
        node is created; the API does not return them, so they cannot be compared.
      - V(always) sends them on every run, which reports a change every time.
    type: str
    choices:
      - always
      - on_create
    default: on_create
  vm_cpu_count:
    description:
      - Virtual CPUs (2 to 128) written into a VM package or given to a VMware deployment.
      - From 2 to 128.
    type: int
  vm_system_memory:
    description:
      - Memory in MB (2000 to 64000) written into a VM package or given to a VMware deployment.
      - From 2000 to 64000.
    type: int
  wait:
    description: Wait until the status API reports the node as synced (C(sync_status=SYNCED)).
    type: bool
    default: false
  wait_timeout:
    description: Seconds to wait with O(wait=true) before failing.
    type: int
    default: 600
seealso:
  - module: ucops.platform.pexip_worker_vm_info
  - module: ucops.platform.pexip_system_location
'''

EXAMPLES = r'''
- name: The locations the nodes belong to (see ucops.platform.pexip_system_location)
  ucops.platform.pexip_system_location:
    name: "{{ item }}"
  loop: [Amsterdam, Rotterdam]

# The deployment file is single-use and carries a credential: keep it like a password.
- name: A node on a generic VM template, provisioned over the network, waited for
  ucops.platform.pexip_worker_vm:
    name: conf-ams-01
    hostname: conf-ams-01
    domain: example.com
    address: 192.0.2.21
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Amsterdam
    password: "{{ vault_node_password }}"
    deployment_type: MANUAL-PROVISION-ONLY
    dest: nodes/conf-ams-01.xml
    bootstrap: true
    bootstrap_ca_path: pki/pexip-nodes.pem
    wait: true
    wait_timeout: 900

- name: An OVA to import into ESXi by hand
  ucops.platform.pexip_worker_vm:
    name: conf-rtm-01
    hostname: conf-rtm-01
    domain: example.com
    address: 192.0.2.31
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Rotterdam
    password: "{{ vault_node_password }}"
    deployment_type: MANUAL
    vm_cpu_count: 8
    vm_system_memory: 16384
    dest: nodes/conf-rtm-01.ova

- name: The vCenter the Management Node deploys through (see ucops.platform.pexip_host_system)
  ucops.platform.pexip_host_system:
    name: vcenter-ams
    fields:
      address: vcenter-ams.example.com
      username: svc-pexip
      password: "{{ vault_vcenter_password }}"
  register: vcenter

- name: Let the Management Node deploy the VM on vSphere
  ucops.platform.pexip_worker_vm:
    name: conf-ams-02
    hostname: conf-ams-02
    domain: example.com
    address: 192.0.2.22
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Amsterdam
    password: "{{ vault_node_password }}"
    deployment_type: VMWARE
    host: "{{ vcenter.host_system.id }}"
    host_username: svc-pexip
    host_password: "{{ vault_vcenter_password }}"
    host_network: VM Network
    host_resource_path: /dc1/host/esx1/Resources

- name: Move a node to a new address (deletes and redeploys it)
  ucops.platform.pexip_worker_vm:
    name: conf-ams-01
    hostname: conf-ams-01
    domain: example.com
    address: 192.0.2.41
    netmask: 255.255.255.0
    gateway: 192.0.2.1
    system_location: Amsterdam
    password: "{{ vault_node_password }}"
    dest: nodes/conf-ams-01.xml
    recreate: true

- name: Put a node into maintenance mode (an existing node needs no dest)
  ucops.platform.pexip_worker_vm:
    name: conf-ams-01
    maintenance_mode: true
    maintenance_mode_reason: Hypervisor patching
'''

RETURN = r'''
worker_vm:
  description:
    - The node as the Management Node holds it after the task (in check mode, as a real run would leave it).
    - References are resource URIs; O(snmp_community) is masked. Empty when the node is absent.
  returned: always
  type: dict
  sample:
    id: 3
    name: conf-lon-01
    hostname: conf-lon-01
    address: 192.0.2.21
    node_type: CONFERENCING
    system_location: /api/admin/configuration/v1/system_location/1/
    resource_uri: /api/admin/configuration/v1/worker_vm/3/
deployment_type:
  description: The deployment type the task used.
  returned: when O(state=present)
  type: str
  sample: MANUAL-PROVISION-ONLY
dest:
  description: Where the deployment file was (or, in check mode, would be) saved.
  returned: when the node was created with a manual deployment type
  type: str
  sample: /srv/pexip/conf-lon-01.xml
dest_size:
  description: Size in bytes of the saved file.
  returned: when a file was saved
  type: int
  sample: 2048
dest_sha256:
  description: SHA-256 checksum of the saved file.
  returned: when a file was saved
  type: str
  sample: 3f1c0a6e9d7b2c8e4a5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5
bootstrapped:
  description: Whether the provisioning document was posted to the node.
  returned: when O(bootstrap=true) and the node was created
  type: bool
  sample: true
recreated:
  description:
    - Whether the node was deleted and deployed again, because its identity changed (O(recreate=true)) or its
      deployment file was missing before it ever reported (O(recreate_if_file_missing=true)).
  returned: when the node was replaced
  type: bool
  sample: true
recreate_reason:
  description: Why the node was replaced, V(identity changed) or V(deployment file missing).
  returned: when the node was replaced
  type: str
  sample: identity changed
replaced:
  description: The node as it was before it was replaced.
  returned: when the node was replaced
  type: dict
  sample: {name: conf-lon-01, address: 192.0.2.21}
status:
  description: The node's entry in the status API when O(wait=true) ended.
  returned: when O(wait=true), except in check mode for a node that does not exist yet
  type: dict
  sample:
    configuration_id: 3
    sync_status: SYNCED
    deploy_status: DEPLOYED
    maintenance_mode: false
    version: "36.0.0"
wait_seconds:
  description: How long the task waited for the node to become synced, in seconds.
  returned: when O(wait=true), except in check mode for a node that does not exist yet
  type: float
  sample: 12.5
'''

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import WORKER_VM
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module, update_password_argument
from ansible_collections.ucops.platform.plugins.module_utils.pexip_worker_vm import WorkerVmDeployer


def argument_spec():
    spec = WORKER_VM.argument_spec()
    spec['name']['required'] = True
    spec.update(
        state=dict(type='str', default='present', choices=['present', 'absent']),
        clear=dict(type='list', elements='str', default=[], no_log=False),
        update_password=update_password_argument(),
        deployment_type=dict(type='str', default='MANUAL-PROVISION-ONLY',
                             choices=['VMWARE', 'MANUAL', 'MANUAL-ESXI4', 'MANUAL-HYPERV2012', 'MANUAL-PROVISION-ONLY']),
        dest=dict(type='path'),
        bootstrap=dict(type='bool', default=False),
        bootstrap_validate_certs=dict(type='bool', default=True),
        bootstrap_ca_path=dict(type='path'),
        bootstrap_retries=dict(type='int', default=4),
        recreate=dict(type='bool', default=False),
        recreate_if_file_missing=dict(type='bool', default=False),
        wait=dict(type='bool', default=False),
        wait_timeout=dict(type='int', default=600),
        host=dict(type='str'),
        host_username=dict(type='str'),
        host_password=dict(type='str', no_log=True),
        host_network=dict(type='str'),
        host_resource_path=dict(type='str'),
    )
    return spec


def main():
    module = new_module(argument_spec(), supports_check_mode=True)
    try:
        deployer = WorkerVmDeployer(client_from(module), module.params, check_mode=module.check_mode,
                                    diff_mode=module._diff, warn=module.warn)
        result = deployer.run()
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
