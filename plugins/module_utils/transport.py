# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""HTTP plumbing shared by the collection's API clients.

:func:`build_session` makes a ``requests.Session`` with TLS settings and an
urllib3 ``Retry`` policy; :func:`send` performs one request on it and turns
every transport failure into an :class:`ApiError` whose message names the
cause (certificate, refused connection, timeout) instead of a bare traceback.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry
except ImportError:  # pragma: no cover - reported by the module through missing_required_lib
    requests = None
    HTTPAdapter = object
    Retry = None
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

# Verbs that may be repeated after a failure without changing the outcome.
IDEMPOTENT_METHODS = frozenset(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
RETRY_STATUSES = frozenset([429, 502, 503, 504])


def make_retry(total=4, backoff_factor=0.5, status_forcelist=RETRY_STATUSES, allowed_methods=IDEMPOTENT_METHODS):
    """A urllib3 Retry policy.

    Connection errors raised before the request was sent are retried for every
    verb (nothing reached the server); read errors and retryable statuses only
    for ``allowed_methods``. ``Retry-After`` is honoured.
    """
    return Retry(
        total=total,
        connect=total,
        read=total if allowed_methods else 0,
        status=total if allowed_methods else 0,
        other=0,
        backoff_factor=backoff_factor,
        backoff_max=30,
        status_forcelist=sorted(status_forcelist),
        allowed_methods=frozenset(allowed_methods),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )


def build_session(validate_certs=True, ca_path=None, retry=None, headers=None):
    """A Session whose adapters use ``retry`` and whose TLS follows the options."""
    session = requests.Session()
    if not validate_certs:
        session.verify = False
    elif ca_path:
        session.verify = ca_path
    else:
        session.verify = True
    adapter = HTTPAdapter(max_retries=retry if retry is not None else make_retry())
    session.mount('https://', adapter)
    session.mount('http://', adapter)
    session.headers.update({'Accept': 'application/json', 'User-Agent': 'ucops.platform'})
    if headers:
        session.headers.update(headers)
    return session


def describe_transport_error(exc, url, prefix=''):
    """A sentence that names the cause of a transport failure.

    ``prefix`` is the prefix of the module options (``pexip_``, ``kazoo_``)
    used in the hints.
    """
    text = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        if 'CERTIFICATE_VERIFY_FAILED' in text or 'certificate verify failed' in text:
            return ('TLS certificate verification failed for %s: the server certificate is not trusted. '
                    'Give the CA bundle that signed it with %sca_path, or (for a lab only) set %svalidate_certs: false. (%s)'
                    % (url, prefix, prefix, _last_reason(text)), 'tls')
        return 'TLS error talking to %s: %s' % (url, _last_reason(text)), 'tls'
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return 'Timed out connecting to %s' % url, 'timeout'
    if isinstance(exc, requests.exceptions.Timeout):
        return 'Timed out waiting for an answer from %s' % url, 'timeout'
    if isinstance(exc, requests.exceptions.RetryError):
        return 'Gave up on %s after repeated retryable failures: %s' % (url, _last_reason(text)), 'server'
    if isinstance(exc, requests.exceptions.ConnectionError):
        if 'ReadTimeoutError' in text or 'Read timed out' in text:
            # urllib3 wraps a read timeout in MaxRetryError, which requests reports as a ConnectionError
            return 'Timed out waiting for an answer from %s' % url, 'timeout'
        if 'Connection refused' in text or 'NewConnectionError' in text:
            return 'Could not connect to %s: connection refused (is the server running and the URL right?)' % url, 'connection'
        if 'Name or service not known' in text or 'nodename nor servname' in text or 'NameResolutionError' in text:
            return 'Could not resolve the host name in %s' % url, 'connection'
        return 'The connection to %s failed: %s' % (url, _last_reason(text)), 'connection'
    return 'Request to %s failed: %s' % (url, text), 'connection'


def _last_reason(text):
    # urllib3 nests reasons as "...(Caused by SSLError(...))": keep the innermost part.
    marker = 'Caused by '
    if marker in text:
        text = text.rsplit(marker, 1)[1].rstrip(')')
    return text


def send(session, method, url, path=None, prefix='', **kwargs):
    """Perform one request; transport failures become :class:`ApiError`."""
    # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a Session's own
    # verify setting unless it is passed with each request: pass it.
    kwargs.setdefault('verify', session.verify)
    try:
        return session.request(method, url, **kwargs)
    except requests.exceptions.RequestException as exc:
        message, kind = describe_transport_error(exc, url, prefix)
        raise ApiError(message, status=None, method=method, path=path or url, kind=kind)
