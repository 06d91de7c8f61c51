"""The roles through ansible-playbook against the lab: checks of their variables, prune guards, secrets."""


def test_roles_playbook_and_no_secret_at_v(playbook, tmp_path):
    node_dir = tmp_path / 'nodes'
    node_dir.mkdir()
    run = playbook('pexip_roles.yml', '-v', '-e', 'node_dir=%s' % node_dir).expect_success()
    output = run.out + run.err
    for secret in ('445611', '445612', '4456ab', 'RolesNodePw-5e1'):
        assert secret not in output, 'secret %s reached the -v output' % secret


def test_role_loop_labels_never_show_secrets(playbook):
    # default verbosity with the roles' no_log switched off: the loop labels are all that is shown of the items
    run = playbook('pexip_role_labels.yml', '--check').expect_success()
    output = run.out + run.err
    for secret in ('ROLES-IT-ENT-7d1e9', 'NtpKey-roles-it-3c'):
        assert secret not in output, 'secret %s shown in a loop label' % secret
    assert '(item=licence 1)' in output and '(item=192.0.2.124)' in output
