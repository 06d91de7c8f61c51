"""OAuth2 client credentials of the lab Management Node (Infinity v34 and later).

``POST /oauth/token/`` (form-encoded) takes ``grant_type=client_credentials``,
``client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer``
and ``client_assertion``: a JWT signed ES256 with the private key of an OAuth2
client, claims ``iss`` = ``sub`` = client_id, ``aud`` = the token URL, ``iat``,
``exp`` and a unique ``jti``. The lab checks the signature against the client's
public key, ``aud``, ``exp`` / ``iat``, and refuses a ``jti`` it has seen. It
answers ``{access_token, expires_in, token_type: "Bearer"}`` (no refresh token);
the token lives ``authentication.api_oauth2_expiration`` seconds (default 3600).

The clients are the ``oauth2_client`` objects (their public key is derived from
the ``private_key_jwt`` the lab made at creation) and the lab's own client
(``PEXIP_OAUTH2_CLIENT_ID`` / ``PEXIP_OAUTH2_PRIVATE_KEY`` in the environment,
made by the launcher for an administrator; it is kept outside the configuration
database, so it survives ``/_lab/reset``).

``authentication.api_oauth2_disable_basic`` makes basic auth answer 401 on the
API (``/api/``); the ``/_lab/`` control routes keep basic auth.

Error answers follow RFC 6749 section 5.2 (``{"error", "error_description"}``):
401 ``invalid_client`` for an unknown client or a bad signature, 400
``invalid_grant`` for an expired, not yet valid, misaddressed or replayed
assertion, 400 ``invalid_request`` / ``unsupported_grant_type`` for the form.

The control route ``/_lab/oauth2`` (GET, POST ``{"clock_offset": seconds}``,
DELETE) shifts the lab's clock for the token endpoint and tokens, to show what
a manager whose clock differs from the controller's answers.
"""
import base64
import json
import os
import secrets
import threading
import time
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

TOKEN_PATH = "/oauth/token/"
GRANT_TYPE = "client_credentials"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# Seconds of tolerance for an iat a little ahead of the lab's clock.
LEEWAY = 30
DEFAULT_EXPIRATION = 3600

_lock = threading.Lock()
_tokens = {}      # access token -> (client_id, expiry)
_seen_jti = {}    # jti -> expiry of its assertion
_issued = []      # the last 100 tokens issued, kept across resets: tests check a client never shows one
_state = {"clock_offset": 0.0, "lab_client": None}


def now():
    return time.time() + _state["clock_offset"]


def load_lab_client():
    """The lab's own client from the environment (its key is a file made by the launcher)."""
    client_id = os.environ.get("PEXIP_OAUTH2_CLIENT_ID")
    key_path = os.environ.get("PEXIP_OAUTH2_PRIVATE_KEY")
    if not client_id or not key_path or not os.path.exists(key_path):
        return None
    with open(key_path, "rb") as handle:
        key = serialization.load_pem_private_key(handle.read(), password=None)
    _state["lab_client"] = (client_id, key.public_key())
    return client_id


def _public_key(client_id):
    lab = _state["lab_client"]
    if lab and secrets.compare_digest(lab[0], client_id):
        return lab[1]
    from lab.pexip.app.models import MODELS
    obj = MODELS["oauth2_client"].objects.filter(client_id=client_id).first()
    if obj is None or not obj.private_key_jwt:
        return None
    return serialization.load_pem_private_key(obj.private_key_jwt.encode(), password=None).public_key()


def _authentication():
    from lab.pexip.app.models import MODELS
    return MODELS["authentication"].objects.filter(pk=1).first()


def _expiration():
    auth = _authentication()
    value = getattr(auth, "api_oauth2_expiration", None) if auth is not None else None
    return int(value) if value else DEFAULT_EXPIRATION


def basic_disabled():
    auth = _authentication()
    return bool(getattr(auth, "api_oauth2_disable_basic", False)) if auth is not None else False


