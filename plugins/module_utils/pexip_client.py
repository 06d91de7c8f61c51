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
* a POST is never sent twice for the same object unless the first certainly
  did not create it. After a 429 or 503 (the manager did not carry it out) it
  is repeated, after checking by natural key that the object is still missing.
  After an answer that leaves the outcome unknown (no answer in time, a
  dropped connection, 502, 504) the manager may still create the object
  later, so the object is looked for by natural key for a bounded time and
  the POST is never repeated: when it does not appear, the task fails saying
  what to check. Bulk PATCHes follow the same rule for the creates they hold.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import sys
import threading
import time

from ansible.module_utils.six.moves.urllib.parse import urljoin, urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean
from ansible_collections.ucops.platform.plugins.module_utils.paths import unsafe_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_oauth2_auth import (
    TOKEN_PATH,
    OAuth2Token,
    check_credentials,
)
from ansible_collections.ucops.platform.plugins.module_utils.transport import (
    IDEMPOTENT_METHODS,
    MAX_RETRY_DELAY,
    build_session,
    make_retry,
    retry_after_seconds,
    send,
)

CONFIG_PREFIX = '/api/admin/configuration/v1/'
STATUS_PREFIX = '/api/admin/status/v1/'
# /api/admin/<api>/v1/<resource>/<id>/ : the only shape a DELETE may take.
_DETAIL_PATH = re.compile(r'^/api/admin/[a-z_]+/v1/[a-z0-9_]+/[^/?#]+/$')
_ROOT_PATH = re.compile(r'^/api/admin/[a-z_]+/v1/[a-z0-9_]+/?$')
# Statuses with which the manager (or a proxy before it) says it did not carry the request out.
_REFUSED_STATUSES = frozenset([429, 503])
# Statuses of a proxy that gave up waiting: the manager may still carry the request out.
_UNKNOWN_STATUSES = frozenset([502, 504])
DEFAULT_PAGE_SIZE = 500
# Natural key fields, in the order a create's label is looked for (the client does not know the resource model).
_LABEL_FIELDS = ('name', 'alias', 'address')
# Seconds to look for an object whose create had an unknown outcome: at least this, or pexip_timeout if longer.
MIN_SETTLE_SECONDS = 10.0
# Query parameters of a list that are not filters.
_LIST_PARAMS = frozenset(['limit', 'offset', 'order_by', 'format'])
# Tastypie's filter lookups (``field__lookup``); a bare field is ``exact``.
LOOKUPS = frozenset(['exact', 'iexact', 'contains', 'icontains', 'startswith', 'istartswith', 'endswith', 'iendswith',
                     'regex', 'iregex', 'lt', 'lte', 'gt', 'gte', 'in', 'isnull'])
# Tastypie's answers (400 {"error": ...}) to a filter its resource does not allow (InvalidFilterError).
_REFUSED_FILTER = re.compile(r"The '(?P<a>[^']+)' field does not allow filtering|"
                             r"'[^']+' is not an allowed filter on the '(?P<b>[^']+)' field|"
                             r"Lookups are not allowed more than one level deep on the '(?P<c>[^']+)' field|"
                             r"The '(?P<d>[^']+)' field does not support relations")
_TRUE_TEXTS = frozenset(['true', '1', 't', 'yes', 'on'])


def write_outcome(error):
    """What a failed write tells about the manager's state.

    ``'refused'``: it was not carried out (429, 503), may be sent again;
    ``'unknown'``: it may have been carried out, or may still be (no answer in
    time, dropped connection, 502, 504);
    ``'answered'``: the manager itself failed (500) and finished with it: a
    look at the manager tells whether it was carried out;
    ``'failed'``: it was not carried out and sending it again would not help
    (4xx; nothing was sent: refused connection, DNS, TLS).
    """
    if error.status is None:
        if error.kind in ('connection', 'timeout') and getattr(error, 'maybe_sent', True):
            return 'unknown'
        return 'failed'
    if error.status in _REFUSED_STATUSES:
        return 'refused'
    if error.status in _UNKNOWN_STATUSES:
        return 'unknown'
    if error.status == 500:
        return 'answered'
    return 'failed'


