# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Client for the Pexip Infinity Management Configuration API.

One :class:`PexipClient` per task: a requests Session with basic auth and TLS
settings, urllib3 retries for idempotent requests, pagination that follows
``meta.next``, and errors turned into :class:`ApiError`.

Two rules are enforced here, below every module:

* a DELETE is only ever sent to an object's own URI; a DELETE on a resource's
  root URI (which would remove every object of that resource) is refused, and
  so is any request whose path holds ``.`` or ``..`` segments (libraries and
  servers resolve them: ``conference/./`` is the list URI);
* a POST is never blindly repeated: after an answer that leaves it unknown
  whether the object was created, the object is looked up by its natural key
  before the POST is tried again, so a retry cannot create a duplicate.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import time

from ansible.module_utils.six.moves.urllib.parse import urljoin, urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.paths import unsafe_path
from ansible_collections.ucops.platform.plugins.module_utils.transport import (
    IDEMPOTENT_METHODS,
    build_session,
    make_retry,
    send,
)

CONFIG_PREFIX = '/api/admin/configuration/v1/'
STATUS_PREFIX = '/api/admin/status/v1/'
# /api/admin/<api>/v1/<resource>/<id>/ : the only shape a DELETE may take.
_DETAIL_PATH = re.compile(r'^/api/admin/[a-z_]+/v1/[a-z0-9_]+/[^/?#]+/$')
_ROOT_PATH = re.compile(r'^/api/admin/[a-z_]+/v1/[a-z0-9_]+/?$')
# Statuses after which a POST may or may not have been carried out.
_AMBIGUOUS_STATUSES = frozenset([429, 500, 502, 503, 504])
DEFAULT_PAGE_SIZE = 500


def resource_path(resource, object_id=None):
    """The path of a resource's root, or of one of its objects."""
    path = '%s%s/' % (CONFIG_PREFIX, resource)
    if object_id is not None:
        path = '%s%s/' % (path, object_id)
    return path


def is_detail_path(path):
    return bool(_DETAIL_PATH.match(urlsplit(path).path))


def parse_error_body(body, resource=None):
    """Split a Pexip error body into (message, field_errors).

    The API answers ``{"error": "..."}`` for request-level errors and field
    errors either bare (``{"pin": ["..."]}``) or wrapped under the resource
    name (``{"conference": {"pin": ["..."]}}``).
    """
    if not isinstance(body, dict):
        return (body if isinstance(body, str) else ''), {}
    message = body.get('error') or body.get('error_message') or body.get('message') or ''
    fields = {}
    candidates = dict(body)
    for wrapper in ([resource] if resource else []) + [k for k, v in body.items() if isinstance(v, dict)]:
        inner = candidates.pop(wrapper, None)
        if isinstance(inner, dict):
            candidates.update(inner)
    for name, value in candidates.items():
        if name in ('error', 'error_message', 'message', 'traceback'):
            continue
        if isinstance(value, (list, tuple)):
            fields[name] = [str(v) for v in value]
        elif isinstance(value, str):
            fields[name] = [value]
    if isinstance(message, dict):
        nested_message, nested_fields = parse_error_body(message, resource)
        message = nested_message
        fields.update(nested_fields)
    return str(message), fields


