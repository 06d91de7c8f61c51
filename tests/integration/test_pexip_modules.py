"""ansible-playbook runs of the Pexip modules against the lab."""

import pytest


@pytest.mark.parametrize('name', ['pexip_conference.yml', 'pexip_alias.yml'])
def test_playbook(playbook, name):
    playbook(name).expect_success()


def test_no_secret_in_verbose_output(playbook, lab_env):
    run = playbook('pexip_secrets.yml', '-vvv', '--diff').expect_success()
    output = run.out + run.err
    for secret in ('73915', '864209', '5193728', 'wr0ng-Passw0rd-value', 'Gen3ricListedS3cret', 'H0stUnlistedPa55',
                   lab_env['PEXIP_PASSWORD']):
        assert secret not in output, 'secret %r leaked' % secret
    # the runs did happen: the room was changed with its PIN masked
    assert '********' in output
    assert 'Passing warnings to exit_json' not in output and 'DEPRECATION' not in output