def missing_resource(resource, error, known=()):
    """The error for a 404 on a resource's list URI: a misspelt name, or the manager's version has no such resource.

    ``known`` (the names the API root lists) adds the closest ones to the message.
    """
    hint = did_you_mean(resource, known)
    return ApiError("the Management Node has no '%s' resource%s: it may run an Infinity version older than the one "
                    "that added %s, or newer than one that removed it; check the manager's version (GET %s lists the "
                    "resources it has)" % (resource, hint, resource, CONFIG_PREFIX),
                    status=404, method='GET', path=resource_path(resource), kind='not_found')


def form_fields(data):
    """JSON-like values as multipart form fields: booleans as true/false, numbers as text, nulls left out."""
    fields = {}
    for name, value in (data or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = 'true' if value else 'false'
        elif isinstance(value, (list, tuple)):
            value = [str(item) for item in value]
        elif not isinstance(value, str):
            value = str(value)
        fields[name] = value
    return fields


def split_filter(key):
    """``('name', 'icontains')`` for ``name__icontains``; ``('name', 'exact')`` for ``name``."""
    parts = key.split('__')
    if len(parts) > 1 and parts[-1] in LOOKUPS:
        return '__'.join(parts[:-1]), parts[-1]
    return key, 'exact'


def refused_filter(error):
    """The field of a filter the manager refused (tastypie's 400 for a filter its schema does not list), or None."""
    if getattr(error, 'status', None) != 400:
        return None
    found = _REFUSED_FILTER.search(error.message or '')
    if not found:
        return None
    return next(name for name in found.groups() if name)


def filter_allowed(filtering, key):
    """Whether a schema's ``filtering`` (``{field: 1 | 2 | "ALL" | [lookups]}``) allows the filter ``key``."""
    field, lookup = split_filter(key)
    if '__' in field:
        # a lookup through a relation: allowed only with ALL_WITH_RELATIONS on the first field
        return filtering.get(field.split('__', 1)[0]) in (2, 'ALL_WITH_RELATIONS')
    allowed = filtering.get(field)
    if allowed in (1, 2, 'ALL', 'ALL_WITH_RELATIONS'):
        return True
    return isinstance(allowed, (list, tuple)) and lookup in allowed


def _scalar_text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, dict):
        # a nested object stands for its URI (or its id when it has none)
        value = value.get('resource_uri') or value.get('id')
    if isinstance(value, str) and value.startswith('/api/admin/') or isinstance(value, str) and '://' in value:
        value = urlsplit(value).path.rstrip('/').rsplit('/', 1)[-1]
    return '' if value is None else str(value)


def _wanted_text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    text = str(value)
    if text.startswith('/api/admin/') or '://' in text:
        text = urlsplit(text).path.rstrip('/').rsplit('/', 1)[-1]
    return text


def _ordered(actual, wanted):
    """Both as numbers when both are, else as text."""
    try:
        return float(actual), float(wanted)
    except (TypeError, ValueError):
        return _scalar_text(actual), _wanted_text(wanted)


def _one_matches(actual, lookup, wanted):
    if lookup == 'isnull':
        return (actual is None) == (_wanted_text(wanted).lower() in _TRUE_TEXTS)
    if actual is None:
        return False
    if lookup == 'in':
        items = wanted if isinstance(wanted, (list, tuple)) else str(wanted).split(',')
        return any(_one_matches(actual, 'exact', item) for item in items)
    if lookup in ('lt', 'lte', 'gt', 'gte'):
        left, right = _ordered(actual, wanted)
        return {'lt': left < right, 'lte': left <= right, 'gt': left > right, 'gte': left >= right}[lookup]
    text, want = _scalar_text(actual), _wanted_text(wanted)
    if isinstance(actual, bool):
        return text == ('true' if want.lower() in _TRUE_TEXTS else 'false')
    if lookup in ('regex', 'iregex'):
        return re.search(want, text, re.IGNORECASE if lookup == 'iregex' else 0) is not None
    if lookup.startswith('i'):
        text, want, lookup = text.lower(), want.lower(), lookup[1:]
    if lookup == 'exact':
        if isinstance(actual, (int, float)):
            left, right = _ordered(actual, wanted)
            return left == right
        return text == want
    return {'contains': want in text, 'startswith': text.startswith(want), 'endswith': text.endswith(want)}[lookup]


