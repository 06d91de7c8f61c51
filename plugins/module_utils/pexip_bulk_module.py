# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The whole of a bulk Pexip module (``pexip_conferences``, ``pexip_aliases``, ...).

A bulk module is a :class:`Resource` description plus the field that scopes
``prune``; this file turns them into an argument spec, runs the
:class:`BulkEngine` and reports.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_PAGE_SIZE,
    BulkEngine,
)
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import client_from, new_module, object_argument_spec


def bulk_argument_spec(resource):
    spec = dict(
        objects=dict(type='list', elements='dict', required=True, options=object_argument_spec(resource)),
        prune=dict(type='bool', default=False),
        prune_tag=dict(type='str'),
        batch_size=dict(type='int', default=DEFAULT_BATCH_SIZE),
        page_size=dict(type='int', default=DEFAULT_PAGE_SIZE),
        details=dict(type='bool', default=False),
        prune_empty=dict(type='bool', default=False),
        max_deletes=dict(type='int'),
    )
    if any(field.kind == 'write_only' for field in resource.fields.values()):
        spec['update_password'] = dict(type='str', default='on_create', choices=['always', 'on_create'], no_log=False)
    return spec


# Above this many objects the echo of the module's arguments (``invocation``) shows
# a count instead of the list: echoing 10,000 objects back doubles the result's size.
INVOCATION_LIMIT = 200


def _invocation(module):
    args = dict(module.params)
    count = len(args.get('objects') or [])
    if count > INVOCATION_LIMIT:
        args['objects'] = '(%d objects)' % count
    return {'module_args': args}


def run_bulk_module(resource, prune_field='tag'):
    """Parse, converge every object, report (see :class:`BulkEngine`)."""
    module = new_module(bulk_argument_spec(resource), supports_check_mode=True,
                        required_if=[('prune', True, ('prune_tag',))])
    params = module.params
    client = None
    try:
        client = client_from(module)
        engine = BulkEngine(client, resource, check_mode=module.check_mode, diff_mode=module._diff,
                            update_password=params.get('update_password') or 'always',
                            batch_size=params['batch_size'], page_size=params['page_size'],
                            prune=params['prune'], prune_tag=params['prune_tag'], prune_field=prune_field,
                            details=params['details'] or module._verbosity >= 2,
                            prune_empty=params['prune_empty'], max_deletes=params['max_deletes'])
        result = engine.ensure_all(params['objects'])
    except ApiError as error:
        extra = error.to_result()
        if getattr(error, 'invalid', None):
            extra['invalid'] = error.invalid
        if getattr(error, 'would_delete', None) is not None:
            extra['would_delete'] = error.would_delete
        if client is not None:
            extra['requests'] = client.request_count
        module.fail_json(msg=str(error), invocation=_invocation(module), **extra)
    module.exit_json(invocation=_invocation(module), **result)
