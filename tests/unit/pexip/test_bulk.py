"""The bulk engine against a scripted API: reads, batching, request counts, prune, check mode, failures."""

import pytest

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_bulk import BatchError, BulkEngine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_catalog_conferencing import CONFERENCE, CONFERENCE_ALIAS
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK

from fake_http import FakeResponse, listing

CONF = '/api/admin/configuration/v1/conference/'
ALIAS = '/api/admin/configuration/v1/conference_alias/'
THEME = '/api/admin/configuration/v1/ivr_theme/'


def room(i, **extra):
    obj = {'id': i, 'name': 'VMR_%d' % i, 'description': '', 'pin': '', 'guest_pin': '', 'tag': '',
           'service_type': 'conference', 'ivr_theme': None, 'automatic_participants': [],
           'resource_uri': '%s%d/' % (CONF, i),
           'aliases': [{'alias': 'vmr%d@example.com' % i, 'conference': '%s%d/' % (CONF, i), 'description': '',
                        'id': i}]}
    obj.update(extra)
    return obj


def want(i, **extra):
    obj = {'name': 'VMR_%d' % i, 'aliases': [{'alias': 'vmr%d@example.com' % i}]}
    obj.update(extra)
    return obj


def engine(client, **kw):
    return BulkEngine(client, CONFERENCE, **kw)


def patches(session, path=CONF):
    return [call for call in session.writes() if call['method'] == 'PATCH' and call['path'] == path]


def test_no_change_reads_one_page_and_writes_nothing(client, session):
    session.add('GET', CONF, listing([room(i) for i in range(1, 6)]))
    result = engine(client).ensure_all([want(i) for i in range(1, 6)])
    assert result['changed'] is False
    assert session.writes() == []
    assert result['requests'] == 1
    assert result['counts']['unchanged'] == 5
    assert session.calls[0]['params'] == {'limit': 10000}


def test_reads_follow_meta_next(client, session):
    session.add('GET', CONF, listing([room(1)], next_path=CONF + '?limit=1&offset=1'),
                listing([room(2)], next_path=None))
    result = engine(client, page_size=1).ensure_all([want(1), want(2)])
    assert result['requests'] == 2
    assert result['changed'] is False


def test_page_size_zero_asks_for_the_server_maximum(client, session):
    session.add('GET', CONF, listing([room(1)]))
    engine(client, page_size=0).ensure_all([want(1)])
    assert session.calls[0]['params'] == {'limit': 0}


