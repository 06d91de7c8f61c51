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


def remove_dot_segments(path, drop_empty=False):
    """``path`` as a server sees it: dot segments resolved, ``%2e`` read as a dot.

    ``drop_empty`` also drops empty segments, for servers that route ``/x//y/``
    as ``/x/y`` (Crossbar).
    """
    out = []
    segments = path.split('/')
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        word = unquote(segment)
        if drop_empty and index > 0 and word == '':
            continue
        if word in ('.', '..'):
            if word == '..' and len(out) > 1:
                out.pop()
            if last and not drop_empty:
                out.append('')
            continue
        out.append(segment)
    return '/'.join(out)


def unsafe_path(path, drop_empty=False):
    """The path a server would act on, when it differs from ``path``; otherwise ``None``."""
    path_only = urlsplit(path).path
    resolved = remove_dot_segments(path_only, drop_empty)
    return resolved if resolved != path_only else None
