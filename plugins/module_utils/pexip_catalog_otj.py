# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for One-Touch Join (the ``mjx_*`` resources):
calendar deployments (Exchange, Microsoft Graph, Google Workspace), the profiles
that use them, meeting processing rules, endpoint groups and endpoints.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out.

Relations are written on one side only, the to-one link the child object holds:
an autodiscover URL names its Exchange deployment, a profile names its calendar
deployment, an endpoint group names its profile. The list on the other side
(a deployment's ``autodiscover_urls`` and ``mjx_integrations``, a profile's
``endpoint_groups``) is what the manager derives from those links, so it is not
an option: two modules owning one relation would undo each other's changes.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

_OAUTH_STATE = 'State value of an OAuth sign-in the manager has started; normally left unset.'

MJX_EXCHANGE_DEPLOYMENT = Resource(
    'mjx_exchange_deployment',
    title='One-Touch Join Exchange deployment',
    key='name',
    module='pexip_mjx_exchange_deployment',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the Exchange deployment.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        service_account_username=Field(required=True, max_length=100,
                                       doc='Account that reads the room calendars.'),
        service_account_password=Field(kind='write_only', required=True, max_length=100,
                                       doc='Password of O(service_account_username).'),
        authentication_method=Field(choices=['BASIC', 'NTLM', 'KERBEROS', 'OAUTH'],
                                    doc='How the service account signs in to Exchange.'),
        ews_url=Field(max_length=255, doc='Address of the Exchange Web Services endpoint.'),
        disable_proxy=Field(type='bool', doc='Connect to Exchange directly, bypassing any web proxy.'),
        find_items_request_quota=Field(type='int', minimum=10000, maximum=10000000,
                                       doc='How many calendar lookups the deployment may make per day.'),
        kerberos_realm=Field(max_length=250, doc='Kerberos realm of the service account.'),
        kerberos_kdc=Field(max_length=255, doc='Kerberos key distribution centre to ask for tickets.'),
        kerberos_kdc_https_proxy=Field(max_length=255,
                                       doc='HTTPS proxy that forwards requests to the key distribution centre.'),
        kerberos_exchange_spn=Field(max_length=255, doc='Service principal name of the Exchange server.'),
        kerberos_enable_tls=Field(type='bool',
                                  doc='Send all traffic to the key distribution centre through its HTTPS proxy.'),
        kerberos_auth_every_request=Field(type='bool',
                                          doc='Put a Kerberos authorization header on every request to Exchange.'),
        kerberos_verify_tls_using_custom_ca=Field(
            type='bool', doc=("Check the HTTPS proxy's certificate against the manager's trusted CA certificates "
                              'instead of the system-wide ones.')),
        oauth_client_id=Field(nullable=True, doc='Application ID registered for OAuth sign-in.'),
        oauth_auth_endpoint=Field(max_length=255, doc='Authorization endpoint of the OAuth provider.'),
        oauth_token_endpoint=Field(max_length=255, doc='Token endpoint of the OAuth provider.'),
        oauth_redirect_uri=Field(max_length=255,
                                 doc='Address on the Management Node the OAuth provider returns the sign-in to.'),
        oauth_refresh_token=Field(kind='write_only', max_length=4096,
                                  doc='OAuth refresh token; the manager normally obtains it itself at sign-in.'),
        oauth_state=Field(nullable=True, doc=_OAUTH_STATE),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join Exchange deployment of Pexip Infinity',
        about=['Adds, changes and removes the connection One-Touch Join uses to read room calendars from '
               'Microsoft Exchange.',
               'The deployment is found by its O(name).',
               'Its autodiscover URLs and the profiles using it are set on those objects '
               '(M(ucops.platform.pexip_mjx_exchange_autodiscover_url), '
               'M(ucops.platform.pexip_mjx_integration)), not here.'],
        examples="""
- name: The corporate Exchange as a One-Touch Join calendar source
  ucops.platform.pexip_mjx_exchange_deployment:
    name: OTJ Exchange on-premises
    description: Room calendars of the head office
    service_account_username: svc-otj@example.com
    service_account_password: "{{ vault_otj_exchange_password }}"
    authentication_method: NTLM
    ews_url: https://mail.example.com/EWS/Exchange.asmx
    find_items_request_quota: 500000

- name: Remove it
  ucops.platform.pexip_mjx_exchange_deployment:
    name: OTJ Exchange on-premises
    state: absent
""",
    ),
)

