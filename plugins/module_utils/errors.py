# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one exception type every client of the collection raises.

An :class:`ApiError` carries what a user needs to act on a failure: the HTTP
status (``None`` when no answer came back), the method and path of the request,
the server's own message, and per-field details when the server named fields.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib


def did_you_mean(name, candidates):
    """`` (did you mean 'x'?)`` naming the closest of ``candidates`` to ``name`` (up to three), or ``''``."""
    names = sorted(set(candidate for candidate in candidates if isinstance(candidate, str)))
    close = difflib.get_close_matches(str(name), names, n=3, cutoff=0.6)
    return ' (did you mean %s?)' % ' or '.join(repr(candidate) for candidate in close) if close else ''


class ApiError(Exception):
    """A request to a managed API failed.

    ``status`` is the HTTP status code or ``None`` for transport failures
    (TLS, DNS, refused or dropped connections, timeouts). ``field_errors`` maps
    a field name (or a dotted path) to a list of messages.
    """

    def __init__(self, message, status=None, method=None, path=None, field_errors=None, body=None, kind=None):
        self.message = message
        self.status = status
        self.method = method
        self.path = path
        self.field_errors = field_errors or {}
        self.body = body
        # a short machine-readable cause: 'tls', 'connection', 'timeout', 'auth',
        # 'forbidden', 'not_found', 'validation', 'conflict', 'server', 'usage'
        self.kind = kind
        super(ApiError, self).__init__(self.__str__())

    def __str__(self):
        where = ''
        if self.method and self.path:
            where = '%s %s' % (self.method, self.path)
        if self.status is not None:
            where = ('%s returned HTTP %s' % (where, self.status)) if where else 'HTTP %s' % self.status
        text = self.message
        if self.field_errors:
            details = '; '.join(
                '%s: %s' % (field, ' '.join(msgs) if isinstance(msgs, (list, tuple)) else msgs)
                for field, msgs in sorted(self.field_errors.items())
            )
            text = '%s (%s)' % (text, details) if text else details
        return '%s: %s' % (where, text) if where else text

    def to_result(self):
        """Keys to add to a module's fail_json call."""
        result = {'status': self.status}
        if self.method:
            result['method'] = self.method
        if self.path:
            result['path'] = self.path
        if self.field_errors:
            result['field_errors'] = self.field_errors
        return result
