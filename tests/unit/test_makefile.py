"""`make help` lists every target of the Makefile, each with its own line of text."""
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_help_lists_every_phony_target():
    text = open(os.path.join(ROOT, 'Makefile'), encoding='utf-8').read()
    phony = set(re.search(r'^\.PHONY:(.*)$', text, re.M).group(1).split())
    defined = set(re.findall(r'^([a-z][a-z-]*):', text, re.M))
    assert phony == defined, 'targets missing from .PHONY or not defined: %s' % sorted(phony ^ defined)
    shown = subprocess.run(['make', '--no-print-directory', '-s', 'help'], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout
    listed = set(re.findall(r'^make (\S+)', shown, re.M))
    assert listed == defined, 'targets without a "## " line: %s' % sorted(defined - listed)
