"""pexip_system_location and pexip_worker_vm through ansible-playbook against the shared lab.

One -vvv run of playbooks/pexip_nodes.yml does the behaviour checks (its own asserts); this test
then checks that the output holds no secret and nothing of the deployment files the nodes got.
"""

import glob
import os
import re


def test_nodes_playbook_and_no_secret_at_vvv(playbook, tmp_path):
    node_dir = tmp_path / 'nodes'
    node_dir.mkdir()
    run = playbook('pexip_nodes.yml', '-vvv', '-e', 'node_dir=%s' % node_dir)
    run.expect_success()
    output = run.out + run.err
    for secret in ('NodePw-s3cr3t-9f', 'VcPw-s3cr3t-7e'):
        assert secret not in output, 'a secret reached the -vvv output'
    files = sorted(glob.glob(str(node_dir / '*')))
    assert [os.path.basename(name) for name in files] == [
        'node-manual-esxi4.ova', 'node-manual-hyperv2012.ova', 'node-manual.ova', 'node-prov.xml', 'node-silent.xml']
    tokens = []
    for name in files:
        with open(name, 'rb') as handle:
            tokens += re.findall(rb'(?:<token>|key="token" value=")([0-9a-f]{32})', handle.read())
        assert os.stat(name).st_mode & 0o777 == 0o600
    assert len(tokens) == len(files)
    for token in tokens:
        assert token.decode() not in output, 'content of a deployment file reached the output'
