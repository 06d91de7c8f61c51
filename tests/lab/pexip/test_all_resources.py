"""Every configuration resource of current versions, served by the lab.

The bodies below are derived from the reference facts (current/resources.json)
by hand-checked rules, independently of the lab's own spec (lab/pexip/gen_spec.py):
the fields a create needs (required, the natural key, the parent link the SDK
always sends, and for resources without Terraform coverage what the SDK always
sends). "@<resource>" stands for the URI of an object of that resource, made
first. Each resource gets a create + GET + PATCH (or PUT) + DELETE cycle with
exactly the methods its facts allow; the special answers (write-only, hashed,
detail keys, singletons, oauth2_client's key, uploads, the availability knob)
have tests of their own.
"""
import hashlib
import json
import os
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pexip_lab_client import API, ROOT, self_signed

with open(os.path.join(ROOT, "lab", "pexip", "shapes.json"), encoding="utf-8") as _handle:
    CURRENT = sorted(json.load(_handle)["configuration"])

# Methods of each resource from the facts (current/resources.json), lower case:
# full CRUD unless listed here.
CRUD = ["get", "post", "put", "delete", "patch"]
METHODS = {
    "authentication": (["get"], ["get", "patch"]), "autobackup": (["get"], ["get", "patch"]),
    "global": (["get"], ["get", "patch"]), "registration": (["get"], ["get", "patch"]),
    "trusted_join": (["get"], ["get", "patch"]), "gms_gateway_token": (["get"], ["delete", "get", "patch"]),
    "ca_certificate": (["delete", "get", "post"], ["delete", "get", "patch"]),
    "certificate_signing_request": (["delete", "get", "post"], ["delete", "get", "patch"]),
    "tls_certificate": (["delete", "get", "post", "patch"], ["delete", "get", "patch"]),
    "licence": (["get", "post"], ["get", "delete"]), "licence_request": (["get"], ["get", "post"]),
    "management_vm": (["get", "post", "delete"], ["get", "post", "delete", "patch"]),
    "permission": (["get"], ["get"]),
    "pexip_streaming_credential": (["get", "post"], ["get", "put", "delete"]),
    "software_bundle": (["get"], ["patch", "get"]), "software_bundle_revision": (["get"], ["get"]),
    "system_backup": (["get"], ["get", "delete"]), "system_syncpoint": (["post"], ["get"]),
    "system_tuneable": (["get", "post"], ["get", "put", "delete"]), "upgrade": (["post"], []),
    "upgrade_request": (["delete", "get"], ["delete", "get"]),
}
SINGLETONS = ["authentication", "autobackup", "global", "gms_gateway_token", "registration", "trusted_join"]
# Detail keys other than the id (current/resources.json detail_key).
DETAIL_KEYS = {"licence": "fulfillment_id", "licence_request": "sequence_number", "oauth2_client": "client_id",
               "system_backup": "filename", "webapp_branding": "uuid", "upgrade_request": "uuid"}
# write_only: true fields (never returned) and get_returns: "hash" fields (returned hashed).
HASHED = {"policy_server": "password", "smtp_server": "password"}

