"""module_defaults groups group/ucops.platform.pexip and group/ucops.platform.kazoo, with no PEXIP_*/KAZOO_* env."""

CONNECTION_VARIABLES = ('PEXIP_URL', 'PEXIP_USERNAME', 'PEXIP_PASSWORD', 'PEXIP_VALIDATE_CERTS', 'PEXIP_CA_PATH',
                        'PEXIP_TIMEOUT', 'KAZOO_URL', 'KAZOO_AUTH_TOKEN', 'KAZOO_API_KEY', 'KAZOO_USERNAME',
                        'KAZOO_PASSWORD', 'KAZOO_ACCOUNT_NAME', 'KAZOO_VALIDATE_CERTS', 'KAZOO_CA_PATH', 'KAZOO_TIMEOUT')


def test_connection_only_through_module_defaults(playbook, lab_env):
    extra = {
        'md_pexip_url': lab_env['PEXIP_URL'], 'md_pexip_username': lab_env['PEXIP_USERNAME'],
        'md_pexip_password': lab_env['PEXIP_PASSWORD'], 'md_ca_path': lab_env['PEXIP_CA_PATH'],
        'md_kazoo_url': lab_env['KAZOO_URL'], 'md_kazoo_api_key': lab_env['KAZOO_API_KEY'],
    }
    args = []
    for key, value in extra.items():
        args += ['-e', '%s=%s' % (key, value)]
    result = playbook('module_defaults.yml', *args, env=dict((name, None) for name in CONNECTION_VARIABLES))
    result.expect_success()
    assert 'ok=' in result.out
    assert lab_env['PEXIP_PASSWORD'] not in result.out
