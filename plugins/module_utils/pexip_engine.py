# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource engine every Pexip module drives.

Given a :class:`Resource` description and the user's parameters, the engine
finds the current object by its natural key, resolves references given by
name, compares only the fields the user set (null and "" alike, sets as sets,
nested objects as their URIs, write-only secrets only when asked), and then
creates, patches or deletes -- or, in check mode, predicts the object a real
run would leave. Every result masks secrets, also inside ``diff``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible.module_utils.six.moves.urllib.parse import urlsplit

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean
from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import CONFIG_PREFIX, resource_path
from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import MASK, NATURAL_KEYS, shown

CHANGED_MASK = MASK + ' (changed)'
# what makes urlsplit() change a string starting with '/': a query, a fragment, characters it removes
_NOT_PLAIN_PATH = re.compile(r'[?#\t\r\n]')


def uri_of(value, target=None):
    """The resource URI of a nested object, a URI or an id; ``None`` for empty."""
    if value in (None, ''):
        return None
    if isinstance(value, dict):
        uri = value.get('resource_uri')
        if uri:
            if uri[0] == '/' and uri[:2] != '//' and not _NOT_PLAIN_PATH.search(uri):
                return uri  # already a plain path, as the manager gives it: what urlsplit would return
            return urlsplit(uri).path
        if target and value.get('id') is not None:
            # embedded objects can carry an empty resource_uri: build it from the id
            return resource_path(target, value['id'])
        return None
    if isinstance(value, int) and target:
        return resource_path(target, value)
    value = str(value)
    if value.startswith('http://') or value.startswith('https://'):
        value = urlsplit(value).path
    if value.startswith(CONFIG_PREFIX) and not value.endswith('/'):
        value += '/'
    return value


def is_uri(value):
    return isinstance(value, str) and (value.startswith(CONFIG_PREFIX) or '://' in value)


def mask_object(obj, secrets):
    """A copy of ``obj`` with non-empty secret values replaced by a mask."""
    if not isinstance(obj, dict):
        return obj
    masked = dict(obj)
    for name in secrets:
        if masked.get(name) not in (None, ''):
            masked[name] = MASK
    return masked


