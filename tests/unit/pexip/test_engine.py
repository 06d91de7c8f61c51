"""The resource engine against a scripted API: what it compares, writes and reports."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_callcontrol as callcontrol
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_nodes as nodes
from ansible_collections.ucops.platform.plugins.module_utils import pexip_catalog_platform as platform
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE, CONFERENCE_ALIAS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import object_argument_spec
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK, Field, Resource, pin_field
from ansible_collections.ucops.platform.plugins.module_utils.pexip_worker_vm import WorkerVmDeployer

from fake_http import FakeResponse, listing

CONF = '/api/admin/configuration/v1/conference/'
ALIAS = '/api/admin/configuration/v1/conference_alias/'
THEME = '/api/admin/configuration/v1/ivr_theme/'
ADP = '/api/admin/configuration/v1/automatic_participant/'


def vmr(**extra):
    obj = {'id': 1, 'name': 'VMR_1', 'description': '', 'pin': '', 'guest_pin': '', 'guest_view': None,
           'host_view': 'one_main_seven_pips', 'ivr_theme': None, 'max_callrate_in': None, 'service_type': 'conference',
           'tag': '', 'automatic_participants': [], 'resource_uri': CONF + '1/',
           'aliases': [{'alias': 'meet@example.com', 'conference': CONF + '1/', 'description': '', 'id': 1}]}
    obj.update(extra)
    return obj


def params(**values):
    base = dict((name, None) for name in CONFERENCE.fields)
    base.update(aliases=None, purge_aliases=True)
    base.update(values)
    return base


def engine(client, **kw):
    return Engine(client, CONFERENCE, **kw)


def test_uri_of_shapes():
    assert uri_of({'resource_uri': 'https://h' + THEME + '2/'}) == THEME + '2/'
    assert uri_of({'resource_uri': '', 'id': 4}, 'automatic_participant') == ADP + '4/'
    assert uri_of(THEME + '2') == THEME + '2/'
    assert uri_of('') is None and uri_of(None) is None


def test_no_change_means_no_write(client, session):
    theme = {'id': 2, 'name': 'Corp', 'resource_uri': THEME + '2/'}
    session.add('GET', CONF, listing([vmr(ivr_theme=theme, description=None, automatic_participants=[
        {'id': 4, 'resource_uri': ''}, {'id': 5, 'resource_uri': ADP + '5/'}])]))
    session.add('GET', THEME, listing([theme]))
    session.add('GET', ADP + '4/', FakeResponse(200, {'id': 4}))
    session.add('GET', ADP + '5/', FakeResponse(200, {'id': 5}))
    result = engine(client, diff_mode=True).ensure(params(
        name='VMR_1', description='', ivr_theme='Corp', guest_view='', host_view='one_main_seven_pips',
        automatic_participants=[ADP + '5/', '4'],
        aliases=[{'alias': 'meet@example.com', 'description': None}]))
    assert result['changed'] is False
    assert session.writes() == []
    assert result['diff'] == {'before': {}, 'after': {}}


def test_update_patches_only_changed_fields_and_masks_pins_in_diff(client, session):
    session.add('GET', CONF, listing([vmr(pin='1111')]))
    session.add('PATCH', CONF + '1/', FakeResponse(202))
    session.add('GET', CONF + '1/', FakeResponse(200, vmr(pin='2222', description='new')))
    result = engine(client, diff_mode=True).ensure(params(name='VMR_1', pin='2222', description='new', tag=''))
    assert result['changed'] is True
    assert session.writes() == [{'method': 'PATCH', 'path': CONF + '1/', 'params': None, 'query': None,
                                 'data': {'pin': '2222', 'description': 'new'}}]
    assert result['diff']['before'] == {'pin': MASK, 'description': ''}
    assert result['diff']['after'] == {'pin': MASK + ' (changed)', 'description': 'new'}
    assert result['conference']['pin'] == MASK
    assert '2222' not in repr(result) and '1111' not in repr(result)


def test_check_mode_create_predicts_and_writes_nothing(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', ALIAS, listing([]))
    result = engine(client, check_mode=True, diff_mode=True).ensure(params(
        name='VMR_2', pin='1234', aliases=[{'alias': 'a@x', 'description': 'A'}, {'alias': 'b@x'}]))
    assert result['changed'] is True and session.writes() == []
    assert result['conference']['name'] == 'VMR_2' and result['conference']['pin'] == MASK
    assert result['conference']['aliases'] == [{'description': 'A', 'alias': 'a@x'}, {'alias': 'b@x'}]
    assert result['diff']['after']['aliases'] == [{'alias': 'a@x', 'description': 'A'}, {'alias': 'b@x', 'description': ''}]


def test_create_posts_nested_aliases_in_one_request(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', ALIAS, listing([]))
    session.add('POST', CONF, FakeResponse(201, headers={'Location': CONF + '9/'}))
    session.add('GET', CONF + '9/', FakeResponse(200, vmr(id=9, name='VMR_9')))
    result = engine(client).ensure(params(name='VMR_9', aliases=[{'alias': 'b@x'}, {'alias': 'a@x'}]))
    assert result['changed'] is True
    posts = session.writes()
    assert len(posts) == 1
    assert posts[0]['data'] == {'name': 'VMR_9', 'aliases': [{'alias': 'a@x'}, {'alias': 'b@x'}]}


def test_alias_set_is_converged_with_purge(client, session):
    current = vmr(aliases=[
        {'alias': 'keep@x', 'conference': CONF + '1/', 'description': 'old', 'id': 1, 'resource_uri': ALIAS + '1/'},
        {'alias': 'drop@x', 'conference': CONF + '1/', 'description': '', 'id': 2, 'resource_uri': ALIAS + '2/'}])
    session.add('GET', CONF, listing([current]))
    session.add('GET', ALIAS, listing([]))
    session.add('DELETE', ALIAS + '2/', FakeResponse(204))
    session.add('PATCH', ALIAS + '1/', FakeResponse(202))
    session.add('POST', ALIAS, FakeResponse(201, headers={'Location': ALIAS + '3/'}))
    session.add('GET', CONF + '1/', FakeResponse(200, current))
    result = engine(client, diff_mode=True).ensure(params(
        name='VMR_1', aliases=[{'alias': 'keep@x', 'description': 'new'}, {'alias': 'add@x'}]))
    writes = [(w['method'], w['path'], w['data']) for w in session.writes()]
    assert writes == [('DELETE', ALIAS + '2/', None), ('PATCH', ALIAS + '1/', {'description': 'new'}),
                      ('POST', ALIAS, {'alias': 'add@x', 'conference': CONF + '1/'})]
    assert result['diff']['before']['aliases'] == [{'alias': 'drop@x', 'description': ''}, {'alias': 'keep@x', 'description': 'old'}]
    assert result['diff']['after']['aliases'] == [{'alias': 'add@x', 'description': ''}, {'alias': 'keep@x', 'description': 'new'}]


def test_no_purge_keeps_unlisted_aliases(client, session):
    session.add('GET', CONF, listing([vmr()]))
    result = engine(client).ensure(params(name='VMR_1', aliases=[], purge_aliases=False))
    assert result['changed'] is False and session.writes() == []


def test_alias_taken_by_another_service_fails_before_any_write(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', ALIAS, listing([{'alias': 'taken@x', 'conference': CONF + '7/', 'id': 5}]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', description='x', aliases=[{'alias': 'taken@x'}]))
    assert 'taken@x' in str(caught.value) and CONF + '7/' in str(caught.value)
    assert session.writes() == []


def test_missing_reference_fails_naming_it(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', THEME, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', ivr_theme='Nope'))
    assert "ivr_theme: no ivr_theme with name 'Nope'" in str(caught.value)
    assert session.writes() == []


def test_bad_pin_and_limits_fail_before_any_request(client, session):
    session.add('GET', CONF, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', pin='abcd', max_callrate_in=64, description='x' * 251))
    text = str(caught.value)
    assert 'pin must be 4 to 20 digits' in text and 'max_callrate_in must be at least 128' in text
    assert 'description must be at most 250' in text
    assert 'abcd' not in text
    assert session.writes() == []


def test_clear_sets_null_and_empty(client, session):
    session.add('GET', CONF, listing([vmr(max_callrate_in=512, ivr_theme={'id': 2, 'resource_uri': THEME + '2/'})]))
    session.add('PATCH', CONF + '1/', FakeResponse(202))
    session.add('GET', CONF + '1/', FakeResponse(200, vmr()))
    engine(client).ensure(params(name='VMR_1'), clear=['max_callrate_in', 'ivr_theme', 'description'])
    assert session.writes()[0]['data'] == {'max_callrate_in': None, 'ivr_theme': None}


def test_clear_refuses_booleans_and_conflicts(client, session):
    session.add('GET', CONF, listing([vmr()]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', tag='x'), clear=['allow_guests', 'tag'])
    assert 'allow_guests is a boolean' in str(caught.value) and 'tag is both set' in str(caught.value)


def test_delete_reports_removed_aliases_and_check_mode_deletes_nothing(client, session):
    session.add('GET', CONF, listing([vmr()]))
    result = engine(client, check_mode=True).ensure(params(name='VMR_1'), state='absent')
    assert result['changed'] is True and result['removed_aliases'] == ['meet@example.com']
    assert session.writes() == []
    session.add('DELETE', CONF + '1/', FakeResponse(204))
    result = engine(client).ensure(params(name='VMR_1'), state='absent')
    assert [w['path'] for w in session.writes()] == [CONF + '1/']


def test_absent_when_missing_is_unchanged(client, session):
    session.add('GET', CONF, listing([]))
    assert engine(client).ensure(params(name='gone'), state='absent')['changed'] is False


def test_ambiguous_natural_key_fails(client, session):
    session.add('GET', CONF, listing([vmr(id=1), vmr(id=2)]))
    with pytest.raises(ApiError):
        engine(client).ensure(params(name='VMR_1'))


def test_alias_reference_to_conference_by_name(client, session):
    session.add('GET', ALIAS, listing([]))
    session.add('GET', CONF, listing([vmr()]))
    session.add('POST', ALIAS, FakeResponse(201, headers={'Location': ALIAS + '4/'}))
    session.add('GET', ALIAS + '4/', FakeResponse(200, {'alias': 'x@y', 'conference': CONF + '1/', 'id': 4}))
    result = Engine(client, CONFERENCE_ALIAS).ensure({'alias': 'x@y', 'conference': 'VMR_1', 'description': None})
    assert session.writes()[0]['data'] == {'alias': 'x@y', 'conference': CONF + '1/'}
    assert result['alias']['conference'] == CONF + '1/'


WORKER = Resource('worker_vm', key='name', fields=dict(
    name=Field(), password=Field(kind='write_only'), description=Field()))


@pytest.mark.parametrize('mode, writes', [('on_create', 0), ('always', 1)])
def test_write_only_secrets_compared_only_when_asked(client, session, mode, writes):
    path = '/api/admin/configuration/v1/worker_vm/'
    session.add('GET', path, listing([{'id': 1, 'name': 'n1', 'description': '', 'resource_uri': path + '1/'}]))
    session.add('PATCH', path + '1/', FakeResponse(202))
    session.add('GET', path + '1/', FakeResponse(200, {'id': 1, 'name': 'n1'}))
    result = Engine(client, WORKER, diff_mode=True, update_password=mode).ensure(
        {'name': 'n1', 'password': 'hunter22', 'description': ''})
    assert len(session.writes()) == writes
    assert result['changed'] is bool(writes)
    assert 'hunter22' not in repr(result)


def test_check_mode_assumes_a_missing_reference_is_created_earlier(client, session):
    session.add('GET', CONF, listing([vmr()]))
    session.add('GET', THEME, listing([]))
    result = engine(client, check_mode=True, diff_mode=True).ensure(params(name='VMR_1', ivr_theme='Corp'))
    assert result['changed'] is True and session.writes() == []
    assert "no ivr_theme with name 'Corp' exists yet" in result['warnings'][0]
    assert result['diff']['after'] == {'ivr_theme': "(ivr_theme 'Corp', not yet created)"}


# -- validation before the first write (issue 11, items 8 and 14) ------------------------------

@pytest.mark.parametrize('fmt, good, bad', [
    ('ipv4', ['192.0.2.10', '0.0.0.0', '255.255.255.255'],
     ['not-an-ip', '192.0.2', '192.0.2.256', '2001:db8::1', ' 192.0.2.10', '192.0.2.10/24']),
    ('ipv6', ['2001:db8::10', '::1', 'fe80::1'], ['192.0.2.10', '2001:db8::g', '2001:db8::10/64', 'not-an-ip']),
    ('ip', ['192.0.2.53', '2001:db8::53'], ['dns.example.com', '192.0.2.300', '']),
    ('netmask', ['255.255.255.0', '255.255.0.0', '255.255.255.252', '0.0.0.0', '255.255.255.255'],
     ['255.0.255.0', '0.0.0.255', '24', '/24', '255.255.255.256', 'ffff:ff00::']),
    ('hostname', ['conf-node-01', 'n1', 'a' * 63], ['-node', 'node-', 'my node', 'node.example.com', 'node_1']),
    ('domain', ['example.com', 'example.com.', 'localdomain', 'a-b.example'], ['example..com', '-x.example',
                                                                               'exa mple.com', '.']),
    ('host', ['ntp1.example.com', '192.0.2.123', '2001:db8::123'], ['ntp server', 'ntp_1.example.com']),
    ('regex', ['.+@example\\.com', '^(\\d{4})$', '(?P<room>[a-z]+)@.*'], ['([a-z]+@example\\.com', '*abc', '[z-a]']),
    ('pin', ['1234', '12345678901234567890', '1234#', '0123'], ['123', '12ab', '1234##', '123456789012345678901']),
])
def test_field_formats(fmt, good, bad):
    field = Field(format=fmt)
    for value in good:
        assert field.check('opt', value) is None, (fmt, value)
    for value in [v for v in bad if v != '']:
        assert field.check('opt', value), (fmt, value)


def test_unknown_format_is_refused_when_the_catalog_is_loaded():
    with pytest.raises(ValueError):
        Field(format='ipv5')


def test_format_messages_name_the_option_the_rule_and_the_value():
    assert Field(format='ipv4').check('address', 'not-an-ip') == \
        "address must be an IPv4 address such as 192.0.2.10 (got 'not-an-ip')"
    assert Field(format='netmask').check('netmask', '24') == \
        "netmask must be an IPv4 netmask such as 255.255.255.0 (got '24')"
    assert Field(format='regex').check('match_string', '([a-z]+') == \
        'match_string must be a valid regular expression (missing ), unterminated subpattern at position 0)'
    long_value = 'x' * 300
    assert len(Field(format='ipv4').check('address', long_value)) < 200
    # a secret's value is never quoted back
    assert 'w0rd' not in Field(kind='secret', format='ipv4').check('secret_address', 'pass w0rd')


def test_empty_value_empties_an_optional_field_and_is_refused_for_a_required_one():
    # the manager runs no length or format check on "": a PIN or an address given as "" is emptied
    assert pin_field().check('pin', '') is None
    assert Field(format='ipv6', nullable=True).check('ipv6_address', '') is None
    assert Field(kind='write_only', min_length=8).check('snmp_privacy_password', '') is None
    assert Field(required=True, format='regex').check('match_string', '') == 'match_string cannot be empty'


@pytest.mark.parametrize('value, hint', [
    ('123', True),      # pin: 0123 written unquoted loses its zero
    ('83', True),       # ... or is read as octal
    (83, True),         # a number that reached the engine as one
    ('12ab', False),
    ('1234##', False),
    ('123456789012345678901', False),
])
def test_pin_message_hints_at_yaml_quoting_only_when_digits_were_lost(value, hint):
    problem = pin_field().check('guest_pin', value)
    assert problem.startswith('guest_pin must be 4 to 20 digits, optionally followed by a single #')
    assert ('quote it, guest_pin: "0123"' in problem) is hint
    assert 'YAML' in problem if hint else 'YAML' not in problem
    assert str(value) not in problem.replace('"0123"', '')


def test_a_pin_given_as_a_number_is_checked_as_text():
    assert pin_field().check('pin', 1234) is None
    assert pin_field().check('pin', 12) is not None


@pytest.mark.parametrize('name', ['', '   ', '\t'])
def test_empty_natural_key_fails_before_any_request(client, session, name):
    for state in ('present', 'absent'):
        with pytest.raises(ApiError) as caught:
            engine(client).ensure(params(name=name), state=state)
        assert 'name cannot be empty or only spaces' in str(caught.value)
    assert session.calls == []


def test_alias_limits_are_checked_before_any_write(client, session):
    session.add('GET', CONF, listing([vmr()]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure(params(name='VMR_1', aliases=[
            {'alias': 'meet@example.com'}, {'alias': 'a' * 251}, {'alias': 'ok@example.com', 'description': 'd' * 251},
            {'alias': '  '}]))
    text = str(caught.value)
    assert 'aliases[1].alias must be at most 250 characters long (got 251)' in text
    assert 'aliases[2].description must be at most 250 characters long (got 251)' in text
    assert 'aliases[3].alias cannot be empty or only spaces' in text
    assert 'aliases[0]' not in text
    assert session.writes() == []


def test_alias_option_spec_comes_from_the_child_fields():
    children = CONFERENCE.children
    assert children.key_field.max_length == CONFERENCE_ALIAS.fields['alias'].max_length
    assert children.specs['description'].max_length == CONFERENCE_ALIAS.fields['description'].max_length
    assert object_argument_spec(CONFERENCE)['aliases']['options'] == {
        'alias': {'type': 'str', 'required': True}, 'description': {'type': 'str'}}


def test_bad_regex_fails_before_any_request(client, session):
    rule = dict((name, None) for name in callcontrol.GATEWAY_ROUTING_RULE.fields)
    rule.update(name='to-sfb', priority=150, match_string='(.+@example\\.com')
    with pytest.raises(ApiError) as caught:
        Engine(client, callcontrol.GATEWAY_ROUTING_RULE).ensure(rule)
    assert 'match_string must be a valid regular expression' in str(caught.value)
    assert session.writes() == []
    # a conference's Virtual Reception regexes too
    assert Field.check(CONFERENCE.fields['post_match_string'], 'post_match_string', '[0-9') is not None


def test_catalog_formats_follow_the_field_facts():
    """Every field the reference facts mark as an IP address (or the schema page calls an IPv6 address,
    a host name or address or FQDN, a regular expression) carries the matching format."""
    expected = {
        (nodes.WORKER_VM, 'address'): 'ipv4', (nodes.WORKER_VM, 'gateway'): 'ipv4',
        (nodes.WORKER_VM, 'netmask'): 'netmask', (nodes.WORKER_VM, 'secondary_address'): 'ipv4',
        (nodes.WORKER_VM, 'secondary_netmask'): 'netmask', (nodes.WORKER_VM, 'static_nat_address'): 'ipv4',
        (nodes.WORKER_VM, 'ipv6_address'): 'ipv6', (nodes.WORKER_VM, 'ipv6_gateway'): 'ipv6',
        (nodes.WORKER_VM, 'hostname'): 'hostname', (nodes.WORKER_VM, 'domain'): 'domain',
        (platform.MANAGEMENT_VM, 'static_nat_address'): 'ipv4', (platform.MANAGEMENT_VM, 'ipv6_address'): 'ipv6',
        (platform.MANAGEMENT_VM, 'ipv6_gateway'): 'ipv6',
        (platform.DNS_SERVER, 'address'): 'ip', (platform.STATIC_ROUTE, 'address'): 'ip',
        (platform.STATIC_ROUTE, 'gateway'): 'ip', (platform.NTP_SERVER, 'address'): 'host',
        (platform.SYSLOG_SERVER, 'address'): 'host',
        (callcontrol.GATEWAY_ROUTING_RULE, 'match_string'): 'regex',
        (CONFERENCE, 'match_string'): 'regex', (CONFERENCE, 'post_match_string'): 'regex',
        (CONFERENCE, 'pin'): 'pin', (CONFERENCE, 'guest_pin'): 'pin',
    }
    for (resource, name), fmt in expected.items():
        assert resource.fields[name].format == fmt, (resource.name, name)


def test_node_with_a_bad_address_is_refused_before_any_request(client, session):
    node = dict((name, None) for name in nodes.WORKER_VM.fields)
    node.update(state='present', deployment_type='MANUAL-PROVISION-ONLY', dest='/nonexistent/n1.xml', recreate=True,
                clear=[], name='n1', hostname='n1', domain='example.test', address='not-an-ip',
                netmask='255.0.255.0', gateway='192.0.2.1', ipv6_address='2001:db8::zz', system_location='London',
                password='pw-secret')
    with pytest.raises(ApiError) as caught:
        WorkerVmDeployer(client, node).run()
    text = str(caught.value)
    assert "address must be an IPv4 address such as 192.0.2.10 (got 'not-an-ip')" in text
    assert "netmask must be an IPv4 netmask such as 255.255.255.0 (got '255.0.255.0')" in text
    assert "ipv6_address must be an IPv6 address" in text
    # not even a read: with recreate a read would be followed by a DELETE of the existing node
    assert session.calls == []
