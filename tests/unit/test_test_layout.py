"""The test folders hold no __init__.py, so pytest imports each test file by its basename: two files of one
basename stop the whole run at collection ("import file mismatch")."""
import collections
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_no_two_test_files_share_a_basename():
    seen = collections.defaultdict(list)
    for base, _dirs, files in os.walk(os.path.join(ROOT, 'tests')):
        for name in files:
            if name.startswith('test_') and name.endswith('.py'):
                seen[name].append(os.path.relpath(os.path.join(base, name), ROOT))
    twice = dict((name, paths) for name, paths in seen.items() if len(paths) > 1)
    assert not twice, 'test files sharing a basename (rename one of each): %s' % twice
