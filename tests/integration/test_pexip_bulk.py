"""ansible-playbook runs of the bulk Pexip modules against the lab."""


def test_bulk_playbook(playbook, lab_env):
    run = playbook('pexip_bulk.yml', '-v', '--diff').expect_success()
    output = run.out + run.err
    # rooms bulk-it-00..04 carry PINs 445500..445504, and a check-mode run changes 00's to 445599: never shown,
    # even with -v --diff
    for pin in ('445500', '445501', '445502', '445503', '445504', '445599'):
        assert pin not in output, 'PIN %s leaked' % pin
    # --diff without details prints a line for every updated room (before and after differ), the secret one too
    for line in ('-        "bulk-it-00": "present"', '+        "bulk-it-00": "updated: pin"',
                 '+        "bulk-it-03": "updated: description"', '+        "bulk-it-05": "updated: aliases"',
                 '-        "bulk-it-extra-tagged": "present"'):
        assert line in output, '%r is not in the printed diff' % line


def test_bulk_objects_file_playbook(playbook):
    run = playbook('pexip_bulk_file.yml', '-vvv').expect_success()
    output = run.out + run.err
    for pin in ('556600', '556601', '556602', '556699'):
        assert pin not in output, 'PIN %s leaked' % pin
