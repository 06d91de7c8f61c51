# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for identity and access:
single sign-on (ADFS, Google, SAML and OIDC identity providers), directory users and their groups,
role mappings, SSH keys of the nodes and OAuth2 clients of the management API.

Names, types, choices and limits follow the Management Configuration API's field
facts (current versions); read-only fields are left out.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

ADFS_AUTH_SERVER = Resource(
    'adfs_auth_server',
    title='ADFS server for single sign-on',
    key='name',
    module='pexip_adfs_auth_server',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the ADFS server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        client_id=Field(max_length=250, doc='Identifier of the Pexip client application registered in ADFS.'),
        federation_service_name=Field(required=True, max_length=255,
                                      doc='Host name of the ADFS federation service, such as adfs.example.com.'),
        federation_service_identifier=Field(required=True, max_length=255,
                                            doc='Identifier ADFS gives its federation service.'),
        relying_party_trust_identifier_url=Field(required=True, max_length=255,
                                                 doc='Identifier of the relying party trust made for Pexip in ADFS.'),
    ),
    doc=ModuleDoc(
        summary='Manage an ADFS server for single sign-on of Pexip Infinity',
        about=['Adds, changes and removes an Active Directory Federation Services server that web app users '
               'sign in with (see M(ucops.platform.pexip_adfs_auth_server_domain) for the domains it serves).',
               'The server is found by its O(name).'],
        examples="""
- name: The corporate ADFS farm
  ucops.platform.pexip_adfs_auth_server:
    name: Contoso ADFS
    description: Sign-in for employees
    client_id: 6f1d3a2e-8c4b-4f0a-9e57-2b1c0d9a7e31
    federation_service_name: adfs.contoso.example.com
    federation_service_identifier: http://adfs.contoso.example.com/adfs/services/trust
    relying_party_trust_identifier_url: https://pexip.contoso.example.com

- name: Remove it
  ucops.platform.pexip_adfs_auth_server:
    name: Contoso ADFS
    state: absent
""",
    ),
)

ADFS_AUTH_SERVER_DOMAIN = Resource(
    'adfs_auth_server_domain',
    title='domain signed in through an ADFS server',
    key='domain',
    module='pexip_adfs_auth_server_domain',
    fields=dict(
        domain=Field(max_length=192, doc='Mail domain whose users sign in through the ADFS server.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        adfs_auth_server=Field(kind='ref', target='adfs_auth_server',
                               doc='ADFS server that signs in the users of the domain.'),
    ),
    doc=ModuleDoc(
        summary='Manage a domain signed in through an ADFS server of Pexip Infinity',
        about=['Ties a user domain to the ADFS server (M(ucops.platform.pexip_adfs_auth_server)) its users sign '
               'in with.',
               'The entry is found by its O(domain); each domain belongs to one server.'],
        examples="""
- name: An ADFS server
  ucops.platform.pexip_adfs_auth_server:
    name: Fabrikam ADFS
    federation_service_name: adfs.fabrikam.example.com
    federation_service_identifier: http://adfs.fabrikam.example.com/adfs/services/trust
    relying_party_trust_identifier_url: https://pexip.fabrikam.example.com

- name: Users of fabrikam.example.com sign in through it
  ucops.platform.pexip_adfs_auth_server_domain:
    domain: fabrikam.example.com
    description: Fabrikam staff
    adfs_auth_server: Fabrikam ADFS

- name: Remove the domain
  ucops.platform.pexip_adfs_auth_server_domain:
    domain: fabrikam.example.com
    state: absent

- name: Remove the server
  ucops.platform.pexip_adfs_auth_server:
    name: Fabrikam ADFS
    state: absent
""",
    ),
)