def test_creates_are_batched_with_nested_aliases(client, session):
    session.add('GET', CONF, listing([]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, batch_size=4).ensure_all([want(i, description='d%d' % i) for i in range(10)])
    sent = patches(session)
    assert [len(call['data']['objects']) for call in sent] == [4, 4, 2]
    first = sent[0]['data']['objects'][0]
    assert 'resource_uri' not in first
    assert first['aliases'] == [{'alias': 'vmr0@example.com'}]
    assert result['requests'] == 1 + 3
    assert result['counts']['created'] == 10
    assert result['created'] == sorted('VMR_%d' % i for i in range(10))


def test_updates_carry_only_changed_fields_and_the_uri(client, session):
    session.add('GET', CONF, listing([room(1), room(2), room(3)]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client).ensure_all([want(1), want(2, description='new'), want(3, tag='')])
    (sent,) = patches(session)
    assert sent['data'] == {'objects': [{'description': 'new', 'resource_uri': CONF + '2/'}]}
    assert result['updated'] == ['VMR_2']
    assert result['counts']['unchanged'] == 2


def test_alias_changes_of_existing_rooms_go_to_the_alias_root(client, session):
    session.add('GET', CONF, listing([room(1), room(2)]))
    session.add('PATCH', ALIAS, FakeResponse(202))
    result = engine(client).ensure_all([
        want(1, aliases=[{'alias': 'vmr1@example.com', 'description': 'SIP'}, {'alias': '1001'}]),
        want(2, aliases=[{'alias': '1002'}]),
    ])
    deletes, writes = patches(session, ALIAS)
    assert deletes['data'] == {'objects': [], 'deleted_objects': [CONF.replace('conference', 'conference_alias') + '2/']}
    assert sorted(writes['data']['objects'], key=lambda o: o.get('alias', '')) == sorted([
        {'description': 'SIP', 'resource_uri': ALIAS + '1/'},
        {'alias': '1001', 'conference': CONF + '1/'},
        {'alias': '1002', 'conference': CONF + '2/'},
    ], key=lambda o: o.get('alias', ''))
    assert patches(session) == []
    assert result['updated'] == ['VMR_1', 'VMR_2']


def test_an_alias_of_another_room_fails_before_any_write(client, session):
    session.add('GET', CONF, listing([room(1), room(2)]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure_all([want(1, aliases=[{'alias': 'vmr1@example.com'}, {'alias': 'vmr2@example.com'}])])
    assert 'vmr2@example.com' in str(caught.value) and "conference 'VMR_2'" in str(caught.value)
    assert session.writes() == []


def test_bad_objects_fail_before_any_write_naming_object_and_field(client, session):
    session.add('GET', CONF, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure_all([want(1), want(2, pin='77'), want(3, service_type='x' * 3, max_callrate_in=5)])
    message = str(caught.value)
    assert "objects[1] (name='VMR_2'): invalid parameters: pin" in message
    assert "objects[2] (name='VMR_3')" in message and 'max_callrate_in' in message
    assert '77' not in message
    assert len(caught.value.invalid) == 2
    assert session.writes() == []


def test_duplicate_names_in_the_list_are_refused(client, session):
    session.add('GET', CONF, listing([]))
    with pytest.raises(ApiError, match=r"objects\[1\].*also given by objects\[0\]"):
        engine(client).ensure_all([want(1), want(1)])
    assert session.writes() == []


def test_references_by_name_cost_one_list_per_target(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', THEME, listing([{'id': 7, 'name': 'Corp', 'resource_uri': THEME + '7/'}]))
    session.add('PATCH', CONF, FakeResponse(202))
    engine(client).ensure_all([want(i, ivr_theme='Corp') for i in range(50)])
    assert len([call for call in session.calls if call['path'] == THEME]) == 1
    assert patches(session)[0]['data']['objects'][0]['ivr_theme'] == THEME + '7/'


def test_unknown_reference_names_the_object(client, session):
    session.add('GET', CONF, listing([]))
    session.add('GET', THEME, listing([]))
    with pytest.raises(ApiError, match=r"objects\[0\] \(name='VMR_0'\): ivr_theme: no ivr_theme"):
        engine(client).ensure_all([want(0, ivr_theme='Nope')])
    assert session.writes() == []


def test_prune_needs_a_tag(client):
    with pytest.raises(ApiError, match='prune_tag'):
        engine(client, prune=True)


def test_without_prune_nothing_is_deleted(client, session):
    session.add('GET', CONF, listing([room(1), room(2, tag='sync')]))
    result = engine(client).ensure_all([want(1)])
    assert result['changed'] is False and result['deleted'] == []
    assert session.writes() == []


def test_prune_deletes_only_tagged_extras_as_deleted_objects(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='sync'), room(3, tag='other'), room(4)]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, prune=True, prune_tag='sync').ensure_all([want(1, tag='sync')])
    (sent,) = patches(session)
    assert sent['data'] == {'objects': [], 'deleted_objects': [CONF + '2/']}
    assert all(call['method'] != 'DELETE' for call in session.calls)
    assert result['deleted'] == ['VMR_2']


def test_check_mode_reads_only_and_reports_the_same(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='sync')]))
    result = engine(client, check_mode=True, prune=True, prune_tag='sync').ensure_all(
        [want(1, tag='sync', description='x'), want(3)])
    assert session.writes() == []
    assert result['changed'] is True
    assert (result['created'], result['updated'], result['deleted']) == (['VMR_3'], ['VMR_1'], ['VMR_2'])
    assert result['requests'] == 1


def test_diff_and_details_mask_secrets(client, session):
    session.add('GET', CONF, listing([room(1, pin='1234')]))
    result = engine(client, check_mode=True, diff_mode=True, details=True).ensure_all(
        [want(1, pin='5678'), want(2, pin='9999', guest_pin='8888')])
    text = repr(result)
    for secret in ('1234', '5678', '9999', '8888'):
        assert secret not in text
    assert result['diff']['before'] == {'VMR_1': {'pin': MASK}}
    assert result['diff']['after']['VMR_1'] == {'pin': MASK + ' (changed)'}
    assert result['diff']['after']['VMR_2']['aliases'] == [{'alias': 'vmr2@example.com'}]
    assert {'name': 'VMR_1', 'action': 'update', 'fields': ['pin']} == dict(
        (k, v) for k, v in result['changes'][0].items() if k in ('name', 'action', 'fields'))


def test_diff_without_details_shows_every_changed_object_by_name(client, session):
    session.add('GET', CONF, listing([room(1), room(2, pin='1234'), room(3), room(4)]))
    result = engine(client, check_mode=True, diff_mode=True).ensure_all(
        [want(1, description='x'), want(2, pin='5678'), want(3, aliases=[]), want(4), want(5)])
    # before and after differ for every updated object, so Ansible prints a line for each; no values, no secrets
    assert result['diff'] == {
        'before': {'conference': {'VMR_1': 'present', 'VMR_2': 'present', 'VMR_3': 'present'}},
        'after': {'conference': {'VMR_1': 'updated: description', 'VMR_2': 'updated: pin', 'VMR_3': 'updated: aliases',
                                 'VMR_5': 'created'}}}
    assert '1234' not in repr(result) and '5678' not in repr(result)
    assert 'changes' not in result


def test_details_diff_shows_alias_only_changes(client, session):
    session.add('GET', CONF, listing([room(1)]))
    result = engine(client, check_mode=True, diff_mode=True, details=True).ensure_all(
        [want(1, aliases=[{'alias': 'new@example.com'}])])
    assert result['diff'] == {'before': {'VMR_1': {'aliases': {'vmr1@example.com': 'present'}}},
                              'after': {'VMR_1': {'aliases': {'new@example.com': 'created'}}}}


def test_failed_batch_names_its_objects_and_what_was_written(client, session):
    session.add('GET', CONF, listing([]))
    session.add('PATCH', CONF, FakeResponse(202), FakeResponse(400, {'conference': {'name': ['boom']}}))
    with pytest.raises(BatchError) as caught:
        engine(client, batch_size=2).ensure_all([want(i) for i in range(5)])
    error = caught.value
    assert error.names == ['VMR_2', 'VMR_3']
    assert error.to_result()['written'] == {'created': 2, 'updated': 0, 'deleted': 0, 'children': 0}
    assert error.to_result()['failed_phase'] == 'write'
    assert len(patches(session)) == 2


def test_alias_resource_resolves_conferences_with_one_list(client, session):
    session.add('GET', ALIAS, listing([{'id': 1, 'alias': 'a@x', 'conference': CONF + '1/', 'description': '',
                                        'resource_uri': ALIAS + '1/'}]))
    session.add('GET', CONF, listing([room(1), room(2)]))
    session.add('PATCH', ALIAS, FakeResponse(202))
    result = BulkEngine(client, CONFERENCE_ALIAS).ensure_all([
        {'alias': 'a@x', 'conference': 'VMR_2'}, {'alias': 'b@x', 'conference': 'VMR_1'}])
    (sent,) = patches(session, ALIAS)
    assert sent['data']['objects'] == [{'conference': CONF + '2/', 'resource_uri': ALIAS + '1/'},
                                       {'alias': 'b@x', 'conference': CONF + '1/'}]
    assert result['requests'] == 3


def test_alias_create_needs_its_conference(client, session):
    session.add('GET', ALIAS, listing([]))
    with pytest.raises(ApiError, match=r"objects\[0\] \(alias='b@x'\): conference required"):
        BulkEngine(client, CONFERENCE_ALIAS).ensure_all([{'alias': 'b@x'}])


def test_an_empty_list_never_prunes_without_prune_empty(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='sync'), room(3, tag='other')]))
    with pytest.raises(ApiError) as caught:
        engine(client, prune=True, prune_tag='sync').ensure_all([])
    message = str(caught.value)
    assert 'prune_empty=true' in message and '(2: VMR_1, VMR_2)' in message and 'nothing was written' in message
    assert caught.value.would_delete == ['VMR_1', 'VMR_2']
    assert session.writes() == []


