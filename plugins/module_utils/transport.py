# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""HTTP plumbing shared by the collection's API clients.

:func:`build_session` makes a ``requests.Session`` with TLS settings and an
urllib3 ``Retry`` policy; :func:`send` performs one request on it and turns
every transport failure into an :class:`ApiError` whose message names the
cause (certificate, refused connection, timeout) instead of a bare traceback.

Every wait between two attempts -- a server's ``Retry-After`` as well as the
exponential backoff -- is capped at :data:`MAX_RETRY_DELAY` seconds, for every
verb and both clients (Pexip and Kazoo): a ``Retry-After: 3600`` makes the
client retry after 30 s, not hold the task for an hour.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time
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
# The longest wait between two attempts, in seconds, whatever Retry-After asks for.
MAX_RETRY_DELAY = 30.0


if Retry is not None:
    class CappedRetry(Retry):
        """A urllib3 ``Retry`` whose waits never exceed ``max_delay`` seconds.

        urllib3 honours ``Retry-After`` without a limit, or (recent versions)
        up to six hours. Both the server's ``Retry-After``
        and the backoff are capped here, and the sleep function can be replaced
        (``sleep_function``) so the waits can be observed. urllib3 makes a new
        ``Retry`` for every attempt with :meth:`new`: the two settings are
        carried over.
        """

        max_delay = MAX_RETRY_DELAY
        sleep_function = None
        refused_statuses = frozenset()

        def new(self, **kw):
            retry = super(CappedRetry, self).new(**kw)
            retry.max_delay = self.max_delay
            retry.sleep_function = self.sleep_function
            retry.refused_statuses = self.refused_statuses
            return retry

        def is_retry(self, method, status_code, has_retry_after=False):
            # a refused status means the server carried nothing out: every verb may be sent again
            if status_code in self.refused_statuses:
                return True
            if not self.allowed_methods:
                # urllib3 reads an empty allow-list as "every verb"; here it means none
                return False
            return super(CappedRetry, self).is_retry(method, status_code, has_retry_after)

        def get_retry_after(self, response):
            seconds = super(CappedRetry, self).get_retry_after(response)
            return None if seconds is None else min(float(seconds), self.max_delay)

        def get_backoff_time(self):
            return min(float(super(CappedRetry, self).get_backoff_time()), self.max_delay)

        def sleep(self, response=None):
            delay = None
            if self.respect_retry_after_header and response is not None:
                delay = self.get_retry_after(response)
            if not delay:
                delay = self.get_backoff_time()
            if delay > 0:
                (self.sleep_function or time.sleep)(delay)
else:  # pragma: no cover - without requests the modules fail before any request
    CappedRetry = None


def retry_after_seconds(value, cap=MAX_RETRY_DELAY):
    """The seconds a ``Retry-After`` value (seconds or an HTTP date) asks for, capped; ``None`` if unusable."""
    if value in (None, '') or Retry is None:
        return None
    try:
        seconds = Retry(0).parse_retry_after(str(value))
    except Exception:  # urllib3's InvalidHeader: an unusable value is ignored, the backoff applies
        return None
    return min(max(float(seconds), 0.0), cap)


def make_retry(total=4, backoff_factor=0.5, status_forcelist=RETRY_STATUSES, allowed_methods=IDEMPOTENT_METHODS,
               max_delay=MAX_RETRY_DELAY, sleep=None, refused_statuses=()):
    """A urllib3 Retry policy.

    Connection errors raised before the request was sent are retried for every
    verb (nothing reached the server); read errors and retryable statuses only
    for ``allowed_methods``, except ``refused_statuses``: answers a server gives
    before it carries anything out (Kazoo's 429 rate limit), retried for every
    verb. ``Retry-After`` is honoured up to ``max_delay`` seconds, and so is the
    backoff. ``sleep`` replaces ``time.sleep`` between attempts (tests).
    """
    refused_statuses = frozenset(refused_statuses)
    retry = CappedRetry(
        total=total,
        connect=total,
        read=total if allowed_methods else 0,
        status=total if allowed_methods or refused_statuses else 0,
        other=0,
        backoff_factor=backoff_factor,
        status_forcelist=sorted(status_forcelist),
        allowed_methods=frozenset(allowed_methods),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    retry.max_delay = max_delay
    retry.sleep_function = sleep
    retry.refused_statuses = refused_statuses
    return retry


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
        error = ApiError(message, status=None, method=method, path=path or url, kind=kind)
        error.maybe_sent = may_have_reached_server(exc)
        raise error


def may_have_reached_server(exc):
    """``False`` when a transport failure happened before the request could reach the server.

    A refused connection, a name that does not resolve, a TLS handshake that
    failed or a connection that could not be made in time: nothing was sent, so
    a write was certainly not carried out. Everything else (no answer in time, a
    connection closed while waiting) leaves the outcome of a write unknown.
    """
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError)):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = str(exc)
        for marker in ('NewConnectionError', 'Failed to establish a new connection', 'Connection refused',
                       'NameResolutionError', 'Name or service not known', 'nodename nor servname'):
            if marker in text:
                return False
    return True