MJX_EXCHANGE_AUTODISCOVER_URL = Resource(
    'mjx_exchange_autodiscover_url',
    title='One-Touch Join Exchange autodiscover URL',
    key='name',
    module='pexip_mjx_exchange_autodiscover_url',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the autodiscover URL.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        url=Field(required=True, max_length=255, doc='Address of the Exchange autodiscover service.'),
        exchange_deployment=Field(kind='ref', target='mjx_exchange_deployment', required=True, nullable=True,
                                  doc='Exchange deployment that uses this URL.'),
    ),
    doc=ModuleDoc(
        summary='Manage an Exchange autodiscover URL of Pexip Infinity One-Touch Join',
        about=['Adds, changes and removes an address One-Touch Join asks to find the Exchange server of a '
               'deployment.',
               'The URL is found by its O(name); it belongs to the deployment named in O(exchange_deployment), '
               "which lists it among its autodiscover URLs."],
        examples="""
- name: An Exchange deployment for the autodiscover URL
  ucops.platform.pexip_mjx_exchange_deployment:
    name: OTJ Exchange with autodiscover
    service_account_username: svc-otj-autodiscover@example.com
    service_account_password: "{{ vault_otj_autodiscover_password }}"

- name: The autodiscover service of example.com
  ucops.platform.pexip_mjx_exchange_autodiscover_url:
    name: OTJ autodiscover example.com
    url: https://autodiscover.example.com/autodiscover/autodiscover.svc
    exchange_deployment: OTJ Exchange with autodiscover

- name: Remove it
  ucops.platform.pexip_mjx_exchange_autodiscover_url:
    name: OTJ autodiscover example.com
    state: absent

- name: Remove the Exchange deployment
  ucops.platform.pexip_mjx_exchange_deployment:
    name: OTJ Exchange with autodiscover
    state: absent
""",
    ),
)

MJX_GOOGLE_DEPLOYMENT = Resource(
    'mjx_google_deployment',
    title='One-Touch Join Google Workspace deployment',
    key='name',
    module='pexip_mjx_google_deployment',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the Google Workspace deployment.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        client_email=Field(required=True, max_length=256,
                           doc='E-mail address of the Google service account that reads the room calendars.'),
        private_key=Field(kind='write_only', required=True, max_length=12288,
                          doc='Private key of the service account, as PEM text.'),
        use_user_consent=Field(type='bool',
                               doc='Sign in through an OAuth user consent instead of the service account alone.'),
        client_id=Field(max_length=250, doc='OAuth client ID, for sign-in by user consent.'),
        client_secret=Field(kind='write_only', doc='OAuth client secret belonging to O(client_id).'),
        auth_endpoint=Field(max_length=255, doc='Authorization endpoint of the OAuth provider.'),
        token_endpoint=Field(max_length=255, doc='Token endpoint of the OAuth provider.'),
        redirect_uri=Field(max_length=255,
                           doc='Address on the Management Node the OAuth provider returns the sign-in to.'),
        refresh_token=Field(kind='secret', max_length=4096,
                            doc='OAuth refresh token; the manager normally obtains it itself at sign-in.'),
        oauth_state=Field(nullable=True, doc=_OAUTH_STATE),
        maximum_number_of_api_requests=Field(type='int', minimum=10000,
                                             doc='How many Google API calls the deployment may make per day.'),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join Google Workspace deployment of Pexip Infinity',
        about=['Adds, changes and removes the connection One-Touch Join uses to read room calendars from '
               'Google Workspace.',
               'The deployment is found by its O(name). The profiles using it name it in '
               'M(ucops.platform.pexip_mjx_integration).'],
        examples="""
- name: Google Workspace as a One-Touch Join calendar source
  ucops.platform.pexip_mjx_google_deployment:
    name: OTJ Google Workspace
    description: Room calendars of the branch offices
    client_email: otj-calendars@example-project.iam.gserviceaccount.com
    private_key: "{{ vault_otj_google_private_key }}"
    maximum_number_of_api_requests: 500000

- name: Remove it
  ucops.platform.pexip_mjx_google_deployment:
    name: OTJ Google Workspace
    state: absent
""",
    ),
)