def test_an_empty_list_prunes_with_prune_empty(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='other')]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, prune=True, prune_tag='sync', prune_empty=True).ensure_all([])
    assert result['deleted'] == ['VMR_1']
    (sent,) = patches(session)
    assert sent['data'] == {'objects': [], 'deleted_objects': [CONF + '1/']}


def test_an_empty_list_with_nothing_to_prune_is_fine(client, session):
    session.add('GET', CONF, listing([room(1, tag='other')]))
    result = engine(client, prune=True, prune_tag='sync').ensure_all([])
    assert result['changed'] is False and result['deleted'] == []


@pytest.mark.parametrize('check_mode', [False, True])
def test_max_deletes_fails_before_any_write_naming_count_and_limit(client, session, check_mode):
    session.add('GET', CONF, listing([room(i, tag='sync') for i in range(1, 6)]))
    with pytest.raises(ApiError) as caught:
        # VMR_1 stays with its alias dropped: 3 rooms pruned and 1 alias deleted
        engine(client, prune=True, prune_tag='sync', max_deletes=3, check_mode=check_mode).ensure_all(
            [want(1, tag='sync', aliases=[]), want(2, tag='sync'), want(6, tag='sync')])
    message = str(caught.value)
    assert 'would delete 4 objects, more than max_deletes=3' in message
    assert 'conference objects pruned: 3 (VMR_3, VMR_4, VMR_5); aliases removed: 1 (VMR_1: vmr1@example.com)' in message
    assert caught.value.would_delete == ['VMR_3', 'VMR_4', 'VMR_5', 'VMR_1: vmr1@example.com']
    assert session.writes() == []


