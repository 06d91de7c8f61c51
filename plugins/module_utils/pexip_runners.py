# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Module runners for resources that need more than ``run_resource_module``.

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
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, fail, new_module


def _common_spec(resource):
    spec = resource.argument_spec()
    spec['clear'] = dict(type='list', elements='str', default=[], no_log=False)
    if any(field.kind == 'write_only' for field in resource.fields.values()):
        spec['update_password'] = dict(type='str', default='on_create', choices=['always', 'on_create'], no_log=False)
    return spec


def singleton_argument_spec(resource):
    return _common_spec(resource)


def run_singleton_module(resource):
    """The whole of a module for a singleton resource: find it by listing, patch what differs."""
    module = new_module(singleton_argument_spec(resource), supports_check_mode=True)
    try:
        engine = Engine(client_from(module), resource, check_mode=module.check_mode, diff_mode=module._diff,
                        update_password=module.params.get('update_password') or 'always')
        result = engine.ensure(module.params, state='present', clear=module.params['clear'])
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)


def upload_argument_spec(resource, file_option):
    spec = _common_spec(resource)
    spec[resource.key]['required'] = True
    spec['state'] = dict(type='str', default='present', choices=['present', 'absent'])
    spec[file_option] = dict(type='path')
    spec['update_' + file_option] = dict(type='str', default='on_create', choices=['always', 'on_create'])
    return spec


def run_upload_module(resource, file_option):
    """A resource whose ``file_option`` is uploaded as a multipart file part.

    The manager never returns the uploaded file, so whether the stored file
    matches the local one cannot be read back: the file is sent when the object
    is created, and on later runs only with ``update_<file_option>: always``.
    """
    module = new_module(upload_argument_spec(resource, file_option), supports_check_mode=True)
    params = module.params
    path = params[file_option]
    if path is not None and not os.path.isfile(path):
        module.fail_json(msg='%s: %s is not a readable file' % (file_option, path))
    try:
        engine = Engine(client_from(module), resource, check_mode=module.check_mode, diff_mode=module._diff,
                        update_password=params.get('update_password') or 'always')
        existed = engine.find(params[resource.key]) is not None if params['state'] == 'present' else True
        result = engine.ensure(params, state=params['state'], clear=params['clear'])
        if params['state'] == 'present' and path is not None and (
                not existed or params['update_' + file_option] == 'always'):
            result['changed'] = True
            result['uploaded'] = os.path.basename(path)
            if result.get('diff') is not None:
                result['diff']['after'][file_option] = os.path.basename(path)
            if not module.check_mode:
                uri = uri_of(result[resource.result_key], resource.name)
                with open(path, 'rb') as handle:
                    engine.client.request('PATCH', uri, files={file_option: (os.path.basename(path), handle)},
                                          expect_json=False, resource=resource.name)
    except ApiError as error:
        fail(module, error)
    module.exit_json(**result)
