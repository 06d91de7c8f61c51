# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for interop with other platforms:
Microsoft Teams (Azure tenants, Teams Connectors), Google Meet (access and gateway tokens),
Microsoft Exchange scheduling (the connector and its domains) and Epic telehealth profiles.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out. Secrets the manager may not return (write-only,
or not known to be returned) are ``write_only``: never compared, sent on create and
with ``update_password: always``. Singletons are marked ``singleton=True``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

AZURE_TENANT = Resource(
    'azure_tenant',
    title='Microsoft Azure tenant for Teams interop',
    key='name',
    module='pexip_azure_tenant',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the tenant on the Management Node.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        tenant_id=Field(required=True, max_length=100,
                        doc='Directory (tenant) ID of the Microsoft 365 organisation, usually a GUID.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Microsoft Azure tenant of Pexip Infinity',
        about=['Adds, changes and removes the record of a Microsoft 365 (Azure) tenant whose Teams meetings '
               'the platform joins through a Teams Connector (see M(ucops.platform.pexip_teams_proxy)).',
               'The tenant is found by its O(name).'],
        examples="""
- name: The company's Microsoft 365 tenant
  ucops.platform.pexip_azure_tenant:
    name: Example Corp M365
    description: Production tenant
    tenant_id: 3f2a8c1e-5b7d-4e90-a1c2-6d8e9f0a1b2c

- name: Remove it
  ucops.platform.pexip_azure_tenant:
    name: Example Corp M365
    state: absent
""",
    ),
)

TEAMS_PROXY = Resource(
    'teams_proxy',
    title='Microsoft Teams Connector',
    key='name',
    module='pexip_teams_proxy',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the Teams Connector.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        address=Field(required=True, max_length=255,
                      doc='DNS name (or IP address) of the Teams Connector\'s load balancer in Azure.'),
        port=Field(type='int', minimum=1, maximum=65535,
                   doc='TCP port the Conferencing Nodes reach the connector on (the manager uses 443 when unset).'),
        azure_tenant=Field(kind='ref', target='azure_tenant', required=True,
                           doc='The Azure tenant whose meetings this connector serves.'),
        min_number_of_instances=Field(type='int', minimum=0,
                                      doc='Fewest connector instances kept running in Azure (1 when unset).'),
        notifications_enabled=Field(type='bool',
                                    doc='Whether the connector sends call events to an Azure Event Hub.'),
        notifications_queue=Field(kind='write_only', nullable=True,
                                  doc='Connection string of the Event Hub that receives the notifications.'),
        eventhub_id=Field(nullable=True, doc='Identifier of the Event Hub used for the notifications.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Microsoft Teams Connector of Pexip Infinity',
        about=['Adds, changes and removes the record of a Teams Connector deployed in Azure, through which '
               'Conferencing Nodes bring video systems into Microsoft Teams meetings.',
               'The connector is found by its O(name); its O(azure_tenant) is given by name.'],
        examples="""
- name: The tenant the connector serves
  ucops.platform.pexip_azure_tenant:
    name: Example Corp Teams tenant
    tenant_id: 7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f

- name: The Teams Connector in West Europe
  ucops.platform.pexip_teams_proxy:
    name: Teams Connector EU
    address: teams-eu.example.com
    port: 443
    azure_tenant: Example Corp Teams tenant
    min_number_of_instances: 2
    notifications_enabled: true
    notifications_queue: "{{ vault_teams_eventhub_connection }}"

- name: Remove the connector
  ucops.platform.pexip_teams_proxy:
    name: Teams Connector EU
    state: absent

- name: Remove the tenant
  ucops.platform.pexip_azure_tenant:
    name: Example Corp Teams tenant
    state: absent
""",
    ),
)

