# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Kazoo Crossbar lab server (stdlib HTTP, optional TLS).

    python -m lab.kazoo.server --host 127.0.0.1 --port 9800 --cert server.pem --key server-key.pem --state-dir .lab/kazoo

Credentials come from the environment: ``LAB_KAZOO_USERNAME``, ``LAB_KAZOO_PASSWORD``,
``LAB_KAZOO_ACCOUNT_NAME``, ``LAB_KAZOO_API_KEY`` (the superduper master account; each falls back
to the ``KAZOO_*`` variable of the same suffix, which ``python -m lab up`` passes) and,
for a second, non-superduper account, ``LAB_KAZOO_SUB_ACCOUNT_NAME``, ``LAB_KAZOO_SUB_USERNAME``,
``LAB_KAZOO_SUB_PASSWORD``, ``LAB_KAZOO_SUB_API_KEY`` (defaults derived from the first).
``LAB_KAZOO_TOKEN_TTL`` (seconds) overrides the token lifetime, otherwise taken from the
``crossbar.auth`` system config like Kazoo does (3600 by default).

Endpoints: ``/v2/user_auth``, ``/v2/api_auth``, ``/v2/token_auth``, ``/v2/schemas[/{name}[/validation]]``,
``/v2/system_configs[/{id}[/{node}]]`` and the lab-only ``/_lab/requests``, ``/_lab/faults``,
``/_lab/profile``, ``/_lab/reset`` (HTTP basic auth with the master user's username and password).

Product variants (``/_lab/profile``, started from the environment, restored by ``/_lab/reset``):
``doc_patch_merge`` is ``merge_recursive`` (Kazoo 4.3 and later; ``LAB_KAZOO_DOC_PATCH_MERGE``) or
``merge`` (Kazoo 4.2's document PATCH, kz_json:merge: an explicit ``{}`` replaces an object);
``rate_limit`` (``LAB_KAZOO_RATE_LIMIT=max/fill_rate[/retry_after]``) turns on Crossbar's token
buckets: 429 ``too_many_requests`` without ``Retry-After`` as Kazoo sends it, or with one
(``retry_after`` seconds, or ``bucket``: the wait until the bucket holds the cost) as a proxy
in front of Crossbar may add.

Paths are routed as the HTTP stack in front of Crossbar does: ``.`` and ``..`` segments (also
written ``%2E``) are resolved and empty segments ignored, so ``DELETE /v2/system_configs/crossbar/%2E``
reaches the whole ``crossbar`` document.

Concurrency follows CouchDB (see the reference notes, "Revisions / conflicts"): every save names the
revision the request read; a save whose revision is no longer current answers 409
``datastore_conflict`` and is not retried by the server. Crossbar ignores a client's ``_rev``, so a
client that POSTs back a whole document it read earlier silently overwrites what others saved since.
The fault kind ``slow_save`` (``seconds``) holds a request between its read and its save, which
makes a concurrent writer's conflict reproducible.
"""

import argparse
import base64
import copy
import datetime
import hashlib
import json
import os
import secrets
import socket
import ssl
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from lab.kazoo.schemas import SchemaStore
from lab.kazoo.store import ConfigDB, Conflict, public_fields, strip_id

VERSION = '4.3.142'
NODE_NAME = 'crossbar@lab.kazoo'


def _account_id(name):
    return hashlib.md5(('account:' + name).encode()).hexdigest()


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


# Crossbar's validation body for a request that is not a JSON object.
INVALID_JSON = {'json': {'invalid': {'message': 'All JSON must be valid', 'target': 'body'}}}


class Accounts(object):
    """The master (superduper) account and one ordinary sub-account."""

    def __init__(self, env=None):
        env = os.environ if env is None else env

        def setting(name, default=None):
            return env.get('LAB_KAZOO_' + name) or env.get('KAZOO_' + name) or default

        name = setting('ACCOUNT_NAME', 'lab-master')
        user = setting('USERNAME', 'admin')
        password = setting('PASSWORD', 'lab-password')
        api_key = setting('API_KEY') or _sha256('api:' + name + password)
        sub_name = env.get('LAB_KAZOO_SUB_ACCOUNT_NAME', name + '-sub')
        sub_user = env.get('LAB_KAZOO_SUB_USERNAME', 'subuser')
        sub_password = env.get('LAB_KAZOO_SUB_PASSWORD', password + '-sub')
        sub_key = env.get('LAB_KAZOO_SUB_API_KEY') or _sha256('sub-api:' + api_key)
        master_id = _account_id(name)
        self.master = {'id': master_id, 'name': name, 'realm': name.lower() + '.lab.kazoo', 'superduper': True,
                       'api_key': api_key, 'reseller_id': master_id, 'is_reseller': True,
                       'users': [{'id': _account_id('user:' + user), 'username': user, 'password': password}]}
        self.sub = {'id': _account_id(sub_name), 'name': sub_name, 'realm': sub_name.lower() + '.lab.kazoo',
                    'superduper': False, 'api_key': sub_key, 'reseller_id': master_id, 'is_reseller': False,
                    'users': [{'id': _account_id('user:' + sub_user), 'username': sub_user, 'password': sub_password}]}
        self.all = [self.master, self.sub]

    def find(self, name=None, realm=None):
        for acct in self.all:
            if name is not None and acct['name'].lower() == name.lower():
                return acct
            if realm is not None and acct['realm'] == realm.lower():
                return acct
        return None

    def by_api_key(self, key):
        for acct in self.all:
            if secrets.compare_digest(acct['api_key'], key):
                return acct
        return None

    def by_id(self, account_id):
        for acct in self.all:
            if acct['id'] == account_id:
                return acct
        return None


class ApiFail(Exception):
    def __init__(self, status, message, data=None, extra=None):
        Exception.__init__(self, message)
        self.status = status
        self.message = message
        self.data = data if data is not None else {'message': message}
        self.extra = extra or {}


# kz_json merges a document PATCH can use: Kazoo 4.3 and later kz_json:merge_recursive (an empty
# object writes nothing), Kazoo 4.2 kz_json:merge (merge_right: an explicit {} replaces an object)
DOC_PATCH_MERGES = ('merge_recursive', 'merge')
# crossbar's user_auth_tokens / api_auth_tokens (35) and the flat token_costs (1)
AUTH_TOKEN_COST = 35
REQUEST_TOKEN_COST = 1


class TokenBuckets(object):
    """Crossbar's rate limiting (kz_buckets, app ``crossbar``), one bucket per client.

    A bucket starts full with ``max_tokens`` (token_buckets ``max_bucket_tokens``, 100) and
    gains ``fill_rate`` tokens a second (``tokens_fill_rate``, 10) up to that maximum. An
    authenticated request costs 1 (``kz_buckets:consume_tokens``: a refused request takes
    nothing); ``user_auth``/``api_auth`` cost 35 (``consume_tokens_until``: a refused login
    empties the bucket). The bucket is named after the client address and the account of the
    request path (cb_modules_util:bucket_name), ``<ip>/no_account`` for system_configs.
    """

    def __init__(self, max_tokens, fill_rate, clock=time.monotonic):
        self.max_tokens = float(max_tokens)
        self.fill_rate = float(fill_rate)
        self.clock = clock
        self.buckets = {}

    def _level(self, name):
        now = self.clock()
        tokens, then = self.buckets.get(name, (self.max_tokens, now))
        tokens = min(self.max_tokens, tokens + (now - then) * self.fill_rate)
        return tokens, now

    def consume(self, name, cost, until=False):
        """``(True, 0)`` when taken, else ``(False, seconds until the cost would be there)``."""
        tokens, now = self._level(name)
        if tokens >= cost:
            self.buckets[name] = (tokens - cost, now)
            return True, 0.0
        if until:
            tokens = 0.0
        self.buckets[name] = (tokens, now)
        wait = (min(cost, self.max_tokens) - tokens) / self.fill_rate if self.fill_rate > 0 else float('inf')
        return False, wait


def _rate_limit_from_env(text):
    """``LAB_KAZOO_RATE_LIMIT=max/fill_rate[/retry_after]``: ``100/10`` (Kazoo's defaults),
    ``5/2/1`` (5 tokens, 2 a second, ``Retry-After: 1``), ``5/2/bucket`` (Retry-After: the wait
    for the bucket). Empty: no rate limiting."""
    if not text:
        return None
    parts = text.split('/')
    spec = {'max_tokens': float(parts[0]), 'fill_rate': float(parts[1]) if len(parts) > 1 else 10.0,
            'retry_after': None}
    if len(parts) > 2 and parts[2]:
        spec['retry_after'] = parts[2] if parts[2] == 'bucket' else float(parts[2])
    return spec


def _check_profile(profile):
    if profile.get('doc_patch_merge') not in DOC_PATCH_MERGES:
        raise ApiFail(400, 'invalid profile', {'doc_patch_merge': {'enum': list(DOC_PATCH_MERGES)}})
    limit = profile.get('rate_limit')
    if limit is None:
        return profile
    if not isinstance(limit, dict):
        raise ApiFail(400, 'invalid profile', {'rate_limit': 'an object {max_tokens, fill_rate, retry_after} or null'})
    try:
        out = {'max_tokens': float(limit.get('max_tokens', 100)), 'fill_rate': float(limit.get('fill_rate', 10)),
               'retry_after': limit.get('retry_after')}
    except (TypeError, ValueError):
        raise ApiFail(400, 'invalid profile', {'rate_limit': 'max_tokens and fill_rate are numbers'})
    ra = out['retry_after']
    if not (ra is None or ra == 'bucket' or (isinstance(ra, (int, float)) and not isinstance(ra, bool) and ra >= 0)):
        raise ApiFail(400, 'invalid profile', {'rate_limit.retry_after': 'null, "bucket" or seconds'})
    if out['max_tokens'] < 1 or out['fill_rate'] < 0:
        raise ApiFail(400, 'invalid profile', {'rate_limit': 'max_tokens >= 1, fill_rate >= 0'})
    profile['rate_limit'] = out
    return profile


def _bad_identifier(cause):
    return ApiFail(404, 'bad_identifier', {'cause': cause, 'message': 'bad identifier'})


class Lab(object):
    """All state of one lab server; the HTTP handler only routes into it."""

    def __init__(self, state_dir=None, schemas=None, env=None):
        self.env = os.environ if env is None else env
        self.state_dir = state_dir
        if state_dir:
            os.makedirs(state_dir, exist_ok=True)
        self.schemas = schemas or SchemaStore()
        self.db = ConfigDB(self.schemas, os.path.join(state_dir, 'system_config.json') if state_dir else None)
        self.accounts = Accounts(self.env)
        self.tokens = {}
        self.requests_log = []
        self.faults = []
        self.lock = threading.Lock()
        self.set_profile(self.env_profile())

    def env_profile(self):
        """The product variant the lab starts with (``LAB_KAZOO_DOC_PATCH_MERGE``, ``LAB_KAZOO_RATE_LIMIT``)."""
        return {'doc_patch_merge': self.env.get('LAB_KAZOO_DOC_PATCH_MERGE') or 'merge_recursive',
                'rate_limit': _rate_limit_from_env(self.env.get('LAB_KAZOO_RATE_LIMIT'))}

    def set_profile(self, changes):
        """Switch product variants (``/_lab/profile``): the keys given replace the current ones."""
        with self.lock:
            profile = dict(getattr(self, 'profile', None) or {})
            profile.update(changes)
            profile = _check_profile(profile)
            limit = profile['rate_limit']
            self.buckets = TokenBuckets(limit['max_tokens'], limit['fill_rate']) if limit else None
            self.profile = profile
        return dict(profile)

    def rate_limit(self, client, auth_route):
        """``None`` when the request may go on, else the 429 to answer (Kazoo's body; Retry-After per profile)."""
        with self.lock:
            if self.buckets is None:
                return None
            cost = AUTH_TOKEN_COST if auth_route else REQUEST_TOKEN_COST
            ok, wait = self.buckets.consume('%s/no_account' % client, cost, until=auth_route)
            retry_after = self.profile['rate_limit']['retry_after']
        if ok:
            return None
        extra = {}
        if retry_after == 'bucket':
            extra['_retry_after'] = str(max(1, int(-(-wait // 1)))) if wait != float('inf') else '3600'
        elif retry_after is not None:
            extra['_retry_after'] = str(int(retry_after))
        return ApiFail(429, 'too_many_requests', {'message': 'too many requests'}, extra=extra)

    def reset(self):
        with self.lock:
            self.tokens.clear()
            self.requests_log = []
            self.faults = []
            self.profile = {}
        self.set_profile(self.env_profile())
        self.db.reset()

    # -- faults -----------------------------------------------------------------------
    def add_fault(self, spec):
        kind = spec.get('kind', 'status')
        if kind not in ('status', 'delay', 'drop', 'conflict', 'slow_save'):
            raise ApiFail(400, 'invalid fault kind', {'kind': kind})
        fault = {'method': (spec.get('method') or '*').upper(), 'path': spec.get('path') or '/',
                 'kind': kind, 'status': int(spec.get('status', 503)), 'count': int(spec.get('count', 1)),
                 'seconds': float(spec.get('seconds', spec.get('delay', 1.0))), 'retry_after': spec.get('retry_after')}
        if fault['count'] < 1:
            raise ApiFail(400, 'invalid fault count', {'count': fault['count']})
        with self.lock:
            self.faults.append(fault)
        return fault

    def take_fault(self, method, path):
        with self.lock:
            for fault in self.faults:
                if fault['method'] in ('*', method) and path.startswith(fault['path']) and fault['count'] > 0:
                    fault['count'] -= 1
                    if fault['count'] <= 0:
                        self.faults.remove(fault)
                    return dict(fault)
        return None

    def log(self, method, path, query, status):
        with self.lock:
            self.requests_log.append({'method': method, 'path': path, 'query': query, 'status': status,
                                      'ts': time.time()})

    # -- tokens -----------------------------------------------------------------------
    def token_ttl(self, method):
        if self.env.get('LAB_KAZOO_TOKEN_TTL'):
            return float(self.env['LAB_KAZOO_TOKEN_TTL'])
        eff = self.db.stored_node('crossbar.auth', 'default')
        module = (eff.get('auth_modules') or {}).get(method) or {}
        return float(module.get('token_auth_expiry_s') or eff.get('token_auth_expiry_s') or 3600)

    def issue_token(self, account, user, method):
        token = secrets.token_hex(32)
        with self.lock:
            self.tokens[token] = {'account_id': account['id'], 'owner_id': user['id'] if user else None,
                                  'method': method, 'exp': time.time() + self.token_ttl(method)}
        return token

    def check_token(self, token):
        if not token:
            return None
        with self.lock:
            info = self.tokens.get(token)
            if info and info['exp'] < time.time():
                del self.tokens[token]
                info = None
        return info


def _segments(path):
    """Decoded path segments, ``.``/``..`` (also ``%2E``) resolved and empty segments dropped."""
    out = []
    for raw in path.split('/'):
        part = unquote(raw)
        if part in ('', '.'):
            continue
        if part == '..':
            if out:
                out.pop()
            continue
        out.append(part)
    return out


def _now_iso():
    return datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S')


def _encode_key(key):
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip('=')


def _decode_key(text):
    try:
        return json.loads(base64.urlsafe_b64decode(text + '=' * (-len(text) % 4)).decode())
    except ValueError:
        return text


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'Cowboy'
    sys_version = ''
    lab = None  # set by make_server

    def log_message(self, fmt, *args):  # quiet
        pass

    # -- plumbing -----------------------------------------------------------------------
    def _dispatch(self, method):
        self.method = method
        split = urlsplit(self.path)
        self.req_path = split.path
        self.query_string = split.query
        self.query = dict((k, v[-1]) for k, v in parse_qs(split.query, keep_blank_values=True).items())
        self.request_id = uuid.uuid4().hex
        self.auth_token = ''
        self.save_delay = 0.0
        length = int(self.headers.get('Content-Length') or 0)
        self.raw_body = self.rfile.read(length) if length else b''
        lab_path = self.req_path.startswith('/_lab/')
        status = None
        try:
            fault = None if lab_path else self.lab.take_fault(method, self.req_path)
            if fault and fault['kind'] == 'delay':
                time.sleep(fault['seconds'])
                fault = None
            if fault and fault['kind'] == 'slow_save':
                self.save_delay = fault['seconds']
                fault = None
            if fault and fault['kind'] == 'drop':
                status = 0
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            if fault and fault['kind'] == 'conflict':
                raise ApiFail(409, 'datastore_conflict', {'message': 'conflicting documents'})
            if fault:
                extra = {}
                if fault.get('retry_after') is not None:
                    extra['_retry_after'] = str(fault['retry_after'])
                raise ApiFail(fault['status'], 'injected_fault', {'message': 'fault injected by the lab'}, extra=extra)
            if lab_path:
                status = self._lab_control()
            else:
                limited = self.lab.rate_limit(self.client_address[0], _segments(self.req_path)[1:2] in (
                    ['user_auth'], ['api_auth']))
                if limited is not None:
                    raise limited
                status = self._route()
        except ApiFail as fail:
            status = fail.status
            self._error(fail)
        except Exception as exc:  # pragma: no cover - a lab bug should still answer
            status = 500
            self._error(ApiFail(500, 'internal_error', {'message': repr(exc)}))
        finally:
            if not lab_path:
                self.lab.log(method, self.req_path, self.query_string, status)

    def do_GET(self):
        self._dispatch('GET')

    def do_PUT(self):
        self._dispatch('PUT')

    def do_POST(self):
        self._dispatch('POST')

    def do_PATCH(self):
        self._dispatch('PATCH')

    def do_DELETE(self):
        self._dispatch('DELETE')

    def do_HEAD(self):
        self._dispatch('HEAD')

    def do_OPTIONS(self):
        self._dispatch('OPTIONS')

    def _send_json(self, status, body, headers=None):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(payload)))
        self.send_header('X-Request-ID', self.request_id)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.method != 'HEAD':
            self.wfile.write(payload)
        return status

    def _send_empty(self, status):
        self.send_response(status)
        self.send_header('Content-Length', '0')
        self.end_headers()
        return status

    def _envelope(self, extra):
        env = {'request_id': self.request_id, 'auth_token': self.auth_token, 'node': NODE_NAME,
               'timestamp': _now_iso(), 'version': VERSION}
        env.update(extra)
        return env

    def _ok(self, data, revision=None, status=200, extra=None):
        body = {'data': data, 'status': 'success'}
        if revision:
            body['revision'] = revision
        body.update(extra or {})
        return self._send_json(status, self._envelope(body))

    def _error(self, fail):
        body = {'data': fail.data, 'error': str(fail.status), 'message': fail.message,
                'status': 'fatal' if fail.status >= 500 and fail.status != 503 else 'error'}
        body.update(fail.extra)
        headers = {}
        if '_allow' in fail.extra:
            headers['Allow'] = fail.extra['_allow']
        if '_retry_after' in fail.extra:
            headers['Retry-After'] = fail.extra['_retry_after']
        body.pop('_allow', None)
        body.pop('_retry_after', None)
        return self._send_json(fail.status, self._envelope(body), headers)

    def _json_body(self):
        if not self.raw_body.strip():
            return {}
        try:
            body = json.loads(self.raw_body.decode('utf-8'))
        except (ValueError, UnicodeDecodeError):
            raise ApiFail(400, 'invalid json', INVALID_JSON)
        if not isinstance(body, dict):
            raise ApiFail(400, 'invalid json', INVALID_JSON)
        return body

    def _req_data(self):
        data = self._json_body().get('data', {})
        if not isinstance(data, dict):
            raise ApiFail(400, 'invalid json', INVALID_JSON)
        return data

    def _token(self):
        token = self.headers.get('X-Auth-Token')
        auth = self.headers.get('Authorization') or ''
        if not token and auth.lower().startswith('bearer '):
            token = auth[7:].strip()
        if not token:
            token = self.query.get('auth_token')
        if not token and self.raw_body:
            try:
                token = (json.loads(self.raw_body.decode('utf-8')) or {}).get('auth_token')
            except (ValueError, UnicodeDecodeError, AttributeError):
                token = None
        return token

    def _authenticate(self):
        token = self._token()
        info = self.lab.check_token(token)
        if info is None:
            raise ApiFail(401, 'invalid_credentials', {'message': 'invalid credentials'})
        self.auth_token = token
        return info

    @staticmethod
    def _allowed(method, allowed):
        if method not in allowed:
            raise ApiFail(405, 'invalid_method', {'message': 'method not allowed'},
                          extra={'_allow': ', '.join(allowed)})

    # -- routing ------------------------------------------------------------------------
    def _route(self):
        parts = _segments(self.req_path)
        method = self.method
        if len(parts) < 2 or parts[0] != 'v2':
            raise ApiFail(404, 'not_found', {'message': 'not found'})
        noun, rest = parts[1], parts[2:]
        if noun == 'user_auth' and not rest:
            self._allowed(method, ['PUT'])
            return self._user_auth()
        if noun == 'api_auth' and not rest:
            self._allowed(method, ['PUT'])
            return self._api_auth()
        if noun == 'token_auth' and not rest:
            self._allowed(method, ['GET', 'DELETE'])
            return self._token_auth()
        if noun == 'schemas':
            return self._schemas(rest)
        if noun == 'system_configs' and len(rest) <= 2:
            return self._system_configs(rest)
        if noun == 'accounts' and 'system_configs' in rest:
            self._authenticate()
            raise ApiFail(404, 'bad_identifier', {'message': 'bad identifier'})
        raise ApiFail(404, 'not_found', {'message': 'not found'})

    # -- auth ---------------------------------------------------------------------------
    def _auth_response(self, account, user, method):
        token = self.lab.issue_token(account, user, method)
        self.auth_token = token
        data = {'account_id': account['id'], 'account_name': account['name'], 'apps': [],
                'is_reseller': account['is_reseller'], 'language': 'en-us', 'reseller_id': account['reseller_id']}
        if user:
            data['owner_id'] = user['id']
        return self._ok(data, status=201)

    def _user_auth(self):
        data = self._req_data()
        creds = data.get('credentials')
        errors = {}
        if not isinstance(creds, str) or not 1 <= len(creds) <= 64:
            errors['credentials'] = {'required' if creds is None else 'type': {
                'message': 'Field is required but missing' if creds is None else 'Value is not a valid string',
                'value': creds}}
        if errors:
            raise ApiFail(400, 'validation error', errors)
        hasher = hashlib.sha1 if data.get('method') == 'sha' else hashlib.md5
        account = None
        if data.get('account_name'):
            account = self.lab.accounts.find(name=data['account_name'])
        elif data.get('account_realm') or data.get('realm'):
            account = self.lab.accounts.find(realm=data.get('account_realm') or data.get('realm'))
        for user in (account or {}).get('users', []):
            expected = hasher(('%s:%s' % (user['username'].lower(), user['password'])).encode()).hexdigest()
            if secrets.compare_digest(expected, creds.lower()):
                return self._auth_response(account, user, 'cb_user_auth')
        raise ApiFail(401, 'invalid_credentials', {'message': 'invalid credentials'})

    def _api_auth(self):
        data = self._req_data()
        key = data.get('api_key')
        if not isinstance(key, str) or not key:
            raise ApiFail(400, 'validation error', {'api_key': {'required': {
                'message': 'Field is required but missing', 'value': data}}})
        account = self.lab.accounts.by_api_key(key)
        if account is None:
            raise ApiFail(401, 'invalid_credentials', {'message': 'invalid credentials'})
        return self._auth_response(account, None, 'cb_api_auth')

    def _token_auth(self):
        info = self._authenticate()
        if self.method == 'DELETE':
            with self.lab.lock:
                self.lab.tokens.pop(self.auth_token, None)
            return self._ok({})
        account = self.lab.accounts.by_id(info['account_id'])
        return self._ok({'account_id': account['id'], 'account_name': account['name'], 'apps': [],
                         'id': self.auth_token, 'is_reseller': account['is_reseller'], 'language': 'en-us',
                         'method': info['method'], 'owner_id': info['owner_id'],
                         'reseller_id': account['reseller_id']})

    # -- schemas ------------------------------------------------------------------------
    def _schemas(self, rest):
        store = self.lab.schemas
        if not rest:
            self._allowed(self.method, ['GET'])
            return self._ok(store.names())
        name = rest[0]
        if len(rest) == 2 and rest[1] == 'validation':
            self._allowed(self.method, ['PUT'])
            self._authenticate()
            if store.get(name) is None:
                raise _bad_identifier(name)
            data = self._req_data()
            errors, checked = store.validate(store.get(name), data)
            if errors:
                raise ApiFail(400, 'validation error', errors)
            return self._ok(checked)
        if len(rest) != 1:
            raise ApiFail(404, 'not_found', {'message': 'not found'})
        self._allowed(self.method, ['GET'])
        if store.get(name) is None:
            raise _bad_identifier(name)
        return self._ok(store.public(name))

    # -- system_configs -----------------------------------------------------------------
    def _system_configs(self, rest):
        allowed = [['GET'], ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'], ['GET', 'POST', 'DELETE', 'PATCH']][len(rest)]
        self._allowed(self.method, allowed)
        if self.method in ('PUT', 'POST', 'PATCH'):
            self._json_body()  # malformed JSON is refused before authentication
        info = self._authenticate()
        account = self.lab.accounts.by_id(info['account_id'])
        if not account or not account['superduper']:
            raise ApiFail(403, 'forbidden', {'message': 'forbidden'})
        if not rest:
            return self._list_configs()
        try:
            if len(rest) == 1:
                return self._document(rest[0])
            return self._section(rest[0], rest[1])
        except Conflict:
            raise ApiFail(409, 'datastore_conflict', {'message': 'conflicting documents'})

    def _list_configs(self):
        ids = self.lab.db.list_ids()
        ascending = self.query.get('ascending') in ('true', True)
        if not ascending:
            ids = list(reversed(ids))
        if self.query.get('paginate') == 'false':
            return self._ok(ids)
        try:
            page_size = int(self.query.get('page_size') or 50)
        except ValueError:
            page_size = 50
        page_size = max(page_size, 1)
        start = 0
        if 'start_key' in self.query:
            key = _decode_key(self.query['start_key'])
            if ascending:
                start = next((i for i, x in enumerate(ids) if x >= key), len(ids))
            else:
                start = next((i for i, x in enumerate(ids) if x <= key), len(ids))
        page = ids[start:start + page_size]
        extra = {'page_size': len(page)}
        if start + page_size < len(ids):
            extra['next_start_key'] = _encode_key(ids[start + page_size])
        if 'start_key' in self.query:
            extra['start_key'] = self.query['start_key']
        return self._ok(page, extra=extra)

    def _hold_before_save(self):
        """A slow_save fault: the request has read the document and saves it this much later."""
        if self.save_delay:
            time.sleep(self.save_delay)

    def _with_defaults(self):
        return str(self.query.get('with_defaults', '')).lower() == 'true'

    def _strict_validation(self):
        """crossbar's schema_strict_validation (kapps_config:get_is_true, default false), read from the lab's own store."""
        return self.lab.db.stored_node('crossbar', 'default').get('schema_strict_validation') in (True, 'true')

    def _validate(self, schema, body):
        errors, _checked = self.lab.schemas.validate(schema, body, strict=self._strict_validation())
        if errors:
            raise ApiFail(400, 'validation error', errors)

    def _document(self, cat):
        db = self.lab.db
        doc = db.open(cat)
        rev = doc.get('_rev') if doc else None
        stored = db.get_config(cat, doc or {})
        if self.method == 'GET':
            data = db.config_with_defaults(cat, stored) if self._with_defaults() else db.config_with_default_node(cat, stored)
            data['id'] = cat
            return self._ok(data)
        if self.method == 'DELETE':
            if doc is None:
                raise _bad_identifier(cat)
            self._hold_before_save()
            try:
                db.delete(cat, rev)
            except Conflict:
                # cb_system_configs discards the result of the hard delete: a conflicting delete
                # answers like a successful one and the document stays
                pass
            data = public_fields(doc)
            data['id'] = cat
            data['_read_only'] = {'deleted': True}
            return self._ok(data, revision=rev)
        req = strip_id(self._req_data())
        if self.method == 'PATCH':
            full = db.stored_config(cat, [k for k in req if k != 'default'], stored)
            if self.lab.profile['doc_patch_merge'] == 'merge':
                full = db.merge_right(full, req)  # Kazoo 4.2: kz_json:merge
            else:
                full = _merge_recursive(full, req)  # Kazoo 4.3 and later
        else:  # POST and PUT replace the document
            full = req
        self._validate(self.lab.schemas.document_schema(cat), full)
        self._hold_before_save()
        saved = db.save(cat, db.diff_from_default(cat, full), rev)
        data = public_fields(saved)
        data['id'] = cat
        return self._ok(data, revision=saved['_rev'], status=201 if self.method == 'PUT' else 200)

    def _section(self, cat, node):
        db = self.lab.db
        doc = db.open(cat)
        rev = doc.get('_rev') if doc else None
        stored = db.get_config(cat, doc or {})
        section_id = '%s/%s' % (cat, node)
        if self.method == 'GET':
            data = db.stored_node(cat, node, stored) if self._with_defaults() else copy.deepcopy(stored.get(node) or {})
            data['id'] = section_id
            return self._ok(data)
        if self.method == 'DELETE':
            if doc is None:
                raise _bad_identifier(cat)
            if not stored.get(node):
                raise ApiFail(404, 'bad identifier', [node])
            remaining = public_fields(doc)
            remaining.pop(node, None)
            self._hold_before_save()
            saved = db.save(cat, remaining, rev)
            return self._ok({'id': section_id}, revision=saved['_rev'])
        body = strip_id(self._req_data())
        if self.method == 'PATCH':
            body = db.merge_right(db.stored_node(cat, node, stored), body)
        self._validate(self.lab.schemas.section_schema(cat), body)
        value = db.diff_node_from_default(cat, node, body, stored)
        new_doc = public_fields(doc or {})
        new_doc[node] = value
        self._hold_before_save()
        saved = db.save(cat, new_doc, rev)
        data = copy.deepcopy(saved.get(node) or {})
        data['id'] = section_id
        return self._ok(data, revision=saved['_rev'])

    # -- lab control --------------------------------------------------------------------
    def _lab_control(self):
        master = self.lab.accounts.master['users'][0]
        auth = self.headers.get('Authorization') or ''
        ok = False
        if auth.lower().startswith('basic '):
            try:
                user, dummy, password = base64.b64decode(auth[6:]).decode().partition(':')
                ok = secrets.compare_digest(user, master['username']) and secrets.compare_digest(password, master['password'])
            except (ValueError, UnicodeDecodeError):
                ok = False
        if not ok:
            raise ApiFail(401, 'invalid_credentials', {'message': 'invalid credentials'})
        path = self.req_path.rstrip('/')
        if path == '/_lab/requests':
            self._allowed(self.method, ['GET', 'DELETE'])
            if self.method == 'DELETE':
                with self.lab.lock:
                    self.lab.requests_log = []
                return self._send_empty(204)
            with self.lab.lock:
                log = list(self.lab.requests_log)
            return self._send_json(200, log)
        if path == '/_lab/faults':
            self._allowed(self.method, ['GET', 'POST', 'DELETE'])
            if self.method == 'POST':
                body = self._json_body()
                return self._send_json(201, self.lab.add_fault(body))
            if self.method == 'DELETE':
                with self.lab.lock:
                    self.lab.faults = []
                return self._send_empty(204)
            with self.lab.lock:
                return self._send_json(200, list(self.lab.faults))
        if path == '/_lab/profile':
            self._allowed(self.method, ['GET', 'POST'])
            if self.method == 'POST':
                return self._send_json(200, self.lab.set_profile(self._json_body()))
            with self.lab.lock:
                return self._send_json(200, dict(self.lab.profile))
        if path == '/_lab/reset':
            self._allowed(self.method, ['POST'])
            self.lab.reset()
            return self._send_empty(204)
        if path == '/_lab/info':
            self._allowed(self.method, ['GET'])
            return self._send_json(200, {'schemas': self.lab.schemas.source, 'schema_version': self.lab.schemas.version,
                                         'sub_account': {'name': self.lab.accounts.sub['name'],
                                                         'username': self.lab.accounts.sub['users'][0]['username']}})
        raise ApiFail(404, 'not_found', {'message': 'not found'})


def _merge_recursive(left, right):
    from lab.kazoo.jsonops import merge_recursive
    return merge_recursive(left, right)


class LabHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    ssl_context = None

    def finish_request(self, request, client_address):
        if self.ssl_context is not None:
            request.settimeout(30)
            try:
                request = self.ssl_context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return  # the client refused our certificate or went away
        try:
            self.RequestHandlerClass(request, client_address, self)
        except (ConnectionError, ssl.SSLError, socket.timeout):
            pass

    def handle_error(self, request, client_address):  # quiet on dropped clients
        pass


def make_server(host='127.0.0.1', port=0, cert=None, key=None, state_dir=None, lab=None):
    lab = lab or Lab(state_dir=state_dir)
    handler = type('KazooHandler', (Handler,), {'lab': lab})
    server = LabHTTPServer((host, port), handler)
    if cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        server.ssl_context = ctx
    server.lab = lab
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description='Kazoo Crossbar lab server')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=9800)
    parser.add_argument('--cert')
    parser.add_argument('--key')
    parser.add_argument('--state-dir')
    args = parser.parse_args(argv)
    server = make_server(args.host, args.port, args.cert, args.key, args.state_dir)
    scheme = 'https' if args.cert else 'http'
    host, port = server.server_address[:2]
    if args.state_dir:
        with open(os.path.join(args.state_dir, 'kazoo.json'), 'w') as handle:
            json.dump({'url': '%s://%s:%s' % (scheme, host, port), 'pid': os.getpid(),
                       'schemas': server.lab.schemas.source}, handle)
    sys.stderr.write('kazoo lab listening on %s://%s:%s (schemas: %s)\n' % (scheme, host, port, server.lab.schemas.source))
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
