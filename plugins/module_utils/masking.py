# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Secret values hidden from everything a module returns, without garbling the rest.

Ansible hides the values of ``no_log`` options by replacing every *substring*
equal to one of them in the whole result. A short or blank secret then
garbles unrelated text: a PIN ``12`` turns ``must be at least 128`` into
``at least ********8``. :class:`SecretAwareModule` masks values instead:

* a string equal to a secret becomes the mask;
* inside longer text a secret is masked only where it stands as a token: its
  edge characters that are letters or digits must not touch other letters or
  digits (``12`` in ``got 12.`` is masked, in ``128`` it is not);
* blank secrets are never searched for (they reveal nothing);

and then clears the module's ``no_log_values`` so Ansible does not mask
substrings again. Warnings are masked the same way when they are issued; a
``warnings`` key given to ``exit_json``/``fail_json`` is turned into
:meth:`warn` calls (the key itself is deprecated in ansible-core 2.19).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

MASK = '********'
# Ansible's own marker for the value of a no_log option in ``invocation.module_args``
NO_LOG_MARKER = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'


def _pattern(values):
    parts = []
    for value in sorted(values, key=len, reverse=True):
        left = r'(?<![0-9A-Za-z])' if value[0].isalnum() else ''
        right = r'(?![0-9A-Za-z])' if value[-1].isalnum() else ''
        parts.append(left + re.escape(value) + right)
    return re.compile('|'.join(parts)) if parts else None


def secret_strings(values):
    """The values worth hiding, as strings: blank ones and booleans are left out."""
    out = set()
    for value in values or ():
        if value is None or isinstance(value, bool):
            continue
        text = value if isinstance(value, str) else str(value)
        if text.strip():
            out.add(text)
    return out


class Masker:
    """Masks a fixed set of secret values in text and in nested data."""

    def __init__(self, values):
        self.values = secret_strings(values)
        self._pattern = _pattern(self.values)

    def text(self, text, whole=MASK):
        if not self.values or not isinstance(text, str):
            return text
        if text in self.values:
            return whole
        return self._pattern.sub(MASK, text)

    def data(self, data, whole=MASK):
        """A copy of ``data`` with secrets masked in every string, keys included."""
        if isinstance(data, dict):
            return dict((self.text(key) if isinstance(key, str) else key, self.data(value, whole))
                        for key, value in data.items())
        if isinstance(data, (list, tuple, set, frozenset)):
            return [self.data(item, whole) for item in data]
        if isinstance(data, str):
            return self.text(data, whole)
        if data is not None and not isinstance(data, bool) and str(data) in self.values:
            # a secret given as a number (an unquoted PIN) is hidden too
            return whole
        return data


def mask_text(text, values):
    return Masker(values).text(text)


def _non_dicts(spec, params, prefix=''):
    """``(path, value, example key)`` of every entry of a list of dictionaries that is not one."""
    found = []
    for name, option in (spec or {}).items():
        value = params.get(name) if isinstance(params, dict) else None
        sub = option.get('options') or {}
        if option.get('type') == 'list' and option.get('elements') == 'dict' and isinstance(value, list):
            required = [key for key, entry in sub.items() if entry.get('required')] or sorted(sub)[:1]
            for index, item in enumerate(value):
                where = '%s%s[%d]' % (prefix, name, index)
                if not isinstance(item, dict):
                    found.append((where, item, required[0] if required else None))
                else:
                    found.extend(_non_dicts(sub, item, where + '.'))
        elif option.get('type') == 'dict' and sub and isinstance(value, dict):
            found.extend(_non_dicts(sub, value, prefix + name + '.'))
    return found


def explain_non_dicts(spec, params):
    """A message naming each list entry that should be a dictionary, or ``None``."""
    problems = []
    for where, value, key in _non_dicts(spec, params)[:10]:
        example = ' such as {%s: %r}' % (key, value if isinstance(value, str) else str(value)) if key else ''
        problems.append('%s must be a dictionary of options%s, got %s %r'
                        % (where, example, type(value).__name__, value))
    return '; '.join(problems) or None


class SecretAwareModule(AnsibleModule):
    """An AnsibleModule whose results hide secret values without garbling other text.

    :meth:`add_secret` registers values that are secret without being the
    value of a ``no_log`` option (fields a user lists as secrets, tokens
    obtained at run time).
    """

    def _load_params(self):
        # the arguments as the task gave them: validation replaces an entry it cannot convert,
        # so explaining the error needs the original (and its types: an unquoted PIN is a number)
        super(SecretAwareModule, self)._load_params()
        # a shallow copy is enough: validation works on its own deep copy and replaces each value of
        # self.params with a validated one, it never changes the values given (a deep copy of 100,000
        # objects cost seconds and their size again)
        self.raw_params = dict(self.params)

    def require(self, library, import_error):
        """Fail when ``library`` could not be imported, saying which Python the task ran with."""
        if import_error:
            self.fail_json(msg='%s. The modules of ucops.platform call HTTP APIs from the controller: run them with '
                               "the Python that runs Ansible, for example ansible_python_interpreter: "
                               "'{{ ansible_playbook_python }}' for localhost, or install the collection's "
                               'requirements.txt into this Python.' % missing_required_lib(library).rstrip('.'),
                           exception=import_error)

    def add_secret(self, value):
        self.no_log_values.add(value if isinstance(value, str) else str(value))

    def _masker(self):
        return Masker(getattr(self, 'no_log_values', ()))

    def warn(self, warning, *args, **kwargs):
        return super(SecretAwareModule, self).warn(self._masker().text(warning), *args, **kwargs)

    def _hide(self, kwargs):
        masker = self._masker()
        for warning in kwargs.pop('warnings', None) or []:
            self.warn(warning)
        if 'invocation' not in kwargs:
            kwargs['invocation'] = {'module_args': getattr(self, 'params', {})}
        invocation = masker.data(kwargs.pop('invocation'), whole=NO_LOG_MARKER)
        kwargs = masker.data(kwargs)
        kwargs['invocation'] = invocation
        # every secret is hidden now: Ansible's substring masking would only garble
        self.no_log_values = set()
        return kwargs

    def exit_json(self, **kwargs):
        super(SecretAwareModule, self).exit_json(**self._hide(kwargs))

    def fail_json(self, msg, **kwargs):
        if isinstance(msg, str) and msg.startswith('dictionary requested'):
            # ansible-core names no option when an entry of a list of dictionaries is a string
            msg = explain_non_dicts(getattr(self, 'argument_spec', {}), getattr(self, 'raw_params', {})) or msg
        kwargs['msg'] = msg
        kwargs = self._hide(kwargs)
        super(SecretAwareModule, self).fail_json(**kwargs)