GOOGLE_AUTH_SERVER = Resource(
    'google_auth_server',
    title='Google sign-in for single sign-on',
    key='name',
    module='pexip_google_auth_server',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the Google sign-in configuration.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        application_type=Field(doc='Kind of OAuth application registered with Google.'),
        client_id=Field(nullable=True, max_length=250, doc='OAuth client ID Google gave the application.'),
        client_secret=Field(kind='write_only', max_length=128, doc='OAuth client secret of O(client_id).'),
    ),
    doc=ModuleDoc(
        summary='Manage a Google sign-in configuration of Pexip Infinity',
        about=['Adds, changes and removes the Google OAuth application that web app users sign in with (see '
               'M(ucops.platform.pexip_google_auth_server_domain) for the domains it serves).',
               'The configuration is found by its O(name). The manager is not known to return the client secret, '
               'so it is treated as write-only.'],
        examples="""
- name: Sign-in with Google Workspace accounts
  ucops.platform.pexip_google_auth_server:
    name: Workspace sign-in
    description: Employees with Google accounts
    client_id: 123456789012-abcdefghijklmnop.apps.googleusercontent.com
    client_secret: "{{ vault_google_client_secret }}"

- name: Remove it
  ucops.platform.pexip_google_auth_server:
    name: Workspace sign-in
    state: absent
""",
    ),
)

GOOGLE_AUTH_SERVER_DOMAIN = Resource(
    'google_auth_server_domain',
    title='domain signed in through Google',
    key='domain',
    module='pexip_google_auth_server_domain',
    fields=dict(
        domain=Field(max_length=192, doc='Mail domain whose users sign in with Google.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        google_auth_server=Field(kind='ref', target='google_auth_server',
                                 doc='Google sign-in configuration used for the domain.'),
    ),
    doc=ModuleDoc(
        summary='Manage a domain signed in through Google of Pexip Infinity',
        about=['Ties a user domain to the Google sign-in configuration '
               '(M(ucops.platform.pexip_google_auth_server)) its users sign in with.',
               'The entry is found by its O(domain); each domain belongs to one configuration.'],
        examples="""
- name: A Google sign-in configuration
  ucops.platform.pexip_google_auth_server:
    name: Partner Google sign-in
    client_id: 210987654321-qrstuvwxyzabcdef.apps.googleusercontent.com
    client_secret: "{{ vault_partner_google_secret }}"

- name: Users of partner.example.org sign in through it
  ucops.platform.pexip_google_auth_server_domain:
    domain: partner.example.org
    description: Partner agency
    google_auth_server: Partner Google sign-in

- name: Remove the domain
  ucops.platform.pexip_google_auth_server_domain:
    domain: partner.example.org
    state: absent

- name: Remove the configuration
  ucops.platform.pexip_google_auth_server:
    name: Partner Google sign-in
    state: absent
""",
    ),
)

_ACS_DOC = 'A further URL the identity provider may send its answers to.'

