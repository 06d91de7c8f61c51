# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Deploying Conferencing Nodes (the ``worker_vm`` resource).

What sets a node apart from other resources:

* creating it answers with a file (an OVA or a provisioning document) that
  exists only in that answer: it is streamed to ``dest`` once, atomically
  (temporary file + rename, mode 0600), and never put in a result;
* a provisioning document can be posted to the node itself (bootstrap);
* the fields that identify the node on the network are baked into that file,
  so a change of them is refused unless the node may be deleted and redeployed;
* readiness is read from the status API, joined on ``configuration_id``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import time

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_nodes import (
    DISRUPTIVE_FIELDS,
    IDENTITY_FIELDS,
    WORKER_VM,
)
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import STATUS_PREFIX
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.private_files import write_private_file
from ansible_collections.ucops.platform.plugins.module_utils.transport import build_session, make_retry, send

STATUS_PATH = STATUS_PREFIX + 'worker_vm/'
BOOTSTRAP_PORT = 8443
BOOTSTRAP_PATH = '/configuration/bootstrap/'
# deployment type -> what the manager answers the POST with
DEPLOYMENT_TYPES = {
    'VMWARE': None,
    'MANUAL': 'ova',
    'MANUAL-ESXI4': 'ova',
    'MANUAL-HYPERV2012': 'package',
    'MANUAL-PROVISION-ONLY': 'xml',
}
MANUAL_TYPES = sorted(name for name, kind in DEPLOYMENT_TYPES.items() if kind)
VMWARE_FIELDS = ('host', 'host_username', 'host_password', 'host_network', 'host_resource_path')
REQUIRED_ON_CREATE = ('hostname', 'domain', 'address', 'netmask', 'gateway', 'system_location', 'password')
_FAILED_MARKERS = ('FAIL', 'ERROR')


class FileSink:
    """Streams a response body to ``dest`` once: temp file + rename, mode 0600."""

    def __init__(self, dest, chunk_size=65536):
        self.dest = dest
        self.chunk_size = chunk_size
        self.size = None
        self.sha256 = None

    def __call__(self, response):
        try:
            self.size, self.sha256 = write_private_file(self.dest, _chunks(response, self.chunk_size))
        finally:
            close = getattr(response, 'close', None)
            if close:
                close()

    def written(self):
        return self.size is not None


def _chunks(response, size):
    iterate = getattr(response, 'iter_content', None)
    if iterate is not None:
        for chunk in iterate(size):
            if chunk:
                yield chunk
        return
    yield response.content