class Engine:
    """Converges one resource object towards the user's parameters."""

    def __init__(self, client, resource, check_mode=False, diff_mode=False, update_password='always'):
        self.client = client
        self.resource = resource
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.update_password = update_password
        self._ref_cache = {}
        self.warnings = []
        # Hooks for resources whose creation differs (worker_vm): values sent
        # only in the POST, never compared nor shown, and a callable given the
        # POST's response when creation answers with a body.
        self.create_extra = {}
        self.on_create_response = None
        # file parts sent with the POST that creates the object ({field: (name, handle)}), for resources
        # created by a multipart request (see run_upload_module)
        self.create_files = None
        # the scope values of the object being converged (see Resource.scope)
        self._scope = None

    # -- lookups ---------------------------------------------------------------------------
    def find(self, key_value, scope=None):
        """The current object with this natural key (within ``scope``: {field: URI or value}), or ``None``."""
        matches = self.client.find(self.resource.name, self.resource.key, key_value)
        if scope:
            matches = [obj for obj in matches
                       if all(self.normalise(name, obj.get(name)) == value for name, value in scope.items())]
        if len(matches) > 1:
            raise ApiError('%d %s objects have %s=%r; the natural key must be unique, give the resource URI instead'
                           % (len(matches), self.resource.name, self.resource.key, key_value), kind='usage')
        return matches[0] if matches else None

    def resolve(self, field_name, target, value):
        """A reference given by natural key, id or URI, as the target's URI."""
        if value in (None, ''):
            return None
        cache_key = (target, str(value))
        if cache_key in self._ref_cache:
            return self._ref_cache[cache_key]
        if is_uri(value) or (isinstance(value, str) and value.isdigit()):
            uri = uri_of(int(value) if isinstance(value, str) and value.isdigit() else value, target)
            if not uri.startswith(resource_path(target)):
                raise ApiError('%s: %s is not a %s URI' % (field_name, value, target), kind='usage')
            if self.client.get_object(uri) is None:
                raise ApiError('%s: %s %s does not exist' % (field_name, target, uri), kind='not_found')
        elif target not in NATURAL_KEYS:
            # nothing names these objects (software bundle revisions, ...): only their URI or id finds one
            raise ApiError('%s: %s objects have no name to find them by; give the resource URI or the id of one '
                           '(got %r)' % (field_name, target, value), kind='usage')
        else:
            key = NATURAL_KEYS[target]
            matches = self.client.find(target, key, value)
            if not matches:
                return self.missing_reference(field_name, target, key, value)
            if len(matches) > 1:
                raise ApiError('%s: %d %s objects have %s %r; give the resource URI instead'
                               % (field_name, len(matches), target, key, value), kind='usage')
            uri = uri_of(matches[0], target)
        self._ref_cache[cache_key] = uri
        return uri

    def missing_reference(self, field_name, target, key, value):
        """A reference by name to an object that does not exist.

        A real run fails. In check mode an earlier task of the same play may be
        about to create the object (a role that sets up a theme, then the rooms
        using it), so the run goes on with a placeholder and a warning instead.
        """
        if not self.check_mode:
            raise ApiError('%s: no %s with %s %r exists%s' % (
                field_name, target, key, value, self.suggest(target, key, value)), kind='not_found')
        self.warnings.append('%s: no %s with %s %r exists yet; check mode assumes an earlier task creates it, '
                             'a real run fails if it still does not exist' % (field_name, target, key, value))
        return '(%s %r, not yet created)' % (target, value)

    def known_keys(self, target, key):
        """Every natural key of ``target`` (read only when a reference is missing)."""
        return [obj.get(key) for obj in self.client.iter_list(target) if isinstance(obj.get(key), str)]

    def suggest(self, target, key, value):
        """`` (did you mean 'X'?)`` naming the closest existing keys, or ``''``."""
        return did_you_mean(value, self.known_keys(target, key))

    def owner_label(self, owner_uri):
        """A parent named by its natural key (``conference 'Alice VMR'``), its URI when it cannot be read."""
        owner = self.client.get_object(owner_uri) if owner_uri else None
        if isinstance(owner, dict) and owner.get(self.resource.key):
            return '%s %r' % (self.resource.label, owner[self.resource.key])
        return str(owner_uri)

    # -- normalisation ---------------------------------------------------------------------
    def normalise(self, name, value):
        """A field's value in the form used for comparison and writes."""
        field = self.resource.fields.get(name)
        if field is None:
            return value
        if field.kind == 'ref':
            return uri_of(value, field.target)
        if field.kind == 'refs':
            return sorted(set(uri_of(item, field.target) for item in (value or []) if uri_of(item, field.target)))
        if field.kind == 'embedded':
            return field.embedded_names(value)
        if value is None and field.type == 'str' and field.kind != 'ref':
            return ''
        return value

    def equal(self, name, desired, current):
        field = self.resource.fields[name]
        desired = self.normalise(name, desired)
        current = self.normalise(name, current)
        if field.type == 'int' and current not in (None, '') and desired is not None:
            try:
                return int(current) == int(desired)
            except (TypeError, ValueError):
                return False
        if field.type == 'list' and field.kind == 'plain':
            return sorted(desired or []) == sorted(current or [])
        return desired == current

    # -- desired state ---------------------------------------------------------------------
    def problems(self, params):
        """Why the manager would refuse ``params``, found without a request: a list of sentences.

        The natural key must not be empty or only spaces; every field the user
        set is checked against its limits and format; owned children (a
        conference's aliases) against theirs.
        """
        resource = self.resource
        key_problem = None if resource.singleton else resource.key_problem(params.get(resource.key))
        errors = [key_problem] if key_problem else []
        for name, field, value in resource.given_fields(params):
            if name == resource.key and key_problem:
                continue  # Field.check finds nothing wrong with an option not given
            problem = field.check(name, value)
            if problem:
                errors.append(problem)
        children = resource.children
        if children is not None and params.get(children.option) is not None:
            errors.extend(children.check(params[children.option]))
        return errors

    def validate(self, params):
        """Fail before any request when the manager would refuse ``params`` (see :meth:`problems`)."""
        errors = self.problems(params)
        if errors:
            raise ApiError('invalid parameters: %s' % '; '.join(errors), kind='usage')

    def desired(self, params, clear=()):
        """The user-set fields, validated, with references resolved to URIs."""
        errors = self.problems(params)
        wanted = dict((name, value) for name, field, value in self.resource.given_fields(params)
                      if field.kind != 'upload')
        for name in clear or ():
            if name not in self.resource.fields:
                errors.append('clear: %s is not a field of %s (choose from %s)'
                              % (name, self.resource.name, ', '.join(sorted(self.resource.fields))))
            elif name in wanted:
                errors.append('%s is both set and listed in clear' % name)
            elif name == self.resource.key or self.resource.fields[name].required:
                errors.append('%s cannot be cleared' % name)
            elif self.resource.fields[name].type == 'bool':
                errors.append('%s is a boolean: set it to true or false instead of clearing it' % name)
            else:
                wanted[name] = self.resource.fields[name].cleared()
        if errors:
            raise ApiError('invalid parameters: %s' % '; '.join(errors), kind='usage')
        for name, value in list(wanted.items()):
            field = self.resource.fields[name]
            if field.kind == 'ref':
                wanted[name] = self.resolve(name, field.target, value)
            elif field.kind == 'refs':
                wanted[name] = sorted(set(self.resolve(name, field.target, item) for item in value))
            elif field.kind == 'embedded':
                wanted[name] = field.embedded_objects(value)
        return wanted

    def changes(self, wanted, current):
        """The subset of ``wanted`` that differs from ``current``."""
        patch = {}
        for name, value in wanted.items():
            field = self.resource.fields[name]
            if field.kind == 'write_only':
                if self.update_password == 'always':
                    patch[name] = value
                continue
            if not self.equal(name, value, current.get(name)):
                patch[name] = value
        return patch

    # -- results ---------------------------------------------------------------------------
    def present_object(self, obj):
        """An object as returned to the user: references as URIs, secrets masked."""
        if obj is None:
            return {}
        shown = copy.deepcopy(obj)
        for name, field in self.resource.fields.items():
            if name in shown and field.kind in ('ref', 'refs', 'embedded'):
                shown[name] = self.normalise(name, shown[name])
        return mask_object(shown, self.resource.secret_fields())

    def diff_view(self, values, changed_secrets=()):
        """Values for a diff, secrets masked: ``changed_secrets`` show as changed (an after side)."""
        view = {}
        for name, value in values.items():
            field = self.resource.fields.get(name)
            if field is not None and field.is_secret and value not in (None, ''):
                view[name] = CHANGED_MASK if name in changed_secrets else MASK
            elif field is not None and field.kind == 'embedded':
                view[name] = field.embedded_names(value)
            else:
                view[name] = value
        return view

    # -- the operations ----------------------------------------------------------------------
    def ensure(self, params, state='present', clear=()):
        """Converge and return the module result (``changed``, object, ``diff``)."""
        # what the manager would refuse fails here, before any request
        if state == 'absent':
            problem = self.resource.key_problem(params.get(self.resource.key))
            if problem:
                raise ApiError('invalid parameters: %s' % problem, kind='usage')
        else:
            self.validate(params)
        if self.resource.singleton:
            return self._ensure_singleton(params, state, clear)
        key_value = params[self.resource.key]
        scope = self.scope_of(params)
        current = self.find(key_value, scope)
        if not self.resource.creatable:
            if state == 'absent':
                raise ApiError('%s objects are made by the manager itself: they can be changed but not deleted'
                               % self.resource.name, kind='usage')
            if current is None:
                raise ApiError('no %s with %s %r exists; the manager makes these objects itself, a module can only '
                               'change them%s' % (self.resource.name, self.resource.key, key_value,
                                                  self.suggest(self.resource.name, self.resource.key, key_value)),
                               kind='not_found')
        if state == 'absent':
            return self._absent(current)
        wanted = self.desired(params, clear)
        wanted[self.resource.key] = key_value
        self._scope = scope
        children = self.resource.children
        kids = None
        if children is not None and params.get(children.option) is not None:
            kids = self._children_wanted(params[children.option])
            purge = params.get(children.purge_option, True) if children.purge_option else True
        if current is None:
            return self._create(wanted, kids)
        return self._update(current, wanted, kids, purge if kids is not None else False)

    def scope_of(self, params):
        """The values of the scope fields (references as URIs) that, with the key, identify the object."""
        scope = {}
        for name in self.resource.scope:
            field = self.resource.fields[name]
            value = params.get(name)
            if value is None:
                raise ApiError('%s is required: %s objects are found by %s within their %s' % (
                    name, self.resource.name, self.resource.key, name), kind='usage')
            if field.kind == 'ref':
                resolved = self.resolve(name, field.target, value)
                value = resolved if is_uri(resolved) else None
            scope[name] = self.normalise(name, value)
        return scope

    def find_singleton(self):
        """The one object of a singleton resource, found by listing (its id is not always 1)."""
        objects = self.client.list(self.resource.name)
        if len(objects) != 1:
            raise ApiError('expected exactly one %s object, the manager lists %d' % (self.resource.name, len(objects)),
                           kind='server' if objects else 'not_found')
        return objects[0]

    def _ensure_singleton(self, params, state, clear):
        """A singleton is never created nor deleted: present means patched."""
        if state != 'present' and self.resource.singleton_absent != 'delete':
            raise ApiError('%s is a singleton: it can be changed but not deleted' % self.resource.name, kind='usage')
        if state != 'present':
            return self._empty_singleton()
        current = self.find_singleton()
        if self.resource.singleton_absent == 'delete' and self._singleton_is_empty(current):
            # an emptied singleton is set up afresh, as an object is created: its write-only fields go with it
            self.update_password = 'always'
        wanted = self.desired(params, clear)
        unsent = sorted(name for name in wanted if self.resource.fields[name].kind == 'write_only')
        if unsent and self.update_password != 'always':
            # a singleton is never created, so "on_create" never comes: say so instead of dropping them quietly
            self.warnings.append(
                '%s not sent: the manager never shows write-only values, so they cannot be compared, and %s is '
                'never created, so update_password=on_create never sends them; set update_password: always to '
                'send them (the task then reports a change on every run)' % (', '.join(unsent), self.resource.name))
        return self._update(current, wanted)

    def _singleton_is_empty(self, current):
        """Whether a singleton emptied by DELETE is empty: the manager lists no object (a manager may drop it
        until it is set again) or every required readable field is empty (one that keeps it with blank values)."""
        required = [name for name, field in self.resource.fields.items() if field.required and not field.is_secret]
        return current is None or not any(current.get(name) not in (None, '', []) for name in required)

    def _empty_singleton(self):
        """state=absent of a singleton the manager empties with a DELETE of its detail URI (see
        :meth:`_singleton_is_empty`)."""
        objects = self.client.list(self.resource.name)
        current = objects[0] if objects else None
        if self._singleton_is_empty(current):
            return self._result(False, current, {}, {})
        if not self.check_mode:
            self.client.delete(uri_of(current, self.resource.name))
        after = self.client.list(self.resource.name) if not self.check_mode else []
        return self._result(True, after[0] if after else None, self.present_object(current), {})

    def _result(self, changed, obj, before, after, extra=None):
        result = {'changed': changed, self.resource.result_key: self.present_object(obj)}
        if self.warnings:
            result['warnings'] = list(self.warnings)
        if self.diff_mode:
            result['diff'] = {'before': before, 'after': after}
        if extra:
            result.update(extra)
        return result

    def _absent(self, current):
        if current is None:
            return self._result(False, None, {}, {})
        extra = {}
        if self.resource.children is not None:
            # the API deletes the children with their parent: say which went
            gone = self._children_current(current)
            extra['removed_' + self.resource.children.option] = sorted(gone)
        if not self.check_mode:
            self.client.delete(uri_of(current, self.resource.name))
        before = self.present_object(current)
        return self._result(True, None, before, {}, extra)

    def _create(self, wanted, kids=None):
        payload = dict(wanted)
        after = self.diff_view(payload)
        if kids is not None:
            self._children_conflicts(list(kids), None)
            payload[self.resource.children.nested] = [dict(child, **{self.resource.children.key: key})
                                                      for key, child in sorted(kids.items())]
            after[self.resource.children.option] = self._children_view(kids)
        if self.check_mode:
            created = dict(payload)
        else:
            hooks = {'on_response': self.on_create_response} if self.on_create_response else {}
            if self.create_files:
                hooks['files'] = self.create_files
            uri = self.client.create(self.resource.name, dict(payload, **self.create_extra),
                                     lookup=lambda: uri_of(self.find(wanted[self.resource.key], self._scope),
                                                           self.resource.name),
                                     **hooks)
            created = self.client.get_object(uri)
            self.check_kept(wanted, created, uri)
            created = created or dict(payload, resource_uri=uri)
        return self._result(True, created, {}, after)

    def _update(self, current, wanted, kids=None, purge=False):
        patch = self.changes(wanted, current)
        plan = None
        if kids is not None:
            have = self._children_current(current)
            plan = self._children_plan(have, kids, purge)
        if not patch and not (plan and any(plan.values())):
            return self._result(False, current, {}, {})
        uri = uri_of(current, self.resource.name)
        if plan and plan['create']:
            self._children_conflicts(plan['create'], uri)
        if self.check_mode:
            updated = dict(current)
            updated.update(patch)
            if plan is not None:
                updated[self.resource.children.nested] = self._children_predicted(have, kids, plan)
        else:
            if patch and self.resource.update_method == 'PUT':
                self.client.put(uri, self.whole_object(current, patch), resource=self.resource.name)
            elif patch:
                self.client.patch(uri, patch, resource=self.resource.name)
            if plan is not None:
                self._children_apply(plan, have, kids, uri)
            updated = self.client.get_object(uri)
            self.check_kept(patch, updated, uri)
            updated = updated or dict(current, **patch)
        secrets = [name for name in patch if self.resource.fields[name].is_secret]
        before = self.diff_view(dict((name, self.normalise(name, current.get(name))) for name in patch))
        for name in secrets:
            if self.resource.fields[name].kind == 'write_only':
                # never read back: whatever the manager holds is unknown, but it is not shown empty
                before[name] = MASK
        after = self.diff_view(patch, secrets)
        if plan and any(plan.values()):
            option = self.resource.children.option
            before[option] = self._children_view(dict((k, {'description': v.get('description', '')})
                                                      for k, v in have.items()))
            after[option] = self._children_view(dict((k, {'description': v.get('description', '')})
                                                     for k, v in self._children_after(have, kids, plan).items()))
        return self._result(True, updated, before, after)

    def check_kept(self, sent, stored, uri):
        """Fail when the manager did not keep a value it accepted (it read it back otherwise).

        Some fields are read-only on some versions (the facts conflict on whether the Management Node's
        own address can be written): a manager that takes the request but ignores the field would
        otherwise make every run report the same change again.
        """
        if not isinstance(stored, dict):
            return
        dropped = []
        for name, value in sent.items():
            field = self.resource.fields.get(name)
            if field is None or field.is_secret or field.kind == 'upload' or name not in stored:
                continue
            if not self.equal(name, value, stored[name]):
                dropped.append('%s (sent %s, reads back %s)' % (
                    name, shown(self.normalise(name, value)), shown(self.normalise(name, stored[name]))))
        if dropped:
            raise ApiError('the manager accepted the write to %s but did not keep %s: this version may treat '
                           'them as read-only; leave them out of the task' % (uri, '; '.join(dropped)),
                           kind='server')

    def whole_object(self, current, patch):
        """The body of a PUT: every readable field as it is (references as URIs) with ``patch`` over it.

        A PUT replaces the object, so a field left out would fall back to its default; write-only
        fields are sent only when changed (their stored value cannot be read back).
        """
        body = {}
        for name, field in self.resource.fields.items():
            if field.kind in ('write_only', 'upload') or name not in current:
                continue
            value = current[name]
            if field.kind in ('ref', 'refs', 'embedded'):
                value = self.normalise(name, value)
                if field.kind == 'embedded':
                    value = field.embedded_objects(value)
            body[name] = value
        body.update(patch)
        return body

    # -- owned children (a conference's aliases) ---------------------------------------------
    def _children_wanted(self, items):
        children = self.resource.children
        wanted = {}
        for item in items:
            if isinstance(item, str):
                item = {children.key: item}
            key = item.get(children.key)
            if not key:
                raise ApiError('every entry of %s needs %s' % (children.option, children.key), kind='usage')
            if key in wanted:
                raise ApiError('%s lists %r twice' % (children.option, key), kind='usage')
            wanted[key] = dict((name, item[name]) for name in children.fields if item.get(name) is not None)
        return wanted

    def _children_current(self, parent):
        """The parent's children keyed by their key: ``{key: {uri, fields...}}``."""
        children = self.resource.children
        nested = parent.get(children.nested)
        if not (isinstance(nested, list) and all(isinstance(item, dict) for item in nested)):
            parent_id = parent.get('id')
            nested = self.client.list(children.resource, {children.parent_field: parent_id})
        have = {}
        for item in nested:
            entry = dict((name, item.get(name)) for name in children.fields)
            entry['uri'] = uri_of(item, children.resource)
            have[item[children.key]] = entry
        return have

    def _children_plan(self, have, wanted, purge):
        plan = {'create': [], 'update': [], 'delete': []}
        for key, fields in sorted(wanted.items()):
            if key not in have:
                plan['create'].append(key)
                continue
            diff = dict((name, value) for name, value in fields.items()
                        if (value or '') != (have[key].get(name) or ''))
            if diff:
                plan['update'].append((key, diff))
        if purge:
            plan['delete'] = sorted(key for key in have if key not in wanted)
        return plan

    def _children_conflicts(self, keys, parent_uri):
        """Fail before any write when a new child's key is taken elsewhere."""
        children = self.resource.children
        taken = []
        for key in keys:
            for other in self.client.find(children.resource, children.key, key):
                owner = uri_of(other.get(children.parent_field), self.resource.name)
                if owner != parent_uri:
                    taken.append('%s %r already belongs to %s' % (children.key, key, self.owner_label(owner)))
        if taken:
            raise ApiError('cannot add %s: %s' % (children.option, '; '.join(taken)), kind='conflict')

    def _children_apply(self, plan, have, wanted, parent_uri):
        children = self.resource.children
        for key in plan['delete']:
            self.client.delete(have[key]['uri'])
        for key, diff in plan['update']:
            self.client.patch(have[key]['uri'], diff, resource=children.resource)
        for key in plan['create']:
            body = dict(wanted[key])
            body[children.key] = key
            body[children.parent_field] = parent_uri
            self.client.create(children.resource, body, lookup=lambda key=key: self._child_uri(key))

    def _child_uri(self, key):
        children = self.resource.children
        found = self.client.find(children.resource, children.key, key)
        return uri_of(found[0], children.resource) if found else None

    def _children_after(self, have, wanted, plan):
        after = dict((key, dict(value)) for key, value in have.items() if key not in plan['delete'])
        for key, diff in plan['update']:
            after[key].update(diff)
        for key in plan['create']:
            after[key] = dict(wanted[key])
        return after

    def _children_predicted(self, have, wanted, plan):
        children = self.resource.children
        predicted = []
        for key, fields in sorted(self._children_after(have, wanted, plan).items()):
            item = dict((name, fields.get(name, '')) for name in children.fields)
            item[children.key] = key
            if fields.get('uri'):
                item['resource_uri'] = fields['uri']
            predicted.append(item)
        return predicted

    def _children_view(self, kids):
        children = self.resource.children
        return [dict([(children.key, key)] + [(name, fields.get(name, '')) for name in children.fields])
                for key, fields in sorted(kids.items())]
