"""ansible-playbook runs of the bulk Pexip modules against the lab."""


def test_bulk_playbook(playbook, lab_env):
    run = playbook('pexip_bulk.yml', '-v', '--diff').expect_success()
    output = run.out + run.err
    # rooms bulk-it-00..04 carry PINs 445500..445504: never shown, even with -v --diff
    for pin in ('445500', '445501', '445502', '445503', '445504'):
        assert pin not in output, 'PIN %s leaked' % pin
