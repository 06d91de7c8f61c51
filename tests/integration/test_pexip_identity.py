"""Identity and access modules beyond their lifecycles, against the lab."""

import os
import stat

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def test_oauth2_client_private_key(playbook, tmp_path):
    """The key the manager shows once is written to dest (0600, a usable EC key) and never printed, at -vvv."""
    outcome = playbook('pexip_oauth2_client.yml', '-vvv', '-e', 'key_dir=%s' % tmp_path).expect_success()
    path = tmp_path / 'keys' / 'oauth2-test.pem'
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(str(path.parent)).st_mode) == 0o700
    text = path.read_text()
    key = serialization.load_pem_private_key(text.encode('ascii'), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    body = ''.join(line for line in text.splitlines() if line and not line.startswith('-----'))
    shown = outcome.out + outcome.err
    # neither the key nor any 40-character piece of it (a line of the PEM, a JSON-escaped copy) is printed
    assert not [body[i:i + 40] for i in range(0, len(body) - 40, 20) if body[i:i + 40] in shown]
    assert not (tmp_path / 'keys' / 'lost.pem').exists()
