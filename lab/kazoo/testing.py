# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers for the Kazoo test suites: a private lab on a free port, and its control API.

:func:`start_private_lab` makes a throw-away CA and server certificate (cryptography),
starts ``python -m lab.kazoo.server`` on a free loopback port and returns a :class:`LabHandle`
with the URL, credentials and CA path (the same names ``.lab/env`` exports).
:func:`from_env_file` reads ``.lab/env`` written by ``python -m lab up`` instead.
"""

import datetime
import hashlib
import os
import shlex
import socket
import subprocess
import sys
import time

import requests

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class LabHandle(object):
    def __init__(self, env, process=None, workdir=None):
        self.env = env  # KAZOO_* variables
        self.process = process
        self.workdir = workdir

    @property
    def url(self):
        return self.env['KAZOO_URL']

    @property
    def ca_path(self):
        return self.env.get('KAZOO_CA_PATH')

    @property
    def control(self):
        """lab.control.LabControl on this server's /_lab/ routes."""
        from lab.control import LabControl
        if getattr(self, '_control', None) is None:
            self._control = LabControl(self.url, self.env['KAZOO_USERNAME'], self.env['KAZOO_PASSWORD'],
                                       self.ca_path)
        return self._control

    def reset(self):
        self.control.reset()

    def requests_log(self):
        return self.control.requests()

    def writes(self):
        return self.control.writes()

    def clear_log(self):
        self.control.clear_requests()

    def fault(self, **spec):
        return self.control.add_fault(**spec)

    def clear_faults(self):
        self.control.clear_faults()

    def info(self):
        return self.control._call('GET', 'info')

    def profile(self, **changes):
        """The product variants the lab shows (``/_lab/profile``); keyword arguments switch them."""
        if changes:
            return self.control._call('POST', 'profile', json=changes)
        return self.control._call('GET', 'profile')

    def token(self, username=None, password=None, account_name=None):
        username = username or self.env['KAZOO_USERNAME']
        password = password or self.env['KAZOO_PASSWORD']
        account_name = account_name or self.env['KAZOO_ACCOUNT_NAME']
        creds = hashlib.md5(('%s:%s' % (username.lower(), password)).encode()).hexdigest()
        session = requests.Session()
        session.trust_env = False
        resp = session.put(self.url + '/v2/user_auth', verify=self.ca_path,
                           json={'data': {'credentials': creds, 'account_name': account_name}}, timeout=30)
        resp.raise_for_status()
        return resp.json()['auth_token']

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def make_certs(directory, hostnames=('localhost',), ips=('127.0.0.1',)):
    """A CA and a server certificate signed by it; returns (ca.pem, server.pem, server-key.pem)."""
    import ipaddress
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    os.makedirs(directory, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, u'ucops kazoo test CA')])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    sans = [x509.DNSName(h) for h in hostnames] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = [os.path.join(directory, n) for n in ('ca.pem', 'server.pem', 'server-key.pem')]
    with open(paths[0], 'wb') as handle:
        handle.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths[1], 'wb') as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(paths[2], 'wb') as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return paths


def _free_port():
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def start_private_lab(workdir, extra_env=None, python=None):
    """Start a lab server of our own (fresh state) and wait until it answers."""
    ca, cert, key = make_certs(os.path.join(workdir, 'tls'))
    port = _free_port()
    creds = {
        'LAB_KAZOO_USERNAME': 'Admin', 'LAB_KAZOO_PASSWORD': 'pw-' + os.urandom(6).hex(),
        'LAB_KAZOO_ACCOUNT_NAME': 'lab-master', 'LAB_KAZOO_API_KEY': hashlib.sha256(os.urandom(16)).hexdigest(),
    }
    env = dict(os.environ)
    env.update(creds)
    env.update(extra_env or {})
    env['PYTHONPATH'] = REPO + os.pathsep + env.get('PYTHONPATH', '')
    log = open(os.path.join(workdir, 'kazoo-lab.log'), 'w')
    proc = subprocess.Popen([python or sys.executable, '-m', 'lab.kazoo.server', '--host', '127.0.0.1',
                             '--port', str(port), '--cert', cert, '--key', key,
                             '--state-dir', os.path.join(workdir, 'state')],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    handle = LabHandle({
        'KAZOO_URL': 'https://127.0.0.1:%d' % port, 'KAZOO_USERNAME': env['LAB_KAZOO_USERNAME'],
        'KAZOO_PASSWORD': env['LAB_KAZOO_PASSWORD'], 'KAZOO_ACCOUNT_NAME': env['LAB_KAZOO_ACCOUNT_NAME'],
        'KAZOO_API_KEY': env['LAB_KAZOO_API_KEY'], 'KAZOO_CA_PATH': ca,
    }, process=proc, workdir=workdir)
    _wait(handle)
    return handle


def _wait(handle, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if handle.process is not None and handle.process.poll() is not None:
            raise RuntimeError('kazoo lab exited early, see %s' % handle.workdir)
        try:
            session = requests.Session()
            session.trust_env = False
            session.get(handle.url + '/v2/schemas', verify=handle.ca_path, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError('kazoo lab did not answer on %s' % handle.url)


def from_env_file(path=None):
    """A handle on the lab started by ``python -m lab up`` (None if absent or not answering)."""
    path = path or os.path.join(REPO, '.lab', 'env')
    if not os.path.exists(path):
        return None
    env = {}
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if line.startswith('export '):
                line = line[7:]
            if '=' in line and line.split('=', 1)[0].startswith('KAZOO_'):
                key, value = line.split('=', 1)
                env[key] = shlex.split(value)[0] if value else ''
    if 'KAZOO_URL' not in env:
        return None
    lab = LabHandle(env)
    try:
        session = requests.Session()
        session.trust_env = False
        session.get(lab.url + '/v2/schemas', verify=lab.ca_path or True, timeout=3)
    except requests.RequestException:
        return None
    return lab
