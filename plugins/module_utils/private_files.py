# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Files the modules write on the controller that hold secrets: private keys, node bootstrap files, backups."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import tempfile


def write_private_file(dest, chunks, verify=None):
    """Write the byte ``chunks`` to ``dest`` atomically and readable by the owner only.

    The bytes go to a temporary file beside ``dest`` (mode 0600; missing folders
    are made with mode 0700), which then replaces ``dest`` by a rename, so a
    failed or refused write never leaves a partial file there. ``verify(size,
    sha256)`` may raise to refuse the content before it replaces anything.
    Returns ``(size, sha256)`` of what was written.
    """
    directory = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(directory):
        os.makedirs(directory, 0o700)
    handle, temp = tempfile.mkstemp(prefix='.%s.' % os.path.basename(dest), dir=directory)
    digest = hashlib.sha256()
    size = 0
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, 'wb') as out:
            for chunk in chunks:
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        if verify is not None:
            verify(size, digest.hexdigest())
        os.rename(temp, dest)
    except Exception:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return size, digest.hexdigest()