IDENTITY_PROVIDER = Resource(
    'identity_provider',
    title='SAML or OIDC identity provider',
    key='name',
    module='pexip_identity_provider',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the identity provider.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        uuid=Field(required=True,
                   doc='Unique identifier (a UUID) of the provider; Pexip builds its callback URLs from it.'),
        idp_type=Field(choices=['saml', 'oidc'], doc='Protocol spoken with the provider (the manager uses saml).'),
        assertion_consumer_service_url=Field(required=True, max_length=255,
                                             doc='URL the identity provider sends its answers to.'),
        assertion_consumer_service_url2=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url3=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url4=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url5=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url6=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url7=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url8=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url9=Field(max_length=255, doc=_ACS_DOC),
        assertion_consumer_service_url10=Field(max_length=255, doc=_ACS_DOC),
        worker_fqdn_acs_urls=Field(type='bool',
                                   doc='Whether each Conferencing Node also offers an answer URL under its own name.'),
        attributes=Field(kind='refs', target='identity_provider_attribute', nullable=True,
                         doc='Attributes asked of the provider about a user.'),
        disable_popup_flow=Field(type='bool', doc='Whether sign-in runs in the same window instead of a pop-up.'),
        display_name_attribute_name=Field(max_length=250,
                                          doc='SAML attribute holding the name shown for the user (NameId by default).'),
        registration_alias_attribute_name=Field(
            max_length=250, doc='SAML attribute holding the alias the user registers with (NameId by default).'),
        idp_entity_id=Field(max_length=250, doc='Entity ID of the SAML identity provider.'),
        idp_public_key=Field(max_length=4096, doc='Certificate (PEM) the SAML identity provider signs with.'),
        sso_url=Field(max_length=255, doc='Sign-in URL of the SAML identity provider.'),
        service_entity_id=Field(max_length=250, doc='Entity ID Pexip presents as SAML service provider.'),
        service_public_key=Field(max_length=4096, doc='Certificate (PEM) of the key in O(service_private_key).'),
        service_private_key=Field(kind='write_only', max_length=12288,
                                  doc='Private key (PEM) Pexip signs its SAML requests with.'),
        signature_algorithm=Field(choices=['http://www.w3.org/2000/09/xmldsig#rsa-sha1',
                                           'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
                                           'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
                                           'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512'],
                                  doc='Algorithm of the SAML request signature (the manager uses RSA with SHA-256).'),
        digest_algorithm=Field(choices=['http://www.w3.org/2000/09/xmldsig#sha1',
                                        'http://www.w3.org/2001/04/xmlenc#sha256',
                                        'http://www.w3.org/2001/04/xmldsig-more#sha384',
                                        'http://www.w3.org/2001/04/xmlenc#sha512'],
                               doc='Digest algorithm of the SAML request signature (the manager uses SHA-256).'),
        oidc_flow=Field(choices=['code', 'implicit'], doc='OIDC flow used (the manager uses code).'),
        oidc_client_id=Field(max_length=250, doc='Client ID Pexip has at the OIDC provider.'),
        oidc_client_secret=Field(kind='write_only', max_length=100, doc='Client secret of O(oidc_client_id).'),
        oidc_token_url=Field(max_length=255, doc='Token endpoint of the OIDC provider.'),
        oidc_user_info_url=Field(max_length=255, doc='User info endpoint of the OIDC provider.'),
        oidc_jwks_url=Field(max_length=255, doc='URL of the keys the OIDC provider signs its tokens with.'),
        oidc_token_endpoint_auth_scheme=Field(choices=['client_secret_basic', 'client_secret_post'],
                                              doc='How Pexip authenticates at the token endpoint '
                                                  '(the manager uses client_secret_post).'),
        oidc_token_signature_scheme=Field(choices=['rs256', 'hs256'],
                                          doc='Signature scheme of the tokens (the manager uses rs256).'),
        oidc_additional_scopes=Field(max_length=250, doc='Scopes asked for beyond openid, separated by spaces.'),
        oidc_display_name_claim_name=Field(max_length=250,
                                           doc='Claim holding the name shown for the user (name by default).'),
        oidc_registration_alias_claim_name=Field(
            max_length=250, doc='Claim holding the alias the user registers with (sub by default).'),
        oidc_france_connect_required_eidas_level=Field(
            choices=['disabled', 'eidas1', 'eidas2', 'eidas3'],
            doc='eIDAS level required when the provider is FranceConnect (the manager uses disabled).'),
    ),
    doc=ModuleDoc(
        summary='Manage a SAML or OIDC identity provider of Pexip Infinity',
        about=['Adds, changes and removes an identity provider that participants authenticate with before '
               'they join protected meetings or register, over SAML 2.0 or OpenID Connect.',
               'The provider is found by its O(name). The manager needs a O(uuid) to create it: pick one and keep '
               'it, the provider\'s callback URLs contain it.'],
        examples="""
- name: An attribute asked of the provider
  ucops.platform.pexip_identity_provider_attribute:
    name: department

- name: The corporate SAML identity provider
  ucops.platform.pexip_identity_provider:
    name: Corporate SAML IdP
    uuid: 0b7e6a52-4a51-4a43-9d0b-5c1f3c9e2a11
    idp_type: saml
    sso_url: https://idp.example.com/saml/sso
    idp_entity_id: https://idp.example.com/saml
    service_entity_id: https://pexip.example.com/saml
    assertion_consumer_service_url: https://pexip.example.com/samlconsumer/0b7e6a52-4a51-4a43-9d0b-5c1f3c9e2a11
    service_private_key: "{{ vault_saml_sp_private_key }}"
    attributes:
      - department

- name: Remove it
  ucops.platform.pexip_identity_provider:
    name: Corporate SAML IdP
    state: absent

- name: Remove the attribute
  ucops.platform.pexip_identity_provider_attribute:
    name: department
    state: absent
""",
    ),
)

