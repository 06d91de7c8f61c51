# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""OAuth2 client credentials for the Pexip Management API (Infinity v34 and later).

An OAuth2 client of the manager has a ``client_id`` and an EC private key. A
token is asked for with a JWT client assertion signed ES256 with that key::

    POST https://<manager>/oauth/token/   (form-encoded)
    grant_type=client_credentials
    client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
    client_assertion=<JWT {iss=sub=client_id, aud=<token URL>, iat, exp, jti}>

and the answer ``{access_token, expires_in, token_type: "Bearer"}`` is sent as
``Authorization: Bearer <token>``. Neither the key nor the token ever appears
in a message: errors name the option to check instead.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import time
import traceback
import uuid

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError

JWT_IMPORT_ERROR = None
try:
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
except ImportError:  # pragma: no cover - reported as a missing library when OAuth2 is used
    jwt = None
    JWT_IMPORT_ERROR = traceback.format_exc()

TOKEN_PATH = '/oauth/token/'
ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
# Lifetime of one client assertion, in seconds: it is used once, at once.
ASSERTION_LIFETIME = 60
CLIENT_ID_OPTION = 'pexip_oauth2_client_id'
KEY_OPTION = 'pexip_oauth2_private_key'
_OPTIONS_HINT = 'pexip_oauth2_client_id / pexip_oauth2_private_key (or PEXIP_OAUTH2_CLIENT_ID / PEXIP_OAUTH2_PRIVATE_KEY)'


# the credential options and their environment variables
CREDENTIAL_ENV = (
    ('pexip_username', 'PEXIP_USERNAME'),
    ('pexip_password', 'PEXIP_PASSWORD'),
    ('pexip_oauth2_client_id', 'PEXIP_OAUTH2_CLIENT_ID'),
    ('pexip_oauth2_private_key', 'PEXIP_OAUTH2_PRIVATE_KEY'),
)
_BASIC = ('pexip_username', 'pexip_password')
_OAUTH2 = ('pexip_oauth2_client_id', 'pexip_oauth2_private_key')


def choose_credentials(given, environ):
    """The four credential values to use, from the options ``given`` and the environment.

    The options set (in the task, or the inventory file) choose the method, and
    the environment completes only that method. With no option set, the
    environment decides: PEXIP_USERNAME and PEXIP_PASSWORD when both are set
    (an environment that exports both methods, such as the lab's, keeps basic
    auth), the OAuth2 variables otherwise. :func:`check_credentials` then
    requires exactly one complete method.
    """
    env = dict((option, environ.get(variable) or None) for option, variable in CREDENTIAL_ENV)
    given = dict((option, given.get(option) or None) for option, _variable in CREDENTIAL_ENV)
    chosen = [names for names in (_BASIC, _OAUTH2) if any(given[name] for name in names)]
    if len(chosen) > 1:
        return given  # both methods in the options: check_credentials says so
    if not chosen:
        chosen = [_BASIC if all(env[name] for name in _BASIC) or not any(env[name] for name in _OAUTH2)
                  else _OAUTH2]
    return dict((option, (given[option] or env[option]) if option in chosen[0] else None) for option in env)


def check_credentials(username, password, client_id, private_key):
    """``'basic'`` or ``'oauth2'``: the one authentication method given; an :class:`ApiError` otherwise."""
    basic = bool(username) or bool(password)
    oauth2 = bool(client_id) or bool(private_key)
    if basic and oauth2:
        raise ApiError('give either pexip_username and pexip_password (HTTP basic authentication) or '
                       'pexip_oauth2_client_id and pexip_oauth2_private_key (OAuth2), not both (the environment '
                       'variables PEXIP_USERNAME / PEXIP_PASSWORD and PEXIP_OAUTH2_CLIENT_ID / '
                       'PEXIP_OAUTH2_PRIVATE_KEY count too)', kind='usage')
    if oauth2:
        if not client_id:
            raise ApiError('pexip_oauth2_client_id is required with pexip_oauth2_private_key (or set '
                           'PEXIP_OAUTH2_CLIENT_ID): give the client_id of the OAuth2 client the key belongs to',
                           kind='usage')
        if not private_key:
            raise ApiError('pexip_oauth2_private_key is required with pexip_oauth2_client_id (or set '
                           'PEXIP_OAUTH2_PRIVATE_KEY): give the OAuth2 client\'s private key, as PEM text or the '
                           'path of a file', kind='usage')
        return 'oauth2'
    if basic:
        if not username:
            raise ApiError('pexip_username is required with pexip_password (or set PEXIP_USERNAME)', kind='usage')
        if not password:
            raise ApiError('pexip_password is required with pexip_username (or set PEXIP_PASSWORD)', kind='usage')
        return 'basic'
    raise ApiError('no credentials for the Pexip Management Node: give pexip_username and pexip_password (or '
                   'PEXIP_USERNAME / PEXIP_PASSWORD), or pexip_oauth2_client_id and pexip_oauth2_private_key (or '
                   'PEXIP_OAUTH2_CLIENT_ID / PEXIP_OAUTH2_PRIVATE_KEY)', kind='usage')