MJX_GRAPH_DEPLOYMENT = Resource(
    'mjx_graph_deployment',
    title='One-Touch Join Microsoft Graph deployment',
    key='name',
    module='pexip_mjx_graph_deployment',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the Microsoft Graph deployment.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        client_id=Field(required=True, doc='Application ID of the app registration that reads the room calendars.'),
        client_secret=Field(kind='write_only', max_length=100, doc='Client secret of that app registration.'),
        oauth_token_url=Field(required=True, max_length=255,
                              doc='Token endpoint of the Microsoft Entra tenant the app is registered in.'),
        graph_api_domain=Field(max_length=192, doc='Host name of the Graph API to call.'),
        disable_proxy=Field(type='bool', doc='Connect to Microsoft directly, bypassing any web proxy.'),
        request_quota=Field(type='int', minimum=10000, maximum=10000000,
                            doc='How many Graph API calls the deployment may make per day.'),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join Microsoft Graph deployment of Pexip Infinity',
        about=['Adds, changes and removes the connection One-Touch Join uses to read room calendars from '
               'Microsoft 365 through the Graph API.',
               'The deployment is found by its O(name). The profiles using it name it in '
               'M(ucops.platform.pexip_mjx_integration).'],
        examples="""
- name: Microsoft 365 as a One-Touch Join calendar source
  ucops.platform.pexip_mjx_graph_deployment:
    name: OTJ Microsoft 365
    description: Room calendars in Exchange Online
    client_id: 3f2b8c1e-7d4a-4e59-9a61-0c5d2e8f4b17
    client_secret: "{{ vault_otj_graph_client_secret }}"
    oauth_token_url: https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token
    request_quota: 2000000

- name: Remove it
  ucops.platform.pexip_mjx_graph_deployment:
    name: OTJ Microsoft 365
    state: absent
""",
    ),
)

