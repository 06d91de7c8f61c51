# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Certificates (``ca_certificate``, ``tls_certificate``) found by their fingerprint.

A certificate has no name of its own, and its subject is not unique (a renewed
certificate keeps it). The natural key is therefore the certificate itself: the
SHA-256 fingerprint of its DER encoding, computed locally from the PEM the user
gives and from the PEM each object on the manager returns. Re-encoding the PEM
(line length, trailing newline) does not change the fingerprint.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import binascii
import hashlib
import re

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.pexip_engine import Engine
from ansible_collections.ucops.platform.plugins.module_utils.pexip_module import update_password_argument

_PEM_CERT = re.compile(r'-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----', re.S)


def pem_certificates(text):
    """The DER bytes of every certificate in a PEM text."""
    blocks = []
    for body in _PEM_CERT.findall(text or ''):
        try:
            blocks.append(base64.b64decode(re.sub(r'\s+', '', body), validate=True))
        except (binascii.Error, ValueError):
            raise ApiError('certificate: a PEM block is not valid base64', kind='usage')
    return blocks


def fingerprint(text):
    """``AA:BB:...`` SHA-256 fingerprint of the single certificate in ``text``, or ``None``."""
    blocks = pem_certificates(text)
    if len(blocks) != 1:
        return None
    digest = hashlib.sha256(blocks[0]).hexdigest().upper()
    return ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


class CertificateEngine(Engine):
    """The engine with the certificate's fingerprint as the natural key."""

    def find(self, key_value, scope=None):
        wanted = fingerprint(key_value)
        matches = [obj for obj in self.client.iter_list(self.resource.name)
                   if fingerprint(obj.get('certificate')) == wanted]
        if len(matches) > 1:
            raise ApiError('%d %s objects hold the certificate %s; give the resource URI instead'
                           % (len(matches), self.resource.name, wanted), kind='usage')
        return matches[0] if matches else None

    def equal(self, name, desired, current):
        if name == 'certificate':
            return fingerprint(desired) == fingerprint(current)
        return Engine.equal(self, name, desired, current)

    def ensure(self, params, state='present', clear=()):
        print_ = fingerprint(params['certificate'])
        if print_ is None:
            count = len(pem_certificates(params['certificate']))
            raise ApiError('certificate must hold exactly one PEM certificate (found %d); give a bundle as separate '
                           'objects' % count, kind='usage')
        result = Engine.ensure(self, params, state=state, clear=clear)
        result['fingerprint'] = print_
        return result


def certificate_argument_spec(resource):
    spec = resource.argument_spec()
    spec['certificate']['required'] = True
    spec['state'] = dict(type='str', default='present', choices=['present', 'absent'])
    spec['clear'] = dict(type='list', elements='str', default=[], no_log=False)
    if resource.has_write_only:
        spec['update_password'] = update_password_argument()
    return spec
