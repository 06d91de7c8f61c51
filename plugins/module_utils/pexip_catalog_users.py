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
    title='LDAP sync source',
    key='name',
    fields=dict(
        description=Field(max_length=250, doc='Free text describing the object.'),
        ldap_base_dn=Field(required=True, max_length=255, doc='LDAP base DN.'),
        ldap_bind_password=Field(kind='secret', required=True, max_length=100, doc='LDAP bind password.'),
        ldap_bind_username=Field(required=True, max_length=255, doc='LDAP bind username.'),
        ldap_server=Field(required=True, max_length=255, doc='LDAP server.'),
        ldap_use_global_catalog=Field(type='bool', doc='LDAP use global catalog (on or off).'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
    ),
)

LDAP_SYNC_FIELD = Resource(
    'ldap_sync_field',
    title='custom LDAP sync field',
    key='name',
    fields=dict(
        description=Field(max_length=250, doc='Free text describing the object.'),
        is_binary=Field(type='bool', doc='Is binary (on or off).'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        template_variable_name=Field(required=True, max_length=250, doc='Template variable name.'),
    ),
)

AUTHENTICATION = Resource(
    'authentication',
    title='administrator authentication settings',
    key=None,
    fields=dict(
        api_oauth2_allow_all_perms=Field(type='bool', doc='API OAuth2 allow all perms (on or off).'),
        api_oauth2_disable_basic=Field(type='bool', doc='API OAuth2 disable basic (on or off).'),
        api_oauth2_expiration=Field(type='int', doc='API OAuth2 expiration.'),
        client_certificate=Field(choices=['NO', 'CN', 'UPN'], doc='Client certificate.'),
        ldap_base_dn=Field(max_length=255, doc='LDAP base DN.'),
        ldap_bind_password=Field(kind='write_only', max_length=100, doc='LDAP bind password.'),
        ldap_bind_username=Field(max_length=255, doc='LDAP bind username.'),
        ldap_group_filter=Field(max_length=1024, doc='LDAP group filter.'),
        ldap_group_membership_filter=Field(max_length=1024, doc='LDAP group membership filter.'),
        ldap_group_search_dn=Field(max_length=255, doc='LDAP group search DN.'),
        ldap_server=Field(max_length=255, doc='LDAP server.'),
        ldap_use_global_catalog=Field(type='bool', doc='LDAP use global catalog (on or off).'),
        ldap_user_filter=Field(max_length=1024, doc='LDAP user filter.'),
        ldap_user_group_attributes=Field(max_length=100, doc='LDAP user group attributes.'),
        ldap_user_search_dn=Field(max_length=255, doc='LDAP user search DN.'),
        ldap_user_search_filter=Field(max_length=1024, doc='LDAP user search filter.'),
        oidc_auth_method=Field(choices=['pkce', 'client_secret', 'private_key'], doc='OIDC auth method.'),
        oidc_authorize_url=Field(format='url', doc='OIDC authorize URL.'),
        oidc_client_id=Field(doc='OIDC client ID.'),
        oidc_client_secret=Field(kind='write_only', doc='OIDC client secret.'),
        oidc_domain_hint=Field(max_length=255, doc='OIDC domain hint.'),
        oidc_groups_field=Field(doc='OIDC groups field.'),
        oidc_login_button=Field(max_length=128, doc='OIDC login button.'),
        oidc_metadata=Field(doc=('Metadata document (JSON) of the OpenID Connect provider, for a provider whose '
                                 'metadata is not fetched from O(oidc_metadata_url).')),
        oidc_metadata_url=Field(format='url', doc='OIDC metadata URL.'),
        oidc_private_key=Field(kind='write_only', doc='OIDC private key.'),
        oidc_required_key=Field(doc='OIDC required key.'),
        oidc_required_value=Field(doc='OIDC required value.'),
        oidc_scope=Field(doc='OIDC scope.'),
        oidc_token_endpoint_url=Field(format='url', doc='OIDC token endpoint URL.'),
        oidc_username_field=Field(doc='OIDC username field.'),
        source=Field(choices=['LOCAL', 'LDAP', 'LDAP+LOCAL', 'OIDC', 'OIDC+LOCAL', 'LDAP+OIDC+LOCAL'], doc='Source.'),
    ),
    singleton=True,
)

ROLE = Resource(
    'role',
    title='administrator role',
    key='name',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        permissions=Field(kind='refs', target='permission',
                          doc='Permissions granted by the role, by name or resource URI; compared as a set.'),
    ),
)

LDAP_ROLE = Resource(
    'ldap_role',
    title='LDAP group to role mapping',
    key='name',
    fields=dict(
        ldap_group_dn=Field(required=True, max_length=255, doc='Distinguished name of the LDAP group.'),
        name=Field(required=True, max_length=250, doc='Name of the object.'),
        roles=Field(kind='refs', target='role',
                    doc='Roles granted to members of the group, by name or resource URI; compared as a set.'),
    ),
)
