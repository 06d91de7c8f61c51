#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_authentication
short_description: Manage how administrators authenticate to Pexip Infinity
version_added: 0.2.0
description:
  - Changes the administrator authentication settings (local, LDAP, OpenID Connect, OAuth2 for the API), the C(authentication)
    resource.
  - 'The settings always exist: the module patches only the options you set and never creates or deletes the object.'
  - Passwords, client secrets and private keys are write-only; see O(update_password).
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.clear
  - ucops.platform.pexip_options.update_password
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  api_oauth2_allow_all_perms:
    description:
      - API OAuth2 allow all perms (on or off).
    type: bool
  api_oauth2_disable_basic:
    description:
      - API OAuth2 disable basic (on or off).
    type: bool
  api_oauth2_expiration:
    description:
      - API OAuth2 expiration.
    type: int
  client_certificate:
    description:
      - Client certificate.
    type: str
    choices:
      - 'NO'
      - CN
      - UPN
  ldap_base_dn:
    description:
      - LDAP base DN.
      - At most 255 characters.
    type: str
  ldap_bind_password:
    description:
      - LDAP bind password.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  ldap_bind_username:
    description:
      - LDAP bind username.
      - At most 255 characters.
    type: str
  ldap_group_filter:
    description:
      - LDAP group filter.
      - At most 1024 characters.
    type: str
  ldap_group_membership_filter:
    description:
      - LDAP group membership filter.
      - At most 1024 characters.
    type: str
  ldap_group_search_dn:
    description:
      - LDAP group search DN.
      - At most 255 characters.
    type: str
  ldap_server:
    description:
      - LDAP server.
      - At most 255 characters.
    type: str
  ldap_use_global_catalog:
    description:
      - LDAP use global catalog (on or off).
    type: bool
  ldap_user_filter:
    description:
      - LDAP user filter.
      - At most 1024 characters.
    type: str
  ldap_user_group_attributes:
    description:
      - LDAP user group attributes.
      - At most 100 characters.
    type: str
  ldap_user_search_dn:
    description:
      - LDAP user search DN.
      - At most 255 characters.
    type: str
  ldap_user_search_filter:
    description:
      - LDAP user search filter.
      - At most 1024 characters.
    type: str
  oidc_auth_method:
    description:
      - OIDC auth method.
    type: str
    choices:
      - pkce
      - client_secret
      - private_key
  oidc_authorize_url:
    description:
      - OIDC authorize URL.
      - Must be an http or https URL such as https://example.com/path; checked before any request.
    type: str
  oidc_client_id:
    description:
      - OIDC client ID.
    type: str
  oidc_client_secret:
    description:
      - OIDC client secret.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  oidc_domain_hint:
    description:
      - OIDC domain hint.
      - At most 255 characters.
    type: str
  oidc_groups_field:
    description:
      - OIDC groups field.
    type: str
  oidc_login_button:
    description:
      - OIDC login button.
      - At most 128 characters.
    type: str
  oidc_metadata:
    description:
      - Metadata document (JSON) of the OpenID Connect provider, for a provider whose metadata is not fetched from
        O(oidc_metadata_url).
    type: str
  oidc_metadata_url:
    description:
      - OIDC metadata URL.
      - Must be an http or https URL such as https://example.com/path; checked before any request.
    type: str
  oidc_private_key:
    description:
      - OIDC private key.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  oidc_required_key:
    description:
      - OIDC required key.
    type: str
  oidc_required_value:
    description:
      - OIDC required value.
    type: str
  oidc_scope:
    description:
      - OIDC scope.
    type: str
  oidc_token_endpoint_url:
    description:
      - OIDC token endpoint URL.
      - Must be an http or https URL such as https://example.com/path; checked before any request.
    type: str
  oidc_username_field:
    description:
      - OIDC username field.
    type: str
  source:
    description:
      - Source.
    type: str
    choices:
      - LOCAL
      - LDAP
      - LDAP+LOCAL
      - OIDC
      - OIDC+LOCAL
      - LDAP+OIDC+LOCAL
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Administrators log in with LDAP, local accounts as fallback
  ucops.platform.pexip_authentication:
    source: LDAP+LOCAL
    ldap_server: ad.example.com
    ldap_base_dn: dc=example,dc=com
    ldap_bind_username: CN=pexip,OU=Service,DC=example,DC=com
    ldap_bind_password: "{{ vault_ldap_password }}"
'''

RETURN = r'''
authentication:
  description:
  - The authentication as the Management Node holds it after the task, references as resource URIs and secrets masked.
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_users import AUTHENTICATION
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_singleton_module


def main():
    run_singleton_module(AUTHENTICATION)


if __name__ == '__main__':
    main()