class WorkerVmDeployer:
    """Converges one Conferencing Node; ``warn`` receives warnings for the user."""

    def __init__(self, client, params, check_mode=False, diff_mode=False, warn=None, sleep=time.sleep,
                 clock=time.monotonic):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.warn = warn or (lambda message: None)
        self._sleep = sleep
        self._clock = clock
        self.engine = Engine(client, WORKER_VM, check_mode=check_mode, diff_mode=diff_mode,
                             update_password=params.get('update_password') or 'on_create')
        # whether status/v1/worker_vm/<configuration id>/ is the node's status on this manager (None: not known yet)
        self._status_by_detail = None

    # -- the whole task ----------------------------------------------------------------------
    def run(self):
        params = self.params
        deployment = params.get('deployment_type') or 'MANUAL-PROVISION-ONLY'
        self._check_options(deployment)
        if params.get('state') != 'absent':
            # addresses, netmasks, names: checked before the first request (recreate deletes the node first)
            self.engine.validate(params)
        current = self.engine.find(params['name'])
        if params.get('state') == 'absent':
            return self.engine.ensure(params, state='absent')
        extra = {}
        recreated = False
        if current is not None:
            drift = self.identity_drift(current)
            if drift and not params.get('recreate'):
                raise ApiError(
                    'Conferencing Node %r exists with other identity fields (%s). These are part of the node\'s '
                    'deployment and are not patched in place: set recreate=true to delete the node and deploy it '
                    'again (its calls are dropped and the VM must be redeployed from the new file), or change the '
                    'task to match the node.' % (params['name'], self._describe(drift, current)), kind='usage')
            file_lost = not drift and self.deployment_file_lost(current, deployment)
            if drift or file_lost:
                # everything a creation needs is checked before the node is deleted
                self._check_create(deployment)
                before = self.engine.present_object(current)
                if not self.check_mode:
                    self.client.delete(uri_of(current, 'worker_vm'))
                current = None
                recreated = True
                extra['recreated'] = True
                extra['recreate_reason'] = 'identity changed' if drift else 'deployment file missing'
                extra['replaced'] = before
            else:
                self._warn_disruptive(current)
        else:
            self._check_create(deployment)
        sink = None
        if current is None:
            self.engine.create_extra = self._create_extra(deployment)
            if DEPLOYMENT_TYPES[deployment]:
                sink = FileSink(params['dest'])
                if not self.check_mode:
                    self.engine.on_create_response = sink
        wanted = self.engine.desired(params, params.get('clear') or ())
        wanted['name'] = params['name']
        if current is None:
            result = self.engine._create(wanted)
        else:
            result = self.engine._update(current, wanted)
        if current is None and not self.check_mode and sink is not None and not sink.written():
            raise ApiError('the manager created Conferencing Node %r but its answer (the deployment file) was lost; '
                           'the file cannot be downloaded again: run the task again with '
                           'recreate_if_file_missing=true (it deletes the node and creates it again, writing a new '
                           'file to dest), or delete the node and run the task again' % params['name'], kind='server')
        if current is None and self.engine.diff_mode:
            result.setdefault('diff', {}).setdefault('after', {})['deployment_type'] = deployment
        result.update(extra)
        if recreated:
            result['changed'] = True
            if self.engine.diff_mode:
                result['diff']['before'] = extra['replaced']
        result['deployment_type'] = deployment
        if sink is not None:
            result['dest'] = params['dest']
            if sink.written():
                result['dest_size'] = sink.size
                result['dest_sha256'] = sink.sha256
        node = result.get('worker_vm') or {}
        if current is None and deployment == 'MANUAL-PROVISION-ONLY' and params.get('bootstrap'):
            if not self.check_mode:
                self.bootstrap(params['address'], params['dest'])
            result['bootstrapped'] = True
        if params.get('wait') and node.get('id') is not None and not (self.check_mode and current is None):
            status, waited = self.wait_synced(node['id'], params['name'], params.get('wait_timeout') or 600)
            result['status'] = status
            result['wait_seconds'] = waited
        return result

    # -- checks ------------------------------------------------------------------------------
    def _check_options(self, deployment):
        params = self.params
        problems = []
        if deployment not in DEPLOYMENT_TYPES:
            problems.append('deployment_type must be one of %s' % ', '.join(sorted(DEPLOYMENT_TYPES)))
        elif params.get('state') != 'absent':
            if deployment == 'VMWARE':
                missing = [name for name in ('host', 'host_username', 'host_password') if not params.get(name)]
                if missing:
                    problems.append('deployment_type VMWARE needs %s' % ', '.join(missing))
            elif any(params.get(name) for name in VMWARE_FIELDS):
                problems.append('host, host_username, host_password, host_network and host_resource_path are only '
                                'used with deployment_type VMWARE')
            if params.get('bootstrap') and deployment != 'MANUAL-PROVISION-ONLY':
                problems.append('bootstrap needs deployment_type MANUAL-PROVISION-ONLY')
        if problems:
            raise ApiError('invalid parameters: %s' % '; '.join(problems), kind='usage')

    def _check_create(self, deployment):
        """Fail, before any write, when the node cannot be created from the task."""
        params = self.params
        problems = []
        missing = [name for name in REQUIRED_ON_CREATE if params.get(name) in (None, '')]
        if missing:
            problems.append('creating Conferencing Node %r needs %s' % (params['name'], ', '.join(missing)))
        if DEPLOYMENT_TYPES[deployment] and not params.get('dest'):
            problems.append('deployment_type %s returns a file when the node is created: set dest to where it is '
                            'saved' % deployment)
        if problems:
            raise ApiError('; '.join(problems), kind='usage')

    def deployment_file_lost(self, current, deployment):
        """Whether an existing node must be recreated to get a new deployment file (see ``recreate_if_file_missing``).

        Only when the task names a file (``dest``) that does not exist, for a manual deployment type, and the node
        has never reported to the manager: such a node cannot be deployed by anyone. A node that has reported does
        not need its file any more (deleting it after the node synced is what the docs advise), so it is left alone.
        Without ``recreate_if_file_missing`` the task fails, saying how to get a new file.
        """
        params = self.params
        dest = params.get('dest')
        if not DEPLOYMENT_TYPES[deployment] or not dest or os.path.exists(dest):
            return False
        status = self.node_status(current.get('id'))
        if has_reported(status):
            return False
        if params.get('recreate_if_file_missing'):
            return True
        seen = ('sync_status=%s, deploy_status=%s' % (status.get('sync_status'), status.get('deploy_status'))
                if status else 'the status API does not list it')
        raise ApiError(
            'Conferencing Node %r exists but has never reported to the Management Node (%s), and its deployment file '
            '%s is missing. The manager hands that file out only once, when it creates the node, so no VM can be '
            'deployed for this node. To get a new file, set recreate_if_file_missing=true: the node is deleted on the '
            'Management Node and created again, and the new file is written to dest (a VM already started from the '
            'old file must be deployed again from the new one). If a VM was deployed from the lost file and is still '
            'starting, run the task without dest until the node reports.' % (params['name'], seen, dest),
            kind='usage')

    def identity_drift(self, current):
        """Identity fields the user set that differ from the node: ``{name: wanted}``."""
        drift = {}
        for name in IDENTITY_FIELDS:
            wanted = self.params.get(name)
            if wanted is None:
                continue
            if not self.engine.equal(name, wanted, current.get(name)):
                drift[name] = wanted
        return drift

    @staticmethod
    def _describe(drift, current):
        return ', '.join('%s is %r, the task wants %r' % (name, current.get(name), value)
                         for name, value in sorted(drift.items()))

    def _warn_disruptive(self, current):
        for name in DISRUPTIVE_FIELDS:
            wanted = self.params.get(name)
            if wanted is None:
                continue
            if name == 'system_location':
                wanted = self.engine.resolve(name, 'system_location', wanted)
            if not self.engine.equal(name, wanted, current.get(name)):
                self.warn('changing %s of Conferencing Node %r disconnects every call on the node while it restarts'
                          % (name, self.params['name']))

    def _create_extra(self, deployment):
        extra = {'deployment_type': deployment}
        if deployment == 'VMWARE':
            for name in VMWARE_FIELDS:
                value = self.params.get(name)
                if value in (None, ''):
                    continue
                if name == 'host' and str(value).isdigit():
                    value = int(value)
                extra[name] = value
        return extra

    # -- the node itself ---------------------------------------------------------------------
    def bootstrap(self, address, document_path):
        """POST the provisioning document to the node's bootstrap endpoint."""
        params = self.params
        host = '[%s]' % address if ':' in address else address
        url = 'https://%s:%d%s' % (host, BOOTSTRAP_PORT, BOOTSTRAP_PATH)
        session = build_session(params.get('bootstrap_validate_certs', True), params.get('bootstrap_ca_path'),
                                make_retry(params.get('bootstrap_retries', 4), 1.0, allowed_methods=frozenset()))
        with open(document_path, 'rb') as handle:
            document = handle.read()
        response = send(session, 'POST', url, path=BOOTSTRAP_PATH, prefix='bootstrap_', data=document,
                        headers={'Content-Type': 'text/xml'}, timeout=params.get('pexip_timeout') or 30)
        if response.status_code >= 300:
            text = (response.text or '').strip()[:300]
            raise ApiError('the node at %s refused the provisioning document: %s (the node object exists on the '
                           'manager; fix the cause and bootstrap it again, or delete it and rerun)'
                           % (address, text or response.reason), status=response.status_code, method='POST',
                           path=BOOTSTRAP_PATH, kind='validation')

    def node_status(self, config_id):
        """The status API's entry for the node with this configuration id, or ``None`` (see :func:`node_status`)."""
        status, self._status_by_detail = node_status(self.client, config_id, self._status_by_detail)
        return status

    def wait_synced(self, config_id, name, timeout):
        """Poll until the node reports SYNCED; ``(status, seconds waited)``."""
        start = self._clock()
        status = None
        while True:
            status = self.node_status(config_id)
            waited = self._clock() - start
            if status is not None:
                deploy = str(status.get('deploy_status') or '').upper()
                if any(marker in deploy for marker in _FAILED_MARKERS):
                    raise ApiError('Conferencing Node %r failed to deploy: deploy_status is %s'
                                   % (name, status.get('deploy_status')), kind='server')
                if str(status.get('sync_status') or '').upper() == 'SYNCED':
                    return status, round(waited, 1)
            if waited >= timeout:
                seen = ('sync_status=%s, deploy_status=%s, last_attempted_contact=%s'
                        % (status.get('sync_status'), status.get('deploy_status'), status.get('last_attempted_contact'))
                        if status else 'the status API does not list the node yet')
                raise ApiError('Conferencing Node %r was not synced after %d seconds (wait_timeout): %s. Check that '
                               'the VM was deployed from its file and can reach the manager, then run again.'
                               % (name, timeout, seen), kind='timeout')
            self._sleep(max(0.2, min(5.0, 1.0 + waited / 10.0, timeout - waited)))


