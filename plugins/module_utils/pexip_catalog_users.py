# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for administrator access:
LDAP sync sources and fields, authentication settings, roles and LDAP role mappings.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out. Singletons (one object that always exists)
are marked ``singleton=True``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, Resource

LDAP_SYNC_SOURCE = Resource(
    'ldap_sync_source',
    key='name',
    fields=dict(
        description=Field(max_length=250),
        ldap_base_dn=Field(required=True, max_length=255),
        ldap_bind_password=Field(kind='secret', required=True, max_length=100),
        ldap_bind_username=Field(required=True, max_length=255),
        ldap_permit_no_tls=Field(type='bool'),
        ldap_server=Field(required=True, max_length=255),
        ldap_use_global_catalog=Field(type='bool'),
        name=Field(required=True, max_length=250),
    ),
)

LDAP_SYNC_FIELD = Resource(
    'ldap_sync_field',
    key='name',
    fields=dict(
        description=Field(max_length=250),
        is_binary=Field(type='bool'),
        name=Field(required=True, max_length=250),
        template_variable_name=Field(required=True, max_length=250),
    ),
)

AUTHENTICATION = Resource(
    'authentication',
    key=None,
    fields=dict(
        api_oauth2_allow_all_perms=Field(type='bool'),
        api_oauth2_disable_basic=Field(type='bool'),
        api_oauth2_expiration=Field(type='int'),
        client_certificate=Field(choices=['NO', 'CN', 'UPN']),
        ldap_base_dn=Field(max_length=255),
        ldap_bind_password=Field(kind='write_only', max_length=100),
        ldap_bind_username=Field(max_length=255),
        ldap_group_filter=Field(max_length=1024),
        ldap_group_membership_filter=Field(max_length=1024),
        ldap_group_search_dn=Field(max_length=255),
        ldap_server=Field(max_length=255),
        ldap_use_global_catalog=Field(type='bool'),
        ldap_user_filter=Field(max_length=1024),
        ldap_user_group_attributes=Field(max_length=100),
        ldap_user_search_dn=Field(max_length=255),
        ldap_user_search_filter=Field(max_length=1024),
        oidc_auth_method=Field(choices=['pkce', 'client_secret', 'private_key']),
        oidc_authorize_url=Field(),
        oidc_client_id=Field(),
        oidc_client_secret=Field(kind='write_only'),
        oidc_domain_hint=Field(max_length=255),
        oidc_groups_field=Field(),
        oidc_login_button=Field(max_length=128),
        oidc_metadata_url=Field(),
        oidc_private_key=Field(kind='write_only'),
        oidc_required_key=Field(),
        oidc_required_value=Field(),
        oidc_scope=Field(),
        oidc_token_endpoint_url=Field(),
        oidc_username_field=Field(),
        source=Field(choices=['LOCAL', 'LDAP', 'LDAP+LOCAL', 'OIDC', 'OIDC+LOCAL', 'LDAP+OIDC+LOCAL']),
    ),
    singleton=True,
)

ROLE = Resource(
    'role',
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250),
        permissions=Field(kind='refs', target='permission'),
    ),
)

LDAP_ROLE = Resource(
    'ldap_role',
    key='name',
    fields=dict(
        ldap_group_dn=Field(required=True),
        name=Field(required=True, max_length=250),
        roles=Field(kind='refs', target='role'),
    ),
)
