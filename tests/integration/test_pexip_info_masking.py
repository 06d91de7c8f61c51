"""pexip_resource_info never shows a secret the collection knows of (regression: it returned PINs and tokens)."""


def test_generic_info_masks_secrets(playbook):
    run = playbook('pexip_info_masking.yml', '-vvv').expect_success()
    for secret in ('884411', '884422', 'masking-check'):
        assert secret not in run.out.split('TASK [Read it back by name]')[1], '%s shown by pexip_resource_info' % secret
