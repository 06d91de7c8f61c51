"""ansible-playbook runs of pexip_upgrade, pexip_ldap_sync and the pexip_upgrade role against the lab."""

import io
import tarfile


def _package(path, version):
    """A lab upgrade package (lab/pexip/upgrades.py): a tar with a VERSION member, or without one when version is None."""
    with tarfile.open(path, 'w') as archive:
        members = [('image.bin', b'lab stand-in for an upgrade image\n' * 400)]
        if version:
            members.insert(0, ('VERSION', ('%s 81000.0.0\n' % version).encode()))
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def _packages(folder):
    _package(folder / 'good-37.tar', '37.0')
    _package(folder / 'good-38.tar', '38.0')
    _package(folder / 'bad.tar', None)
    return folder


def test_upgrade_and_ldap_sync(playbook, tmp_path):
    playbook('pexip_upgrade.yml', '-e', 'pkg_dir=%s' % _packages(tmp_path)).expect_success()
