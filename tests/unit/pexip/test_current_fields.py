"""The descriptions of the resources from the older API document follow the current (v38-v41) facts.

The checks are the points where the older document differed: fields it lacked, limits the API's own
schema page sets otherwise, choices, secrets the manager may not return, and options the current API
does not take (read-only or deprecated fields).
"""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_callcontrol as callcontrol
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_conferencing as conferencing
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_nodes as nodes
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_platform as platform
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_services as services
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_users as users


@pytest.mark.parametrize('resource, name, kind, target', [
    (conferencing.CONFERENCE, 'scheduled_conferences', 'refs', 'scheduled_conference'),
    (conferencing.CONFERENCE_ALIAS, 'view_order', 'plain', None),
    (users.AUTHENTICATION, 'oidc_metadata', 'plain', None),
    (platform.MANAGEMENT_VM, 'address', 'plain', None),
    (platform.MANAGEMENT_VM, 'netmask', 'plain', None),
    (platform.MANAGEMENT_VM, 'gateway', 'plain', None),
    (platform.MANAGEMENT_VM, 'hostname', 'plain', None),
    (platform.MANAGEMENT_VM, 'domain', 'plain', None),
    (platform.MANAGEMENT_VM, 'initializing', 'plain', None),
    (platform.TLS_CERTIFICATE, 'nodes', 'plain', None),
    (services.IVR_THEME, 'uuid', 'plain', None),
])
def test_fields_the_older_document_lacked(resource, name, kind, target):
    field = resource.fields[name]
    assert field.kind == kind and field.target == target and field.doc


@pytest.mark.parametrize('resource, name', [
    (platform.TLS_CERTIFICATE, 'client_auth_usage'), (platform.TLS_CERTIFICATE, 'server_auth_usage'),
    (platform.LICENCE, 'vendor_dictionary'), (users.LDAP_SYNC_SOURCE, 'ldap_permit_no_tls'),
    (users.AUTHENTICATION, 'ldap_permit_no_tls'), (nodes.WORKER_VM, 'managed'), (nodes.WORKER_VM, 'signalling'),
    (nodes.WORKER_VM, 'service_manager'), (nodes.WORKER_VM, 'service_policy'), (platform.GLOBAL, 'pss_token'),
    (platform.GLOBAL, 'live_captions_enabled'),
])
def test_read_only_and_deprecated_fields_are_not_options(resource, name):
    assert name not in resource.fields


@pytest.mark.parametrize('resource, name, longest', [
    (callcontrol.TURN_SERVER, 'secret_key', 100), (callcontrol.SIP_CREDENTIAL, 'username', 100),
    (callcontrol.SIP_CREDENTIAL, 'password', 100), (callcontrol.SIP_CREDENTIAL, 'realm', 255),
    (services.DEVICE, 'username', 100), (platform.SNMP_NETWORK_MANAGEMENT_SYSTEM, 'description', 250),
    (platform.NTP_SERVER, 'description', 250), (platform.NTP_SERVER, 'key', 100),
    (users.LDAP_ROLE, 'ldap_group_dn', 255), (platform.TLS_CERTIFICATE, 'private_key', 12288),
    (services.CONFERENCE_SYNC_TEMPLATE, 'alias_1', 512), (services.CONFERENCE_SYNC_TEMPLATE, 'device_username', 100),
    (services.CONFERENCE_SYNC_TEMPLATE, 'service_email_template', 24576),
])
def test_text_limits_of_the_schema_page(resource, name, longest):
    field = resource.fields[name]
    assert field.check(name, 'x' * longest) is None
    assert field.check(name, 'x' * (longest + 1)) == '%s must be at most %d characters long (got %d)' % (
        name, longest, longest + 1)


@pytest.mark.parametrize('resource, name, lowest, highest', [
    (platform.STATIC_ROUTE, 'prefix', 0, 128), (platform.NTP_SERVER, 'key_id', 1, 65535),
    (platform.GLOBAL, 'eject_last_participant_backstop_timeout', 0, 86400),
    (services.CONFERENCE_SYNC_TEMPLATE, 'direct_media_notification_duration', 0, 30),
    (services.CONFERENCE_SYNC_TEMPLATE, 'participant_limit', 0, 1000000),
])
def test_number_ranges_of_the_schema_page(resource, name, lowest, highest):
    field = resource.fields[name]
    assert field.check(name, lowest) is None and field.check(name, highest) is None
    assert field.check(name, lowest - 1) and field.check(name, highest + 1)


def test_crypto_mode_has_no_empty_choice_and_is_cleared_to_null():
    field = conferencing.CONFERENCE.fields['crypto_mode']
    assert field.choices == ['besteffort', 'on', 'off']
    assert field.cleared() is None


@pytest.mark.parametrize('resource, name', [
    (platform.NTP_SERVER, 'key'), (platform.GLOBAL, 'gcp_private_key'), (platform.GLOBAL, 'legacy_api_password'),
    (services.CONFERENCE_SYNC_TEMPLATE, 'pin'), (services.CONFERENCE_SYNC_TEMPLATE, 'guest_pin'),
    (services.CONFERENCE_SYNC_TEMPLATE, 'device_password'),
])
def test_secrets_the_manager_may_not_return_are_write_only(resource, name):
    assert resource.fields[name].kind == 'write_only'
    assert resource.argument_spec()[name]['no_log'] is True


def test_oidc_urls_are_checked():
    for name in ('oidc_authorize_url', 'oidc_metadata_url', 'oidc_token_endpoint_url'):
        field = users.AUTHENTICATION.fields[name]
        assert field.check(name, 'https://login.example.com/authorize') is None
        assert 'must be an http or https URL' in field.check(name, 'login.example.com')


def test_node_identity_fields_are_required():
    for name in ('hostname', 'domain', 'address', 'netmask', 'gateway', 'system_location'):
        assert nodes.WORKER_VM.fields[name].required, name
    assert nodes.WORKER_VM.fields['address'].check('address', '') == 'address cannot be empty'


@pytest.mark.parametrize('resource', [
    conferencing.CONFERENCE, callcontrol.GATEWAY_ROUTING_RULE, nodes.SYSTEM_LOCATION, platform.MANAGEMENT_VM,
])
def test_optional_references_are_nullable(resource):
    refs = [name for name, field in resource.fields.items() if field.kind == 'ref' and not field.required]
    assert refs and all(resource.fields[name].nullable for name in refs)