def node_status(client, config_id, by_detail=None):
    """``(entry, by_detail)``: the status API's entry of the node with this configuration id (or ``None``).

    Pexip's own guides read ``status/v1/worker_vm/<configuration id>/``; the reference does not say that
    a status id equals the configuration id, so an entry read there counts only when its
    ``configuration_id`` is the node's. Otherwise the list is read filtered on ``configuration_id``
    (filtered on the controller where the manager refuses that filter). ``by_detail`` is what an
    earlier call learnt (``True``: the detail path is the node's status; ``False``: it is not; ``None``:
    unknown): a poll asks the way that worked, and the detail path at most once when it does not.
    """
    if by_detail is not False:
        entry = client.get_object(STATUS_PATH + '%s/' % config_id)
        if isinstance(entry, dict) and str(entry.get('configuration_id')) == str(config_id):
            return entry, True
        by_detail = False  # no entry there, or another node's: status ids are not configuration ids here
    for entry in client.iter_list('worker_vm', {'configuration_id': config_id}, path=STATUS_PATH):
        if str(entry.get('configuration_id')) == str(config_id):
            return entry, by_detail
    return None, by_detail


def has_reported(status):
    """Whether a node's status entry shows any sign that the node itself ever reported to the manager."""
    if not status:
        return False
    return (str(status.get('sync_status') or '').upper() == 'SYNCED'
            or str(status.get('deploy_status') or '').upper() == 'DEPLOYED'
            or bool(status.get('boot_time')) or bool(status.get('version')))


def node_infos(client, engine, name=None):
    """Configuration of one node or all, each with its ``status`` joined on the configuration id."""
    query = {'name': name} if name else {}
    configs = [obj for obj in client.iter_list('worker_vm', query) if name is None or obj.get('name') == name]
    statuses = {}
    if configs:
        for entry in client.iter_list('worker_vm', path=STATUS_PATH):
            statuses[str(entry.get('configuration_id'))] = entry
    nodes = []
    for obj in configs:
        shown = engine.present_object(obj)
        shown['status'] = statuses.get(str(obj.get('id')))
        nodes.append(shown)
    return nodes
