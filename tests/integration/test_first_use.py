"""A new user's first runs: the documented interpreter setting, and the mistakes they make first."""

import os
import stat


def test_first_use_mistakes_are_explained(playbook):
    # run as README and getting started say: -i localhost, -c local, the interpreter named on the command line
    run = playbook('pexip_first_use.yml', '-e', 'ansible_python_interpreter={{ ansible_playbook_python }}',
                   env={'ANSIBLE_PYTHON_INTERPRETER': None}).expect_success()
    # the warning is shown, through module.warn: no deprecation notice (expect_success checks it)
    assert "ivr_theme: no ivr_theme with name 'Theme of a later task' exists yet" in run.out + run.err


def test_python_without_requests_says_which_interpreter_to_use(playbook, tmp_path):
    # a Python that cannot import requests: the same interpreter without its site-packages
    wrapper = tmp_path / 'python-without-site'
    wrapper.write_text('#!/bin/sh\nexec %s -S "$@"\n' % os.path.realpath(os.sys.executable))
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    run = playbook('pexip_first_use.yml', env={'ANSIBLE_PYTHON_INTERPRETER': str(wrapper)})
    assert run.rc != 0
    assert 'Failed to import the required Python library (requests)' in run.out
    assert 'ansible_python_interpreter' in run.out and 'ansible_playbook_python' in run.out