class PexipClient:
    """Talks to one Pexip Management Node."""

    def __init__(self, url, username, password, validate_certs=True, ca_path=None, timeout=30,
                 retries=4, backoff_factor=0.5, page_size=DEFAULT_PAGE_SIZE, sleep=time.sleep):
        if not url:
            raise ApiError('pexip_url is required (or set PEXIP_URL)', kind='usage')
        parts = urlsplit(url)
        if parts.scheme not in ('http', 'https') or not parts.netloc:
            raise ApiError('pexip_url must be an http(s) URL such as https://manager.example.com, got %r' % url, kind='usage')
        if validate_certs and ca_path and not os.path.exists(ca_path):
            raise ApiError('pexip_ca_path: %s does not exist (give the file of the CA certificates that signed the '
                           "manager's certificate, or leave pexip_ca_path out to use the system trust store)" % ca_path,
                           kind='usage')
        self.base_url = '%s://%s' % (parts.scheme, parts.netloc)
        self.timeout = timeout
        self.page_size = page_size
        self.retries = retries
        self.backoff_factor = backoff_factor
        self._sleep = sleep
        self.request_count = 0
        # Idempotent verbs (and PATCH of one object, which sets absolute values)
        # are retried by urllib3; POST and bulk PATCH go through a session that
        # only retries failures to connect, when nothing reached the server.
        retrying = make_retry(retries, backoff_factor, allowed_methods=IDEMPOTENT_METHODS | frozenset(['PATCH']))
        once = make_retry(retries, backoff_factor, allowed_methods=frozenset())
        self._session = build_session(validate_certs, ca_path, retrying)
        self._once = build_session(validate_certs, ca_path, once)
        for session in (self._session, self._once):
            session.auth = (username or '', password or '')

    # -- low level -----------------------------------------------------------------------
    def request(self, method, path, params=None, data=None, files=None, expect_json=True, resource=None, retry=True,
                stream=False):
        """Send one request and return ``(response, decoded_body)``.

        With ``stream`` (and ``expect_json=False``) a successful answer's body is
        left unread, for the caller to consume from the response.
        """
        path_only = urlsplit(path).path
        resolved = unsafe_path(path_only)
        if resolved is not None:
            raise ApiError('Refusing to send %s to %s: its "." or ".." segments would make it reach %s, another URI '
                           'than the one built (an object name or id cannot be "." or "..")'
                           % (method, path_only, resolved), method=method, path=path_only, kind='usage')
        if method == 'DELETE' and not _DETAIL_PATH.match(path_only):
            raise ApiError('Refusing to send DELETE to %s: it is not the URI of a single object, and a DELETE on a '
                           "resource's root URI would delete every object of that resource." % path_only,
                           method=method, path=path_only, kind='usage')
        url = urljoin(self.base_url, path)
        kwargs = {'params': params, 'timeout': self.timeout}
        if files is not None:
            kwargs['files'] = files
            if data is not None:
                kwargs['data'] = data
        elif data is not None:
            kwargs['data'] = json.dumps(data)
            kwargs['headers'] = {'Content-Type': 'application/json'}
        if stream:
            kwargs['stream'] = True
        session = self._session if retry else self._once
        self.request_count += 1
        response = send(session, method, url, path=path_only, prefix='pexip_', **kwargs)
        body = None
        if (expect_json or response.status_code >= 400) and response.content:
            try:
                body = response.json()
            except ValueError:
                body = response.text
        if response.status_code >= 400:
            raise self._error(method, path_only, response, body, resource)
        return response, body

    def _error(self, method, path, response, body, resource):
        status = response.status_code
        message, fields = parse_error_body(body, resource)
        kind = 'server' if status >= 500 else 'validation'
        if status == 401:
            kind = 'auth'
            message = ('authentication failed: the manager rejected the credentials; check pexip_username and '
                       'pexip_password (or PEXIP_USERNAME / PEXIP_PASSWORD)')
        elif status == 403:
            kind = 'forbidden'
            message = message or 'the account is not allowed to do this (check its role and permissions)'
        elif status == 404:
            kind = 'not_found'
            message = message or 'not found'
        elif status == 405:
            message = message or 'method not allowed on this resource'
        elif status == 429:
            message = message or 'too many requests: the manager is rate limiting'
        if not message and not fields:
            text = response.text if isinstance(response.text, str) else ''
            message = text.strip()[:300] or response.reason or 'request failed'
        error = ApiError(message, status=status, method=method, path=path, field_errors=fields, body=body, kind=kind)
        error.headers = dict(response.headers)
        return error

    # -- reads ---------------------------------------------------------------------------
    def get(self, path, params=None):
        return self.request('GET', path, params=params)[1]

    def get_object(self, resource_or_uri, object_id=None):
        """One object by resource and id, or by URI; ``None`` when it does not exist."""
        path = resource_or_uri if object_id is None else resource_path(resource_or_uri, object_id)
        try:
            return self.get(path)
        except ApiError as exc:
            if exc.status == 404:
                return None
            raise

    def iter_list(self, resource, params=None, page_size=None, path=None):
        """Every object of a list, following ``meta.next`` page after page."""
        query = dict(params or {})
        query.setdefault('limit', page_size or self.page_size)
        next_path = path or resource_path(resource)
        while next_path:
            body = self.get(next_path, params=query)
            query = None  # meta.next already carries the query
            if not isinstance(body, dict) or 'objects' not in body:
                raise ApiError('unexpected answer listing %s: no "objects" in the body' % resource,
                               method='GET', path=next_path, kind='server')
            yield from body['objects']
            next_path = (body.get('meta') or {}).get('next')

    def list(self, resource, params=None, page_size=None):
        return list(self.iter_list(resource, params, page_size))

    def find(self, resource, field, value, extra=None):
        """Objects whose ``field`` equals ``value`` exactly.

        The server filters, and the answer is checked again here: a server that
        ignored the filter must not make the caller act on the wrong object.
        """
        params = {field: value}
        params.update(extra or {})
        return [obj for obj in self.iter_list(resource, params) if obj.get(field) == value]

    # -- writes --------------------------------------------------------------------------
    def create(self, resource, data, lookup=None, on_response=None):
        """POST a new object and return its URI (from the Location header).

        ``lookup`` is a callable returning the object's URI if it exists. After
        an ambiguous failure (no answer, or a 429/5xx) it is asked first: a
        POST that was carried out is not sent again.

        ``on_response`` is called with the (streamed) response of a successful
        POST, for resources whose creation answers with a body (worker_vm).
        """
        path = resource_path(resource)
        attempt = 0
        while True:
            try:
                response, _body = self.request('POST', path, data=data, resource=resource, retry=False,
                                               expect_json=False, stream=on_response is not None)
                location = self._location(response, path)
                if on_response is not None:
                    on_response(response)
                return location
            except ApiError as exc:
                ambiguous = (exc.status is None and exc.kind in ('connection', 'timeout')) or exc.status in _AMBIGUOUS_STATUSES
                if not ambiguous or attempt >= self.retries:
                    raise
                attempt += 1
                self._sleep(self._retry_delay(exc, attempt))
                if lookup is not None:
                    existing = lookup()
                    if existing:
                        return existing

    def _retry_delay(self, exc, attempt):
        retry_after = (getattr(exc, 'headers', None) or {}).get('Retry-After')
        if retry_after and str(retry_after).isdigit():
            return min(float(retry_after), 30.0)
        return min(self.backoff_factor * (2 ** (attempt - 1)), 30.0)

    def _location(self, response, path):
        location = response.headers.get('Location')
        if not location:
            raise ApiError('the manager created the object but sent no Location header', method='POST', path=path,
                           status=response.status_code, kind='server')
        return urlsplit(location).path

    def patch(self, uri, data, resource=None):
        """PATCH one object (absolute values: safe to retry)."""
        return self.request('PATCH', uri, data=data, resource=resource)[1]

    def patch_list(self, resource, objects, deleted_objects=None):
        """Bulk PATCH of a resource root with ``{"objects": [...]}``: never retried blindly."""
        data = {'objects': objects}
        if deleted_objects:
            data['deleted_objects'] = deleted_objects
        return self.request('PATCH', resource_path(resource), data=data, resource=resource, retry=False)[1]

    def delete(self, uri):
        """DELETE one object; ``False`` when it was already gone."""
        try:
            self.request('DELETE', uri)
        except ApiError as exc:
            if exc.status == 404:
                return False
            raise
        return True