GMS_ACCESS_TOKEN = Resource(
    'gms_access_token',
    title='Google Meet access token',
    key='name',
    module='pexip_gms_access_token',
    fields=dict(
        name=Field(required=True, max_length=32, doc='Name of the token on the Management Node.'),
        token=Field(kind='write_only', max_length=100,
                    doc='The access token Google issued for calling into Google Meet.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Google Meet access token of Pexip Infinity',
        about=['Adds, changes and removes an access token with which the platform joins video systems to '
               'Google Meet meetings; call routing rules and rooms refer to it by name.',
               'The token is found by its O(name). The token value is never read back: it is sent when the '
               'object is created and, with O(update_password=always), on every run.'],
        examples="""
- name: The Google Meet token for trusted rooms
  ucops.platform.pexip_gms_access_token:
    name: Meet trusted rooms
    token: "{{ vault_gms_trusted_token }}"

- name: Remove it
  ucops.platform.pexip_gms_access_token:
    name: Meet trusted rooms
    state: absent
""",
    ),
)

GMS_GATEWAY_TOKEN = Resource(
    'gms_gateway_token',
    title='Google Meet gateway token',
    key=None,
    singleton=True,
    singleton_absent='delete',
    module='pexip_gms_gateway_token',
    fields=dict(
        certificate=Field(required=True,
                          doc='PEM certificate of the gateway token, with its intermediates after the leaf.'),
        private_key=Field(kind='write_only', required=True, nullable=True, max_length=12288,
                          doc='PEM private key that belongs to O(certificate).'),
        leaf_certificate=Field(nullable=True, doc='The leaf certificate on its own, in PEM.'),
        intermediate_certificate=Field(nullable=True, doc='The intermediate certificates on their own, in PEM.'),
        supports_direct_guest_join=Field(type='bool', nullable=True,
                                         doc='Whether the token lets guests join Google Meet directly.'),
    ),
    doc=ModuleDoc(
        summary='Manage the Google Meet gateway token of Pexip Infinity',
        about=['Sets the one certificate and private key with which the platform identifies itself to Google '
               'Meet as an interop gateway.',
               'There is one such token: the module changes it in place, and O(state=absent) empties it '
               '(the manager keeps the object with no certificate).',
               'The private key is never read back: it is sent when an empty token is set and, with '
               'O(update_password=always), on every run.'],
        examples="""
- name: The gateway certificate (leaf, then intermediates) and its key
  ucops.platform.pexip_gms_gateway_token:
    certificate: "{{ lookup('ansible.builtin.file', 'pki/manager.pem') }}"
    private_key: "{{ vault_gms_gateway_private_key }}"
    supports_direct_guest_join: false

- name: Take the token away (the manager keeps an empty one)
  ucops.platform.pexip_gms_gateway_token:
    state: absent
""",
    ),
)

MS_EXCHANGE_CONNECTOR = Resource(
    'ms_exchange_connector',
    title='Microsoft Exchange scheduling connector (VMR Scheduling for Exchange)',
    key='name',
    module='pexip_ms_exchange_connector',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the connector.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        uuid=Field(doc='Identifier the manager gives the connector; leave it unset for a new one.'),
        # how the platform reaches Exchange
        url=Field(max_length=255, format='url', doc='Exchange Web Services URL of the Exchange server.'),
        room_mailbox_email_address=Field(nullable=True, max_length=100, format='email',
                                         doc='E-mail address of the room mailbox that meetings are booked with.'),
        room_mailbox_name=Field(max_length=250, doc='Display name of the room mailbox.'),
        username=Field(max_length=100, doc='Service account that signs in to Exchange.'),
        password=Field(kind='write_only', max_length=100, doc='Password of O(username).'),
        authentication_method=Field(choices=['BASIC', 'NTLM', 'KERBEROS', 'OAUTH', 'APP_PERM'],
                                    doc='How the connector signs in to Exchange.'),
        auth_provider=Field(choices=['ADFS', 'AZURE'],
                            doc='Who issues the OAuth tokens: on-premises AD FS or Azure AD.'),
        disable_proxy=Field(type='bool', doc='Connect to Exchange directly rather than through the web proxy.'),
        kerberos_realm=Field(max_length=250, doc='Kerberos realm of the service account.'),
        kerberos_kdc=Field(max_length=255, doc='Kerberos key distribution centre.'),
        kerberos_kdc_https_proxy=Field(max_length=255, doc='HTTPS proxy (KKDCP) in front of the KDC.'),
        kerberos_exchange_spn=Field(max_length=255, doc='Service principal name of the Exchange server.'),
        kerberos_enable_tls=Field(type='bool', doc='Use TLS to reach the KDC proxy.'),
        kerberos_auth_every_request=Field(type='bool', doc='Authenticate every request, not only the first.'),
        kerberos_verify_tls_using_custom_ca=Field(type='bool',
                                                  doc='Verify the KDC proxy against the uploaded CA certificates.'),
        oauth_client_id=Field(nullable=True, doc='Application (client) ID registered for the connector.'),
        oauth_client_secret=Field(kind='write_only', doc='Client secret of that application.'),
        oauth_auth_endpoint=Field(max_length=255, doc='OAuth authorization endpoint.'),
        oauth_token_endpoint=Field(max_length=255, doc='OAuth token endpoint.'),
        oauth_redirect_uri=Field(max_length=255, doc='Redirect URI registered for the application.'),
        oauth_refresh_token=Field(kind='secret', max_length=4096,
                                  doc='Refresh token the connector holds after sign-in.'),
        oauth_state=Field(nullable=True, doc='State value of a sign-in in progress.'),
        # the Outlook add-in
        addin_server_domain=Field(required=True, max_length=192,
                                  doc='DNS name under which the Outlook add-in is served to users.'),
        addin_authentication_method=Field(choices=['EXCHANGE_USER_ID_TOKEN', 'SSO_TOKEN', 'NAA_TOKEN'],
                                          doc='How the add-in proves who the user is.'),
        addin_application_id=Field(nullable=True, doc='Application ID of the add-in for single sign-on.'),
        addin_naa_web_api_application_id=Field(nullable=True,
                                               doc='Application ID of the web API for nested app authentication.'),
        addin_authority_url=Field(max_length=255, doc='Authority URL that issues the add-in\'s tokens.'),
        addin_oidc_metadata_url=Field(max_length=255, doc='OpenID Connect metadata URL for the add-in\'s tokens.'),
        addin_display_name=Field(max_length=250, doc='Name of the add-in in Outlook.'),
        addin_description=Field(max_length=250, doc='Description of the add-in in Outlook.'),
        addin_provider_name=Field(max_length=250, doc='Publisher name shown for the add-in.'),
        addin_button_label=Field(max_length=250, doc='Label of the add-in\'s ribbon button.'),
        addin_group_label=Field(max_length=250, doc='Label of the ribbon group holding the button.'),
        addin_supertip_title=Field(max_length=250, doc='Title of the button\'s tooltip.'),
        addin_supertip_description=Field(max_length=250, doc='Text of the button\'s tooltip.'),
        addin_pane_title=Field(max_length=250, doc='Title of the add-in\'s task pane.'),
        addin_pane_description=Field(max_length=250, doc='Text at the top of the task pane.'),
        addin_pane_button_title=Field(max_length=250, doc='Label of the pane\'s button that adds a one-off VMR.'),
        addin_pane_success_heading=Field(max_length=250, doc='Heading shown when a VMR was added.'),
        addin_pane_success_message=Field(max_length=250, doc='Message shown when a VMR was added.'),
        addin_pane_already_video_meeting_heading=Field(max_length=250,
                                                       doc='Heading shown when the meeting already has a VMR.'),
        addin_pane_already_video_meeting_message=Field(max_length=250,
                                                       doc='Message shown when the meeting already has a VMR.'),
        addin_pane_general_error_heading=Field(max_length=250, doc='Heading shown when adding a VMR failed.'),
        addin_pane_general_error_message=Field(max_length=250, doc='Message shown when adding a VMR failed.'),
        addin_pane_management_node_down_heading=Field(max_length=250,
                                                      doc='Heading shown when the Management Node cannot be reached.'),
        addin_pane_management_node_down_message=Field(max_length=250,
                                                      doc='Message shown when the Management Node cannot be reached.'),
        addin_pane_personal_vmr_add_button=Field(max_length=250, doc='Label of the button that adds a personal VMR.'),
        addin_pane_personal_vmr_select_message=Field(max_length=250, doc='Prompt to pick one of the user\'s VMRs.'),
        addin_pane_personal_vmr_none_message=Field(max_length=250, doc='Message shown when the user has no VMR.'),
        addin_pane_personal_vmr_sign_in_button=Field(max_length=250,
                                                     doc='Label of the sign-in button for personal VMRs.'),
        addin_pane_personal_vmr_error_getting_message=Field(max_length=250,
                                                            doc='Message shown when the user\'s VMRs cannot be read.'),
        addin_pane_personal_vmr_error_inserting_meeting_message=Field(
            max_length=250, doc='Message shown when a personal VMR cannot be added to the meeting.'),
        addin_pane_personal_vmr_error_signing_in_message=Field(max_length=250,
                                                               doc='Message shown when signing in failed.'),
        enable_addin_debug_logs=Field(type='bool', doc='Let the add-in write debug logs in the browser.'),
        use_custom_add_in_sources=Field(type='bool',
                                        doc='Load Office.js and Fabric from the URLs below instead of Microsoft\'s.'),
        office_js_url=Field(max_length=255, doc='URL the add-in loads Office.js from.'),
        microsoft_fabric_url=Field(max_length=255, doc='URL of the Fabric style sheet.'),
        microsoft_fabric_components_url=Field(max_length=255, doc='URL of the Fabric components style sheet.'),
        additional_add_in_script_sources=Field(max_length=4096,
                                               doc='Further script sources the add-in page may load, one per line.'),
        # what gets booked
        enable_dynamic_vmrs=Field(type='bool', doc='Let users add a one-off VMR to a meeting.'),
        enable_personal_vmrs=Field(type='bool', doc='Let users add one of their own VMRs to a meeting.'),
        allow_new_users=Field(type='bool', doc='Accept bookings from users the platform has not seen before.'),
        meeting_buffer_before=Field(type='int', minimum=0, maximum=180,
                                    doc='Minutes a booked VMR opens before the meeting (30 when unset).'),
        meeting_buffer_after=Field(type='int', minimum=0, maximum=180,
                                   doc='Minutes a booked VMR stays open after the meeting (60 when unset).'),
        scheduled_alias_domain=Field(max_length=192, format='domain', doc='Domain of the aliases given to bookings.'),
        scheduled_alias_prefix=Field(nullable=True, max_length=8, doc='Digits that begin every numeric alias.'),
        scheduled_alias_suffix_length=Field(type='int', minimum=5, maximum=15,
                                            doc='Number of random digits after the prefix (6 when unset).'),
        ivr_theme=Field(kind='ref', target='ivr_theme', nullable=True, doc='Theme of the booked VMRs.'),
        host_identity_provider_group=Field(kind='ref', target='identity_provider_group', nullable=True,
                                           doc='Identity provider group whose members join booked VMRs as hosts.'),
        non_idp_participants=Field(choices=['allow_if_trusted', 'disallow_all'],
                                   doc='Whether people who did not sign in may join, when a host group is set.'),
        domains=Field(kind='refs', target='exchange_domain', nullable=True,
                      doc='Exchange domains served by this connector; usually managed with '
                          'M(ucops.platform.pexip_exchange_domain) instead.'),
        personal_vmr_oauth_client_id=Field(nullable=True,
                                           doc='Application ID used to sign users in to list their personal VMRs.'),
        personal_vmr_oauth_client_secret=Field(kind='write_only', doc='Client secret of that application.'),
        personal_vmr_oauth_auth_endpoint=Field(max_length=255, doc='Authorization endpoint for personal VMR sign-in.'),
        personal_vmr_oauth_token_endpoint=Field(max_length=255, doc='Token endpoint for personal VMR sign-in.'),
        personal_vmr_adfs_relying_party_trust_identifier=Field(
            max_length=255, doc='AD FS relying party identifier for personal VMR sign-in.'),
        # text templates (Jinja2 with the placeholders the manager documents)
        conference_name_template=Field(max_length=12288, doc='Template of the name of a booked VMR.'),
        conference_description_template=Field(max_length=12288, doc='Template of the description of a booked VMR.'),
        conference_subject_template=Field(max_length=12288, doc='Template of the meeting subject kept with a VMR.'),
        scheduled_alias_description_template=Field(max_length=12288,
                                                   doc='Template of the description of a booked alias.'),
        meeting_instructions_template=Field(max_length=12288,
                                            doc='Template of the joining instructions put into a meeting.'),
        placeholder_instructions_template=Field(max_length=12288,
                                                doc='Template of the text put in while the booking is pending.'),
        personal_vmr_name_template=Field(max_length=12288, doc='Template of the name shown for a personal VMR.'),
        personal_vmr_description_template=Field(max_length=12288,
                                                doc='Template of the description shown for a personal VMR.'),
        personal_vmr_location_template=Field(max_length=12288,
                                             doc='Template of the meeting location set for a personal VMR.'),
        personal_vmr_instructions_template=Field(max_length=12288,
                                                 doc='Template of the joining instructions of a personal VMR.'),
        accept_new_single_meeting_template=Field(max_length=12288,
                                                 doc='Template of the reply accepting a new single meeting.'),
        accept_new_recurring_series_template=Field(max_length=12288,
                                                   doc='Template of the reply accepting a new recurring series.'),
        accept_edited_single_meeting_template=Field(max_length=12288,
                                                    doc='Template of the reply accepting a changed single meeting.'),
        accept_edited_recurring_series_template=Field(
            max_length=12288, doc='Template of the reply accepting a changed recurring series.'),
        accept_edited_occurrence_template=Field(
            max_length=12288, doc='Template of the reply accepting a changed occurrence of a series.'),
        reject_alias_conflict_template=Field(max_length=12288,
                                             doc='Template of the refusal when the alias is already taken.'),
        reject_alias_deleted_template=Field(max_length=12288,
                                            doc='Template of the refusal when the alias was deleted.'),
        reject_general_error_template=Field(max_length=12288, doc='Template of the refusal after an error.'),
        reject_invalid_alias_id_template=Field(
            max_length=12288, doc='Template of the refusal when the booking data in the meeting is not valid.'),
        reject_recurring_series_past_template=Field(
            max_length=12288, doc='Template of the refusal when every occurrence of a series is in the past.'),
        reject_single_meeting_past=Field(max_length=12288,
                                         doc='Template of the refusal when a meeting is in the past.'),
    ),
    doc=ModuleDoc(
        summary='Manage a Microsoft Exchange scheduling connector of Pexip Infinity',
        about=['Adds, changes and removes a connector of VMR Scheduling for Exchange: how the platform reaches '
               'Exchange, what its Outlook add-in shows and which texts it puts into meetings.',
               'The connector is found by its O(name). Options left out keep the manager\'s defaults, which '
               'include every add-in text and reply template.',
               'Secrets the manager does not return (O(password), the client secrets) are sent on create and, '
               'with O(update_password=always), on every run.'],
        examples="""
- name: Scheduling through Exchange Online
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange Online scheduling
    description: Outlook add-in for all staff
    url: https://outlook.office365.com/EWS/Exchange.asmx
    room_mailbox_email_address: pexip-scheduling@example.com
    room_mailbox_name: Pexip Scheduling
    authentication_method: OAUTH
    auth_provider: AZURE
    oauth_client_id: 0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d
    oauth_client_secret: "{{ vault_exchange_oauth_client_secret }}"
    addin_server_domain: schedule.example.com
    scheduled_alias_domain: meet.example.com
    scheduled_alias_prefix: "81"
    meeting_buffer_before: 15
    meeting_buffer_after: 30

- name: Remove it
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange Online scheduling
    state: absent
""",
    ),
)

