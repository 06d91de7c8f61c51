"""The lab's OAuth2 token endpoint (lab/pexip/oauth.py): client assertions, bearer tokens, basic auth switched off."""
import os
import stat
import time
import uuid

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
AUTH = "/api/admin/configuration/v1/authentication/1/"


def _key(env):
    with open(env["PEXIP_OAUTH2_PRIVATE_KEY"], "rb") as handle:
        return serialization.load_pem_private_key(handle.read(), password=None)


def assertion(env, key=None, client_id=None, **changes):
    now = int(time.time())
    client_id = client_id or env["PEXIP_OAUTH2_CLIENT_ID"]
    claims = {"iss": client_id, "sub": client_id, "aud": env["PEXIP_URL"] + "/oauth/token/", "iat": now,
              "exp": now + 60, "jti": str(uuid.uuid4())}
    claims.update(changes)
    return jwt.encode(claims, key or _key(env), algorithm="ES256")


def token_request(env, client_assertion, **form):
    data = {"grant_type": "client_credentials", "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": client_assertion}
    data.update(form)
    return requests.post(env["PEXIP_URL"] + "/oauth/token/", data=data, verify=env["PEXIP_CA_PATH"], timeout=30)


def bearer_get(env, token, path=AUTH):
    return requests.get(env["PEXIP_URL"] + path, headers={"Authorization": "Bearer %s" % token},
                        verify=env["PEXIP_CA_PATH"], timeout=30)


def test_env_exports_the_lab_client_and_a_private_key_file(lab_env):
    path = lab_env["PEXIP_OAUTH2_PRIVATE_KEY"]
    assert lab_env["PEXIP_OAUTH2_CLIENT_ID"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert isinstance(_key(lab_env), ec.EllipticCurvePrivateKey)


def test_token_for_the_lab_client_and_bearer_access(lab_env, lab, api):
    response = token_request(lab_env, assertion(lab_env))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and "refresh_token" not in body
    answer = bearer_get(lab_env, body["access_token"])
    assert answer.status_code == 200 and answer.json()["api_oauth2_expiration"] == 3600
    assert bearer_get(lab_env, "not-a-token").status_code == 401
    # basic auth still works while api_oauth2_disable_basic is false
    assert api.get("authentication/1/").status_code == 200


def test_replayed_jti_is_refused(lab_env, lab):
    signed = assertion(lab_env)
    assert token_request(lab_env, signed).status_code == 200
    again = token_request(lab_env, signed)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant" and "jti" in again.json()["error_description"]


@pytest.mark.parametrize("case,status,error,words", [
    ("wrong_key", 401, "invalid_client", "signature"),
    ("unknown_client", 401, "invalid_client", "not found"),
    ("wrong_aud", 400, "invalid_grant", "aud"),
    ("expired", 400, "invalid_grant", "expired"),
    ("future", 400, "invalid_grant", "not yet valid"),
    ("sub_differs", 401, "invalid_client", "sub"),
])
def test_bad_assertions_are_refused(lab_env, lab, case, status, error, words):
    now = int(time.time())
    other = ec.generate_private_key(ec.SECP256R1())
    signed = {
        "wrong_key": lambda: assertion(lab_env, key=other),
        "unknown_client": lambda: assertion(lab_env, key=other, client_id="f" * 40),
        "wrong_aud": lambda: assertion(lab_env, aud="https://elsewhere.example.com/oauth/token/"),
        "expired": lambda: assertion(lab_env, iat=now - 600, exp=now - 540),
        "future": lambda: assertion(lab_env, iat=now + 600, exp=now + 660),
        "sub_differs": lambda: assertion(lab_env, sub="someone-else"),
    }[case]()
    response = token_request(lab_env, signed)
    assert response.status_code == status, response.text
    assert response.json()["error"] == error and words in response.json()["error_description"]


def test_form_is_checked(lab_env, lab):
    assert token_request(lab_env, assertion(lab_env), grant_type="password").json()["error"] == \
        "unsupported_grant_type"
    assert token_request(lab_env, assertion(lab_env), client_assertion_type="x").json()["error"] == "invalid_request"
    assert token_request(lab_env, "a.b").status_code == 400


def test_tokens_expire_after_api_oauth2_expiration(lab_env, lab, api):
    assert api.patch("authentication/1/", {"api_oauth2_expiration": 120}).status_code in (200, 202)
    body = token_request(lab_env, assertion(lab_env)).json()
    assert body["expires_in"] == 120
    assert bearer_get(lab_env, body["access_token"]).status_code == 200
    lab._call("POST", "oauth2", json={"clock_offset": 121})
    assert bearer_get(lab_env, body["access_token"]).status_code == 401


def test_lab_clock_offset_makes_assertions_look_expired(lab_env, lab):
    lab._call("POST", "oauth2", json={"clock_offset": 3600})
    response = token_request(lab_env, assertion(lab_env))
    assert response.status_code == 400 and "expired" in response.json()["error_description"]
    lab.reset()
    assert token_request(lab_env, assertion(lab_env)).status_code == 200


def test_disable_basic_refuses_basic_on_the_api_only(lab_env, lab, api):
    token = token_request(lab_env, assertion(lab_env)).json()["access_token"]
    answer = requests.patch(lab_env["PEXIP_URL"] + AUTH, json={"api_oauth2_disable_basic": True},
                            headers={"Authorization": "Bearer %s" % token}, verify=lab_env["PEXIP_CA_PATH"])
    assert answer.status_code in (200, 202), answer.text
    refused = api.get("conference/")
    assert refused.status_code == 401
    assert bearer_get(lab_env, token, "/api/admin/configuration/v1/conference/").status_code == 200
    assert lab.requests() is not None  # /_lab/ keeps basic auth
    lab.reset()
    assert api.get("conference/").status_code == 200


def test_a_created_oauth2_client_gets_tokens_until_deleted(lab_env, lab, api):
    role = api.create("role/", {"name": "API admins"})
    response = api.post("oauth2_client/", {"client_name": "automation", "role": role})
    assert response.status_code == 201, response.text
    created = response.json()
    key = serialization.load_pem_private_key(created["private_key_jwt"].encode(), password=None)
    body = token_request(lab_env, assertion(lab_env, key=key, client_id=created["client_id"])).json()
    assert bearer_get(lab_env, body["access_token"]).status_code == 200
    assert api.delete(requests.utils.urlparse(response.headers["Location"]).path).status_code == 204
    assert bearer_get(lab_env, body["access_token"]).status_code == 401
