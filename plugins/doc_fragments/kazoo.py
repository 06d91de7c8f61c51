# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r'''
options:
  kazoo_url:
    description:
      - Base URL of the Kazoo Crossbar API, for example C(https://kazoo.example.com:8443).
      - A trailing C(/v2) is accepted and ignored.
      - If not set, the value of the E(KAZOO_URL) environment variable is used; one of them is required.
    type: str
  kazoo_auth_token:
    description:
      - An existing Crossbar auth token, sent as C(X-Auth-Token).
      - When given, the module does not log in, and cannot renew the token if it expires.
      - If not set, the value of the E(KAZOO_AUTH_TOKEN) environment variable is used.
    type: str
  kazoo_api_key:
    description:
      - API key of the account; a token is obtained with C(PUT /v2/api_auth) once per task.
      - Used when O(kazoo_auth_token) is not set, before O(kazoo_username)/O(kazoo_password).
      - If not set, the value of the E(KAZOO_API_KEY) environment variable is used.
    type: str
  kazoo_username:
    description:
      - User name for C(PUT /v2/user_auth); needs O(kazoo_password) and O(kazoo_account_name).
      - If not set, the value of the E(KAZOO_USERNAME) environment variable is used.
    type: str
  kazoo_password:
    description:
      - Password of O(kazoo_username). Only an md5 hash of the lower-cased user name and the password is sent.
      - If not set, the value of the E(KAZOO_PASSWORD) environment variable is used.
    type: str
  kazoo_account_name:
    description:
      - Name of the account O(kazoo_username) belongs to.
      - If not set, the value of the E(KAZOO_ACCOUNT_NAME) environment variable is used.
    type: str
  kazoo_validate_certs:
    description:
      - Verify the server's TLS certificate. Set to V(false) only for a throw-away lab.
      - If not set, the value of the E(KAZOO_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  kazoo_ca_path:
    description:
      - PEM file with the CA certificate(s) that signed the server's certificate.
      - If not set, the value of the E(KAZOO_CA_PATH) environment variable is used.
    type: path
  kazoo_timeout:
    description:
      - Seconds to wait for each HTTP answer, and the longest wait between two attempts (C(Retry-After) included).
      - If not set, the value of the E(KAZOO_TIMEOUT) environment variable is used.
    type: float
    default: 30
notes:
  - System configs need a token whose account is C(superduper_admin) (the master account); other accounts get HTTP 403.
  - Idempotent requests (GET, PUT, DELETE, PATCH) are retried with backoff on connection errors and HTTP 500/502/503/504.
  - HTTP 429 (Crossbar's rate limit refuses a request before carrying it out) is retried for every request, after the
    C(Retry-After) a proxy may send or with a growing backoff (Kazoo itself sends none); after 5 attempts the task fails
    naming the category and section.
  - Secrets (password, API key, tokens) are never returned or logged.
requirements:
  - requests
'''
