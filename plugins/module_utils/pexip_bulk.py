# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bulk convergence of many objects of one Pexip resource in one task.

:class:`BulkEngine` takes a list of desired objects described by the same
:class:`Resource` as the single-object modules and

* reads the current objects with as few list requests as the pages allow
  (``page_size``, clamped by the server, ``meta.next`` followed);
* resolves references given by name with one list per target resource;
* validates every object with the resource's :class:`Field` checks, and fails
  before any write naming each bad object and field;
* compares with the single-object :class:`Engine`'s normalisation, so a field
  is written only when it differs;
* writes creates and updates (only the changed fields) in bulk ``PATCH``
  requests of the resource's root URI, ``batch_size`` objects each, and -- only
  with ``prune`` and a scope -- deletes objects the list does not name within
  that scope, as ``deleted_objects``: those whose scope field equals
  ``prune_tag``, those whose natural key starts with ``prune_prefix`` (both
  must hold when both are given), or every object of the resource with
  ``prune_all``;
* guards deletes before any write: an empty list never prunes unless
  ``prune_empty``, and a run that would delete more than ``max_deletes``
  objects fails naming them (check mode reports the same);
* for a resource with owned children (a conference's aliases), new parents
  carry their children nested; children of existing parents are created,
  updated and deleted with bulk ``PATCH`` requests of the child resource.

Writes happen in phases: child deletes, pruned parents, parents, children, so
that an alias moving from one service to another is free when it is created.
A batch answered 429/503, or not answered at all, is sent again with only what
the manager does not hold yet (a create is never sent twice: see
``PexipClient.patch_list``). A batch that fails otherwise stops the run with the
names it held; earlier batches stay written, and a rerun finishes the job since
it converges from what it reads.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import resource_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine, is_uri, uri_of
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK, NATURAL_KEYS

DEFAULT_BATCH_SIZE = 500
DEFAULT_PAGE_SIZE = 10000
MAX_REPORTED_ERRORS = 50
MAX_NAMED = 20


def _names(names):
    """At most MAX_NAMED names for a message, then how many more."""
    shown = sorted(str(name) for name in names)
    text = ', '.join(shown[:MAX_NAMED])
    return text + (' and %d more' % (len(shown) - MAX_NAMED) if len(shown) > MAX_NAMED else '')


class BatchError(ApiError):
    """A bulk write failed: carries the names of the objects of the failed batch."""

    def __init__(self, error, phase, names, written):
        self.phase = phase
        self.names = names
        self.written = written
        super(BatchError, self).__init__(error.message, status=error.status, method=error.method, path=error.path,
                                         field_errors=error.field_errors, body=error.body, kind=error.kind)

    def __str__(self):
        return 'bulk write failed (%s, a batch of %d): %s' % (self.phase, len(self.names), ApiError.__str__(self))

    def to_result(self):
        result = super(BatchError, self).to_result()
        result.update(failed_phase=self.phase, failed_batch=self.names, written=self.written)
        return result


class BulkEngine(Engine):
    """Converges every object of a list towards the user's description of it."""

    def __init__(self, client, resource, check_mode=False, diff_mode=False, update_password='always',
                 batch_size=DEFAULT_BATCH_SIZE, page_size=DEFAULT_PAGE_SIZE, prune=False, prune_tag=None,
                 prune_field='tag', details=False, prune_empty=False, max_deletes=None, prune_prefix=None,
                 prune_all=False):
        super(BulkEngine, self).__init__(client, resource, check_mode=check_mode, diff_mode=diff_mode,
                                         update_password=update_password)
        if batch_size is None or batch_size < 1:
            raise ApiError('batch_size must be at least 1', kind='usage')
        if prune_all and (prune_tag or prune_prefix):
            raise ApiError('prune_all: true deletes every %s the list does not name; it cannot be combined with '
                           'prune_tag or prune_prefix, which narrow the prune' % resource.name, kind='usage')
        if prune and not (prune_tag or prune_prefix or prune_all):
            raise ApiError('prune: true needs a scope: prune_tag (only objects whose %s equals it), prune_prefix '
                           '(only objects whose %s starts with it) or prune_all: true (every %s)'
                           % (prune_field, resource.key, resource.name), kind='usage')
        if prune and prune_tag and prune_field not in resource.fields:
            raise ApiError('%s has no field %s to scope prune with' % (resource.name, prune_field), kind='usage')
        if max_deletes is not None and max_deletes < 0:
            raise ApiError('max_deletes must be 0 or more (leave it unset for no limit)', kind='usage')
        self.batch_size = batch_size
        self.page_size = page_size
        self.prune = prune
        self.prune_tag = prune_tag or None
        self.prune_prefix = prune_prefix or None
        self.prune_all = bool(prune_all)
        self.prune_field = prune_field
        self.details = details
        self.prune_empty = prune_empty
        self.max_deletes = max_deletes
        self._tables = {}
        self._current = None
        self._written = {'created': 0, 'updated': 0, 'deleted': 0, 'children': 0}

    # -- reads -----------------------------------------------------------------------------
    def list_all(self, resource_name):
        # limit=0 asks for the server's maximum page (passed as a parameter: iter_list reads 0 as "default")
        return list(self.client.iter_list(resource_name, params={'limit': self.page_size}))

    def _list_current(self, objects):
        """The current objects of the resource, each with only what planning reads (the key, the URI, the
        prune field, the fields and children the list sets), page by page: 100,000 whole objects would
        take their size several times over. With ``details`` (deleted objects are shown whole) they are
        kept whole."""
        resource = self.resource
        # the next page is read while this one is trimmed (no other request is sent until the list is read)
        objects_read = self.client.iter_list(resource.name, params={'limit': self.page_size}, prefetch=True)
        if self.details:
            return list(objects_read)
        keep = set((resource.key, NATURAL_KEYS.get(resource.name, 'name'), 'resource_uri', 'id'))
        if self.prune_field in resource.fields:
            keep.add(self.prune_field)
        for params in objects:
            if isinstance(params, dict):
                keep.update(name for name, value in params.items() if value is not None and name in resource.fields)
                keep.update(name for name in params.get('clear') or () if isinstance(name, str))
        children = resource.children
        child_keep = None
        if children is not None:
            keep.add(children.nested)
            # what _current_children reads of a nested child (its parent is the object it is nested in)
            child_keep = set(children.fields) | set((children.key, 'resource_uri', 'id'))
        keep = list(keep)
        child_keep = list(child_keep or ())
        current = []
        for obj in objects_read:
            trimmed = {name: obj[name] for name in keep if name in obj}
            nested = trimmed.get(children.nested) if children is not None else None
            if isinstance(nested, list):
                trimmed[children.nested] = [{name: item[name] for name in child_keep if name in item}
                                            if isinstance(item, dict) else item for item in nested]
            current.append(trimmed)
        return current

    def _table(self, target):
        """Every object of ``target``: ``{'by_key': {key: [uri, ...]}, 'uris': set()}``, listed once."""
        if target not in self._tables:
            key = NATURAL_KEYS.get(target, 'name')
            objects = self._current if target == self.resource.name and self._current is not None \
                else self.list_all(target)
            table = {'by_key': {}, 'uris': set()}
            for obj in objects:
                uri = uri_of(obj, target)
                table['uris'].add(uri)
                table['by_key'].setdefault(obj.get(key), []).append(uri)
            self._tables[target] = table
        return self._tables[target]

    def resolve(self, field_name, target, value):
        """Like :meth:`Engine.resolve`, from one list of the target instead of a request per value."""
        if value in (None, ''):
            return None
        table = self._table(target)
        if is_uri(value) or (isinstance(value, str) and value.isdigit()) or isinstance(value, int):
            uri = uri_of(int(value) if isinstance(value, str) and value.isdigit() else value, target)
            if not uri.startswith(resource_path(target)):
                raise ApiError('%s: %s is not a %s URI' % (field_name, value, target), kind='usage')
            if uri not in table['uris']:
                raise ApiError('%s: %s %s does not exist' % (field_name, target, uri), kind='not_found')
            return uri
        key = NATURAL_KEYS.get(target, 'name')
        matches = table['by_key'].get(value, [])
        if not matches:
            return self.missing_reference(field_name, target, key, value)
        if len(matches) > 1:
            raise ApiError('%s: %d %s objects have %s %r; give the resource URI instead'
                           % (field_name, len(matches), target, key, value), kind='usage')
        return matches[0]

    def known_keys(self, target, key):
        return [name for name in self._table(target)['by_key'] if isinstance(name, str)]

    def owner_label(self, owner_uri):
        for obj in self._current or ():
            if uri_of(obj, self.resource.name) == owner_uri and obj.get(self.resource.key):
                return '%s %r' % (self.resource.label, obj[self.resource.key])
        return Engine.owner_label(self, owner_uri)

    # -- planning --------------------------------------------------------------------------
    def plan(self, objects):
        """Read, validate and compare: the writes a run would send, per phase."""
        resource = self.resource
        key = resource.key
        children = resource.children
        self._current = None
        self._current = self._list_current(objects)
        by_key = {}
        duplicates = set()
        for obj in self._current:
            if obj.get(key) in by_key:
                duplicates.add(obj.get(key))
            by_key[obj.get(key)] = obj

        have_kids = self._current_children(self._current) if children is not None else {}
        if children is not None and not self.details:
            # from here on the children are read from have_kids: their nested copies go (200,000 aliases of
            # 100,000 rooms are tens of MiB)
            for obj in self._current:
                obj.pop(children.nested, None)
        owner_of = {}
        for parent_uri, kids in have_kids.items():
            for child_key, entry in kids.items():
                owner_of[child_key] = parent_uri

        plan = {'child_delete': [], 'delete': [], 'write': [], 'child_write': [],
                'created': [], 'updated': [], 'deleted': [], 'unchanged': 0, 'changes': [], 'requested': len(objects),
                'fields': {}}
        wanted_children = {}
        freed = set()
        errors = []
        seen = {}
        # one pass: each object is validated, then planned at once (nothing of it is kept in between: 100,000
        # objects' desired state would be held twice); once one object is invalid the others are only validated,
        # and the task fails before any write
        for index, params in enumerate(objects):
            try:
                key_value = params.get(key)
                if key_value is None:
                    raise ApiError('%s is required' % key, kind='usage')
                if resource.key_problem(key_value):
                    raise ApiError(resource.key_problem(key_value), kind='usage')
                if key_value in seen:
                    raise ApiError('%s %r is also given by objects[%d]' % (key, key_value, seen[key_value]),
                                   kind='usage')
                seen[key_value] = index
                if key_value in duplicates:
                    raise ApiError('%d %s objects have %s=%r; the natural key must be unique'
                                   % (sum(1 for o in self._current if o.get(key) == key_value), resource.name, key,
                                      key_value), kind='usage')
                wanted = self.desired(params, params.get('clear') or ())
                wanted[key] = key_value
                current = by_key.get(key_value)
                if current is None:
                    missing = [name for name, field in resource.fields.items()
                               if field.required and wanted.get(name) in (None, '')]
                    if missing:
                        raise ApiError('%s required to create it' % ', '.join(missing), kind='usage')
                kids = None
                purge = True
                if children is not None and params.get(children.option) is not None:
                    kids = self._children_wanted(params[children.option])
                    if children.purge_option and params.get(children.purge_option) is not None:
                        purge = params[children.purge_option]
            except ApiError as exc:
                errors.append('%s: %s' % (self._label(index, params), exc.message))
                continue
            if not errors:
                self._plan_one(plan, index, key_value, wanted, current, kids, purge, have_kids, wanted_children,
                               freed)
        if errors:
            raise self._invalid(errors)

        if self.prune:
            for obj in self._current:
                if obj.get(key) in seen or not self.in_prune_scope(obj):
                    continue
                uri = uri_of(obj, resource.name)
                plan['delete'].append((obj.get(key), uri))
                plan['deleted'].append(obj.get(key))
                if self.details:
                    plan['changes'].append(self._change(obj.get(key), 'delete', self._delete_view(obj), {}, None))
                for ck in have_kids.get(uri, {}):
                    freed.add(ck)

        if children is not None:
            self._check_children(wanted_children, owner_of, freed, objects)
        self._check_deletes(plan, objects)
        return plan

    def _plan_one(self, plan, index, key_value, wanted, current, kids, purge, have_kids, wanted_children, freed):
        """Add the writes of one valid object of the list to ``plan`` (see :meth:`plan`)."""
        resource = self.resource
        key = resource.key
        children = resource.children
        if current is None:
            payload = dict(wanted)
            if kids is not None:
                payload[children.nested] = [dict(child, **{children.key: ck}) for ck, child in sorted(kids.items())]
                for ck in kids:
                    wanted_children.setdefault(ck, []).append((index, key_value, None))
            plan['write'].append((key_value, payload))
            plan['created'].append(key_value)
            if self.details:
                plan['changes'].append(self._change(key_value, 'create', {}, payload, None))
            return
        uri = uri_of(current, resource.name)
        patch = self.changes(wanted, current)
        kid_plan = None
        if kids is not None:
            have = have_kids.get(uri, {})
            kid_plan = self._children_plan(have, kids, purge)
            for ck in kids:
                wanted_children.setdefault(ck, []).append((index, key_value, uri))
            for ck in kid_plan['delete']:
                freed.add(ck)
                plan['child_delete'].append(('%s: %s' % (key_value, ck), have[ck]['uri']))
            for ck, diff in kid_plan['update']:
                plan['child_write'].append(('%s: %s' % (key_value, ck), dict(diff, resource_uri=have[ck]['uri'])))
            for ck in kid_plan['create']:
                body = dict(kids[ck])
                body[children.key] = ck
                body[children.parent_field] = uri
                plan['child_write'].append(('%s: %s' % (key_value, ck), body))
        if patch:
            plan['write'].append((key_value, dict(patch, resource_uri=uri)))
        if patch or (kid_plan and any(kid_plan.values())):
            plan['updated'].append(key_value)
            plan['fields'][key_value] = sorted(name for name in patch if name != key) + (
                [children.option] if kid_plan and any(kid_plan.values()) else [])
            if self.details:
                before = dict((name, self.normalise(name, current.get(name))) for name in patch)
                plan['changes'].append(self._change(key_value, 'update', before, patch, kid_plan))
        else:
            plan['unchanged'] += 1

    def in_prune_scope(self, obj):
        """Whether ``obj`` is one that ``prune`` may delete (when the list does not name it)."""
        if self.prune_all:
            return True
        if self.prune_tag is not None and obj.get(self.prune_field) != self.prune_tag:
            return False
        if self.prune_prefix is not None:
            value = obj.get(self.resource.key)
            return isinstance(value, str) and value.startswith(self.prune_prefix)
        return self.prune_tag is not None

    def scope_text(self):
        """The prune's scope in words, for messages."""
        if self.prune_all:
            return 'every %s' % self.resource.label
        parts = []
        if self.prune_tag is not None:
            parts.append('whose %s is %r' % (self.prune_field, self.prune_tag))
        if self.prune_prefix is not None:
            parts.append('whose %s starts with %r' % (self.resource.key, self.prune_prefix))
        return 'every %s %s' % (self.resource.label, ' and '.join(parts))

    def _check_deletes(self, plan, objects):
        """Fail before any write when a prune of an empty list or too many deletes was not asked for."""
        resource = self.resource
        children = resource.children
        pruned = plan['deleted']
        if self.prune and not objects and pruned and not self.prune_empty:
            error = ApiError(
                'objects is empty and prune is true: that would delete %s (%d: %s). An empty '
                'list never prunes unless prune_empty=true (check that the list was not emptied by mistake, for '
                'example by a variable file that was not loaded); nothing was written'
                % (self.scope_text(), len(pruned), _names(pruned)), kind='usage')
            error.would_delete = sorted(pruned)
            raise error
        if self.max_deletes is None:
            return
        child_names = [name for name, _uri in plan['child_delete']]
        total = len(pruned) + len(child_names)
        if total > self.max_deletes:
            parts = []
            if pruned:
                parts.append('%s objects pruned: %d (%s)' % (resource.name, len(pruned), _names(pruned)))
            if child_names:
                parts.append('%s removed: %d (%s)' % (children.option, len(child_names), _names(child_names)))
            error = ApiError('this task would delete %d objects, more than max_deletes=%d; %s. Nothing was written; '
                             'raise max_deletes if these deletes are intended'
                             % (total, self.max_deletes, '; '.join(parts)), kind='usage')
            error.would_delete = sorted(pruned) + sorted(child_names)
            raise error

    def _label(self, index, params):
        value = params.get(self.resource.key) if isinstance(params, dict) else None
        return 'objects[%d]' % index + (' (%s=%r)' % (self.resource.key, value) if value not in (None, '') else '')

    def _invalid(self, errors):
        shown = errors[:MAX_REPORTED_ERRORS]
        more = len(errors) - len(shown)
        message = 'invalid objects, nothing was written: %s%s' % (
            '; '.join(shown), ' (and %d more)' % more if more > 0 else '')
        error = ApiError(message, kind='usage')
        error.invalid = errors
        return error

    def _current_children(self, parents):
        """Children of every current parent, ``{parent_uri: {child_key: {uri, fields...}}}``, read once."""
        children = self.resource.children
        result = {}
        nested_ok = all(isinstance(p.get(children.nested), list)
                        and all(isinstance(item, dict) and item.get(children.key) for item in p[children.nested])
                        for p in parents)
        if nested_ok:
            pairs = [(uri_of(p, self.resource.name), item) for p in parents for item in p[children.nested]]
        else:
            pairs = [(uri_of(item.get(children.parent_field), self.resource.name), item)
                     for item in self.list_all(children.resource)]
        for parent_uri, item in pairs:
            entry = dict((name, item.get(name)) for name in children.fields)
            entry['uri'] = uri_of(item, children.resource)
            result.setdefault(parent_uri, {})[item[children.key]] = entry
        return result

    def _check_children(self, wanted_children, owner_of, freed, objects):
        """Fail before any write when a child key is wanted twice or belongs to another parent."""
        children = self.resource.children
        errors = []
        for ck, wanters in sorted(wanted_children.items()):
            if len(wanters) > 1:
                errors.append('%s %r is listed by %s' % (children.key, ck, ', '.join(
                    self._label(index, objects[index]) for index, _k, _u in wanters)))
                continue
            index, _key_value, parent_uri = wanters[0]
            owner = owner_of.get(ck)
            if owner is not None and owner != parent_uri and ck not in freed:
                errors.append('%s: %s %r already belongs to %s' % (self._label(index, objects[index]), children.key,
                                                                   ck, self.owner_label(owner)))
        if errors:
            raise ApiError('cannot converge %s, nothing was written: %s'
                           % (children.option, '; '.join(errors[:MAX_REPORTED_ERRORS])), kind='conflict')

    # -- reporting -------------------------------------------------------------------------
    def _change(self, name, action, before, after, kid_plan):
        secrets = [field for field in after if field in self.resource.fields and self.resource.fields[field].is_secret]
        fields = sorted(field for field in after if field != self.resource.key and field in self.resource.fields)
        change = {'name': name, 'action': action}
        if action == 'update':
            change['fields'] = fields
        option_changes = None
        if kid_plan and any(kid_plan.values()):
            option = self.resource.children.option
            change[option] = option_changes = {
                'created': sorted(kid_plan['create']),
                'updated': sorted(k for k, _d in kid_plan['update']),
                'deleted': sorted(kid_plan['delete'])}
        if self.diff_mode and self.details:
            if action == 'delete':
                change['before'] = before
                change['after'] = {}
            else:
                view_after = dict(after)
                nested = self.resource.children.nested if self.resource.children else None
                if nested and nested in view_after:
                    view_after[self.resource.children.option] = view_after.pop(nested)
                change['before'] = self.diff_view(before) if action == 'update' else {}
                for field in secrets:
                    if action == 'update' and self.resource.fields[field].kind == 'write_only':
                        # never read back: not shown empty (as the single-object modules show it)
                        change['before'][field] = MASK
                change['after'] = self.diff_view(view_after, secrets if action == 'update' else ())
                if action == 'update' and option_changes:
                    # aliases that change, one line each (a change of aliases only shows too)
                    option = self.resource.children.option
                    change['before'][option] = dict((k, 'present') for k in
                                                    option_changes['updated'] + option_changes['deleted'])
                    change['after'][option] = dict([(k, 'created') for k in option_changes['created']]
                                                   + [(k, 'updated') for k in option_changes['updated']])
        return change

    def _delete_view(self, obj):
        shown = self.present_object(obj)
        return dict((name, shown.get(name)) for name in self.resource.fields if name in shown)

    # -- writes ----------------------------------------------------------------------------
    def _batches(self, items):
        for start in range(0, len(items), self.batch_size):
            yield items[start:start + self.batch_size]

    def _write(self, phase, resource_name, items, deleting=False):
        key = self._key_of(resource_name)
        remaining = self._remaining(resource_name, key)
        for batch in self._batches(items):
            names = [name for name, _value in batch]
            try:
                if deleting:
                    self.client.patch_list(resource_name, [], deleted_objects=[uri for _n, uri in batch],
                                           remaining=remaining, key=key)
                else:
                    self.client.patch_list(resource_name, [body for _n, body in batch], remaining=remaining, key=key)
            except ApiError as exc:
                raise BatchError(exc, phase, names, dict(self._written))
            self._count(phase, batch)

    def _key_of(self, resource_name):
        children = self.resource.children
        if children is not None and resource_name == children.resource:
            return children.key
        return self.resource.key if resource_name == self.resource.name else NATURAL_KEYS.get(resource_name, 'name')

    def _remaining(self, resource_name, key):
        """What of a batch is still to send, read from the manager (after a failed bulk PATCH).

        Creates whose natural key does not exist yet, every update (absolute
        values), deletes of objects that still exist.
        """
        def remaining(objects, deleted_objects):
            current = self.list_all(resource_name)
            keys = set(obj.get(key) for obj in current)
            uris = set(uri_of(obj, resource_name) for obj in current)
            return ([body for body in objects if body.get('resource_uri') or body.get(key) not in keys],
                    [uri for uri in deleted_objects if uri in uris])
        return remaining

    def _count(self, phase, batch):
        if phase in ('child_delete', 'child_write'):
            self._written['children'] += len(batch)
        elif phase == 'delete':
            self._written['deleted'] += len(batch)
        else:
            for _name, body in batch:
                self._written['updated' if 'resource_uri' in body else 'created'] += 1

    def apply(self, plan):
        children = self.resource.children
        if children is not None:
            self._write('child_delete', children.resource, plan['child_delete'], deleting=True)
        self._write('delete', self.resource.name, plan['delete'], deleting=True)
        self._write('write', self.resource.name, plan['write'])
        if children is not None:
            self._write('child_write', children.resource, plan['child_write'])

    # -- the whole run -----------------------------------------------------------------------
    def ensure_all(self, objects):
        """Converge ``objects`` and return the module result."""
        plan = self.plan(objects)
        changed = bool(plan['write'] or plan['delete'] or plan['child_delete'] or plan['child_write'])
        if changed and not self.check_mode:
            self.apply(plan)
        result = self.summary(plan, changed)
        result['requests'] = self.client.request_count
        if self.warnings:
            result['warnings'] = sorted(set(self.warnings))
        return result

    def summary(self, plan, changed):
        label = self.resource.name
        result = {
            'changed': changed,
            'created': sorted(plan['created']),
            'updated': sorted(plan['updated']),
            'deleted': sorted(plan['deleted']),
            'counts': {
                'created': len(plan['created']), 'updated': len(plan['updated']), 'deleted': len(plan['deleted']),
                'unchanged': plan['unchanged'], 'requested': plan['requested'], 'existing': len(self._current),
            },
        }
        if self.details:
            result['changes'] = plan['changes']
        if self.diff_mode:
            if self.details:
                before = dict((c['name'], c['before']) for c in plan['changes'] if c['action'] != 'create')
                after = dict((c['name'], c['after']) for c in plan['changes'] if c['action'] != 'delete')
            else:
                # one line per object that changes, which differs between before and after so that every
                # updated object shows in --diff (field names only, never values: secrets stay out)
                before = dict((name, 'present') for name in plan['updated'] + plan['deleted'])
                after = dict((name, 'created') for name in plan['created'])
                for name in plan['updated']:
                    after[name] = 'updated: %s' % ', '.join(plan['fields'].get(name) or ())
                before, after = {label: before}, {label: after}
            result['diff'] = {'before': before, 'after': after}
        return result
