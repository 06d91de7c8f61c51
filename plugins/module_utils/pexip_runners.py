# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every ``run_*`` entry point of the Pexip modules: a module is a resource description plus one call here.

* :func:`run_resource_module`: one object found by its natural key, ``state`` present or absent.
* :func:`run_info_module`: one object by key, a filtered list, or all.
* :func:`run_bulk_module`: a list of objects in one task (see :class:`BulkEngine`).
* :func:`run_certificate_module`: a certificate found by its fingerprint.
* :func:`run_singleton_module`: one object that always exists (``global``,
  ``registration``, ``authentication``, ``management_vm``): no key, no
  ``state``; the module only ever patches it.
* :func:`run_upload_module`: a resource with a file part (``ivr_theme``'s
  ``package``): the object is converged as JSON first, then the file is sent
  as a multipart PATCH, as the API reference shows.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import BulkEngine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk_module import BulkModule, invocation, bulk_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.pexip_certificates import CertificateEngine, certificate_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import (
    client_from,
    fail,
    new_module,
    object_argument_spec,
    update_password_argument,
)


def engine_for(module, resource, engine_class=Engine):
    """The engine converging ``resource`` with the module's connection, check and diff modes, and
    ``update_password`` (``always`` for modules without write-only fields: nothing is held back)."""
    return engine_class(client_from(module), resource, check_mode=module.check_mode, diff_mode=module._diff,
                        update_password=module.params.get('update_password') or 'always')


def _common_spec(resource):
    spec = resource.argument_spec()
    spec['clear'] = dict(type='list', elements='str', default=[], no_log=False)
    if resource.has_write_only:
        spec['update_password'] = update_password_argument()
    return spec


def singleton_argument_spec(resource):
    spec = _common_spec(resource)
    if resource.singleton_absent:
        spec['state'] = dict(type='str', default='present', choices=['present', 'absent'])
    return spec


