#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: pexip_global
short_description: Manage the global settings of Pexip Infinity
version_added: 0.2.0
description:
  - Changes the platform-wide settings held by the C(global) resource.
  - 'The settings always exist: the module patches only the options you set and never creates or deletes the object.'
  - Options are left out when the API marks them deprecated; M(ucops.platform.pexip_resource) can still set them.
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
  aws_access_key:
    description:
      - AWS access key.
      - At most 40 characters.
    type: str
  aws_secret_key:
    description:
      - AWS secret key.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  azure_client_id:
    description:
      - Azure client ID.
      - Masked in every result and diff.
    type: str
  azure_secret:
    description:
      - Azure secret.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  azure_subscription_id:
    description:
      - Azure subscription ID.
    type: str
  azure_tenant:
    description:
      - Azure tenant.
    type: str
  bdpm_max_pin_failures_per_window:
    description:
      - Break-in defence maximum PIN failures per window.
      - From 5 to 200.
    type: int
  bdpm_max_scan_attempts_per_window:
    description:
      - Break-in defence maximum scan attempts per window.
      - From 5 to 200.
    type: int
  bdpm_pin_checks_enabled:
    description:
      - Whether Break-in defence PIN checks is enabled.
    type: bool
  bdpm_scan_quarantine_enabled:
    description:
      - Whether Break-in defence scan quarantine is enabled.
    type: bool
  bursting_enabled:
    description:
      - Whether bursting is enabled.
    type: bool
  bursting_min_lifetime:
    description:
      - Bursting minimum lifetime.
      - At least 5.
    type: int
  bursting_threshold:
    description:
      - Bursting threshold.
      - At least 1.
    type: int
  cloud_provider:
    description:
      - Cloud provider.
    type: str
    choices:
      - AWS
      - AZURE
      - GCP
  contact_email_address:
    description:
      - Contact email address.
      - At most 100 characters.
    type: str
  content_security_policy_header:
    description:
      - Content security policy header.
      - At most 4096 characters.
    type: str
  content_security_policy_state:
    description:
      - Content security policy state (on or off).
    type: bool
  crypto_mode:
    description:
      - Crypto mode.
    type: str
    choices:
      - besteffort
      - 'on'
      - 'off'
  default_theme:
    description:
      - Theme of the services that name none.
      - Given as the C(name) of a C(ivr_theme) object, or as its resource URI.
    type: str
  default_webapp_alias:
    description:
      - Web app path that the bare address of a Conferencing Node opens.
      - Given as the C(slug) of a C(webapp_alias) object, or as its resource URI.
    type: str
  disabled_codecs:
    description:
      - Codecs to disable, each given by its codec name such as C(H264_H_0) or C(MP4A-LATM_128).
      - 'The API holds them as embedded objects C({"value": "H264_H_0"}); the module sends that shape, compares
        the names as a set (order and repeats do not matter) and shows names in its result and diff.'
      - An empty list enables every codec; so does listing C(disabled_codecs) in O(clear).
      - Compared as a set of names, in any order.
    type: list
    elements: str
  eject_last_participant_backstop_timeout:
    description:
      - Seconds after which the last participant left in a conference is disconnected; 0 never does.
      - From 0 to 86400.
    type: int
  enable_analytics:
    description:
      - Whether analytics is enabled.
    type: bool
  enable_application_api:
    description:
      - Whether application API is enabled.
    type: bool
  enable_breakout_rooms:
    description:
      - Whether breakout rooms is enabled.
    type: bool
  enable_chat:
    description:
      - Whether chat is enabled.
    type: bool
  enable_clock:
    description:
      - Whether clock is enabled.
    type: bool
  enable_denoise:
    description:
      - Whether denoise is enabled.
    type: bool
  enable_dialout:
    description:
      - Whether dialout is enabled.
    type: bool
  enable_directory:
    description:
      - Whether directory is enabled.
    type: bool
  enable_edge_non_mesh:
    description:
      - Whether edge non mesh is enabled.
    type: bool
  enable_fecc:
    description:
      - Whether FECC is enabled.
    type: bool
  enable_h323:
    description:
      - Whether H.323 is enabled.
    type: bool
  enable_legacy_dialout_api:
    description:
      - Whether legacy dialout API is enabled.
    type: bool
  enable_lync_auto_escalate:
    description:
      - Whether Lync auto escalate is enabled.
    type: bool
  enable_lync_vbss:
    description:
      - Whether Lync VBSS is enabled.
    type: bool
  enable_mlvad:
    description:
      - Whether MLVAD is enabled.
    type: bool
  enable_rtmp:
    description:
      - Whether RTMP is enabled.
    type: bool
  enable_sip:
    description:
      - Whether SIP is enabled.
    type: bool
  enable_sip_udp:
    description:
      - Whether SIP UDP is enabled.
    type: bool
  enable_softmute:
    description:
      - Whether softmute is enabled.
    type: bool
  enable_ssh:
    description:
      - Whether SSH is enabled.
    type: bool
  enable_turn_443:
    description:
      - Whether TURN 443 is enabled.
    type: bool
  enable_webrtc:
    description:
      - Whether WebRTC is enabled.
    type: bool
  error_reporting_enabled:
    description:
      - Whether error reporting is enabled.
    type: bool
  error_reporting_url:
    description:
      - Error reporting URL.
      - At most 255 characters.
    type: str
  es_connection_timeout:
    description:
      - Event sink connection timeout.
    type: int
  es_initial_retry_backoff:
    description:
      - Event sink initial retry backoff.
    type: int
  es_maximum_retry_backoff:
    description:
      - Event sink maximum retry backoff.
    type: int
  es_media_streams_wait:
    description:
      - Event sink media streams wait.
    type: int
  es_metrics_update_interval:
    description:
      - Event sink metrics update interval.
    type: int
  es_short_term_memory_expiration:
    description:
      - Event sink short term memory expiration.
    type: int
  external_participant_avatar_lookup:
    description:
      - External participant avatar lookup (on or off).
    type: bool
  gcp_client_email:
    description:
      - GCP client email.
    type: str
  gcp_private_key:
    description:
      - Private key of the Google Cloud service account used for dynamic bursting.
      - At most 12288 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  gcp_project_id:
    description:
      - GCP project ID.
    type: str
  guests_only_timeout:
    description:
      - Guests only timeout.
      - From 0 to 86400.
    type: int
  legacy_api_password:
    description:
      - Password of the legacy API account.
      - At most 100 characters.
      - 'Write-only: the manager never returns it, so it is sent on create and, with O(update_password=always),
        on every run.'
    type: str
  legacy_api_username:
    description:
      - Legacy API username.
      - At most 100 characters.
    type: str
  live_captions_vmr_default:
    description:
      - Live captions VMR default (on or off).
    type: bool
  liveview_show_conferences:
    description:
      - Live View show conferences (on or off).
    type: bool
  local_mssip_domain:
    description:
      - Local MS-SIP domain.
      - At most 255 characters.
    type: str
  logon_banner:
    description:
      - Logon banner.
      - At most 4096 characters.
    type: str
  logs_max_age:
    description:
      - Logs maximum age.
      - From 0 to 3650.
    type: int
  management_qos:
    description:
      - Management QoS.
      - From 0 to 63.
    type: int
  management_session_timeout:
    description:
      - Management session timeout.
      - From 5 to 1440.
    type: int
  management_start_page:
    description:
      - Management start page.
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
    choices:
      - sd
      - hd
      - fullhd
  max_presentation_bandwidth_ratio:
    description:
      - Maximum presentation bandwidth ratio.
      - From 25 to 75.
    type: int
  media_ports_end:
    description:
      - Media ports end.
      - From 10000 to 49999.
    type: int
  media_ports_start:
    description:
      - Media ports start.
      - From 10000 to 49999.
    type: int
  min_pin_length:
    description:
      - Minimum PIN length.
      - From 4 to 20.
    type: int
  ocsp_responder_url:
    description:
      - OCSP responder URL.
      - At most 255 characters.
    type: str
  ocsp_state:
    description:
      - OCSP state.
    type: str
    choices:
      - 'OFF'
      - 'ON'
      - OVERRIDE
  pin_entry_timeout:
    description:
      - PIN entry timeout.
      - From 30 to 86400.
    type: int
  session_timeout_enabled:
    description:
      - Whether session timeout is enabled.
    type: bool
  signalling_ports_end:
    description:
      - Signalling ports end.
      - From 10000 to 49999.
    type: int
  signalling_ports_start:
    description:
      - Signalling ports start.
      - From 10000 to 49999.
    type: int
  sip_tls_cert_verify_mode:
    description:
      - SIP TLS certificate verify mode.
    type: str
    choices:
      - 'OFF'
      - 'ON'
  site_banner:
    description:
      - Site banner.
      - At most 255 characters.
    type: str
  site_banner_bg:
    description:
      - Site banner background colour.
    type: str
  site_banner_fg:
    description:
      - Site banner text colour.
    type: str
  teams_enable_powerpoint_render:
    description:
      - Teams enable PowerPoint render (on or off).
    type: bool
  waiting_for_chair_timeout:
    description:
      - Waiting for chair timeout.
      - From 0 to 86400.
    type: int
seealso:
  - module: ucops.platform.pexip_resource
  - module: ucops.platform.pexip_resource_info
'''

EXAMPLES = r'''
- name: Protocols and timeouts
  ucops.platform.pexip_global:
    enable_h323: false
    enable_sip_udp: false
    waiting_for_chair_timeout: 900
    contact_email_address: video-team@example.com
'''

RETURN = r'''
global:
  description:
  - The global as the Management Node holds it after the task, references as resource URIs and secrets masked.
  returned: always
  type: dict
'''

from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_platform import GLOBAL
from ansible_collections.ucops.platform.plugins.module_utils.pexip_runners import run_singleton_module


def main():
    run_singleton_module(GLOBAL)


if __name__ == '__main__':
    main()
