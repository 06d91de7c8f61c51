#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_conference_sync_template
short_description: Manage a VMR sync template of Pexip Infinity
version_added: 0.2.0
description:
  - Adds, changes and removes a template that turns LDAP directory entries into VMRs, devices and users.
  - The template is found by its O(name); O(ldap_sync_source) names the LDAP source to read.
  - Text options such as O(conference_name) and O(alias_1) are templates filled from each LDAP entry.
author:
  - ucops.platform contributors (@ucops)
extends_documentation_fragment:
  - ucops.platform.pexip
  - ucops.platform.attributes
  - ucops.platform.attributes.pexip_group
  - ucops.platform.pexip_options.state
  - ucops.platform.pexip_options.clear
  - ucops.platform.pexip_options.update_password
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  alias_1:
    description:
      - Alias 1.
      - At most 512 characters.
    type: str
  alias_1_description:
    description:
      - Alias 1 description.
      - At most 512 characters.
    type: str
  alias_2:
    description:
      - Alias 2.
      - At most 512 characters.
    type: str
  alias_2_description:
    description:
      - Alias 2 description.
      - At most 512 characters.
    type: str
  alias_3:
    description:
      - Alias 3.
      - At most 512 characters.
    type: str
  alias_3_description:
    description:
      - Alias 3 description.
      - At most 512 characters.
    type: str
  alias_4:
    description:
      - Alias 4.
      - At most 512 characters.
    type: str
  alias_4_description:
    description:
      - Alias 4 description.
      - At most 512 characters.
    type: str
  alias_5:
    description:
      - Alias 5.
      - At most 512 characters.
    type: str
  alias_5_description:
    description:
      - Alias 5 description.
      - At most 512 characters.
    type: str
  alias_6:
    description:
      - Alias 6.
      - At most 512 characters.
    type: str
  alias_6_description:
    description:
      - Alias 6 description.
      - At most 512 characters.
    type: str
  alias_7:
    description:
      - Alias 7.
      - At most 512 characters.
    type: str
  alias_7_description:
    description:
      - Alias 7 description.
      - At most 512 characters.
    type: str
  alias_8:
    description:
      - Alias 8.
      - At most 512 characters.
    type: str
  alias_8_description:
    description:
      - Alias 8 description.
      - At most 512 characters.
    type: str
  aliases_overridable:
    description:
      - Aliases overridable (on or off).
    type: bool
  allow_guests:
    description:
      - Allow guests (on or off).
    type: bool
  call_type:
    description:
      - Call type.
    type: str
  call_type_overridable:
    description:
      - Call type overridable (on or off).
    type: bool
  callrates_overridable:
    description:
      - Call rates overridable (on or off).
    type: bool
  conference_description:
    description:
      - Conference description.
      - At most 250 characters.
    type: str
  conference_description_overridable:
    description:
      - Conference description overridable (on or off).
    type: bool
  conference_name:
    description:
      - Conference name.
      - At most 250 characters.
    type: str
  crypto_mode:
    description:
      - Crypto mode.
    type: str
  crypto_mode_overridable:
    description:
      - Crypto mode overridable (on or off).
    type: bool
  description:
    description:
      - Free text describing the object.
      - At most 250 characters.
    type: str
  device_alias:
    description:
      - Device alias.
      - At most 512 characters.
    type: str
  device_description:
    description:
      - Device description.
      - At most 512 characters.
    type: str
  device_description_overridable:
    description:
      - Device description overridable (on or off).
    type: bool
  device_email_subject_template:
    description:
      - Device email subject template.
      - At most 255 characters.
    type: str
  device_email_template:
    description:
      - Device email template.
      - At most 24576 characters.
    type: str
  device_enable_h323:
    description:
      - Device enable H.323 (on or off).
    type: bool
  device_enable_infinity_connect_non_sso:
    description:
      - Device enable infinity connect non SSO (on or off).
    type: bool
  device_enable_infinity_connect_sso:
    description:
      - Device enable infinity connect SSO (on or off).
    type: bool
  device_enable_sip:
    description:
      - Device enable SIP (on or off).
    type: bool
  device_enable_standard_sso:
    description:
      - Device enable standard SSO (on or off).
    type: bool
  device_password:
    description:
      - Password of the devices the template creates.
      - At most 250 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  device_password_overridable:
    description:
      - Device password overridable (on or off).
    type: bool
  device_registration_types_overridable:
    description:
      - Device registration types overridable (on or off).
    type: bool
  device_sso_identity_provider_group:
    description:
      - Device SSO identity provider group.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  device_sync_if_account_disabled:
    description:
      - Device sync if account disabled (on or off).
    type: bool
  device_tag:
    description:
      - Device tag.
      - At most 250 characters.
    type: str
  device_tag_overridable:
    description:
      - Device tag overridable (on or off).
    type: bool
  device_username:
    description:
      - Device username.
      - At most 100 characters.
    type: str
  device_username_overridable:
    description:
      - Device username overridable (on or off).
    type: bool
  direct_media:
    description:
      - Direct media.
    type: str
  direct_media_notification_duration:
    description:
      - Direct media notification duration.
      - From 0 to 30.
    type: int
  direct_media_notification_duration_overridable:
    description:
      - Direct media notification duration overridable (on or off).
    type: bool
  direct_media_overridable:
    description:
      - Direct media overridable (on or off).
    type: bool
  enable_active_speaker_indication:
    description:
      - Whether active speaker indication is enabled.
    type: bool
  enable_automatic_sync:
    description:
      - Whether automatic sync is enabled.
    type: bool
  enable_chat:
    description:
      - Enable chat.
    type: str
  enable_chat_overridable:
    description:
      - Whether chat overridable is enabled.
    type: bool
  enable_overlay_text:
    description:
      - Whether overlay text is enabled.
    type: bool
  enable_service_emails:
    description:
      - Whether service emails is enabled.
    type: bool
  end_user_advanced_overridable:
    description:
      - End user advanced overridable (on or off).
    type: bool
  end_user_avatar_url:
    description:
      - End user avatar URL.
      - At most 512 characters.
    type: str
  end_user_contacts_overridable:
    description:
      - End user contacts overridable (on or off).
    type: bool
  end_user_department:
    description:
      - End user department.
      - At most 512 characters.
    type: str
  end_user_description:
    description:
      - End user description.
      - At most 512 characters.
    type: str
  end_user_description_overridable:
    description:
      - End user description overridable (on or off).
    type: bool
  end_user_display_name:
    description:
      - End user display name.
      - At most 512 characters.
    type: str
  end_user_first_name:
    description:
      - End user first name.
      - At most 512 characters.
    type: str
  end_user_last_name:
    description:
      - End user last name.
      - At most 512 characters.
    type: str
  end_user_mobile_number:
    description:
      - End user mobile number.
      - At most 512 characters.
    type: str
  end_user_ms_exchange_guid:
    description:
      - End user Microsoft exchange guid.
      - At most 512 characters.
    type: str
  end_user_names_overridable:
    description:
      - End user names overridable (on or off).
    type: bool
  end_user_other_personal_overridable:
    description:
      - End user other personal overridable (on or off).
    type: bool
  end_user_telephone_number:
    description:
      - End user telephone number.
      - At most 512 characters.
    type: str
  end_user_title:
    description:
      - End user title.
      - At most 512 characters.
    type: str
  end_user_uuid:
    description:
      - End user UUID.
      - At most 512 characters.
    type: str
  guest_identity_provider_group:
    description:
      - Guest identity provider group.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  guest_pin:
    description:
      - Guest PIN of the services the template creates (a template text).
      - From 4 to 512 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  guests_can_present:
    description:
      - Guests can present (on or off).
    type: bool
  guests_can_present_overridable:
    description:
      - Guests can present overridable (on or off).
    type: bool
  host_identity_provider_group:
    description:
      - Host identity provider group.
      - Given as the C(name) of a C(identity_provider_group) object, or as its resource URI.
    type: str
  host_view:
    description:
      - Host view.
    type: str
  host_view_overridable:
    description:
      - Host view overridable (on or off).
    type: bool
  idp_settings_overridable:
    description:
      - Identity provider settings overridable (on or off).
    type: bool
  ivr_theme:
    description:
      - Ivr theme.
      - Given as the C(name) of a C(ivr_theme) object, or as its resource URI.
    type: str
  ivr_theme_overridable:
    description:
      - Ivr theme overridable (on or off).
    type: bool
  ldap_sync_source:
    description:
      - LDAP sync source.
      - Given as the C(name) of a C(ldap_sync_source) object, or as its resource URI.
    type: str
  ldap_user_filter:
    description:
      - LDAP user filter.
      - At most 1024 characters.
    type: str
  ldap_user_search_dn:
    description:
      - LDAP user search DN.
      - At most 255 characters.
    type: str
  max_callrate_in:
    description:
      - Maximum call rate in.
      - From 128 to 8192.
    type: int
  max_callrate_out:
    description:
      - Maximum call rate out.
      - From 128 to 8192.
    type: int
  max_pixels_per_second:
    description:
      - Maximum pixels per second.
    type: str
  max_pixels_per_second_overridable:
    description:
      - Maximum pixels per second overridable (on or off).
    type: bool
  name:
    description:
      - Name of the object.
      - The key by which the module finds the object.
      - At most 250 characters.
    type: str
    required: true
  non_idp_participants:
    description:
      - Non identity provider participants.
    type: str
  non_idp_participants_overridable:
    description:
      - Non identity provider participants overridable (on or off).
    type: bool
  participant_limit:
    description:
      - Participant limit.
      - From 0 to 1000000.
    type: int
  participant_limit_overridable:
    description:
      - Participant limit overridable (on or off).
    type: bool
  pin:
    description:
      - Host PIN of the services the template creates (a template text).
      - From 4 to 512 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  pin_settings_overridable:
    description:
      - PIN settings overridable (on or off).
    type: bool
  primary_owner_email_address:
    description:
      - Primary owner email address.
      - At most 100 characters.
    type: str
  primary_owner_email_address_overridable:
    description:
      - Primary owner email address overridable (on or off).
    type: bool
  service_email_subject_template:
    description:
      - Service email subject template.
      - At most 255 characters.
    type: str
  service_email_template:
    description:
      - Service email template.
      - At most 24576 characters.
    type: str
  service_type:
    description:
      - Service type.
    type: str
  smtp_server:
    description:
      - SMTP server.
      - Given as the C(name) of a C(smtp_server) object, or as its resource URI.
    type: str
  sync_conferences:
    description:
      - Sync conferences (on or off).
    type: bool
  sync_devices:
    description:
      - Sync devices (on or off).
    type: bool
  sync_end_users:
    description:
      - Sync end users (on or off).
    type: bool
  tag:
    description:
      - Free-form tag, for example to mark objects created by automation.
      - At most 250 characters.
    type: str
  tag_overridable:
    description:
      - Tag overridable (on or off).
    type: bool
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: The directory the users come from (see ucops.platform.pexip_ldap_sync_source)
  ucops.platform.pexip_ldap_sync_source:
    name: Staff directory
    ldap_server: ldap.example.com
    ldap_base_dn: ou=staff,dc=example,dc=com
    ldap_bind_username: CN=pexip-sync,OU=Service,DC=example,DC=com
    ldap_bind_password: "{{ vault_ldap_password }}"

# The template fields hold Pexip's own double-brace placeholders: write the
# braces as Jinja string literals so that Ansible does not expand them.
- name: One VMR per directory user
  ucops.platform.pexip_conference_sync_template:
    name: Staff VMRs
    ldap_sync_source: Staff directory
    ldap_user_filter: (objectClass=person)
    conference_name: "{{ '{{' }}givenName{{ '}}' }} {{ '{{' }}sn{{ '}}' }}"
    alias_1: "{{ '{{' }}mail{{ '}}' }}"
'''

RETURN = r'''
conference_sync_template:
  description:
  - The conference sync template as the Management Node holds it after the task, references as resource URIs and secrets masked.
  - Empty when O(state=absent).
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_services import CONFERENCE_SYNC_TEMPLATE
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_resource_module


def main():
    run_resource_module(CONFERENCE_SYNC_TEMPLATE)


if __name__ == '__main__':
    main()
