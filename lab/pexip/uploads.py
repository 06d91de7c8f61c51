"""Bytes of uploaded files (theme packages, media files, branding packages).

Each upload is kept once under ``<state dir>/uploads/<sha256>``; the object's
row holds the file name, size and SHA-256, so a backup of the tables names
the files without holding them.
"""
import hashlib
import os

from django.conf import settings


def folder():
    path = os.path.join(settings.STATE_DIR, "uploads")
    os.makedirs(path, exist_ok=True)
    return path


def store(content):
    """Keep ``content``; return its SHA-256 (hex)."""
    digest = hashlib.sha256(content).hexdigest()
    target = os.path.join(folder(), digest)
    if not os.path.exists(target):
        with open(target + ".part", "wb") as handle:
            handle.write(content)
        os.replace(target + ".part", target)
    return digest


def read(digest):
    """The bytes stored under ``digest`` (None when unknown)."""
    target = os.path.join(folder(), digest)
    if not digest or not os.path.exists(target):
        return None
    with open(target, "rb") as handle:
        return handle.read()