MJX_INTEGRATION = Resource(
    'mjx_integration',
    title='One-Touch Join profile',
    key='name',
    module='pexip_mjx_integration',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the profile.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        exchange_deployment=Field(kind='ref', target='mjx_exchange_deployment', nullable=True,
                                  doc='Exchange deployment the profile reads calendars from.'),
        graph_deployment=Field(kind='ref', target='mjx_graph_deployment', nullable=True,
                               doc='Microsoft Graph deployment the profile reads calendars from.'),
        google_deployment=Field(kind='ref', target='mjx_google_deployment', nullable=True,
                                doc='Google Workspace deployment the profile reads calendars from.'),
        display_upcoming_meetings=Field(type='int', minimum=0, maximum=365,
                                        doc='How many days of upcoming meetings the endpoints show.'),
        start_buffer=Field(type='int', minimum=0, maximum=180,
                           doc='Minutes before the scheduled start that the join button becomes active.'),
        end_buffer=Field(type='int', minimum=0, maximum=180,
                         doc='Minutes after the scheduled end that the join button stays active.'),
        enable_non_video_meetings=Field(type='bool',
                                        doc='Show meetings without a video address too, without a join button.'),
        enable_private_meetings=Field(type='bool', doc='Process meetings marked private too.'),
        process_alias_private_meetings=Field(
            type='bool', doc='Take the video address from private invitations too, so they get a join button.'),
        replace_empty_subject=Field(type='bool', doc="Show the organiser's name for meetings that have no subject."),
        replace_subject_type=Field(choices=['ALL', 'NEVER', 'PRIVATE'],
                                   doc='Which meetings show O(replace_subject_template) instead of their subject.'),
        replace_subject_template=Field(max_length=512,
                                       doc="Jinja2 template of the subject shown instead; empty shows the organiser's name."),
        ep_username=Field(max_length=100, doc='Account for the API of endpoints that give none of their own.'),
        ep_password=Field(kind='write_only', max_length=100, doc='Password of O(ep_username).'),
        ep_use_https=Field(type='bool', doc='Reach the endpoint APIs over HTTPS, unless an endpoint says otherwise.'),
        ep_verify_certificate=Field(type='bool',
                                    doc="Check the endpoints' TLS certificates, unless an endpoint says otherwise."),
        use_webex=Field(type='bool', doc='Reach Webex endpoints through the Webex cloud.'),
        webex_api_domain=Field(max_length=192, doc='Host name of the Webex API to call.'),
        webex_client_id=Field(nullable=True, max_length=100, doc='Client ID of the Webex integration.'),
        webex_client_secret=Field(kind='write_only', nullable=True, doc='Client secret of the Webex integration.'),
        webex_redirect_uri=Field(nullable=True, max_length=255,
                                 doc='Address on the Management Node Webex returns the sign-in to.'),
        webex_refresh_token=Field(kind='write_only', nullable=True, max_length=4096,
                                  doc='Webex refresh token; the manager normally obtains it itself at sign-in.'),
        webex_oauth_state=Field(nullable=True, doc=_OAUTH_STATE),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join profile of Pexip Infinity',
        about=['Adds, changes and removes a One-Touch Join profile: which calendar deployment it reads, how '
               'meetings are shown on the endpoints and how the manager signs in to them.',
               'The profile is found by its O(name). Set one calendar deployment, of the kind the rooms use.',
               'The endpoint groups of a profile name it in M(ucops.platform.pexip_mjx_endpoint_group); the '
               "manager derives the profile's list of groups and each deployment's list of profiles from those "
               'links.'],
        examples="""
- name: The Microsoft 365 calendars the profile reads
  ucops.platform.pexip_mjx_graph_deployment:
    name: OTJ Microsoft 365 for the profile
    client_id: 8a1c4f7e-2b3d-4c6e-9f10-5d7a8b9c0e21
    client_secret: "{{ vault_otj_profile_graph_secret }}"
    oauth_token_url: https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token

- name: A One-Touch Join profile for the meeting rooms
  ucops.platform.pexip_mjx_integration:
    name: OTJ meeting rooms
    description: Head office meeting rooms
    graph_deployment: OTJ Microsoft 365 for the profile
    start_buffer: 10
    end_buffer: 5
    replace_subject_type: PRIVATE
    replace_subject_template: Private meeting
    ep_username: otj-admin
    ep_password: "{{ vault_otj_endpoint_password }}"
    ep_verify_certificate: true

- name: Remove it
  ucops.platform.pexip_mjx_integration:
    name: OTJ meeting rooms
    state: absent

- name: Remove the Graph deployment
  ucops.platform.pexip_mjx_graph_deployment:
    name: OTJ Microsoft 365 for the profile
    state: absent
""",
    ),
)