def test_max_deletes_allows_up_to_the_limit(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='sync')]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, prune=True, prune_tag='sync', max_deletes=1).ensure_all([want(1, tag='sync')])
    assert result['deleted'] == ['VMR_2']
    with pytest.raises(ApiError, match='max_deletes must be 0 or more'):
        engine(client, max_deletes=-1)


def test_check_mode_diff_names_what_a_prune_removes(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2, tag='sync')]))
    result = engine(client, check_mode=True, diff_mode=True, prune=True, prune_tag='sync').ensure_all(
        [want(1, tag='sync')])
    assert result['deleted'] == ['VMR_2']
    assert result['diff'] == {'before': {'conference': {'VMR_2': 'present'}}, 'after': {'conference': {}}}


def test_one_bad_alias_deep_in_the_list_fails_the_task_before_any_write(client, session):
    # 500 rooms, batch_size 100: the 251-character alias of objects[437] used to fail only the fifth batch
    session.add('GET', CONF, listing([]))
    objects = [want(i) for i in range(500)]
    objects[437]['aliases'] = [{'alias': 'a' * 239 + '@example.com'}]
    objects[12]['aliases'].append({'alias': 'vmr12b@example.com', 'description': 'd' * 251})
    with pytest.raises(ApiError) as caught:
        engine(client, batch_size=100).ensure_all(objects)
    text = str(caught.value)
    assert text.startswith('invalid objects, nothing was written')
    assert "objects[437] (name='VMR_437'): invalid parameters: aliases[0].alias must be at most 250 characters " \
           "long (got 251)" in text
    assert "objects[12] (name='VMR_12'): invalid parameters: aliases[1].description must be at most 250" in text
    assert len(caught.value.invalid) == 2
    assert session.writes() == []
    assert len(session.calls) == 1


