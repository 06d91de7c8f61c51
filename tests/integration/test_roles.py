"""The roles through ansible-playbook against the lab: checks of their variables, prune guards, secrets."""

import os
import stat


def test_roles_playbook_and_no_secret_at_v(playbook, tmp_path):
    node_dir = tmp_path / 'nodes'
    node_dir.mkdir()
    key_dir = tmp_path / 'oauth2'
    key_dir.mkdir()
    run = playbook('pexip_roles.yml', '-v', '-e', 'node_dir=%s' % node_dir, '-e', 'key_dir=%s' % key_dir).expect_success()
    output = run.out + run.err
    for secret in ('445611', '445612', '4456ab', 'RolesNodePw-5e1', 'RolesSmtpPw-7c1', 'RolesSinkPw-7c2', 'RolesQueue-7c3'):
        assert secret not in output, 'secret %s reached the -v output' % secret
    # pexip_platform wrote the OAuth2 client's private key to <pexip_platform_oauth2_key_dir>/<client_name>.pem
    key_file = key_dir / 'keys' / 'roles-it-client.pem'
    assert oct(stat.S_IMODE(os.stat(key_dir / 'keys').st_mode)) == '0o700'
    assert oct(stat.S_IMODE(os.stat(key_file).st_mode)) == '0o600'
    key = key_file.read_text()
    assert key.startswith('-----BEGIN PRIVATE KEY-----')
    for line in key.strip().splitlines()[1:-1]:
        assert line not in output, 'the private key reached the -v output'
    assert not (key_dir / 'shared.pem').exists()


def test_role_loop_labels_never_show_secrets(playbook):
    # default verbosity with the roles' no_log switched off: the loop labels are all that is shown of the items
    run = playbook('pexip_role_labels.yml', '--check').expect_success()
    output = run.out + run.err
    for secret in ('ROLES-IT-ENT-7d1e9', 'NtpKey-roles-it-3c', 'SmtpPw-roles-it-4d', 'SinkPw-roles-it-5e',
                   'Queue-roles-it-6f', 'OidcSecret-roles-it-7a'):
        assert secret not in output, 'secret %s shown in a loop label' % secret
    assert '(item=licence 1)' in output and '(item=192.0.2.124)' in output
    for name in ('roles-it-label-relay', 'roles-it-label-sink', 'roles-it-label-proxy', 'roles-it-label-connector',
                 'roles-it-label-idp'):
        assert '(item=%s)' % name in output