def load_private_key(value):
    """The EC private key of ``pexip_oauth2_private_key``: PEM text, or the path of a PEM file."""
    if jwt is None:
        raise ApiError('OAuth2 authentication needs the Python libraries PyJWT and cryptography on the controller '
                       '(pip install PyJWT cryptography)', kind='usage')
    text = value.strip() if isinstance(value, str) else ''
    if '-----BEGIN' not in text:
        path = os.path.expanduser(text)
        try:
            with open(path, 'rb') as handle:
                data = handle.read()
        except (IOError, OSError) as exc:
            raise ApiError('%s: the key file %s cannot be read (%s); give the PEM text of the OAuth2 client\'s '
                           'private key or the path of a readable file' % (KEY_OPTION, path, exc.strerror or exc),
                           kind='usage')
        source = 'the file %s' % path
    else:
        data = text.encode('ascii', 'replace')
        source = 'the PEM text given'
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        reason = 'it is encrypted' if 'encrypted' in str(exc).lower() or 'password' in str(exc).lower() else \
            'it is not a PEM private key'
        raise ApiError('%s: %s holds no usable private key (%s); give the unencrypted EC private key the manager '
                       'showed when the OAuth2 client was created' % (KEY_OPTION, source, reason), kind='usage')
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ApiError('%s: %s holds a %s key, not an EC key; OAuth2 clients of Pexip sign with an EC (P-256) key'
                       % (KEY_OPTION, source, type(key).__name__.replace('_', '').replace('PrivateKey', ' private')
                          .strip()), kind='usage')
    if not isinstance(key.curve, ec.SECP256R1):
        raise ApiError('%s: %s holds an EC key on curve %s; ES256 needs a P-256 (secp256r1) key'
                       % (KEY_OPTION, source, key.curve.name), kind='usage')
    return key


def make_assertion(client_id, key, audience, now=None, lifetime=ASSERTION_LIFETIME):
    """A signed ES256 JWT client assertion: iss = sub = client_id, aud = the token URL, a unique jti."""
    issued = int(now if now is not None else time.time())
    claims = {'iss': client_id, 'sub': client_id, 'aud': audience, 'iat': issued, 'exp': issued + lifetime,
              'jti': str(uuid.uuid4())}
    token = jwt.encode(claims, key, algorithm='ES256')
    return token.decode('ascii') if isinstance(token, bytes) else token


def _oauth_error(body):
    if isinstance(body, dict):
        return str(body.get('error') or ''), str(body.get('error_description') or body.get('detail') or '')
    return '', ''


def is_replay(body):
    """Whether a refused token request says its assertion's ``jti`` was seen before."""
    code, description = _oauth_error(body)
    text = description.lower()
    return 'jti' in text or 'replay' in text or 'already used' in text


def token_error(status, body, client_id):
    """An :class:`ApiError` for a refused token request, naming the option to check."""
    code, description = _oauth_error(body)
    text = ('%s %s' % (code, description)).lower()
    said = ' (the manager said: %s)' % ': '.join(part for part in (code, description) if part) if code or description \
        else ''
    if status == 404:
        message = ('OAuth2 is not available on this Management Node (it has no token endpoint): enable OAuth2 for '
                   'the management API (Infinity v34 or later), or use pexip_username / pexip_password')
    elif any(word in text for word in ('expired', 'not yet valid', 'clock', 'future', 'immature', 'skew')):
        message = ('the manager refused the OAuth2 client assertion as expired or not yet valid: the clocks of the '
                   'controller and the Management Node differ; synchronise them (NTP)%s' % said)
    elif is_replay(body):
        message = ('the manager refused two fresh OAuth2 client assertions of client %r as already used (each had a '
                   'new jti): something between the controller and the Management Node sends requests twice, such '
                   'as a retrying proxy%s' % (client_id, said))
    elif 'unknown' in text or 'not found' in text or 'no such' in text or 'does not exist' in text:
        message = ('the manager does not know the OAuth2 client %r: check pexip_oauth2_client_id (or '
                   'PEXIP_OAUTH2_CLIENT_ID)%s' % (client_id, said))
    elif 'signature' in text or code == 'invalid_client':
        message = ('the manager refused the OAuth2 client assertion of client %r: the signature does not match '
                   'its key; check that pexip_oauth2_private_key (or PEXIP_OAUTH2_PRIVATE_KEY) is the key shown when '
                   'this client was created%s' % (client_id, said))
    else:
        message = ('the OAuth2 token request failed (HTTP %s); check %s%s' % (status, _OPTIONS_HINT, said))
    # status stays None: callers read a 404 or a 401 as the answer to their own request (an object that does
    # not exist...), and the request they wanted to send never left
    error = ApiError('answered HTTP %s: %s' % (status, message), status=None, method='POST', path=TOKEN_PATH,
                     kind='auth')
    error.token_status = status
    return error


class OAuth2Token:
    """Fetches and holds the bearer token of one task.

    ``post(url, data)`` sends a form-encoded POST and returns ``(status, body)``.
    """

    def __init__(self, client_id, private_key, token_url, post, clock=time.time):
        self.client_id = client_id
        self._key = load_private_key(private_key)
        self.token_url = token_url
        self._post = post
        self._clock = clock
        self.token = None
        self.fetch_count = 0

    def header(self):
        if self.token is None:
            self.refresh()
        return 'Bearer %s' % self.token

    def refresh(self):
        self.token = None
        # an assertion refused as a replay was sent twice on its way (its jti is new each time): one fresh one
        for attempt in (1, 2):
            form = {
                'grant_type': 'client_credentials',
                'client_assertion_type': ASSERTION_TYPE,
                'client_assertion': make_assertion(self.client_id, self._key, self.token_url, now=self._clock()),
            }
            self.fetch_count += 1
            status, body = self._post(self.token_url, form)
            if status < 400:
                break
            if attempt == 2 or not is_replay(body):
                raise token_error(status, body, self.client_id)
        token = body.get('access_token') if isinstance(body, dict) else None
        if not token or str(body.get('token_type', 'Bearer')).lower() != 'bearer':
            raise ApiError('the OAuth2 token answer (HTTP %s) holds no bearer access_token; is pexip_url the '
                           'Management Node?' % status, method='POST', path=TOKEN_PATH, kind='auth')
        self.token = str(token)
        return self.token