def test_empty_and_blank_keys_fail_before_any_write(client, session):
    session.add('GET', CONF, listing([room(1)]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure_all([want(1, description='x'), {'name': ''}, {'name': '  '},
                                   want(2, aliases=[{'alias': ' '}])])
    assert caught.value.invalid == [
        'objects[1]: name cannot be empty or only spaces',
        "objects[2] (name='  '): name cannot be empty or only spaces",
        "objects[3] (name='VMR_2'): invalid parameters: aliases[0].alias cannot be empty or only spaces"]
    assert session.writes() == []


def test_a_field_format_is_checked_in_every_object(client, session):
    session.add('GET', CONF, listing([]))
    with pytest.raises(ApiError) as caught:
        engine(client).ensure_all([want(1, match_string='(['), want(2, pin='083'), want(3, pin='0123')])
    assert len(caught.value.invalid) == 2
    assert "objects[0] (name='VMR_1'): invalid parameters: match_string must be a valid regular expression" in \
        caught.value.invalid[0]
    assert 'quote it, pin: "0123"' in caught.value.invalid[1]
    assert session.writes() == []


def test_prune_prefix_deletes_only_unlisted_objects_whose_name_starts_with_it(client, session):
    session.add('GET', CONF, listing([room(1), room(2), room(3, name='Board room', tag='sync')]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, prune=True, prune_prefix='VMR_').ensure_all([want(1)])
    (sent,) = patches(session)
    assert sent['data'] == {'objects': [], 'deleted_objects': [CONF + '2/']}
    assert result['deleted'] == ['VMR_2']


def test_prune_tag_and_prefix_together_both_must_hold(client, session):
    session.add('GET', CONF, listing([room(1, tag='sync'), room(2), room(3, name='Other', tag='sync')]))
    session.add('PATCH', CONF, FakeResponse(202))
    result = engine(client, prune=True, prune_tag='sync', prune_prefix='VMR_').ensure_all([want(9)])
    assert result['deleted'] == ['VMR_1']


def test_prune_all_deletes_every_unlisted_object_and_max_deletes_names_the_scope(client, session):
    session.add('GET', CONF, listing([room(1), room(2, tag='x'), room(3, name='Board room')]))
    with pytest.raises(ApiError) as caught:
        engine(client, prune=True, prune_all=True, max_deletes=1, check_mode=True).ensure_all([want(1)])
    assert 'would delete 2 objects, more than max_deletes=1' in str(caught.value)
    assert caught.value.would_delete == ['Board room', 'VMR_2']
    session.add('GET', CONF, listing([room(1), room(2, tag='x'), room(3, name='Board room')]))
    result = engine(client, prune=True, prune_all=True, check_mode=True).ensure_all([want(1)])
    assert result['deleted'] == ['Board room', 'VMR_2'] and session.writes() == []
    with pytest.raises(ApiError) as caught:
        engine(client, prune=True, prune_all=True).ensure_all([])
    assert 'that would delete every conference (3: Board room, VMR_1, VMR_2)' in str(caught.value)


def test_prune_scope_is_required_and_prune_all_does_not_combine(client):
    with pytest.raises(ApiError, match='prune_tag .*prune_prefix .*prune_all'):
        engine(client, prune=True)
    with pytest.raises(ApiError, match='cannot be combined'):
        engine(client, prune=True, prune_all=True, prune_prefix='VMR_')
