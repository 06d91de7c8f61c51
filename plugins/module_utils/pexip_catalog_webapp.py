# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for the web app (Pexip's browser client):
the paths it is served on, its branding packages, and the external hosts allowed to embed or serve it.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields are left out. A branding package is an ``upload`` field:
the option is a local path sent as a multipart part, and the manager never
returns it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

WEBAPP_BRANDING = Resource(
    'webapp_branding',
    title='web app branding package',
    key='name',
    module='pexip_webapp_branding',
    fields=dict(
        name=Field(required=True, min_length=1, max_length=100,
                   doc='Name of the branding package; web app paths refer to it by this name.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        webapp_type=Field(required=True, choices=['webapp2', 'webapp3'],
                          doc='Generation of the web app the package is made for.'),
        branding_file=Field(kind='upload', required=True,
                            doc='Local path of the branding package (a ZIP file made with the branding portal).'),
    ),
    doc=ModuleDoc(
        summary='Manage a web app branding package of Pexip Infinity',
        about=['Uploads, describes and removes a branding package: the logos, colours and texts a web app path '
               'shows instead of the defaults.',
               'The package is found by its O(name). The manager files it under an identifier of its own (a UUID '
               'in its resource URI), which the module reads back after the upload.',
               'The manager never returns the package itself, so the module cannot compare its content with the '
               'local file: see O(update_branding_file) for when the file is sent again.'],
        examples="""
- name: The corporate look of the web app
  ucops.platform.pexip_webapp_branding:
    name: Corporate branding
    description: Logo and colours of Example Corp
    webapp_type: webapp3
    branding_file: files/corporate-branding.zip

- name: Remove it
  ucops.platform.pexip_webapp_branding:
    name: Corporate branding
    state: absent
""",
    ),
)

WEBAPP_ALIAS = Resource(
    'webapp_alias',
    title='web app path',
    key='slug',
    module='pexip_webapp_alias',
    fields=dict(
        slug=Field(required=True, min_length=1, max_length=100,
                   doc='Path the web app is served on, after the host name (V(meet) for https://host/meet).'),
        webapp_type=Field(required=True, choices=['webapp2', 'webapp3'], doc='Generation of the web app served.'),
        description=Field(max_length=250, doc='Free text describing the object.'),
        is_enabled=Field(type='bool', doc='Whether the path serves the web app.'),
        is_default=Field(type='bool', doc='Whether this is the path the bare host name leads to.'),
        branding=Field(kind='ref', target='webapp_branding', nullable=True,
                       doc='Branding package the path shows; unset, the default look.'),
        bundle=Field(kind='ref', target='software_bundle_revision', nullable=True,
                     doc='Software bundle revision (web app release) the path serves.'),
    ),
    doc=ModuleDoc(
        summary='Manage a web app path of Pexip Infinity',
        about=['Adds, changes and removes a path on the Conferencing Nodes that serves the web app, with its own '
               'generation, branding and software revision.',
               'The path is found by its O(slug).'],
        examples="""
- name: The branding the path shows (see ucops.platform.pexip_webapp_branding)
  ucops.platform.pexip_webapp_branding:
    name: Partner branding
    webapp_type: webapp3
    branding_file: files/partner-branding.zip

- name: The web app for partners on https://<conferencing node>/partners
  ucops.platform.pexip_webapp_alias:
    slug: partners
    webapp_type: webapp3
    description: Web app with the partner look
    is_enabled: true
    branding: Partner branding

- name: Remove the path
  ucops.platform.pexip_webapp_alias:
    slug: partners
    state: absent

- name: Remove the branding
  ucops.platform.pexip_webapp_branding:
    name: Partner branding
    state: absent
""",
    ),
)

EXTERNAL_WEBAPP_HOST = Resource(
    'external_webapp_host',
    title='external web app host',
    key='address',
    module='pexip_external_webapp_host',
    fields=dict(
        address=Field(required=True, min_length=1, max_length=255,
                      doc='Host name of a web server outside the platform that serves the web app.'),
    ),
    doc=ModuleDoc(
        summary='Manage an external web app host of Pexip Infinity',
        about=['Adds and removes the address of a web server outside the Pexip platform that is allowed to host '
               'the web app.',
               'The host is found by its O(address), its only field.'],
        examples="""
- name: Allow the web app hosted on the intranet server
  ucops.platform.pexip_external_webapp_host:
    address: video.intranet.example.com

- name: Remove it
  ucops.platform.pexip_external_webapp_host:
    address: video.intranet.example.com
    state: absent
""",
    ),
)