EXCHANGE_DOMAIN = Resource(
    'exchange_domain',
    title='Exchange metadata domain of a scheduling connector',
    key='domain',
    module='pexip_exchange_domain',
    fields=dict(
        domain=Field(max_length=192, doc='Domain (or URL) the Outlook add-in is allowed to load from.'),
        exchange_connector=Field(kind='ref', target='ms_exchange_connector',
                                 doc='The scheduling connector this domain belongs to; needed to create it.'),
    ),
    doc=ModuleDoc(
        summary='Manage an Exchange metadata domain of Pexip Infinity',
        about=['Adds, changes and removes a domain or URL that a scheduling connector '
               '(M(ucops.platform.pexip_ms_exchange_connector)) accepts Exchange add-in requests from.',
               'The domain is found by its O(domain); giving another O(exchange_connector) moves it to that '
               'connector.'],
        examples="""
- name: A scheduling connector for the European offices
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling EU
    addin_server_domain: schedule-eu.example.com

- name: One for the American offices
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling US
    addin_server_domain: schedule-us.example.com

- name: The European mail domain is served by the European connector
  ucops.platform.pexip_exchange_domain:
    domain: eu.example.com
    exchange_connector: Exchange scheduling EU

- name: Remove the domain
  ucops.platform.pexip_exchange_domain:
    domain: eu.example.com
    state: absent

- name: Remove the American connector
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling US
    state: absent

- name: Remove the European connector
  ucops.platform.pexip_ms_exchange_connector:
    name: Exchange scheduling EU
    state: absent
""",
    ),
)