def matches_filter(obj, key, wanted):
    """Whether ``obj`` passes the filter ``key=wanted`` as the manager would apply it (tastypie/Django lookups).

    For a filter the manager refuses: the list is read whole and filtered here. A to-many value
    passes when one of its items does; related objects compare by id (a URI or an id may be given).
    """
    field, lookup = split_filter(key)
    if '__' in field:
        raise ApiError('the manager does not allow the filter %s, and a lookup through a relation cannot be applied '
                       'on the controller: filter on a field of the resource itself' % key, kind='usage')
    actual = obj.get(field) if isinstance(obj, dict) else None
    if isinstance(actual, list):
        if lookup == 'isnull':
            return (not actual) == (_wanted_text(wanted).lower() in _TRUE_TEXTS)
        return any(_one_matches(item, lookup, wanted) for item in actual)
    return _one_matches(actual, lookup, wanted)


def status_path(resource, object_id=None):
    """The path of a status API resource (``/api/admin/status/v1/<resource>/``), or of one of its entries."""
    path = '%s%s/' % (STATUS_PREFIX, resource)
    return path if object_id is None else '%s%s/' % (path, object_id)


def resource_path(resource, object_id=None):
    """The path of a resource's root, or of one of its objects."""
    path = '%s%s/' % (CONFIG_PREFIX, resource)
    if object_id is not None:
        path = '%s%s/' % (path, object_id)
    return path


def is_detail_path(path):
    return bool(_DETAIL_PATH.match(urlsplit(path).path))


def _is_create(obj):
    return not (isinstance(obj, dict) and obj.get('resource_uri'))


def describe_object(resource, data, key=None):
    """``conference name='VMR_1'`` (a resource and the natural key of an object to create), for messages."""
    fields = (key,) if key else _LABEL_FIELDS
    for field in fields:
        value = data.get(field) if isinstance(data, dict) else None
        if isinstance(value, str) and value:
            return '%s %s=%r' % (resource, field, value)
    return 'the new %s object' % resource


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


class _PageRead(object):
    """A list page asked for in a thread of its own: the thread waits for the manager's answer and reads its
    bytes; :meth:`result` decodes them in the caller's thread, so that only one page is ever held decoded (a
    decoded page of 10,000 rooms is ten times its JSON text)."""

    def __init__(self, request, path, query):
        self._response = self._error = None
        self._thread = threading.Thread(target=self._run, args=(request, path, query), name='pexip-page-read')
        self._thread.daemon = True
        self._thread.start()

    def _run(self, request, path, query):
        try:
            self._response = request('GET', path, params=query, expect_json=False)[0]
        except BaseException:  # pylint: disable=broad-except  # handed to the caller's thread
            self._error = sys.exc_info()[1]

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        response, self._response = self._response, None
        return _decoded(response)