def run_singleton_module(resource):
    """The whole of a module for a singleton resource: find it by listing, patch what differs.

    A singleton the manager empties with a DELETE (``Resource.singleton_absent``) also takes ``state: absent``.
    """
    module = new_module(singleton_argument_spec(resource), supports_check_mode=True)
    try:
        engine = engine_for(module, resource)
        result = engine.ensure(module.params, state=module.params.get('state') or 'present',
                               clear=module.params['clear'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


def upload_argument_spec(resource, file_option):
    spec = _common_spec(resource)
    spec[resource.key]['required'] = True
    for name in resource.scope:
        spec[name]['required'] = True
    spec['state'] = dict(type='str', default='present', choices=['present', 'absent'])
    spec[file_option] = dict(type='path')
    spec['update_' + file_option] = dict(type='str', default='on_create', choices=['always', 'on_create'])
    return spec


# Fields in which a manager reports what it holds of an uploaded file: its name, its size in bytes.
STORED_FILE_NAME = ('file_name',)
STORED_FILE_SIZE = ('media_size', 'file_size')


def stored_file_differs(current, path):
    """Whether the file the manager reports (name, size) differs from the local one; ``None`` if it reports none."""
    seen = False
    for name in STORED_FILE_NAME:
        if current.get(name):
            seen = True
            if os.path.basename(str(current[name])) != os.path.basename(path):
                return True
    for name in STORED_FILE_SIZE:
        if isinstance(current.get(name), int):
            seen = True
            if current[name] != os.path.getsize(path):
                return True
    return False if seen else None


def _file_module(resource, file_option):
    """The module of an upload resource and the local file's path (``None`` when not given), checked readable."""
    module = new_module(upload_argument_spec(resource, file_option), supports_check_mode=True)
    path = module.params[file_option]
    if path is not None and not os.path.isfile(path):
        module.fail_json(msg='%s: %s is not a readable file' % (file_option, path))
    return module, path


def _report_upload(result, file_option, path, before=None):
    """Say in the result (and its diff) that the file at ``path`` is, or would be, sent."""
    result['changed'] = True
    result['uploaded'] = os.path.basename(path)
    if result.get('diff') is not None:
        if before is not None:
            result['diff']['before'][file_option] = before
        result['diff']['after'][file_option] = os.path.basename(path)


def _send_file(engine, uri, file_option, path):
    """Send the file as the multipart part ``file_option`` of a PATCH of the object at ``uri``."""
    with open(path, 'rb') as handle:
        engine.client.request('PATCH', uri, files={file_option: (os.path.basename(path), handle)},
                              expect_json=False, resource=engine.resource.name)


def run_upload_module(resource, file_option):
    """A resource whose ``file_option`` is uploaded as a multipart file part.

    The manager never returns the uploaded file. When the file is a field of the
    resource (``kind='upload'``: media library entries, web app branding), the
    object is created by one multipart POST carrying the fields and the file, and
    the file is sent again when the name or size the manager reports for it differ
    from the local file's, or with ``update_<file_option>: always``. Otherwise
    (IVR themes) the object is created as JSON and the file follows as a
    multipart PATCH, on creation and later only with ``update_<file_option>: always``.
    """
    field = resource.fields.get(file_option)
    if field is not None and field.kind == 'upload':
        return _run_file_field_module(resource, file_option)
    module, path = _file_module(resource, file_option)
    params = module.params
    try:
        engine = engine_for(module, resource)
        existed = engine.find(params[resource.key]) is not None if params['state'] == 'present' else True
        result = engine.ensure(params, state=params['state'], clear=params['clear'])
        if params['state'] == 'present' and path is not None and (
                not existed or params['update_' + file_option] == 'always'):
            _report_upload(result, file_option, path)
            if not module.check_mode:
                _send_file(engine, uri_of(result[resource.result_key], resource.name), file_option, path)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


def _run_file_field_module(resource, file_option):
    module, path = _file_module(resource, file_option)
    params = module.params
    try:
        engine = engine_for(module, resource)
        current = None
        if params['state'] == 'present':
            engine.validate(params)
            current = engine.find(params[resource.key], engine.scope_of(params))
            if current is None and path is None:
                raise ApiError('%s is required to create %s %r: the manager takes the file with the new object'
                               % (file_option, resource.label, params[resource.key]), kind='usage')
        handle = open(path, 'rb') if path is not None and current is None else None
        try:
            if handle is not None:
                engine.create_files = {file_option: (os.path.basename(path), handle)}
            result = engine.ensure(params, state=params['state'], clear=params['clear'])
        finally:
            if handle is not None:
                handle.close()
        if current is None and params['state'] == 'present':
            _report_upload(result, file_option, path)   # sent with the creating POST: changed already
        elif params['state'] == 'present' and path is not None and (
                params['update_' + file_option] == 'always' or stored_file_differs(current, path)):
            _report_upload(result, file_option, path, before=current.get('file_name') or '(stored file)')
            if not module.check_mode:
                uri = uri_of(current, resource.name)
                _send_file(engine, uri, file_option, path)
                result[resource.result_key] = engine.present_object(engine.client.get_object(uri) or current)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


def run_resource_module(resource, extra_spec=None, required_if=None, prepare=None):
    """The whole of a single-object Pexip module: parse, converge, report.

    ``prepare(module, engine)``, for resources whose creation differs
    (``oauth2_client``), runs before the engine converges: it may check options
    and set the engine's create hooks, and returns ``None`` or a function given
    the result to complete it.
    """
    spec = object_argument_spec(resource)
    if resource.creatable:
        spec['state'] = dict(type='str', default='present', choices=['present', 'absent'])
    if resource.has_write_only:
        spec['update_password'] = update_password_argument()
    spec.update(extra_spec or {})
    module = new_module(spec, supports_check_mode=True, required_if=required_if or [])
    try:
        engine = engine_for(module, resource)
        finish = prepare(module, engine) if prepare is not None else None
        result = engine.ensure(module.params, state=module.params.get('state') or 'present',
                               clear=module.params['clear'])
        if finish is not None:
            result = finish(result)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


def run_info_module(resource, plural):
    """The whole of a ``*_info`` module: one object by key, a filtered list, or all."""
    spec = {
        resource.key: dict(type='str'),
        'filters': dict(type='dict', default={}),
        'order_by': dict(type='str'),
        'limit': dict(type='int'),
    }
    module = new_module(spec, supports_check_mode=True, mutually_exclusive=[(resource.key, 'filters')])
    params = module.params
    query = dict((key, _filter_value(value)) for key, value in params['filters'].items())
    if params[resource.key] is not None:
        query[resource.key] = params[resource.key]
    if params['order_by']:
        query['order_by'] = params['order_by']
    try:
        client = client_from(module)
        engine = Engine(client, resource)
        found = []
        for obj in client.iter_list(resource.name, query):
            if params[resource.key] is not None and obj.get(resource.key) != params[resource.key]:
                continue
            found.append(engine.present_object(obj))
            if params['limit'] is not None and len(found) >= params['limit']:
                break
    except ApiError as error:
        fail(module, error)
    module.exit_json(changed=False, **{plural: found})


def _filter_value(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ','.join(str(item) for item in value)
    return value


def run_bulk_module(resource, prune_field='tag'):
    """Parse, converge every object, report (see :class:`BulkEngine`)."""
    module = new_module(bulk_argument_spec(resource), supports_check_mode=True,
                        required_if=[('prune', True, ('prune_tag', 'prune_prefix', 'prune_all'), True)],
                        required_one_of=[('objects', 'objects_file')], mutually_exclusive=[('objects', 'objects_file')],
                        module_class=BulkModule)
    params = module.params
    client = None
    try:
        client = client_from(module)
        engine = BulkEngine(client, resource, check_mode=module.check_mode, diff_mode=module._diff,
                            update_password=params.get('update_password') or 'always',
                            batch_size=params['batch_size'], page_size=params['page_size'],
                            prune=params['prune'], prune_tag=params['prune_tag'], prune_field=prune_field,
                            details=params['details'] or module._verbosity >= 2,
                            prune_empty=params['prune_empty'], max_deletes=params['max_deletes'],
                            prune_prefix=params['prune_prefix'], prune_all=params['prune_all'])
        result = engine.ensure_all(params['objects'])
    except ApiError as error:
        extra = error.to_result()
        if getattr(error, 'invalid', None):
            extra['invalid'] = error.invalid
        if getattr(error, 'would_delete', None) is not None:
            extra['would_delete'] = error.would_delete
        if client is not None:
            extra['requests'] = client.request_count
        module.fail_json(msg=str(error), invocation=invocation(module), **extra)
    module.exit_json(invocation=invocation(module), **result)


def run_certificate_module(resource, required_if=None):
    """The whole of a certificate module: find by fingerprint, converge, report."""
    module = new_module(certificate_argument_spec(resource), supports_check_mode=True, required_if=required_if or [])
    try:
        engine = engine_for(module, resource, CertificateEngine)
        result = engine.ensure(module.params, state=module.params['state'], clear=module.params['clear'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)
