"""The export round trip: build an estate in the lab, export it, reset the lab, apply the export,
rerun it (nothing changed, nothing written), export again (the same bytes).

The estate is the example estate (playbooks/site.yml with a copy of playbooks/vars, its nodes moved
to <LAB_NODE_NET>.13.x) plus the odd cases of tests/integration/playbooks/estate_odd_cases.yml.
"""

import os
import re
import shutil
import time

from lab.control import LabControl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SITE = os.path.join(ROOT, 'playbooks', 'site.yml')
EXPORT = os.path.join(ROOT, 'playbooks', 'export.yml')
NODE_PASSWORD = 'Exported-node-password-1'


def _controls(lab_env):
    return [LabControl(lab_env[prefix + '_URL'], lab_env[prefix + '_USERNAME'], lab_env[prefix + '_PASSWORD'],
                       lab_env[prefix + '_CA_PATH']) for prefix in ('PEXIP', 'KAZOO')]


def _files(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), 'rb') as handle:
            out[name] = handle.read()
    return out


def _recap_changed(out):
    found = re.findall(r'changed=(\d+)', out.split('PLAY RECAP', 1)[-1])
    return int(found[0]) if found else None


def test_estate_round_trip(playbook, lab_env, tmp_path):
    node_net = os.environ.get('LAB_NODE_NET') or '127.88'
    controls = _controls(lab_env)
    for control in controls:
        control.reset()
    example = tmp_path / 'example'
    shutil.copytree(os.path.join(ROOT, 'playbooks', 'vars'), str(example))
    nodes = (example / 'pexip_nodes.yml').read_text()
    (example / 'pexip_nodes.yml').write_text(nodes.replace('127.0.1.', node_net + '.13.'))
    common = ['-e', 'pexip_nodes_dest_dir=%s' % (tmp_path / 'nodes'), '-e', 'pexip_nodes_wait=false',
              '-e', 'pexip_platform_oauth2_key_dir=%s' % (tmp_path / 'keys'),
              '-e', 'pexip_nodes_bootstrap_ca_path=%s' % lab_env['PEXIP_CA_PATH']]
    (tmp_path / 'nodes').mkdir()
    playbook('estate_odd_cases.yml', '-e', 'estate_dir=%s' % example, '-e', 'node_dir=%s' % (tmp_path / 'nodes'),
             *common).expect_success()

    first = tmp_path / 'first'
    started = time.monotonic()
    run = playbook(EXPORT, '-e', 'export_dir=%s' % first).expect_success()
    export_seconds = time.monotonic() - started
    exported = _files(str(first))
    assert sorted(exported) == ['kazoo.yml', 'pexip_nodes.yml', 'pexip_platform.yml', 'pexip_resources.yml',
                                'pexip_services.yml', 'secrets.yml']
    assert oct(os.stat(str(first / 'secrets.yml')).st_mode & 0o777) == '0o600'
    # the modules write the files (pexip_export / kazoo_system_config_export dest=): no PIN in the output
    assert '402918' not in run.out, run
    secrets_text = exported['secrets.yml'].decode()
    services = exported['pexip_services.yml'].decode()
    platform = exported['pexip_platform.yml'].decode()
    # PINs come back with their values, in secrets.yml only; what the manager never returns is null with its object
    assert "vault_conference_board_room_pin: '402918'" in secrets_text and '402918' not in services
    assert "vault_conference_salle_z_rich_pin: '0042'" in secrets_text
    assert '# password of Conferencing Node "conf-lon-01" (pexip_nodes.yml): the manager never returns it' in secrets_text
    assert 'vault_worker_vm_conf_zrh_vmware_password: null' in secrets_text
    assert 'vault_webapp_branding_example_corp_branding_file: null' in secrets_text
    # references by name, defaults and read-only fields left out, odd names kept as they are
    assert '  sip_proxy: Carrier SBC\n' in platform and 'resource_uri' not in platform + services
    assert 'host_view' not in services.split('name: Town hall', 1)[1]  # the default one_main_seven_pips
    assert '- name: Empty room\n  description: A room nobody can dial yet\n  aliases: []\n' in services
    assert "- name: Salle Zürich – 会议室 ✓\n  description: !unsafe '{{ not a template }} and {% neither %}'" in services
    assert "match_string: ^(\\+?44|0)?([0-9]{3,5})\\.\\*$|^sip:[^@]+@(?:a|b)\\.example\\.com$" in services
    assert 'pexip_resources:\n  sip_proxy:\n  - name: Carrier SBC\n' in exported['pexip_resources.yml'].decode()
    kazoo = exported['kazoo.yml'].decode()
    assert '- category: ecallmgr\n  node: ecallmgr@fs1.example.com\n  settings:\n    fetch_timeout: 4000\n' in kazoo
    assert '- category: ecallmgr\n  node: eu-west\n' in kazoo

    # the apply refuses while a secret is null, naming each
    refused = playbook(SITE, '-e', 'estate_dir=%s' % first, *common)
    assert refused.rc != 0 and 'vault_worker_vm_conf_lon_01_password' in refused.out, refused
    assert 'vault_webapp_branding_example_corp_branding_file' in refused.out and '402918' not in refused.out

    filled = secrets_text.replace('_password: null', '_password: %s' % NODE_PASSWORD).replace(
        'branding_file: null', 'branding_file: %s' % os.path.join(ROOT, 'playbooks', 'files', 'example-branding.zip'))
    assert ': null' not in filled
    (first / 'secrets.yml').write_text(filled)

    for control in controls:
        control.reset()
    playbook(SITE, '-e', 'estate_dir=%s' % first, *common).expect_success()
    for control in controls:
        control.clear_requests()
    rerun = playbook(SITE, '-e', 'estate_dir=%s' % first, *common).expect_success()
    logged = [entry for control in controls for entry in control.writes()]
    # Kazoo's sign-in (PUT /v2/api_auth, /v2/user_auth) is no write of the estate
    writes = [entry for entry in logged if entry['path'] not in ('/v2/api_auth', '/v2/user_auth')]
    assert _recap_changed(rerun.out) == 0, rerun
    assert writes == []

    # the second export goes over a copy of the first one's files: byte-identical, so nothing is rewritten
    second = tmp_path / 'second'
    second.mkdir()
    for name, content in exported.items():
        (second / name).write_bytes(content)
    os.chmod(str(second / 'secrets.yml'), 0o600)
    before = dict((name, os.stat(str(second / name)).st_mtime_ns) for name in exported)
    time.sleep(0.01)
    export_again = playbook(EXPORT, '-e', 'export_dir=%s' % second).expect_success()
    assert _recap_changed(export_again.out) == 0, export_again
    again = _files(str(second))
    for name, content in exported.items():
        assert again[name] == content, name
    assert dict((name, os.stat(str(second / name)).st_mtime_ns) for name in exported) == before

    objects = re.search(r'(\d+) objects \((\d+) services with (\d+) aliases\)', run.out)
    print('\nround trip: %s objects (%s services, %s aliases), %d files, %d bytes, export %.1f s, %d writes on rerun'
          % (objects.group(1), objects.group(2), objects.group(3), len(exported),
             sum(len(content) for content in exported.values()), export_seconds, len(writes)))