def _decoded(response):
    """An answer's body: its JSON, its text when it is not JSON, None when it is empty."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


class PexipClient:
    """Talks to one Pexip Management Node."""

    def __init__(self, url, username, password, validate_certs=True, ca_path=None, timeout=30,
                 retries=4, backoff_factor=0.5, page_size=DEFAULT_PAGE_SIZE, sleep=time.sleep, settle=None,
                 oauth2_client_id=None, oauth2_private_key=None):
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
        # how long to look for an object whose create had an unknown outcome
        if settle is None:
            settle = max(float(timeout) if isinstance(timeout, (int, float)) else 0.0, MIN_SETTLE_SECONDS)
        self.settle = settle
        self.request_count = 0
        # per list path: the schema's "filtering" once a filter was refused (None: no schema to read), and the
        # filters the manager refused; read once per task, so later lookups filter on the controller at once
        self._filtering = {}
        self._refused_filters = {}
        # Idempotent verbs (and PATCH of one object, which sets absolute values)
        # are retried by urllib3; POST and bulk PATCH go through a session that
        # only retries failures to connect, when nothing reached the server.
        retrying = make_retry(retries, backoff_factor, allowed_methods=IDEMPOTENT_METHODS | frozenset(['PATCH']),
                              sleep=sleep)
        once = make_retry(retries, backoff_factor, allowed_methods=frozenset(), sleep=sleep)
        self._session = build_session(validate_certs, ca_path, retrying)
        self._once = build_session(validate_certs, ca_path, once)
        # exactly one way to authenticate: basic (username/password) or an OAuth2 client's bearer token
        self.auth_method = check_credentials(username, password, oauth2_client_id, oauth2_private_key)
        self._oauth2 = None
        if self.auth_method == 'oauth2':
            self._oauth2 = OAuth2Token(oauth2_client_id, oauth2_private_key, urljoin(self.base_url, TOKEN_PATH),
                                       self._post_form)
        else:
            for session in (self._session, self._once):
                session.auth = (username or '', password or '')

    def _post_form(self, url, form):
        """POST a form-encoded token request (never logged); ``(status, decoded body)``."""
        self.request_count += 1
        response = send(self._once, 'POST', url, path=TOKEN_PATH, prefix='pexip_', data=form, timeout=self.timeout,
                        headers={'Content-Type': 'application/x-www-form-urlencoded'})
        try:
            body = response.json() if response.content else None
        except ValueError:
            body = None
        return response.status_code, body

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
        response = self._send_authorized(session, method, url, path_only, kwargs)
        body = _decoded(response) if expect_json or response.status_code >= 400 else None
        if response.status_code >= 400:
            raise self._error(method, path_only, response, body, resource)
        return response, body

    def _send_authorized(self, session, method, url, path_only, kwargs):
        """Send with the task's credentials; with OAuth2, a 401 gets a fresh token and one more try."""
        fresh = False
        while True:
            if self._oauth2 is not None:
                if self._oauth2.token is None:
                    fresh = True
                headers = dict(kwargs.get('headers') or {})
                headers['Authorization'] = self._oauth2.header()
                kwargs = dict(kwargs, headers=headers)
            self.request_count += 1
            response = send(session, method, url, path=path_only, prefix='pexip_', **kwargs)
            if response.status_code != 401 or self._oauth2 is None or fresh:
                return response
            # the token expired or was revoked: one fresh token, one more try (uploads start again from the top)
            self._oauth2.token = None
            for item in (kwargs.get('files') or {}).values():
                handle = item[1] if isinstance(item, tuple) and len(item) > 1 else item
                if hasattr(handle, 'seek'):
                    handle.seek(0)

    def _error(self, method, path, response, body, resource):
        status = response.status_code
        message, fields = parse_error_body(body, resource)
        kind = 'server' if status >= 500 else 'validation'
        if status == 401 and self._oauth2 is not None:
            kind = 'auth'
            message = ('authentication failed: the manager refused a fresh OAuth2 bearer token of client %r; check '
                       "pexip_oauth2_client_id and the client's role on the manager" % self._oauth2.client_id)
        elif status == 401:
            kind = 'auth'
            message = ('authentication failed: the manager rejected the credentials; check pexip_username and '
                       'pexip_password (or PEXIP_USERNAME / PEXIP_PASSWORD); if the manager has basic '
                       'authentication disabled for the API (api_oauth2_disable_basic), use '
                       'pexip_oauth2_client_id and pexip_oauth2_private_key')
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

    def iter_list(self, resource, params=None, page_size=None, path=None, prefetch=False):
        """Every object of a list, following ``meta.next`` page after page.

        With ``prefetch`` the next page is asked for (in a thread) while the caller works through the objects of
        this one, so the manager prepares a page while the caller compares the last: the caller must not send
        requests of its own before it has read the whole list.

        Filters go to the manager where it allows them. A filter it refuses (tastypie answers 400 "The 'x'
        field does not allow filtering." for a field its schema does not list under ``filtering``) is
        applied here instead: the schema's ``filtering`` is read once per task and list, the allowed
        filters still narrow the request, and the others are checked on each object of the pages read.
        """
        list_path = path or resource_path(resource)
        query = dict(params or {})
        query.setdefault('limit', page_size or self.page_size)
        local = {}
        for key in [key for key in query if key not in _LIST_PARAMS]:
            if not self._server_filters(list_path, key):
                local[key] = query.pop(key)
        while True:
            try:
                body = self.get(list_path, params=dict(query))
                break
            except ApiError as exc:
                if path is None and exc.status == 404:
                    raise missing_resource(resource, exc)
                field = refused_filter(exc)
                sent = [key for key in query if key not in _LIST_PARAMS]
                if field is None or not sent:
                    raise
                self._learn_refusal(list_path, field)
                moved = [key for key in sent if not self._server_filters(list_path, key)]
                if not moved:
                    raise
                for key in moved:
                    local[key] = query.pop(key)
        yield_all = not local
        seen = 0
        while True:
            if not isinstance(body, dict) or 'objects' not in body:
                raise ApiError('unexpected answer listing %s: no "objects" in the body' % resource,
                               method='GET', path=list_path, kind='server')
            objects = body['objects']
            seen += len(objects)
            meta = body.get('meta') or {}
            next_path, next_query = meta.get('next'), None
            total = meta.get('total_count')
            if not next_path and objects and isinstance(total, int) and seen < total:
                # no next link although the count says more remain: ask for the rest by offset
                next_path = list_path
                next_query = dict(query, offset=(meta.get('offset') or 0) + len(objects))
            body = meta = None
            # meta.next already carries the query
            pending = _PageRead(self.request, next_path, next_query) if next_path and prefetch else None
            for obj in objects:
                if yield_all or all(matches_filter(obj, key, value) for key, value in local.items()):
                    yield obj
            objects = None  # without prefetch the next page is read without this one still held
            if not next_path:
                return
            query = next_query if next_query is not None else query
            body = pending.result() if pending is not None else self.get(next_path, params=next_query)

    def _server_filters(self, list_path, key):
        """Whether the filter ``key`` is sent to the manager: unless it (or its schema) refused it in this task."""
        field = split_filter(key)[0].split('__')[0]
        if field in self._refused_filters.get(list_path, ()):
            return False
        filtering = self._filtering.get(list_path)
        return filtering is None or filter_allowed(filtering, key)

    def _learn_refusal(self, list_path, field):
        """Remember a refused filter, and read the schema's ``filtering`` once (the other filters it refuses)."""
        self._refused_filters.setdefault(list_path, set()).add(field)
        if list_path in self._filtering:
            return
        try:
            schema = self.get(list_path.rstrip('/') + '/schema/')
        except ApiError as exc:
            if exc.kind not in ('not_found', 'validation', 'forbidden'):
                raise
            schema = None
        filtering = schema.get('filtering') if isinstance(schema, dict) else None
        self._filtering[list_path] = filtering if isinstance(filtering, dict) else None

    def list(self, resource, params=None, page_size=None):
        return list(self.iter_list(resource, params, page_size))

    def iter_status(self, resource, params=None, page_size=None):
        """Every entry of a status API list (``/api/admin/status/v1/<resource>/``): filters and pages as
        :meth:`iter_list`. A resource the manager does not have is an ApiError naming it (kind ``not_found``)."""
        path = status_path(resource)
        found = False
        try:
            for entry in self.iter_list(resource, params, page_size, path=path):
                found = True
                yield entry
        except ApiError as exc:
            if exc.status != 404 or found:
                raise
            raise ApiError('the manager has no status resource %r (GET %s answered 404)' % (resource, path),
                           status=404, method='GET', path=path, kind='not_found')

    def find(self, resource, field, value, extra=None):
        """Objects whose ``field`` equals ``value`` exactly.

        The server filters, and the answer is checked again here: a server that
        ignored the filter must not make the caller act on the wrong object.
        """
        params = {field: value}
        params.update(extra or {})
        return [obj for obj in self.iter_list(resource, params) if obj.get(field) == value]

    # -- writes --------------------------------------------------------------------------
    def create(self, resource, data, lookup=None, on_response=None, key=None, files=None):
        """POST a new object and return its URI (from the Location header).

        ``lookup`` is a callable returning the object's URI if it exists (by
        natural key, ``key`` naming the field for messages). A POST is never
        sent twice for one object unless the first certainly did not create it:

        * 429/503 (not carried out): after the capped ``Retry-After`` or backoff,
          ``lookup`` is asked and the POST repeated if the object is missing;
        * no answer in time, a dropped connection, 502/504 (unknown): the
          manager may create the object later, so ``lookup`` is asked, then
          again with growing pauses for up to ``settle`` seconds. Found, its URI
          is returned; not found (or no ``lookup``), an error says what to check;
        * 500 (the manager failed and is done): ``lookup`` is asked once.

        ``on_response`` is called with the (streamed) response of a successful
        POST, for resources whose creation answers with a body (worker_vm).
        With ``files`` the POST is multipart: ``data`` goes as form fields beside
        the file parts (a media library entry is created with its file).
        """
        path = resource_path(resource)
        if files is not None:
            data = form_fields(data)
        attempt = 0
        while True:
            try:
                if files is not None:
                    for handle in files.values():
                        handle[1].seek(0)  # a POST sent again sends the whole file again
                response, _body = self.request('POST', path, data=data, files=files, resource=resource, retry=False,
                                               expect_json=False, stream=on_response is not None)
                location = self._location(response)
                if on_response is not None:
                    on_response(response)  # the body (a node's deployment file) is read once, whatever follows
                if location:
                    return location
                return self._created_without_location(response, resource, data, key, lookup)
            except ApiError as exc:
                outcome = write_outcome(exc)
                if outcome == 'failed':
                    raise
                if outcome == 'answered':
                    existing = lookup() if lookup is not None else None
                    if existing:
                        return existing
                    raise
                if outcome == 'unknown':
                    if lookup is not None:
                        existing, waited = self._look_until_found(lookup)
                        if existing:
                            return existing
                    else:
                        waited = None
                    raise self._unknown_create(exc, resource, data, key, waited)
                # refused: nothing was carried out
                if attempt >= self.retries:
                    raise
                attempt += 1
                self._sleep(self._retry_delay(exc, attempt))
                if lookup is not None:
                    existing = lookup()
                    if existing:
                        return existing

    def _poll(self, probe, done):
        """Call ``probe`` now, then after pauses of 1, 2, 4, 5, 5... s until ``done(result)`` or ``settle`` s waited.

        Returns ``(result, seconds_waited)``. A probe that fails on the way (the
        manager is busy) gives ``None`` for that round.
        """
        waited = 0.0
        pause = 1.0
        while True:
            try:
                result = probe()
            except ApiError as exc:
                if exc.kind not in ('connection', 'timeout', 'server'):
                    raise
                result = None
            if done(result) or waited >= self.settle:
                return result, waited
            step = min(pause, self.settle - waited)
            self._sleep(step)
            waited += step
            pause = min(pause * 2, 5.0)

    def _look_until_found(self, lookup):
        """``(found, seconds_waited)``: ``lookup`` asked until it finds the object or ``settle`` s passed."""
        return self._poll(lookup, bool)

    def _unknown_create(self, exc, resource, data, key, waited):
        cause = exc.message
        what = describe_object(resource, data, key)
        if waited is None:
            message = ('could not tell whether %s was created: %s. It cannot be looked up by a natural key, '
                       'so the POST was not sent again (that could create a second one). The manager may still be '
                       'creating it: check on the manager whether it exists before running the task again; raise '
                       'pexip_timeout if the manager is slow to answer.' % (what, cause))
        else:
            message = ('could not tell whether %s was created: %s. It was looked for during %d s and has not '
                       'appeared; the POST was not sent again, so no duplicate was created, but the manager may '
                       'still be creating it. Check whether %s exists on the manager, then run the task again (it '
                       'finds the object, or creates it if it is missing); raise pexip_timeout if the manager is slow '
                       'to answer.' % (what, cause, int(round(waited)), what))
        error = ApiError(message, status=exc.status, method=exc.method, path=exc.path, kind=exc.kind)
        error.outcome = 'unknown'
        return error

    def _retry_delay(self, exc, attempt):
        retry_after = retry_after_seconds((getattr(exc, 'headers', None) or {}).get('Retry-After'))
        if retry_after:
            return retry_after
        return min(self.backoff_factor * (2 ** (attempt - 1)), MAX_RETRY_DELAY)

    @staticmethod
    def _location(response):
        location = response.headers.get('Location')
        return urlsplit(location).path if location else None

    def _created_without_location(self, response, resource, data, key, lookup):
        """The URI of an object the manager created without saying where (no ``Location``): found by its key.

        Some creations answer with a body and no ``Location`` (a worker_vm of a package deployment type, a
        licence); the POST is never sent again, the object is looked up by natural key.
        """
        found = lookup() if lookup is not None else None
        if found:
            return found
        what = describe_object(resource, data, key)
        raise ApiError('the manager created %s (HTTP %d) but sent no Location header, and it %s; the POST was not '
                       'sent again. Check on the manager whether it exists before running the task again.'
                       % (what, response.status_code, 'cannot be found by its key' if lookup is not None
                          else 'has no natural key to find it by'),
                       method='POST', path=resource_path(resource), status=response.status_code, kind='server')

    def patch(self, uri, data, resource=None):
        """PATCH one object (absolute values: safe to retry)."""
        return self.request('PATCH', uri, data=data, resource=resource)[1]

    def put(self, uri, data, resource=None):
        """PUT one whole object (resources whose detail URI takes no PATCH; safe to retry)."""
        return self.request('PUT', uri, data=data, resource=resource, expect_json=False)[1]

    def patch_list(self, resource, objects, deleted_objects=None, remaining=None, key=None):
        """Bulk PATCH of a resource root with ``{"objects": [...]}``; never repeated blindly.

        Objects with a ``resource_uri`` are updates (absolute values: safe to
        send again), the others creates (not safe: a second one would be a
        duplicate), ``deleted_objects`` URIs to delete. ``remaining`` is a
        callable ``(objects, deleted_objects) -> (objects, deleted_objects)``
        that reads the manager and returns what is still to send: the creates
        whose natural key (``key``) is missing, the updates, the deletes of
        objects that still exist. With it, a failed PATCH is sent again, up to
        ``retries`` times, with only what remains:

        * after 429/503 (not carried out), after the capped ``Retry-After`` or backoff;
        * after an unknown outcome (no answer, dropped connection, 502, 504),
          once every create of the batch is found: looked for up to ``settle``
          seconds; a create still missing then fails the request with an error
          that names it, nothing sent again.

        Without ``remaining`` only a 429/503 is sent again. Returns the decoded
        body, or ``None`` when nothing remained to send.
        """
        pending = (list(objects), list(deleted_objects or []))
        attempt = 0
        resent = False
        while True:
            data = {'objects': pending[0]}
            if pending[1]:
                data['deleted_objects'] = pending[1]
            try:
                return self.request('PATCH', resource_path(resource), data=data, resource=resource, retry=False)[1]
            except ApiError as exc:
                outcome = write_outcome(exc)
                if outcome in ('failed', 'answered') and resent and remaining is not None:
                    # a PATCH sent again can fail because the first one was carried out after all
                    pending = remaining(*pending)
                    if not pending[0] and not pending[1]:
                        return None
                if outcome in ('failed', 'answered') or attempt >= self.retries:
                    raise
                if outcome == 'unknown' and remaining is None:
                    raise
                attempt += 1
                waited = 0.0
                if outcome == 'refused':
                    self._sleep(self._retry_delay(exc, attempt))
                    if remaining is not None and (pending[1] or any(_is_create(o) for o in pending[0])):
                        pending = remaining(*pending)
                else:
                    pending, waited = self._settle_batch(exc, resource, remaining, pending, key)
                if not pending[0] and not pending[1]:
                    return None
                if outcome == 'unknown' and not waited:
                    self._sleep(self._retry_delay(exc, attempt))
                resent = True

    def _settle_batch(self, exc, resource, remaining, pending, key):
        """After an unknown outcome: what of the batch remains, once none of its creates can still land."""
        def settled(left):
            return left is not None and not any(_is_create(o) for o in left[0])

        left, waited = self._poll(lambda: remaining(*pending), settled)
        if settled(left):
            return left, waited
        missing = [describe_object(resource, o, key) for o in (left or pending)[0] if _is_create(o)]
        cause = exc.message
        shown = ', '.join(missing[:10]) + (' and %d more' % (len(missing) - 10) if len(missing) > 10 else '')
        error = ApiError('could not tell whether the bulk PATCH of %s was carried out: %s. %d object(s) it creates '
                         'had not appeared after %d s: %s. Nothing was sent again, so no duplicate was created, but '
                         'the manager may still be creating them. Check the manager, then run the task again (it '
                         'creates only what is missing); raise pexip_timeout if the manager is slow to answer.'
                         % (resource, cause, len(missing), int(round(waited)), shown),
                         status=exc.status, method=exc.method, path=exc.path, kind=exc.kind)
        error.outcome = 'unknown'
        raise error

    def delete(self, uri):
        """DELETE one object; ``False`` when it was already gone."""
        try:
            self.request('DELETE', uri)
        except ApiError as exc:
            if exc.status == 404:
                return False
            raise
        return True
