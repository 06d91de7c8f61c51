"""ansible-playbook runs of pexip_system_backup against each backup profile of the lab."""


def test_backups_under_every_lab_profile(playbook):
    """Made, waited for, downloaded and verified in each profile; pruned; restored; the passphrase never shown."""
    run = playbook('pexip_backups.yml', '-vvv')
    run.expect_success()
    assert 'Backup-Pass-9f3e1c' not in run.out + run.err
