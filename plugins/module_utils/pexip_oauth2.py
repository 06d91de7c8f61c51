# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""OAuth2 clients of the management API (the ``oauth2_client`` resource).

What sets a client apart from other resources:

* the manager makes its ``client_id`` (the key of its URI), so the module finds
  it by ``client_name``;
* the manager makes its EC private key too, and shows it (``private_key_jwt``)
  only in the answer to the POST that creates the client. The key is written to
  ``dest`` then (temporary file + rename, mode 0600), registered as a secret of
  the module so no output can show it, and never put in a result. A client
  whose key file is gone cannot get its key back: the module warns, and a new
  key means deleting the client and creating it again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.private_files import write_private_file


def dest_problem(dest):
    """Why the private key could not be written to ``dest`` (checked before any request), or ``None``."""
    if os.path.isdir(dest):
        return 'dest %s is a directory: give the path of the key file' % dest
    directory = os.path.dirname(os.path.abspath(dest))
    # the nearest existing folder must let us create what is missing below it
    existing = directory
    while not os.path.exists(existing):
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return 'dest %s cannot be created: %s is not a directory' % (dest, existing)
    if not os.access(existing, os.W_OK | os.X_OK):
        return 'dest %s cannot be written: no write permission on %s' % (dest, existing)
    return None


def write_secret_file(dest, text):
    """Write ``text`` to ``dest`` atomically, mode 0600 (see :func:`write_private_file`)."""
    write_private_file(dest, [text.encode('utf-8')])


class PrivateKeyFile:
    """Takes the answer to the POST that created a client: writes its private key to ``dest``.

    ``protect`` is given the key first (the module registers it as a secret).
    Only whether the key was written is kept, never the key.
    """

    def __init__(self, dest, client_name, protect=None):
        self.dest = dest
        self.client_name = client_name
        self.protect = protect or (lambda value: None)
        self.written = False

    def __call__(self, response):
        try:
            content = response.content
        finally:
            close = getattr(response, 'close', None)
            if close:
                close()
        try:
            body = json.loads(content.decode('utf-8') if isinstance(content, bytes) else content)
        except ValueError:
            body = None
        key = body.get('private_key_jwt') if isinstance(body, dict) else None
        if not isinstance(key, str) or not key.strip():
            raise ApiError('the manager created OAuth2 client %r but its answer held no private key '
                           '(private_key_jwt); it cannot be read later: remove the client (state=absent) and run '
                           'the task again' % self.client_name, kind='server')
        self.protect(key)
        problem = None
        try:
            write_secret_file(self.dest, key if key.endswith('\n') else key + '\n')
        except (IOError, OSError) as exc:
            problem = exc.strerror or str(exc)
        if problem is not None:
            raise ApiError('the manager created OAuth2 client %r but its private key could not be written to dest '
                           '%s (%s); the manager does not show it again: remove the client (state=absent) and run '
                           'the task again' % (self.client_name, self.dest, problem), kind='usage')
        self.written = True


def private_key_hooks(module, engine):
    """Prepare ``engine`` for an OAuth2 client task; returns the function that completes the result.

    With ``state=present`` the task's input and ``dest`` are checked before any
    request; a client that does not exist yet gets its key written to ``dest``
    when it is created. An existing client is only converged (its role), and a
    missing key file is reported as a warning: the key cannot be fetched again.
    """
    params = module.params
    if params.get('state') == 'absent':
        return None
    dest = params['dest']
    engine.validate(params)
    problem = dest_problem(dest)
    if problem:
        raise ApiError(problem, kind='usage')
    existing = engine.find(params[engine.resource.key])
    sink = PrivateKeyFile(dest, params[engine.resource.key], protect=module.add_secret)
    if existing is None and not module.check_mode:
        engine.on_create_response = sink

    def finish(result):
        shown = result.get(engine.resource.result_key)
        if isinstance(shown, dict):
            shown.pop('private_key_jwt', None)
        result['dest'] = dest
        if existing is None:
            if not module.check_mode and not sink.written:
                raise ApiError('the manager created OAuth2 client %r but its answer (which holds the private key) '
                               'was lost, and the key cannot be read later: remove the client (state=absent) and '
                               'run the task again' % params[engine.resource.key], kind='server')
            result['private_key_written'] = not module.check_mode
            if result.get('diff') is not None:
                result['diff']['after']['dest'] = dest
        else:
            result['private_key_written'] = False
            if not os.path.exists(dest):
                module.warn('OAuth2 client %r exists but its key file %s does not: the manager shows the private key '
                            'only when it creates the client. To get a new key, remove the client (state=absent) and '
                            'run the task again.' % (params[engine.resource.key], dest))
        return result
    return finish