IDENTITY_PROVIDER_ATTRIBUTE = Resource(
    'identity_provider_attribute',
    title='attribute asked of identity providers',
    key='name',
    module='pexip_identity_provider_attribute',
    fields=dict(
        name=Field(required=True, min_length=1, max_length=250, doc='Name of the attribute as the provider sends it.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
    ),
    doc=ModuleDoc(
        summary='Manage an attribute asked of identity providers of Pexip Infinity',
        about=['Adds, changes and removes a user attribute that identity providers '
               '(M(ucops.platform.pexip_identity_provider)) can be asked to send.',
               'The attribute is found by its O(name).'],
        examples="""
- name: The cost centre
  ucops.platform.pexip_identity_provider_attribute:
    name: costCenter
    description: Cost centre from the HR system

- name: Remove it
  ucops.platform.pexip_identity_provider_attribute:
    name: costCenter
    state: absent
""",
    ),
)

IDENTITY_PROVIDER_GROUP = Resource(
    'identity_provider_group',
    title='group of identity providers',
    key='name',
    module='pexip_identity_provider_group',
    fields=dict(
        name=Field(required=True, min_length=1, max_length=250, doc='Name of the group.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        identity_provider=Field(kind='refs', target='identity_provider', doc='Identity providers in the group.'),
    ),
    doc=ModuleDoc(
        summary='Manage a group of identity providers of Pexip Infinity',
        about=['Adds, changes and removes a named set of identity providers, which a meeting or the '
               'registration settings offer participants to authenticate with.',
               'The group is found by its O(name).'],
        examples="""
- name: An OIDC identity provider
  ucops.platform.pexip_identity_provider:
    name: Partner OIDC IdP
    uuid: 5d2c8e1f-7a3b-4c6d-8e9f-0a1b2c3d4e5f
    idp_type: oidc
    assertion_consumer_service_url: https://pexip.example.com/oidcconsumer/5d2c8e1f-7a3b-4c6d-8e9f-0a1b2c3d4e5f
    oidc_client_id: pexip-meetings
    oidc_client_secret: "{{ vault_partner_oidc_secret }}"
    oidc_token_url: https://login.partner.example.org/oauth2/token
    oidc_jwks_url: https://login.partner.example.org/oauth2/keys

- name: Partner staff authenticate with it
  ucops.platform.pexip_identity_provider_group:
    name: Partner staff
    description: Identity providers of partner agencies
    identity_provider:
      - Partner OIDC IdP

- name: Remove the group
  ucops.platform.pexip_identity_provider_group:
    name: Partner staff
    state: absent

- name: Remove the identity provider
  ucops.platform.pexip_identity_provider:
    name: Partner OIDC IdP
    state: absent
""",
    ),
)

ROLE_MAPPING = Resource(
    'role_mapping',
    title='directory group to role mapping',
    key='name',
    module='pexip_role_mapping',
    fields=dict(
        name=Field(required=True, min_length=1, max_length=250, doc='Name of the mapping.'),
        source=Field(choices=['LDAP', 'OIDC'],
                     doc='Where the value comes from: an LDAP group or an OIDC claim (the manager uses LDAP).'),
        value=Field(required=True, min_length=1, max_length=255,
                    doc='LDAP group (distinguished name) or OIDC claim value that grants the roles.'),
        roles=Field(kind='refs', target='role', doc='Administrator roles granted.'),
    ),
    doc=ModuleDoc(
        summary='Manage a mapping of directory groups to administrator roles of Pexip Infinity',
        about=['Grants administrator roles to the members of an LDAP group, or to the holders of an OIDC claim '
               'value, when they sign in to the Management Node.',
               'The mapping is found by its O(name).'],
        examples="""
- name: A role for the help desk
  ucops.platform.pexip_role:
    name: Helpdesk operators

- name: Members of the help desk group get it
  ucops.platform.pexip_role_mapping:
    name: Helpdesk LDAP group
    source: LDAP
    value: CN=Helpdesk,OU=Groups,DC=example,DC=com
    roles:
      - Helpdesk operators

- name: Remove the mapping
  ucops.platform.pexip_role_mapping:
    name: Helpdesk LDAP group
    state: absent

- name: Remove the role
  ucops.platform.pexip_role:
    name: Helpdesk operators
    state: absent
""",
    ),
)

USER_GROUP = Resource(
    'user_group',
    title='group of directory users',
    key='name',
    module='pexip_user_group',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the group.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        users=Field(kind='refs', target='end_user', doc='Users in the group.'),
    ),
    doc=ModuleDoc(
        summary='Manage a group of users of Pexip Infinity',
        about=['Adds, changes and removes a group of users (M(ucops.platform.pexip_end_user)); the same '
               'membership can be set from the user\'s side with its O(ucops.platform.pexip_end_user#module:'
               'user_groups).',
               'The group is found by its O(name). What the group is given access to is managed with '
               'M(ucops.platform.pexip_user_group_entity_mapping).'],
        examples="""
- name: A user
  ucops.platform.pexip_end_user:
    primary_email_address: ana.silva@example.com
    first_name: Ana
    last_name: Silva

- name: The sales team
  ucops.platform.pexip_user_group:
    name: Sales team
    description: Account managers
    users:
      - ana.silva@example.com

- name: Remove the group
  ucops.platform.pexip_user_group:
    name: Sales team
    state: absent

- name: Remove the user
  ucops.platform.pexip_end_user:
    primary_email_address: ana.silva@example.com
    state: absent
""",
    ),
)

USER_GROUP_ENTITY_MAPPING = Resource(
    'user_group_entity_mapping',
    title='object a user group is given',
    key='entity_resource_uri',
    scope=('user_group',),
    module='pexip_user_group_entity_mapping',
    fields=dict(
        entity_resource_uri=Field(required=True, min_length=1, max_length=250,
                                  doc='Resource URI of the object given to the group, such as a VMR.'),
        user_group=Field(kind='ref', target='user_group', required=True, doc='Group the object is given to.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
    ),
    doc=ModuleDoc(
        summary='Manage an object given to a user group of Pexip Infinity',
        about=['Gives a user group (M(ucops.platform.pexip_user_group)) an object of the configuration, such '
               'as a VMR, named by its resource URI.',
               'No field is unique on its own: the mapping is found by its O(entity_resource_uri) within its '
               'O(user_group), so give both.'],
        examples="""
- name: A user group
  ucops.platform.pexip_user_group:
    name: Support team

- name: The group gets a VMR (its resource URI, as pexip_conference returns it)
  ucops.platform.pexip_user_group_entity_mapping:
    user_group: Support team
    entity_resource_uri: /api/admin/configuration/v1/conference/7/
    description: Support huddle room

- name: Remove the mapping
  ucops.platform.pexip_user_group_entity_mapping:
    user_group: Support team
    entity_resource_uri: /api/admin/configuration/v1/conference/7/
    state: absent

- name: Remove the group
  ucops.platform.pexip_user_group:
    name: Support team
    state: absent
""",
    ),
)

END_USER = Resource(
    'end_user',
    title='directory user',
    key='primary_email_address',
    module='pexip_end_user',
    fields=dict(
        primary_email_address=Field(required=True, max_length=100, doc='E-mail address of the user.'),
        first_name=Field(max_length=250, doc='Given name.'),
        last_name=Field(max_length=250, doc='Family name.'),
        display_name=Field(max_length=250, doc='Name shown for the user.'),
        title=Field(max_length=128, doc='Job title.'),
        department=Field(max_length=100, doc='Department the user works in.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        telephone_number=Field(max_length=100, doc='Office telephone number.'),
        mobile_number=Field(max_length=100, doc='Mobile telephone number.'),
        avatar_url=Field(max_length=255, doc='URL of the picture shown for the user.'),
        sync_tag=Field(max_length=250, doc='Tag of the directory synchronisation that manages the user.'),
        ms_exchange_guid=Field(nullable=True, max_length=100, doc='GUID of the user\'s Exchange mailbox.'),
        exchange_user_id=Field(nullable=True, doc='Identifier of the user in Exchange.'),
        user_oid=Field(nullable=True, doc='Object ID of the user in Microsoft Entra ID.'),
        user_groups=Field(kind='refs', target='user_group', doc='Groups the user belongs to.'),
    ),
    doc=ModuleDoc(
        summary='Manage a user of Pexip Infinity',
        about=['Adds, changes and removes a user of the directory that personal rooms and devices are made for.',
               'The user is found by the O(primary_email_address).'],
        examples="""
- name: A group
  ucops.platform.pexip_user_group:
    name: Engineering

- name: A user in it
  ucops.platform.pexip_end_user:
    primary_email_address: jonas.berg@example.com
    first_name: Jonas
    last_name: Berg
    display_name: Jonas Berg
    title: Network engineer
    department: Engineering
    telephone_number: "+4722000000"
    user_groups:
      - Engineering

- name: Remove the user
  ucops.platform.pexip_end_user:
    primary_email_address: jonas.berg@example.com
    state: absent

- name: Remove the group
  ucops.platform.pexip_user_group:
    name: Engineering
    state: absent
""",
    ),
)

SSH_AUTHORIZED_KEY = Resource(
    'ssh_authorized_key',
    title='SSH key allowed on the nodes',
    key='key',
    module='pexip_ssh_authorized_key',
    fields=dict(
        key=Field(required=True, min_length=1, doc='The public key itself (base64), without its type and comment.'),
        keytype=Field(doc='Type of the key, such as ssh-ed25519 or ssh-rsa.'),
        comment=Field(max_length=8192, doc='Comment stored with the key, often its owner.'),
        nodes=Field(type='list', elements='str', nullable=True,
                    doc='Resource URIs of the nodes the key is installed on; empty for all of them.'),
    ),
    doc=ModuleDoc(
        summary='Manage an SSH public key allowed to log in to Pexip Infinity nodes',
        about=['Adds, changes and removes a public key that may log in with SSH to the Management Node and '
               'the Conferencing Nodes.',
               'No field is documented as unique: the key is found by its key material O(key), so a new key '
               'is a new object and the old one must be removed with O(state=absent).'],
        examples="""
- name: The operations team's key
  ucops.platform.pexip_ssh_authorized_key:
    keytype: ssh-ed25519
    key: AAAAC3NzaC1lZDI1NTE5AAAAIKTj7PIu5ycIpVVxMYlnHmVKlhG4ALxqryNSfy59XIGf
    comment: ops@example.com

- name: Remove it
  ucops.platform.pexip_ssh_authorized_key:
    key: AAAAC3NzaC1lZDI1NTE5AAAAIKTj7PIu5ycIpVVxMYlnHmVKlhG4ALxqryNSfy59XIGf
    state: absent
""",
    ),
)

# The module is written by hand (plugins/modules/pexip_oauth2_client.py): the manager makes the
# client_id and shows the private key only in the answer to the POST, which the module saves to a file.
OAUTH2_CLIENT = Resource(
    'oauth2_client',
    title='OAuth2 client of the management API',
    key='client_name',
    module='pexip_oauth2_client',
    fields=dict(
        client_name=Field(required=True, min_length=1, max_length=100, doc='Name of the client.'),
        role=Field(kind='ref', target='role', required=True, doc='Administrator role the client acts with.'),
    ),
)