MJX_MEETING_PROCESSING_RULE = Resource(
    'mjx_meeting_processing_rule',
    title='One-Touch Join meeting processing rule',
    key='name',
    scope=('mjx_integration',),
    module='pexip_mjx_meeting_processing_rule',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the rule.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        mjx_integration=Field(kind='ref', target='mjx_integration', required=True,
                              doc='Profile the rule belongs to; with O(name) it identifies the rule.'),
        priority=Field(type='int', required=True, minimum=1, maximum=200,
                       doc='Order in which the rules of a profile are tried, lowest first.'),
        enabled=Field(type='bool', doc='Whether the rule is used.'),
        meeting_type=Field(required=True, choices=[
            'pexipinfinity', 'pexipservice', 'teams', 'teamssipguestjoin', 'polyteamsbody', 'ciscoteamsbody',
            'pexipserviceteamsbody', 'pexipinfinityteamsbody', 'hangouts', 'googlemeetsipguestjoin', 's4b',
            'polys4bbody', 'webex', 'zoom', 'gotomeeting', 'domain', 'regex', 'regex_re2', 'custom'],
            doc='Kind of meeting invitation the rule recognises.'),
        domain=Field(max_length=255,
                     doc='Domain of the meeting addresses the rule handles, for O(meeting_type=domain).'),
        match_string=Field(max_length=250,
                           doc='Regular expression an invitation must match, for the regular expression types.'),
        replace_string=Field(max_length=250, doc='How the text O(match_string) found becomes the address to dial.'),
        transform_rule=Field(max_length=512, doc='Jinja2 template that works out the address to dial from the meeting.'),
        custom_template=Field(max_length=10240,
                              doc='Jinja2 template that finds the address to dial in the calendar event.'),
        company_id=Field(max_length=36,
                         doc='Pexip Service customer ID added to the dial string of SIP guest join meetings.'),
        include_pin=Field(type='bool', doc="Add the meeting's password to the address, so users need not type it."),
        default_processing_enabled=Field(type='bool',
                                         doc="Apply the meeting type's built-in processing as well."),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join meeting processing rule of Pexip Infinity',
        about=['Adds, changes and removes a rule that tells a One-Touch Join profile how to find the address '
               'to dial in a meeting invitation.',
               'A rule is found by its O(name) within the profile given in O(mjx_integration): two profiles may '
               'each have a rule of the same name, so every task, O(state=absent) included, names the profile.'],
        examples="""
- name: The profile the rule belongs to
  ucops.platform.pexip_mjx_integration:
    name: OTJ Teams rooms

- name: Join Microsoft Teams meetings from the rooms
  ucops.platform.pexip_mjx_meeting_processing_rule:
    name: OTJ Teams invitations
    mjx_integration: OTJ Teams rooms
    meeting_type: teams
    priority: 10
    include_pin: true

- name: Remove it
  ucops.platform.pexip_mjx_meeting_processing_rule:
    name: OTJ Teams invitations
    mjx_integration: OTJ Teams rooms
    state: absent

- name: Remove the profile
  ucops.platform.pexip_mjx_integration:
    name: OTJ Teams rooms
    state: absent
""",
    ),
)

MJX_ENDPOINT_GROUP = Resource(
    'mjx_endpoint_group',
    title='One-Touch Join endpoint group',
    key='name',
    module='pexip_mjx_endpoint_group',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the endpoint group.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        system_location=Field(kind='ref', target='system_location', required=True, nullable=True,
                              doc='Location whose Conferencing Nodes serve One-Touch Join to the group.'),
        mjx_integration=Field(kind='ref', target='mjx_integration', nullable=True,
                              doc='One-Touch Join profile the endpoints of the group use.'),
        disable_proxy=Field(type='bool', doc="Bypass the location's web proxy for requests about this group."),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join endpoint group of Pexip Infinity',
        about=['Adds, changes and removes a group of One-Touch Join endpoints that share a profile and a '
               'location.',
               'The group is found by its O(name). Endpoints join it in M(ucops.platform.pexip_mjx_endpoint); '
               'the list of endpoints the manager shows for a group comes from those links.'],
        examples="""
- name: The location the rooms are in
  ucops.platform.pexip_system_location:
    name: OTJ Oslo office

- name: The profile of the rooms
  ucops.platform.pexip_mjx_integration:
    name: OTJ Oslo profile

- name: The meeting rooms of the Oslo office
  ucops.platform.pexip_mjx_endpoint_group:
    name: OTJ Oslo rooms
    description: Video rooms on floors 2 to 4
    system_location: OTJ Oslo office
    mjx_integration: OTJ Oslo profile

- name: Remove it
  ucops.platform.pexip_mjx_endpoint_group:
    name: OTJ Oslo rooms
    state: absent

- name: Remove the profile
  ucops.platform.pexip_mjx_integration:
    name: OTJ Oslo profile
    state: absent

- name: Remove the location
  ucops.platform.pexip_system_location:
    name: OTJ Oslo office
    state: absent
""",
    ),
)