BODIES = {
    'adfs_auth_server': {
        'federation_service_identifier': 'lab-federation-service-identifier-1',
        'federation_service_name': 'lab-federation-service-name-2',
        'name': 'lab-name-3',
        'relying_party_trust_identifier_url': 'lab-relying-party-trust-identifier-url-4',
    },
    'adfs_auth_server_domain': {'adfs_auth_server': '@adfs_auth_server', 'domain': 'lab-domain-6'},
    'automatic_participant': {'alias': 'lab-alias-7'},
    'azure_tenant': {'name': 'lab-name-8', 'tenant_id': 'lab-tenant-id-9'},
    'break_in_allow_list_address': {'address': '192.0.2.20', 'name': 'lab-name-11', 'prefix': 1},
    'certificate_signing_request': {
        'ad_compatible': True,
        'private_key_type': 'rsa2048',  # the lab makes a real key: one of the types it knows (lab/README.md)
        'subject_name': 'lab-subject-name-15',
    },
    'conference': {'name': 'lab-name-16'},
    'conference_alias': {'alias': 'lab-alias-17', 'conference': '@conference'},
    'conference_sync_template': {
        'aliases_overridable': True,
        'allow_guests': True,
        'call_type': 'lab-call-type-21',
        'call_type_overridable': True,
        'callrates_overridable': True,
        'conference_description_overridable': True,
        'crypto_mode_overridable': True,
        'device_description_overridable': True,
        'device_enable_h323': True,
        'device_enable_infinity_connect_non_sso': True,
        'device_enable_infinity_connect_sso': True,
        'device_enable_sip': True,
        'device_enable_standard_sso': True,
        'device_password_overridable': True,
        'device_registration_types_overridable': True,
        'device_sync_if_account_disabled': True,
        'device_tag_overridable': True,
        'device_username_overridable': True,
        'direct_media': 'lab-direct-media-37',
        'direct_media_notification_duration': 0,
        'direct_media_notification_duration_overridable': True,
        'direct_media_overridable': True,
        'enable_active_speaker_indication': True,
        'enable_automatic_sync': True,
        'enable_chat': 'lab-enable-chat-43',
        'enable_chat_overridable': True,
        'enable_overlay_text': True,
        'enable_service_emails': True,
        'end_user_advanced_overridable': True,
        'end_user_contacts_overridable': True,
        'end_user_description_overridable': True,
        'end_user_names_overridable': True,
        'end_user_other_personal_overridable': True,
        'guests_can_present': True,
        'guests_can_present_overridable': True,
        'host_view': 'lab-host-view-54',
        'host_view_overridable': True,
        'idp_settings_overridable': True,
        'ivr_theme_overridable': True,
        'ldap_user_filter': 'lab-ldap-user-filter-58',
        'max_pixels_per_second_overridable': True,
        'name': 'lab-name-60',
        'non_idp_participants': 'lab-non-idp-participants-61',
        'participant_limit_overridable': True,
        'pin_settings_overridable': True,
        'primary_owner_email_address_overridable': True,
        'service_type': 'lab-service-type-65',
        'sync_conferences': True,
        'sync_devices': True,
        'sync_end_users': True,
        'tag_overridable': True,
    },
    'device': {'alias': 'lab-alias-70'},
    'diagnostic_graphs': {'order': 0, 'title': 'lab-title-72'},
    'dns_server': {'address': '192.0.2.83'},
    'end_user': {'primary_email_address': 'lab-primary-email-address-74'},
    'event_sink': {'name': 'lab-name-75', 'url': 'lab-url-76'},
    'exchange_domain': {'domain': 'lab-domain-77', 'exchange_connector': '@ms_exchange_connector'},
    'external_webapp_host': {'address': 'lab-address-79'},
    'gateway_routing_rule': {'match_string': 'lab-match-string-80', 'name': 'lab-name-81', 'priority': 1},
    'gms_access_token': {'name': 'lab-name-83'},
    'google_auth_server': {'application_type': 'lab-application-type-84', 'name': 'lab-name-85'},
    'google_auth_server_domain': {'domain': 'lab-domain-86', 'google_auth_server': '@google_auth_server'},
    'h323_gatekeeper': {'address': 'lab-address-88', 'name': 'lab-name-89'},
    'http_proxy': {'address': 'lab-address-90', 'name': 'lab-name-91'},
    'identity_provider': {
        'assertion_consumer_service_url': 'lab-assertion-consumer-service-url-92',
        'name': 'lab-name-93',
        'uuid': 'lab-uuid-94',
    },
    'identity_provider_attribute': {'name': 'lab-name-95'},
    'identity_provider_group': {'name': 'lab-name-96'},
    'ivr_theme': {'name': 'lab-name-97'},
    'ldap_role': {'ldap_group_dn': 'lab-ldap-group-dn-98', 'name': 'lab-name-99'},
    'ldap_sync_field': {'name': 'lab-name-100', 'template_variable_name': 'lab-template-variable-name-101'},
    'ldap_sync_source': {
        'ldap_base_dn': 'lab-ldap-base-dn-102',
        'ldap_bind_password': 'lab-ldap-bind-password-103',
        'ldap_bind_username': 'lab-ldap-bind-username-104',
        'ldap_server': 'lab-ldap-server-105',
        'name': 'lab-name-106',
    },
    'log_level': {'name': 'lab-name-107'},
    'management_vm': {'name': 'lab-name-108'},
    'media_library_playlist': {'name': 'lab-name-109'},
    'media_library_playlist_entry': {'playlist': '@media_library_playlist'},
    'media_processing_server': {'fqdn': 'lab-fqdn-111'},
    'mjx_endpoint': {
        'api_address': 'lab-api-address-112',
        'name': 'lab-name-113',
        'room_resource_email': 'lab-room-resource-email-114',
    },
    'mjx_endpoint_group': {'name': 'lab-name-115', 'system_location': '@system_location'},
    'mjx_exchange_autodiscover_url': {
        'exchange_deployment': '@mjx_exchange_deployment',
        'name': 'lab-name-118',
        'url': 'lab-url-119',
    },
    'mjx_exchange_deployment': {
        'name': 'lab-name-120',
        'service_account_password': 'lab-service-account-password-121',
        'service_account_username': 'lab-service-account-username-122',
    },
    'mjx_google_deployment': {
        'client_email': 'lab-client-email-123',
        'name': 'lab-name-124',
        'private_key': 'lab-private-key-125',
    },
    'mjx_graph_deployment': {
        'client_id': 'lab-client-id-126',
        'name': 'lab-name-127',
        'oauth_token_url': 'lab-oauth-token-url-128',
    },
    'mjx_integration': {'name': 'lab-name-129'},
    'mjx_meeting_processing_rule': {
        'meeting_type': 'pexipinfinity',
        'mjx_integration': '@mjx_integration',
        'name': 'lab-name-132',
        'priority': 1,
    },
    'ms_exchange_connector': {'addin_server_domain': 'lab-addin-server-domain-134', 'name': 'lab-name-135'},
    'mssip_proxy': {'address': 'lab-address-136', 'name': 'lab-name-137'},
    'ntp_server': {'address': 'lab-address-138'},
    'oauth2_client': {'client_name': 'lab-client-name-139', 'role': '@role'},
    'pexip_streaming_credential': {'kid': 'lab-kid-141', 'public_key': 'lab-public-key-142'},
    'policy_server': {'name': 'lab-name-143'},
    'recurring_conference': {
        'conference': '@conference',
        'current_index': 1,
        'ews_item_id': 'lab-ews-item-id-146',
        'is_depleted': True,
    },
    'role': {'name': 'lab-name-148'},
    'role_mapping': {'name': 'lab-name-149', 'value': 'lab-value-150'},
    'scheduled_alias': {
        'alias': 'lab-alias-151',
        'alias_number': 1,
        'exchange_connector': '@ms_exchange_connector',
        'is_used': True,
        'numeric_alias': 'lab-numeric-alias-155',
        'uuid': 'lab-uuid-156',
    },
    'scheduled_conference': {
        'conference': '@conference',
        'end_time': '2026-01-01T10:00:00',
        'ews_item_id': 'lab-ews-item-id-159',
        'start_time': '2026-01-01T10:00:00',
    },
    'scheduled_scaling': {
        'policy_name': 'lab-policy-name-161',
        'policy_type': 'TeamsConnectorScaling',
        'resource_identifier': 'lab-resource-identifier-163',
        'start_date': '2026-01-01',
        'time_from': '10:00:00',
        'time_to': '10:00:00',
    },
    'sip_credential': {'realm': 'lab-realm-167', 'username': 'lab-username-168'},
    'sip_proxy': {'address': 'lab-address-169', 'name': 'lab-name-170'},
    'smtp_server': {'address': 'lab-address-171', 'from_email_address': 'lab172@example.com', 'name': 'lab-name-173'},
    'snmp_network_management_system': {'address': 'lab-address-174', 'name': 'lab-name-175'},
    'ssh_authorized_key': {'key': 'lab-key-176'},
    'static_route': {'address': '192.0.2.187', 'gateway': '192.0.2.188', 'name': 'lab-name-179', 'prefix': 0},
    'stun_server': {'address': 'lab-address-181', 'name': 'lab-name-182'},
    'syslog_server': {'address': 'lab-address-183'},
    'system_location': {'name': 'lab-name-184'},
    'system_syncpoint': {},
    'system_tuneable': {'name': 'lab-name-185', 'setting': 'lab-setting-186'},
    'teams_proxy': {'address': 'lab-address-187', 'azure_tenant': '@azure_tenant', 'name': 'lab-name-189'},
    'telehealth_profile': {
        'epic_encryption_algorithm': 'lab-epic-encryption-algorithm-190',
        'epic_encryption_key_type': 'lab-epic-encryption-key-type-191',
        'epic_patient_app_client_id': 'lab-epic-patient-app-client-id-192',
        'epic_provider_app_client_id': 'lab-epic-provider-app-client-id-193',
        'infinity_webapp_server_base_url': 'lab-infinity-webapp-server-base-url-194',
        'name': 'lab-name-195',
        'patient_alias_template': 'lab-patient-alias-template-196',
        'patient_display_name_template': 'lab-patient-display-name-template-197',
        'patient_oauth2_redirect_url': 'lab-patient-oauth2-redirect-url-198',
        'patient_web_join_link_template': 'lab-patient-web-join-link-template-199',
        'provider_alias_template': 'lab-provider-alias-template-200',
        'provider_display_name_template': 'lab-provider-display-name-template-201',
        'provider_oauth2_redirect_url': 'lab-provider-oauth2-redirect-url-202',
        'provider_web_join_link_template': 'lab-provider-web-join-link-template-203',
        'service_name_template': 'lab-service-name-template-204',
        'telehealth_call_domain': 'lab-telehealth-call-domain-205',
        'telehealth_integration_base_url': 'lab-telehealth-integration-base-url-206',
        'telehealth_integration_oauth2_base_api_url': 'lab-telehealth-integration-oauth2-base-api-url-207',
        'uuid': 'lab-uuid-208',
    },
    'trusted_join_zoom_account': {'customer_id': 'lab-customer-id-209'},
    'turn_server': {'address': 'lab-address-210', 'name': 'lab-name-211'},
    'user_group': {'name': 'lab-name-212'},
    'user_group_entity_mapping': {'entity_resource_uri': 'lab-entity-resource-uri-213', 'user_group': '@user_group'},
    'webapp_alias': {'slug': 'lab-slug-215', 'webapp_type': 'webapp2'},
}
PATCH_FIELD = {
    'adfs_auth_server': 'description',
    'adfs_auth_server_domain': 'description',
    'authentication': 'ldap_base_dn',
    'autobackup': 'autobackup_upload_url',
    'automatic_participant': 'description',
    'azure_tenant': 'description',
    'break_in_allow_list_address': 'description',
    'certificate_signing_request': 'additional_subject_alt_names',
    'conference': 'description',
    'conference_alias': 'description',
    'conference_sync_template': 'description',
    'device': 'description',
    'dns_server': 'description',
    'end_user': 'description',
    'event_sink': 'description',
    'gateway_routing_rule': 'description',
    'global': 'aws_access_key',
    'gms_gateway_token': 'certificate',
    'google_auth_server': 'description',
    'google_auth_server_domain': 'description',
    'h323_gatekeeper': 'description',
    'http_proxy': 'address',
    'identity_provider': 'description',
    'identity_provider_attribute': 'description',
    'identity_provider_group': 'description',
    'ivr_theme': 'custom_layouts',
    'ldap_sync_field': 'description',
    'ldap_sync_source': 'description',
    'licence_request': 'actions',
    'management_vm': 'description',
    'media_library_entry': 'description',
    'media_library_playlist': 'description',
    'mjx_endpoint': 'description',
    'mjx_endpoint_group': 'description',
    'mjx_exchange_autodiscover_url': 'description',
    'mjx_exchange_deployment': 'description',
    'mjx_google_deployment': 'description',
    'mjx_graph_deployment': 'description',
    'mjx_integration': 'description',
    'mjx_meeting_processing_rule': 'description',
    'ms_exchange_connector': 'description',
    'mssip_proxy': 'description',
    'ntp_server': 'description',
    'pexip_streaming_credential': 'public_key',
    'policy_server': 'description',
    'recurring_conference': 'ews_item_id',
    'scheduled_alias': 'ews_item_uid',
    'scheduled_conference': 'ews_item_id',
    'scheduled_scaling': 'local_timezone',
    'sip_proxy': 'description',
    'smtp_server': 'description',
    'snmp_network_management_system': 'description',
    'ssh_authorized_key': 'comment',
    'stun_server': 'description',
    'syslog_server': 'description',
    'system_location': 'description',
    'teams_proxy': 'description',
    'telehealth_profile': 'description',
    'tls_certificate': 'parameters',
    'trusted_join_zoom_account': 'description',
    'turn_server': 'description',
    'upgrade': 'package',
    'user_group': 'description',
    'user_group_entity_mapping': 'description',
    'webapp_alias': 'description',
    'webapp_branding': 'description',
    'worker_vm': 'description',
}


