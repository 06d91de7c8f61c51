# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Kazoo Crossbar client: token auth, envelopes, errors, retries.

* Auth: a given ``X-Auth-Token``, or one token per client obtained with
  ``PUT /v2/api_auth`` (API key) or ``PUT /v2/user_auth`` (md5 of the lower-cased
  ``username:password`` plus ``account_name``). A 401 on a token the client obtained
  itself triggers one re-authentication and one replay of the request.
* Envelopes: ``{"data", "revision", "status", ...}`` is unwrapped into :class:`Reply`;
  error envelopes become :class:`ApiError` with Crossbar's per-field validation details.
* Retries: urllib3 ``Retry`` (via ``transport.build_session``) on 429 (Crossbar's rate limit,
  refused before anything was carried out: every verb, ``Retry-After`` honoured when a proxy
  sends one, no wait longer than ``kazoo_timeout``), and on connection errors and
  5xx for the verbs whose repetition cannot change the outcome: GET, PUT, DELETE and
  PATCH (every Crossbar PATCH merges absolute values, ``null`` deleting a key), and a POST
  only when its caller declares it idempotent (a section POST replaces that section);
  any other POST is retried only when the connection failed before it was sent.
  :func:`retry_on_conflict` re-runs a read-modify-write when Crossbar answers 409
  ``datastore_conflict``, with a growing, jittered pause between attempts.
* Paths: every request path is checked below every module. A path that a client library
  or a server would resolve to another resource (``.`` or ``..`` segments, also written
  ``%2E``, or empty segments: ``/v2/system_configs/crossbar/.`` is the whole document)
  is refused before anything is sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import random
import time

from ansible.module_utils.basic import env_fallback
from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils import transport
from ansible_collections.ucops.platform.plugins.module_utils.paths import unsafe_path

try:
    from urllib.parse import quote
except ImportError:  # pragma: no cover - Python 2
    from urllib import quote

KAZOO_RETRY_STATUSES = frozenset([500, 502, 503, 504])
# Crossbar's rate limit (kz_buckets, one token bucket per client) answers 429 too_many_requests
# while authenticating, before the request is carried out: every verb is sent again, a POST too.
# Kazoo sends no Retry-After (the backoff applies); a proxy in front may send one (honoured).
KAZOO_REFUSED_STATUSES = frozenset([429])
# Verbs repeated after a 5xx or a lost answer: sending them twice leaves the same state as
# sending them once. Crossbar's PATCH is a JSON merge of absolute values (null deletes). A POST
# goes through this policy only when its caller declares it idempotent; any other POST uses a
# session that retries nothing but failures to connect.
KAZOO_RETRY_METHODS = transport.IDEMPOTENT_METHODS | frozenset(['PATCH', 'POST'])
CONFLICT_ATTEMPTS = 8


def kazoo_argument_spec():
    """Connection options shared by every Kazoo module (see doc fragment ucops.platform.kazoo)."""
    return dict(
        kazoo_url=dict(type='str', fallback=(env_fallback, ['KAZOO_URL'])),
        kazoo_auth_token=dict(type='str', no_log=True, fallback=(env_fallback, ['KAZOO_AUTH_TOKEN'])),
        kazoo_api_key=dict(type='str', no_log=True, fallback=(env_fallback, ['KAZOO_API_KEY'])),
        kazoo_username=dict(type='str', fallback=(env_fallback, ['KAZOO_USERNAME'])),
        kazoo_password=dict(type='str', no_log=True, fallback=(env_fallback, ['KAZOO_PASSWORD'])),
        kazoo_account_name=dict(type='str', fallback=(env_fallback, ['KAZOO_ACCOUNT_NAME'])),
        kazoo_validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['KAZOO_VALIDATE_CERTS'])),
        kazoo_ca_path=dict(type='path', fallback=(env_fallback, ['KAZOO_CA_PATH'])),
        kazoo_timeout=dict(type='float', default=30.0, fallback=(env_fallback, ['KAZOO_TIMEOUT'])),
    )


class Reply(object):
    """An unwrapped success envelope."""

    def __init__(self, status, data, revision=None, envelope=None):
        self.status = status
        self.data = data
        self.revision = revision
        self.envelope = envelope or {}

    @property
    def next_start_key(self):
        return self.envelope.get('next_start_key')


def _field_errors(data):
    """Crossbar's ``{"a.b": {"type": {"message", "target", "value"}}}`` as {path: [messages]}."""
    out = {}
    if not isinstance(data, dict):
        return out
    for path, keywords in data.items():
        if not isinstance(keywords, dict):
            continue
        msgs = []
        for keyword, detail in sorted(keywords.items()):
            if isinstance(detail, dict):
                text = detail.get('message') or keyword
                if 'value' in detail and keyword != 'required':
                    text = '%s (got %r)' % (text, detail['value'])
            else:
                text = '%s: %s' % (keyword, detail)
            msgs.append(text)
        if msgs:
            out[path] = msgs
    return out


def _safe_body(body):
    if isinstance(body, dict):
        body = dict(body)
        body.pop('auth_token', None)
    return body


