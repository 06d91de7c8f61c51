# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``system_config`` database of the lab and Crossbar's computations over it.

Each document is kept as CouchDB would: public sections plus ``_id``, ``_rev`` and
``pvt_*`` fields. The functions mirror cb_system_configs / kapps_config_doc:

* effective section = schema defaults (+) stored ``default`` (+) stored section;
* saves store only the difference from those defaults;
* a save whose base revision is no longer current is refused (409), like CouchDB.
"""

import copy
import json
import os
import threading
import time
import uuid

from lab.kazoo.jsonops import diff, merge_right, merge_recursive


class Conflict(Exception):
    pass


def public_fields(doc):
    return dict((k, copy.deepcopy(v)) for k, v in (doc or {}).items()
                if not k.startswith('_') and not k.startswith('pvt_'))


def strip_id(doc):
    out = public_fields(doc)
    out.pop('id', None)
    return out


class ConfigDB(object):
    def __init__(self, schemas, path=None):
        self.schemas = schemas
        self.path = path
        self.lock = threading.RLock()
        self.docs = {}
        if path and os.path.exists(path):
            with open(path) as handle:
                self.docs = json.load(handle)

    # -- persistence ----------------------------------------------------------------
    def _persist(self):
        if not self.path:
            return
        tmp = self.path + '.tmp'
        with open(tmp, 'w') as handle:
            json.dump(self.docs, handle, indent=1, sort_keys=True)
        os.replace(tmp, self.path)

    def reset(self):
        with self.lock:
            self.docs = {}
            self._persist()

    def open(self, doc_id):
        with self.lock:
            doc = self.docs.get(doc_id)
            return copy.deepcopy(doc) if doc is not None else None

    def save(self, doc_id, public, base_rev):
        """Store ``public`` (+ private fields) if ``base_rev`` is still current."""
        with self.lock:
            current = self.docs.get(doc_id)
            current_rev = current.get('_rev') if current else None
            if current_rev != base_rev:
                raise Conflict(doc_id)
            number = int(current_rev.split('-', 1)[0]) + 1 if current_rev else 1
            now = int(time.time())
            doc = copy.deepcopy(public)
            doc.pop('id', None)
            doc['_id'] = doc_id
            doc['_rev'] = '%d-%s' % (number, uuid.uuid4().hex)
            doc['pvt_type'] = 'config'
            doc['pvt_created'] = current.get('pvt_created', now) if current else now
            doc['pvt_modified'] = now
            self.docs[doc_id] = doc
            self._persist()
            return copy.deepcopy(doc)

    def delete(self, doc_id, base_rev):
        with self.lock:
            current = self.docs.get(doc_id)
            if current is None or current.get('_rev') != base_rev:
                raise Conflict(doc_id)
            del self.docs[doc_id]
            self._persist()

    def list_ids(self):
        with self.lock:
            return sorted(k for k, d in self.docs.items() if d.get('pvt_type') == 'config' and not d.get('pvt_deleted'))

    # -- kapps_config_doc -----------------------------------------------------------
    # Each method below follows the function of the same name in Kazoo's
    # core/kazoo_apps/src/kapps_config_doc.erl, composed the same way, so that the
    # kz_json semantics (jsonops) decide the outcome exactly where they do in Kazoo.
    def schema_defaults(self, cat):
        """Document-shaped: {"default": <defaults of system_config.<cat>>}."""
        return {'default': self.schemas.default_section(cat)}

    def get_config(self, cat, doc=None):
        """Public object-valued sections of the stored document ({} when missing)."""
        doc = self.open(cat) if doc is None else doc
        return dict((k, v) for k, v in public_fields(doc).items() if isinstance(v, dict))

    @staticmethod
    def _node(config, node):
        value = config.get(node)
        return value if isinstance(value, dict) else {}

    def _apply_default_values(self, config, node, defaults):
        # the section becomes defaults' "default" <- config's "default" <- the section itself
        out = copy.deepcopy(config)
        out[node] = merge_recursive(self._node(defaults, 'default'), self._node(config, 'default'), self._node(config, node))
        return out

    @staticmethod
    def _keys(config):
        return [k for k in config if k != 'default']

    def _apply_schema_defaults(self, cat, config):
        sdef = self.schema_defaults(cat)
        for node in ['default'] + self._keys(config):
            config = self._apply_default_values(config, node, sdef)
        return config

    def config_with_default_node(self, cat, stored=None):
        stored = self.get_config(cat) if stored is None else stored
        return self._apply_default_values(stored, 'default', self.schema_defaults(cat))

    def config_with_defaults(self, cat, stored=None):
        stored = self.get_config(cat) if stored is None else stored
        out = copy.deepcopy(stored)
        for node in self._keys(stored):  # apply_default_node: stored default under each section
            out = self._apply_default_values(out, node, {})
        out.setdefault('default', {})
        return self._apply_schema_defaults(cat, out)

    def stored_config(self, cat, nodes, stored=None):
        base = self.config_with_default_node(cat, stored)
        config = base
        for node in nodes:
            config = self._apply_default_values(config, node, base)
        return config

    def stored_node(self, cat, node, stored=None):
        return self._node(self.stored_config(cat, ['default', node], stored), node)

    def build_default(self, cat, full):
        out = {}
        for node in self._keys(full):
            out = self._apply_default_values(out, node, full)
        return self._apply_schema_defaults(cat, out)

    def diff_from_default(self, cat, full):
        return diff(full, self.build_default(cat, full))

    def diff_node_from_default(self, cat, node, body, stored=None):
        if node == 'default':
            # Kazoo compares the section with the document-shaped defaults: nothing is dropped
            return diff(body, self.schema_defaults(cat))
        return diff(body, self.stored_node(cat, 'default', stored))

    @staticmethod
    def merge_right(left, right):
        return merge_right(left, right)