MJX_ENDPOINT = Resource(
    'mjx_endpoint',
    title='One-Touch Join endpoint',
    key='name',
    module='pexip_mjx_endpoint',
    fields=dict(
        name=Field(required=True, max_length=250, doc='Name of the endpoint.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        endpoint_type=Field(choices=['CISCO', 'POLY', 'WEBEX'], doc='Make of the endpoint.'),
        room_resource_email=Field(required=True, max_length=150,
                                  doc='E-mail address of the room calendar the endpoint shows meetings from.'),
        mjx_endpoint_group=Field(kind='ref', target='mjx_endpoint_group', nullable=True,
                                 doc='Endpoint group the endpoint belongs to.'),
        api_address=Field(required=True, nullable=True, max_length=255,
                          doc='Host name or IP address the manager reaches the endpoint at.'),
        api_port=Field(type='int', nullable=True, minimum=1, maximum=65535,
                       doc='Port of the endpoint API; unset, 443 with HTTPS and 80 without.'),
        api_username=Field(nullable=True, max_length=100,
                           doc="Account for the endpoint's API; empty uses the profile's account."),
        api_password=Field(kind='write_only', nullable=True, max_length=100, doc='Password of O(api_username).'),
        use_https=Field(choices=['GLOBAL', 'NO', 'YES'],
                        doc="Reach the endpoint over HTTPS; V(GLOBAL) follows the profile's setting."),
        verify_cert=Field(choices=['GLOBAL', 'NO', 'YES'],
                          doc="Check the endpoint's TLS certificate; V(GLOBAL) follows the profile's setting."),
        poly_username=Field(nullable=True, max_length=150,
                            doc="Account a Poly endpoint signs in to the Conferencing Node's calendar service with."),
        poly_password=Field(kind='write_only', nullable=True, max_length=100, doc='Password of O(poly_username).'),
        poly_raise_alarms_for_this_endpoint=Field(type='bool',
                                                  doc='Raise an alarm when the endpoint cannot be given its meetings.'),
        webex_device_id=Field(nullable=True, max_length=100, doc='Identifier of a Webex endpoint.'),
    ),
    doc=ModuleDoc(
        summary='Manage a One-Touch Join endpoint of Pexip Infinity',
        about=['Adds, changes and removes a room video system that shows the meetings of its room calendar '
               'with a button to join them.',
               'The endpoint is found by its O(name).'],
        examples="""
- name: The location of the room
  ucops.platform.pexip_system_location:
    name: OTJ Bergen office

- name: The endpoint group of the room
  ucops.platform.pexip_mjx_endpoint_group:
    name: OTJ Bergen rooms
    system_location: OTJ Bergen office

- name: The video system of the Bergen boardroom
  ucops.platform.pexip_mjx_endpoint:
    name: OTJ Bergen boardroom
    endpoint_type: CISCO
    room_resource_email: boardroom.bergen@example.com
    mjx_endpoint_group: OTJ Bergen rooms
    api_address: 192.0.2.80
    api_username: otj-admin
    api_password: "{{ vault_otj_codec_password }}"
    use_https: "YES"
    verify_cert: "NO"

- name: Remove it
  ucops.platform.pexip_mjx_endpoint:
    name: OTJ Bergen boardroom
    state: absent

- name: Remove the endpoint group
  ucops.platform.pexip_mjx_endpoint_group:
    name: OTJ Bergen rooms
    state: absent

- name: Remove the location
  ucops.platform.pexip_system_location:
    name: OTJ Bergen office
    state: absent
""",
    ),
)