TELEHEALTH_PROFILE = Resource(
    'telehealth_profile',
    title='Epic telehealth profile',
    key='name',
    module='pexip_telehealth_profile',
    fields=dict(
        name=Field(max_length=250, doc='Name of the profile.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        uuid=Field(doc='Identifier of the profile in launch URLs; the manager makes one when it is unset.'),
        telehealth_call_domain=Field(max_length=255, doc='Domain of the aliases of telehealth calls.'),
        telehealth_integration_base_url=Field(max_length=255,
                                              doc='Base URL at which Epic launches the integration.'),
        telehealth_integration_oauth2_base_api_url=Field(max_length=255,
                                                         doc='Base URL of the integration\'s OAuth2 API.'),
        infinity_webapp_server_base_url=Field(max_length=255,
                                              doc='Base URL of the web app that patients and providers join with.'),
        epic_backend_oauth2_app_client_id=Field(max_length=255,
                                                doc='Client ID of the backend application registered with Epic.'),
        epic_backend_oauth2_app_private_key=Field(kind='write_only', max_length=12288,
                                                  doc='PEM private key the backend application signs with.'),
        epic_backend_oauth2_app_token_endpoint_url=Field(max_length=255,
                                                         doc='Epic token endpoint for the backend application.'),
        epic_patient_app_client_id=Field(max_length=255, doc='Client ID of the patient application in Epic.'),
        epic_patient_app_client_secret=Field(kind='write_only', max_length=100,
                                             doc='Client secret of the patient application.'),
        epic_provider_app_client_id=Field(max_length=255, doc='Client ID of the provider application in Epic.'),
        epic_provider_app_client_secret=Field(kind='write_only', max_length=100,
                                              doc='Client secret of the provider application.'),
        epic_encryption_algorithm=Field(doc='Cipher Epic encrypts the launch context with, as Epic names it.'),
        epic_encryption_key=Field(kind='write_only', max_length=100,
                                  doc='Shared key that decrypts the launch context.'),
        epic_encryption_key_type=Field(doc='How O(epic_encryption_key) is written, as Epic names it.'),
        patient_oauth2_redirect_url=Field(max_length=255, doc='Redirect URL registered for the patient application.'),
        provider_oauth2_redirect_url=Field(max_length=255,
                                           doc='Redirect URL registered for the provider application.'),
        service_name_template=Field(max_length=1024, doc='Template of the name of a telehealth VMR.'),
        patient_alias_template=Field(max_length=1024, doc='Template of the alias patients dial.'),
        provider_alias_template=Field(max_length=1024, doc='Template of the alias providers dial.'),
        patient_display_name_template=Field(max_length=1024, doc='Template of a patient\'s display name.'),
        provider_display_name_template=Field(max_length=1024, doc='Template of a provider\'s display name.'),
        patient_web_join_link_template=Field(max_length=1024, doc='Template of the link a patient joins with.'),
        provider_web_join_link_template=Field(max_length=1024, doc='Template of the link a provider joins with.'),
        launch_error_web_template=Field(max_length=12288, doc='Web page shown when a launch fails.'),
    ),
    doc=ModuleDoc(
        summary='Manage an Epic telehealth profile of Pexip Infinity',
        about=['Adds, changes and removes a profile that connects the platform to an Epic electronic health '
               'record, so that patients and providers join video visits launched from Epic.',
               'The profile is found by its O(name).',
               'Whether the manager returns the Epic secrets is not documented: they are treated as write-only, '
               'sent on create and, with O(update_password=always), on every run.'],
        examples="""
- name: Video visits launched from Epic
  ucops.platform.pexip_telehealth_profile:
    name: Epic video visits
    description: Outpatient video visits
    telehealth_call_domain: visits.example.org
    telehealth_integration_base_url: https://telehealth.example.org
    infinity_webapp_server_base_url: https://join.example.org
    epic_backend_oauth2_app_client_id: 6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d
    epic_backend_oauth2_app_private_key: "{{ vault_epic_backend_private_key }}"
    epic_backend_oauth2_app_token_endpoint_url: https://fhir.example.org/oauth2/token
    epic_patient_app_client_id: patient-app-1234
    epic_patient_app_client_secret: "{{ vault_epic_patient_client_secret }}"
    epic_provider_app_client_id: provider-app-5678
    epic_provider_app_client_secret: "{{ vault_epic_provider_client_secret }}"
    epic_encryption_key: "{{ vault_epic_encryption_key }}"

- name: Remove it
  ucops.platform.pexip_telehealth_profile:
    name: Epic video visits
    state: absent
""",
    ),
)