def _special():
    cert, key = self_signed("all.example.test")
    ca_cert, _key = self_signed("all-ca.example.test")
    return {
        "ca_certificate": {"certificate": ca_cert},
        "tls_certificate": {"certificate": cert, "private_key": key},
        "licence": {"entitlement_id": "ALLR-1234-EFGH-5678", "offline_mode": False},
        "worker_vm": {"name": "all-node", "hostname": "all-node", "domain": "example.test",
                      "address": "192.0.2.201", "netmask": "255.255.255.0", "gateway": "192.0.2.1",
                      "system_location": "@system_location"},
    }


# Resources created by a multipart upload: resource -> (file field, file name, content).
UPLOADS = {
    "media_library_entry": ("media_file", "clip.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 300),
    "webapp_branding": ("branding_file", "brand.zip", b"PK\x03\x04" + b"\x02" * 300),
}
UPLOAD_BODIES = {"media_library_entry": {"name": "clip"},
                 "webapp_branding": {"name": "brand", "webapp_type": "webapp3"}}


class Maker:
    """Objects made from BODIES, their related objects first."""

    def __init__(self, api):
        self.api = api
        self.special = _special()
        self.made = {}

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if isinstance(value, str) and value.startswith("@"):
            return self.uri(value[1:])
        return value

    def body(self, resource):
        raw = self.special.get(resource) or UPLOAD_BODIES.get(resource) or BODIES[resource]
        return {name: self.resolve(value) for name, value in raw.items()}

    def uri(self, resource):
        """An object of ``resource``: made once, or the first listed where clients cannot make one."""
        if resource not in self.made:
            if resource in BODIES or resource in self.special or resource in UPLOADS:
                self.made[resource] = self.create(resource)
            else:
                objects = self.api.get(resource + "/").json()["objects"]
                assert objects, "no %s object to refer to" % resource
                self.made[resource] = objects[0]["resource_uri"]
        return self.made[resource]

    def create(self, resource, body=None):
        body = self.body(resource) if body is None else body
        if resource in UPLOADS:
            field, name, content = UPLOADS[resource]
            response = self.api.session.post(self.api.url(resource + "/"), data=body,
                                             files={field: (name, content)}, timeout=30)
        else:
            response = self.api.post(resource + "/", body)
        assert response.status_code == 201, (resource, response.text)
        return urlsplit(response.headers["Location"]).path


def test_the_root_lists_every_current_resource_and_each_answers_its_schema(api):
    root = api.get("").json()
    assert set(CURRENT) <= set(root) and len(CURRENT) == 91
    for resource in CURRENT:
        assert root[resource]["list_endpoint"] == API + resource + "/"
        schema = api.get(resource + "/schema/")
        assert schema.status_code == 200, resource
        lists, details = METHODS.get(resource, (CRUD, CRUD))
        assert sorted(schema.json()["allowed_list_http_methods"]) == sorted(lists), resource
        assert sorted(schema.json()["allowed_detail_http_methods"]) == sorted(details), resource


@pytest.mark.parametrize("resource", CURRENT)
def test_create_get_change_delete_with_the_methods_of_the_facts(api, resource):
    lists, details = METHODS.get(resource, (CRUD, CRUD))
    for method in set(CRUD) - set(lists):
        assert api.request(method.upper(), resource + "/", {}).status_code == 405, (resource, method)
    if resource in SINGLETONS:
        return  # test_singletons
    if "post" not in lists or resource in ("upgrade", "system_syncpoint", "management_vm"):
        return  # read-only, action-only or special resources: tests of their own below
    maker = Maker(api)
    uri = maker.create(resource)
    obj = api.get(uri).json()
    assert obj["resource_uri"] == uri
    key = DETAIL_KEYS.get(resource, "id")
    assert uri == "%s%s/%s/" % (API, resource, obj[key])
    if key != "id":
        assert "id" not in obj
    for method in set(CRUD) - set(details):
        assert api.request(method.upper(), uri, {}).status_code == 405, (resource, method)
    field = PATCH_FIELD.get(resource)
    if "patch" in details:
        change = {field: "lab changed"} if field else {}
        assert api.patch(uri, change).status_code == 202
        if field:
            assert api.get(uri).json()[field] == "lab changed"
    elif "put" in details:
        body = maker.body(resource)
        if field:
            body[field] = "lab changed"
        response = api.put(uri, body)
        assert response.status_code in (200, 202, 204), response.text
        if field:
            assert api.get(uri).json()[field] == "lab changed"
    if "delete" in details:
        assert api.delete(uri).status_code == 204
        assert api.get(uri).status_code == 404
        assert api.delete(uri).status_code == 404


def test_related_uri_to_a_missing_object_is_a_400_naming_the_field(api):
    maker = Maker(api)
    body = maker.body("conference_alias")
    body["conference"] = API + "conference/999/"
    response = api.post("conference_alias/", body)
    assert response.status_code == 400 and list(response.json()["conference_alias"]) == ["conference"]
    body = maker.body("end_user")
    body["user_groups"] = [API + "user_group/999/"]
    response = api.post("end_user/", body)
    assert response.status_code == 400 and list(response.json()["end_user"]) == ["user_groups"]


def test_documented_natural_keys_are_unique(api):
    maker = Maker(api)
    for resource, key in (("event_sink", "name"), ("webapp_alias", "slug")):
        body = maker.body(resource)
        maker.create(resource, body)
        response = api.post(resource + "/", body)
        assert response.status_code == 400 and key in response.json()[resource], (resource, response.text)


def test_write_only_fields_are_never_returned_and_hashed_ones_come_back_hashed(api):
    maker = Maker(api)
    secrets = {"http_proxy": "password", "event_sink": "password", "gms_access_token": "token",
               "mjx_graph_deployment": "client_secret"}
    for resource, field in sorted(secrets.items()):
        body = dict(maker.body(resource), **{field: "clear-%s-secret" % resource})
        uri = maker.create(resource, body)
        assert field not in api.get(uri).json(), resource
        listed = api.get(resource + "/").json()["objects"]
        assert all(field not in item for item in listed) and "clear-%s-secret" % resource not in json.dumps(listed)
    for resource, field in sorted(HASHED.items()):
        body = dict(maker.body(resource), **{field: "clear-secret-1"})
        uri = maker.create(resource, body)
        first = api.get(uri).json()[field]
        assert first and "clear-secret-1" not in first and api.get(uri).json()[field] == first  # stable
        assert api.patch(uri, {field: "clear-secret-2"}).status_code == 202
        second = api.get(uri).json()[field]
        assert second != first and "clear-secret-2" not in second


def test_singletons_hold_object_1_from_the_start(api):
    for resource in SINGLETONS:
        listing = api.get(resource + "/").json()
        assert [item["id"] for item in listing["objects"]] == [1], resource
        assert api.get(resource + "/1/").status_code == 200
        assert api.post(resource + "/", {}).status_code == 405
        assert api.get(resource + "/2/").status_code == 404
    assert api.patch("trusted_join/1/", {"zoom_enabled": True}).status_code == 202
    assert api.get("trusted_join/1/").json()["zoom_enabled"] is True
    assert api.patch("autobackup/1/", {"autobackup_interval": 12, "autobackup_passphrase": "pp"}).status_code == 202
    autobackup = api.get("autobackup/1/").json()
    assert autobackup["autobackup_interval"] == 12 and "autobackup_passphrase" not in autobackup
    assert api.delete("autobackup/1/").status_code == 405


def test_gms_gateway_token_delete_empties_the_singleton(api):
    cert, key = self_signed("gms.example.test")
    assert api.patch("gms_gateway_token/1/", {"certificate": cert, "private_key": key}).status_code == 202
    token = api.get("gms_gateway_token/1/").json()
    assert token["certificate"] == cert and "private_key" not in token
    assert api.delete("gms_gateway_token/1/").status_code == 204
    token = api.get("gms_gateway_token/1/").json()
    assert token["certificate"] == "" and token["id"] == 1
    assert api.delete("gms_gateway_token/").status_code == 405


def test_oauth2_client_post_answer_holds_the_only_copy_of_the_private_key(api):
    role = Maker(api).uri("role")
    response = api.post("oauth2_client/", {"client_name": "automation", "role": role})
    assert response.status_code == 201 and response.headers["Content-Type"].startswith("application/json")
    created = response.json()
    client_id = created["client_id"]
    assert client_id and response.headers["Location"].endswith(API + "oauth2_client/%s/" % client_id)
    assert created["resource_uri"] == API + "oauth2_client/%s/" % client_id
    key = serialization.load_pem_private_key(created["private_key_jwt"].encode(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
    shown = api.get(created["resource_uri"]).json()
    assert "private_key_jwt" not in shown and shown["client_name"] == "automation"
    assert "private_key_jwt" not in json.dumps(api.get("oauth2_client/").json())
    # client_id is the manager's: a value sent is ignored
    other = api.post("oauth2_client/", {"client_name": "second", "role": role, "client_id": "mine"}).json()
    assert other["client_id"] != "mine" and other["private_key_jwt"] != created["private_key_jwt"]
    assert api.patch(created["resource_uri"], {"client_name": "renamed"}).status_code == 202
    assert "private_key_jwt" not in api.get(created["resource_uri"]).json()
    assert api.delete(created["resource_uri"]).status_code == 204


def test_uploads_are_stored_and_described_by_the_facts_fields(api, lab_env):
    maker = Maker(api)
    uri = maker.create("media_library_entry")
    entry = api.get(uri).json()
    _field, name, content = UPLOADS["media_library_entry"]
    assert entry["file_name"] == name and entry["media_size"] == len(content)
    assert entry["media_type"] == "video" and entry["uuid"] and entry["media_file"] is None
    stored = os.path.join(lab_env["LAB_STATE_DIR"], "pexip", "uploads", hashlib.sha256(content).hexdigest())
    with open(stored, "rb") as handle:
        assert handle.read() == content
    replaced = api.session.patch(api.url(uri), files={"media_file": ("tune.mp3", b"ID3" + b"\x00" * 50)}, timeout=30)
    assert replaced.status_code == 202, replaced.text
    assert api.get(uri).json()["media_type"] == "audio"
    missing = api.post("media_library_entry/", {"name": "no file"})
    assert missing.status_code == 400 and list(missing.json()["media_library_entry"]) == ["media_file"]
    brand = maker.create("webapp_branding")
    branding = api.get(brand).json()
    assert brand == API + "webapp_branding/%s/" % branding["uuid"] and "id" not in branding
    assert branding["is_default"] is False and branding["branding_file"] is None
    assert api.patch(brand, {"description": "blue"}).status_code == 202
    alias = maker.create("webapp_alias", dict(maker.body("webapp_alias"), branding=brand))
    assert api.get(alias).json()["branding"]["uuid"] == branding["uuid"]  # nested on GET
    assert api.delete(brand).status_code == 204


def test_software_bundles_sync_points_tuneables_streaming_credentials_and_upgrade_requests(api):
    bundles = api.get("software_bundle/").json()["objects"]
    revisions = api.get("software_bundle_revision/").json()["objects"]
    assert bundles and revisions
    bundle = bundles[0]
    same = [rev for rev in revisions if rev["bundle_type"] == bundle["bundle_type"]]
    assert api.patch(bundle["resource_uri"], {"selected_revision": same[0]["resource_uri"]}).status_code == 202
    assert api.post("software_bundle_revision/", {}).status_code == 405
    assert api.patch(revisions[0]["resource_uri"], {"core": False}).status_code == 405
    sync = api.session.post(api.url("system_syncpoint/"), timeout=30)
    assert sync.status_code == 201
    point = api.get(urlsplit(sync.headers["Location"]).path).json()
    assert point["creation_time"] and api.get("system_syncpoint/").status_code == 405
    tuneable = Maker(api).create("system_tuneable")
    assert api.put(tuneable, {"name": "lab_tuneable", "setting": "2"}).status_code in (200, 202, 204)
    assert api.get(tuneable).json()["setting"] == "2"
    assert api.patch(tuneable, {"setting": "3"}).status_code == 405
    response = api.post("upgrade/", {"request": True, "total_size": 1024})
    assert response.status_code == 201
    request = urlsplit(response.headers["Location"]).path
    opened = api.get(request).json()
    assert request == API + "upgrade_request/%s/" % opened["uuid"] and opened["offset"] == 0
    assert set(opened["current"]) <= {"build_date", "major", "pseudo_version", "version"}
    assert api.post("upgrade_request/", {}).status_code == 405
    assert api.delete(request).status_code == 204 and api.get(request).status_code == 404


def test_resources_can_be_made_absent_like_an_older_or_newer_manager(api, lab):
    assert "host_system" in lab.resources()["legacy"] and lab.resources()["absent"] == []
    assert api.get("host_system/").status_code == 200  # served by default (legacy)
    state = lab.set_absent_resources(["teams_proxy", "host_system"])
    assert state["absent"] == ["host_system", "teams_proxy"]
    for path in ("teams_proxy/", "teams_proxy/schema/", "teams_proxy/1/", "host_system/"):
        assert api.get(path).status_code == 404, path
    assert api.post("teams_proxy/", {"name": "x"}).status_code == 404
    root = api.get("").json()
    assert "teams_proxy" not in root and "host_system" not in root and "conference" in root
    assert api.get("conference/").status_code == 200
    with pytest.raises(Exception):
        lab.set_absent_resources(["no_such_resource"])
    lab.set_absent_resources([])
    assert api.get("teams_proxy/").status_code == 200
    lab.set_absent_resources(["teams_proxy"])
    lab.reset()  # a reset serves everything again
    assert api.get("teams_proxy/").status_code == 200 and lab.resources()["absent"] == []


# write_only: true fields of current/resources.json (files left out: they show as null;
# tls_certificate and worker_vm have tests of their own).
WRITE_ONLY = {
    "authentication": ["ldap_bind_password", "oidc_client_secret", "oidc_private_key"],
    "autobackup": ["autobackup_passphrase", "autobackup_upload_password"],
    "device": ["password"], "event_sink": ["password"], "global": ["aws_secret_key", "azure_secret"],
    "gms_access_token": ["token"], "gms_gateway_token": ["private_key"], "http_proxy": ["password"],
    "identity_provider": ["oidc_client_secret", "service_private_key"],
    "management_vm": ["snmp_authentication_password", "snmp_privacy_password"],
    "mjx_endpoint": ["api_password", "poly_password"], "mjx_exchange_deployment": ["service_account_password"],
    "mjx_google_deployment": ["client_secret", "private_key"], "mjx_graph_deployment": ["client_secret"],
    "mjx_integration": ["ep_password", "webex_client_secret"],
    "ms_exchange_connector": ["oauth_client_secret", "password", "personal_vmr_oauth_client_secret"],
    "registration": ["push_token"], "sip_credential": ["password"], "teams_proxy": ["notifications_queue"],
    "turn_server": ["password", "secret_key"],
}


@pytest.mark.parametrize("resource", sorted(WRITE_ONLY))
def test_every_write_only_field_is_left_out_of_every_answer(api, resource):
    secrets = {field: "Clear-Secret-%d" % number for number, field in enumerate(WRITE_ONLY[resource])}
    if resource in SINGLETONS or resource == "management_vm":
        uri = api.get(resource + "/").json()["objects"][0]["resource_uri"]
        response = api.patch(uri, secrets)
        assert response.status_code == 202, response.text
    else:
        maker = Maker(api)
        uri = maker.create(resource, dict(maker.body(resource), **secrets))
    for answer in (api.get(uri).json(), api.get(resource + "/").json()):
        text = json.dumps(answer)
        assert not any(value in text for value in secrets.values()), (resource, text[:300])
    assert not set(secrets) & set(api.get(uri).json())
