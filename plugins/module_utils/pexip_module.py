# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every Pexip module shares: connection options and the run wrapper."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from ansible.module_utils.basic import env_fallback

from ansible_collections.ucops.platform.plugins.module_utils.masking import SecretAwareModule
from ansible_collections.ucops.platform.plugins.module_utils.transport import REQUESTS_IMPORT_ERROR
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2_auth import choose_credentials


def connection_argument_spec():
    """The ``pexip_*`` connection options (see the ``ucops.platform.pexip`` doc fragment)."""
    return dict(
        pexip_url=dict(type='str', required=True, fallback=(env_fallback, ['PEXIP_URL'])),
        # the credentials have no env_fallback: the options set choose the method and the environment completes it
        # (pexip_oauth2_auth.choose_credentials, called by client_from)
        pexip_username=dict(type='str'),
        pexip_password=dict(type='str', no_log=True),
        pexip_oauth2_client_id=dict(type='str'),
        pexip_oauth2_private_key=dict(type='str', no_log=True),
        pexip_validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['PEXIP_VALIDATE_CERTS'])),
        pexip_ca_path=dict(type='path', fallback=(env_fallback, ['PEXIP_CA_PATH'])),
        pexip_timeout=dict(type='float', default=30, fallback=(env_fallback, ['PEXIP_TIMEOUT'])),
    )


def update_password_argument():
    """``update_password``: when to send write-only values (doc fragment ``ucops.platform.pexip_options``)."""
    return dict(type='str', default='on_create', choices=['always', 'on_create'], no_log=False)


def new_module(argument_spec, module_class=SecretAwareModule, **kwargs):
    spec = connection_argument_spec()
    spec.update(argument_spec)
    module = module_class(argument_spec=spec, **kwargs)
    module.require('requests', REQUESTS_IMPORT_ERROR)
    return module


def client_from(module):
    params = module.params
    credentials = choose_credentials(params, os.environ)
    for option in ('pexip_password', 'pexip_oauth2_private_key'):
        if credentials[option] and hasattr(module, 'add_secret'):
            module.add_secret(credentials[option])  # a value from the environment is no module parameter
    return PexipClient(
        params['pexip_url'], credentials['pexip_username'], credentials['pexip_password'],
        validate_certs=params['pexip_validate_certs'], ca_path=params['pexip_ca_path'],
        timeout=params['pexip_timeout'],
        oauth2_client_id=credentials['pexip_oauth2_client_id'],
        oauth2_private_key=credentials['pexip_oauth2_private_key'],
    )


def fail(module, error):
    module.fail_json(msg=str(error), **error.to_result())


def object_argument_spec(resource):
    """The options describing one object: its fields (the key required), ``clear`` and its children.

    A single-object module adds ``state`` to them; a bulk module takes a list of them.
    """
    spec = resource.argument_spec()
    spec[resource.key]['required'] = True
    for name in resource.scope:
        # with the key, the scope fields identify the object (see Resource.scope)
        spec[name]['required'] = True
    spec['clear'] = dict(type='list', elements='str', default=[], no_log=False)
    if resource.children is not None:
        children = resource.children
        spec[children.option] = dict(
            type='list', elements='dict',
            options=dict([(children.key, dict(children.key_field.argument(), required=True))]
                         + [(name, field.argument()) for name, field in children.specs.items()]))
        if children.purge_option:
            spec[children.purge_option] = dict(type='bool', default=True)
    return spec
