# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options:
  pexip_url:
    description:
      - Base URL of the Pexip Infinity Management Node, for example C(https://manager.example.com).
      - The API paths (C(/api/admin/configuration/v1/...)) are added by the module.
      - If not set, the value of the E(PEXIP_URL) environment variable is used.
    type: str
    required: true
  pexip_username:
    description:
      - Name of the management account used for HTTP basic authentication.
      - Give either O(pexip_username) and O(pexip_password), or O(pexip_oauth2_client_id) and
        O(pexip_oauth2_private_key); giving both or neither fails naming the options.
      - If not set, the value of the E(PEXIP_USERNAME) environment variable is used.
    type: str
  pexip_password:
    description:
      - Password of O(pexip_username). Never shown in output or logs.
      - If not set, the value of the E(PEXIP_PASSWORD) environment variable is used.
    type: str
  pexip_oauth2_client_id:
    description:
      - The C(client_id) of an OAuth2 client of the Management Node (Infinity v34 and later), to authenticate with
        OAuth2 client credentials instead of O(pexip_username) and O(pexip_password).
      - The module asks C(/oauth/token/) for one bearer token per task with a client assertion (a JWT signed ES256
        with O(pexip_oauth2_private_key)), and asks for a fresh one once when the manager answers 401.
      - If not set, the value of the E(PEXIP_OAUTH2_CLIENT_ID) environment variable is used.
    type: str
  pexip_oauth2_private_key:
    description:
      - The EC (P-256) private key of the OAuth2 client O(pexip_oauth2_client_id), shown by the manager once, when
        the client was created; as PEM text or the path of a PEM file. Neither the key nor the token is ever shown
        in output or logs.
      - If not set, the value of the E(PEXIP_OAUTH2_PRIVATE_KEY) environment variable is used.
    type: str
  pexip_validate_certs:
    description:
      - Whether the Management Node's TLS certificate is verified.
      - Leave this on outside of throw-away labs; to trust a private CA use O(pexip_ca_path) instead.
      - If not set, the value of the E(PEXIP_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  pexip_ca_path:
    description:
      - Path to a PEM bundle of the CA certificates that signed the Management Node's certificate.
      - If not set, the value of the E(PEXIP_CA_PATH) environment variable is used, and without either
        the system's trust store is used.
    type: path
  pexip_timeout:
    description:
      - Seconds to wait for the Management Node to answer one request.
      - If not set, the value of the E(PEXIP_TIMEOUT) environment variable is used.
    type: float
    default: 30
notes:
  - Requests that can be repeated safely (GET, PATCH of one object, DELETE of one object) are retried with
    backoff on connection errors and on HTTP 429, 502, 503 and 504, honouring C(Retry-After); every wait
    between two attempts is capped at 30 seconds.
  - A POST is never sent twice for one object unless the first certainly did not create it. After HTTP 429 or
    503 it is sent again once the object is known to be missing. After no answer, a dropped connection, 502
    or 504 the object is looked for by its natural key for O(pexip_timeout) seconds (at least 10); when it does
    not appear, the task fails without sending the POST again.
  - With OAuth2, a token request the manager refuses fails naming the cause and the option to check, for a key
    that does not match the client, an unknown client, clocks of the controller and the manager that differ,
    or a manager without OAuth2 (404 on C(/oauth/token/)).
requirements:
  - requests
  - PyJWT and cryptography, for OAuth2 authentication only
'''
