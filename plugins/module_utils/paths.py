# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""URL paths checked before they are sent.

HTTP libraries and servers resolve ``.`` and ``..`` segments (RFC 3986,
section 5.2.4): ``/conference/./`` reaches ``/conference/``. A path built from
user input that holds such a segment would reach another URI than the one the
client meant, a list instead of one object, so the clients refuse it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

try:
    from urllib.parse import unquote, urlsplit
except ImportError:  # pragma: no cover - Python 2
    from urllib import unquote
    from urlparse import urlsplit


def remove_dot_segments(path):
    """``path`` as a server sees it: dot segments resolved, ``%2e`` read as a dot."""
    out = []
    segments = path.split('/')
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        word = unquote(segment)
        if word == '.':
            if last:
                out.append('')
            continue
        if word == '..':
            if len(out) > 1:
                out.pop()
            if last:
                out.append('')
            continue
        out.append(segment)
    return '/'.join(out)


def unsafe_path(path):
    """The path a server would act on, when it differs from ``path``; otherwise ``None``."""
    path_only = urlsplit(path).path
    resolved = remove_dot_segments(path_only)
    return resolved if resolved != path_only else None