class KazooClient(object):
    def __init__(self, url, auth_token=None, api_key=None, username=None, password=None, account_name=None,
                 validate_certs=True, ca_path=None, timeout=30, retries=4, backoff_factor=0.5, session=None,
                 on_secret=None):
        if not url:
            raise ApiError('kazoo_url is required (or set KAZOO_URL)', kind='usage')
        self.base = url.rstrip('/')
        if self.base.endswith('/v2'):
            self.base = self.base[:-3]
        self.timeout = timeout
        self.api_key = api_key
        self.username = username
        self.password = password
        self.account_name = account_name
        self.token = auth_token
        self.token_given = bool(auth_token)
        self.on_secret = on_secret
        if not auth_token and not api_key and not (username and password and account_name):
            raise ApiError('Kazoo credentials are missing: give kazoo_auth_token, kazoo_api_key, or '
                           'kazoo_username + kazoo_password + kazoo_account_name (or their KAZOO_* variables)',
                           kind='usage')
        self.attempts = retries + 1
        once = session
        if session is None:
            # no wait between attempts outlasts the task's own timeout (kazoo_timeout)
            max_delay = min(transport.MAX_RETRY_DELAY, float(timeout)) if timeout else transport.MAX_RETRY_DELAY
            retry = transport.make_retry(total=retries, backoff_factor=backoff_factor,
                                         status_forcelist=KAZOO_RETRY_STATUSES, allowed_methods=KAZOO_RETRY_METHODS,
                                         refused_statuses=KAZOO_REFUSED_STATUSES, max_delay=max_delay)
            session = transport.build_session(validate_certs=validate_certs, ca_path=ca_path, retry=retry)
            # a POST not declared idempotent: repeated only when the connection failed before sending,
            # or when Crossbar refused it with 429 (nothing was carried out)
            retry_once = transport.make_retry(total=retries, backoff_factor=backoff_factor,
                                              status_forcelist=KAZOO_RETRY_STATUSES, allowed_methods=frozenset(),
                                              refused_statuses=KAZOO_REFUSED_STATUSES, max_delay=max_delay)
            once = transport.build_session(validate_certs=validate_certs, ca_path=ca_path, retry=retry_once)
        self.session = session
        self.session_once = once
        self.requests_made = 0

    @classmethod
    def from_module(cls, module, **kwargs):
        p = module.params
        return cls(p.get('kazoo_url'), auth_token=p.get('kazoo_auth_token'), api_key=p.get('kazoo_api_key'),
                   username=p.get('kazoo_username'), password=p.get('kazoo_password'),
                   account_name=p.get('kazoo_account_name'), validate_certs=p.get('kazoo_validate_certs'),
                   ca_path=p.get('kazoo_ca_path'), timeout=p.get('kazoo_timeout'),
                   on_secret=module.no_log_values.add, **kwargs)

    # -- auth ------------------------------------------------------------------------
    def authenticate(self):
        """Obtain a token with the API key or the user's credentials."""
        if self.api_key:
            path, body, who = '/v2/api_auth', {'api_key': self.api_key}, 'the API key'
        else:
            creds = hashlib.md5(('%s:%s' % (self.username.lower(), self.password)).encode('utf-8')).hexdigest()
            path = '/v2/user_auth'
            body = {'credentials': creds, 'account_name': self.account_name, 'method': 'md5'}
            who = "user '%s' of account '%s'" % (self.username, self.account_name)
        try:
            reply = self._send('PUT', path, data=body, auth=False)
        except ApiError as exc:
            if exc.status == 401:
                raise ApiError('Kazoo authentication failed for %s: invalid credentials (check the username, '
                               'password and account name, or the API key)' % who,
                               status=401, method='PUT', path=path, kind='auth')
            raise
        token = getattr(reply, 'auth_token', None)
        if not token:
            raise ApiError('Kazoo answered the authentication request without an auth_token',
                           status=reply.status, method='PUT', path=path, kind='auth')
        if self.on_secret:
            self.on_secret(token)
        self.token = token
        return reply.data

    # -- requests --------------------------------------------------------------------
    def request(self, method, path, data=None, params=None, auth=True, idempotent=None):
        """One request; ``idempotent=True`` lets a POST be repeated after a 5xx or a lost answer."""
        resolved = unsafe_path(path, drop_empty=True)
        if resolved is not None:
            raise ApiError('Refusing to send %s %s: a client library or server resolves its ".", ".." or empty '
                           'segments to %s, another resource than the one built (nothing was sent)'
                           % (method, path, resolved), method=method, path=path, kind='usage')
        if idempotent is None:
            idempotent = method != 'POST'
        if auth and not self.token:
            self.authenticate()
        try:
            return self._send(method, path, data=data, params=params, auth=auth, idempotent=idempotent)
        except ApiError as exc:
            if exc.status == 401 and auth and not self.token_given:
                # the token expired or was revoked: log in again once and replay
                self.token = None
                self.authenticate()
                return self._send(method, path, data=data, params=params, auth=auth, idempotent=idempotent)
            if exc.status == 401 and auth:
                raise ApiError('Kazoo refused the auth token (expired or revoked): %s' % exc.message,
                               status=401, method=method, path=path, kind='auth')
            raise

    def _send(self, method, path, data=None, params=None, auth=True, idempotent=True):
        headers = {}
        if auth and self.token:
            headers['X-Auth-Token'] = self.token
        kwargs = dict(headers=headers, timeout=self.timeout, params=params)
        if data is not None:
            kwargs['json'] = {'data': data}
        self.requests_made += 1
        session = self.session if idempotent else self.session_once
        resp = transport.send(session, method, self.base + path, path=path, prefix="kazoo_", **kwargs)
        try:
            body = resp.json()
        except ValueError:
            body = None
        if 200 <= resp.status_code < 300:
            if not isinstance(body, dict):
                raise ApiError('Kazoo answered with a body that is not a JSON envelope', status=resp.status_code,
                               method=method, path=path, kind='server')
            reply = Reply(resp.status_code, body.get('data'), body.get('revision'), _safe_body(body))
            if not auth:
                reply.auth_token = body.get('auth_token')
            return reply
        raise self._error(resp.status_code, method, path, body, resp.text, attempts=self.attempts)

    @staticmethod
    def _error(status, method, path, body, text, attempts=1):
        if not isinstance(body, dict):
            snippet = (text or '').strip()[:200]
            if status == 429:  # a proxy in front of Crossbar
                return ApiError('too many requests (rate limited in front of Kazoo, %d attempts in a row; nothing was '
                                'carried out)%s' % (attempts, (': ' + snippet) if snippet else ''),
                                status=status, method=method, path=path, kind='rate_limited')
            return ApiError('Kazoo answered HTTP %s without a JSON envelope%s' % (status, (': ' + snippet) if snippet else ''),
                            status=status, method=method, path=path, kind='server' if status >= 500 else None)
        message = body.get('message') or body.get('error') or 'error'
        data = body.get('data')
        field_errors = {}
        kind = None
        if status == 400:
            field_errors = _field_errors(data)
            kind = 'validation'
        elif status == 401:
            kind = 'auth'
        elif status == 403:
            kind = 'forbidden'
            message = ('forbidden: the token\'s account is not a superduper_admin account '
                       '(system_configs needs the master account)') if '/system_configs' in path else message
        elif status == 404:
            kind = 'not_found'
            if message == 'not_found' and path.startswith('/v2/system_configs'):
                message = 'not found (is the Crossbar module cb_system_configs loaded?)'
        elif status == 405:
            kind = 'usage'
        elif status == 409:
            kind = 'conflict'
        elif status == 429:
            kind = 'rate_limited'
            message = ('%s: Crossbar\'s rate limit refused the request %d attempts in a row (nothing was carried out); '
                       'run fewer tasks against Kazoo at once (forks, throttle) or raise its token bucket '
                       '(system_config token_buckets: max_bucket_tokens, tokens_fill_rate)' % (message, attempts))
        elif status >= 500:
            kind = 'server'
        if isinstance(data, dict) and data.get('message') and data.get('message') != message and not field_errors \
                and kind != 'rate_limited':
            message = '%s (%s)' % (message, data['message'])
        return ApiError(message, status=status, method=method, path=path, field_errors=field_errors,
                        body=_safe_body(body), kind=kind)

    # -- helpers ---------------------------------------------------------------------
    def get(self, path, params=None):
        return self.request('GET', path, params=params)

    def put(self, path, data):
        return self.request('PUT', path, data=data)

    def post(self, path, data, idempotent=False):
        return self.request('POST', path, data=data, idempotent=idempotent)

    def patch(self, path, data):
        return self.request('PATCH', path, data=data)

    def delete(self, path):
        return self.request('DELETE', path)

    def paginate(self, path, params=None, page_size=None):
        """All rows of a paginated listing, following ``next_start_key``."""
        params = dict(params or {})
        if page_size:
            params['page_size'] = page_size
        rows = []
        seen = set()
        while True:
            reply = self.get(path, params=dict(params))
            rows.extend(reply.data or [])
            nxt = reply.next_start_key
            if not nxt or nxt in seen:
                return rows
            seen.add(nxt)
            params['start_key'] = nxt


def seg(text):
    """One URL path segment."""
    return quote(str(text), safe='@')


def retry_on_conflict(fn, attempts=CONFLICT_ATTEMPTS, sleep=time.sleep):
    """Run ``fn()`` (a read-modify-write) again when Crossbar answers 409 datastore_conflict.

    Crossbar saves with the revision it read and does not retry itself: concurrent writers
    of one document get 409s. Between attempts a random pause of up to 0.05 s, 0.1 s, ...
    (at most 2 s) spreads the writers apart.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except ApiError as exc:
            if exc.status != 409 or attempt == attempts - 1:
                raise
        sleep(random.uniform(0, min(2.0, 0.05 * 2 ** attempt)))
    return None  # pragma: no cover
