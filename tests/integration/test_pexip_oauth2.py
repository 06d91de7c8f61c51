"""A whole playbook with OAuth2 client credentials only, basic auth disabled on the lab (issue 15).

playbooks/pexip_oauth2_auth.yml holds the behaviour checks (create, unchanged rerun, read back, delete,
a wrong key, a clock skew, a manager without OAuth2); this test runs it at -vvv with the OAuth2
variables only and checks that no token the lab issued and nothing of the private key reaches the output.
"""

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def test_oauth2_only_playbook_and_no_secret_at_vvv(playbook, lab_env, tmp_path):
    wrong_key = tmp_path / 'wrong.pem'
    wrong_key.write_bytes(ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    wrong_key.chmod(0o600)
    run = playbook('pexip_oauth2_auth.yml', '-vvv', '-e', 'wrong_key=%s' % wrong_key, env={
        'PEXIP_USERNAME': None, 'PEXIP_PASSWORD': None,
        'LAB_ADMIN_USER': lab_env['PEXIP_USERNAME'], 'LAB_ADMIN_PASSWORD': lab_env['PEXIP_PASSWORD'],
        'PEXIP_OAUTH2_CLIENT_ID': lab_env['PEXIP_OAUTH2_CLIENT_ID'],
        'PEXIP_OAUTH2_PRIVATE_KEY': lab_env['PEXIP_OAUTH2_PRIVATE_KEY']})
    run.expect_success()
    output = run.out + run.err
    assert 'TASK [Delete it]' in output and 'TASK [OAuth2 against it]' in output
    issued = requests.get(lab_env['PEXIP_URL'] + '/_lab/oauth2', auth=(lab_env['PEXIP_USERNAME'],
                          lab_env['PEXIP_PASSWORD']), verify=lab_env['PEXIP_CA_PATH'], timeout=30).json()
    assert len(issued['issued']) >= 5  # one per task with OAuth2 that reached the lab
    for token in issued['issued']:
        assert token not in output, 'a bearer token reached the -vvv output'
    assert 'Bearer ' not in output and '"access_token"' not in output
    assert 'client_assertion' not in output and 'eyJ' not in output  # no JWT (base64 of '{"')
    with open(lab_env['PEXIP_OAUTH2_PRIVATE_KEY']) as handle:
        key_lines = [line for line in handle.read().splitlines() if line and not line.startswith('-----')]
    for line in key_lines + [line for line in wrong_key.read_text().splitlines() if not line.startswith('-----')]:
        assert line not in output, 'a line of a private key reached the -vvv output'