def _b64(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _answer(status, data):
    return status, [("Content-Type", "application/json"), ("Cache-Control", "no-store")], \
        json.dumps(data).encode()


def _refuse(status, error, description):
    return _answer(status, {"error": error, "error_description": description})


def token_endpoint(method, body, headers):
    """``(status, headers, payload)`` for a request to /oauth/token/."""
    if method != "POST":
        return _answer(405, {"error": "Method not allowed; POST the token request."})
    if "application/x-www-form-urlencoded" not in (headers.get("Content-Type") or ""):
        return _refuse(400, "invalid_request", "The token request must be form-encoded.")
    form = {name: values[0] for name, values in parse_qs(body.decode("utf-8", "replace")).items()}
    if form.get("grant_type") != GRANT_TYPE:
        return _refuse(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.")
    if form.get("client_assertion_type") != ASSERTION_TYPE or not form.get("client_assertion"):
        return _refuse(400, "invalid_request", "A jwt-bearer client_assertion is required.")
    parts = form["client_assertion"].split(".")
    try:
        if len(parts) != 3:
            raise ValueError("not a JWS")
        header = json.loads(_b64(parts[0]))
        claims = json.loads(_b64(parts[1]))
        signature = _b64(parts[2])
    except (ValueError, TypeError):
        return _refuse(400, "invalid_request", "The client assertion is not a JWT.")
    if header.get("alg") != "ES256":
        return _refuse(401, "invalid_client", "The client assertion must be signed with ES256.")
    client_id = claims.get("iss")
    if not isinstance(client_id, str) or claims.get("sub") != client_id:
        return _refuse(401, "invalid_client", "The client assertion's iss and sub must both be the client_id.")
    public_key = _public_key(client_id)
    if public_key is None:
        return _refuse(401, "invalid_client", "Client not found.")
    if len(signature) != 64:
        return _refuse(401, "invalid_client", "Invalid signature.")
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    try:
        public_key.verify(der, ("%s.%s" % (parts[0], parts[1])).encode("ascii"), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return _refuse(401, "invalid_client", "Invalid signature.")
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    host = headers.get("Host", "")
    if not any(isinstance(item, str) and urlsplit(item).path == TOKEN_PATH and urlsplit(item).netloc == host
               for item in audiences):
        return _refuse(400, "invalid_grant", "The assertion's aud is not this token endpoint.")
    moment = now()
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, (int, float)) or not isinstance(iat, (int, float)):
        return _refuse(400, "invalid_grant", "The assertion needs numeric iat and exp claims.")
    if exp <= moment:
        return _refuse(400, "invalid_grant", "The assertion has expired.")
    if iat > moment + LEEWAY:
        return _refuse(400, "invalid_grant", "The assertion is not yet valid (iat in the future).")
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti:
        return _refuse(400, "invalid_grant", "The assertion needs a jti claim.")
    with _lock:
        for seen, until in list(_seen_jti.items()):
            if until < moment - LEEWAY:
                del _seen_jti[seen]
        if jti in _seen_jti:
            return _refuse(400, "invalid_grant", "The assertion's jti has already been used.")
        _seen_jti[jti] = exp
        lifetime = _expiration()
        token = secrets.token_urlsafe(32)
        _tokens[token] = (client_id, moment + lifetime)
        _issued.append(token)
        del _issued[:-100]
    return _answer(200, {"access_token": token, "expires_in": lifetime, "token_type": "Bearer",
                         "scope": "is_admin use_api"})


def bearer_valid(token):
    with _lock:
        entry = _tokens.get(token)
        if entry is None:
            return False
        client_id, expiry = entry
        if expiry <= now():
            del _tokens[token]
            return False
    # a deleted client's tokens stop working
    return _public_key(client_id) is not None


def reset():
    """``/_lab/reset``: no tokens, no jti seen, the lab's clock right (the lab's own client stays)."""
    _state["clock_offset"] = 0.0
    with _lock:
        _tokens.clear()
        _seen_jti.clear()


def control(method, body):
    """``/_lab/oauth2``: the clock offset, the tokens valid (count) and the last 100 issued (behind basic auth)."""
    if method == "POST":
        if not isinstance(body, dict) or not isinstance(body.get("clock_offset"), (int, float)):
            return 400, {"error": 'POST {"clock_offset": <seconds>}'}
        _state["clock_offset"] = float(body["clock_offset"])
    elif method == "DELETE":
        reset()
    elif method != "GET":
        return 405, {"error": "GET, POST or DELETE"}
    lab = _state["lab_client"]
    with _lock:
        answer = {"clock_offset": _state["clock_offset"], "tokens": len(_tokens),
                  "lab_client_id": lab[0] if lab else None}
        if method == "GET":  # only a GET shows the tokens (a POST or DELETE answer may end up in a log)
            answer["issued"] = list(_issued)
        return 200, answer
