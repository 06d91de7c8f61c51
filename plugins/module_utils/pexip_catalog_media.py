# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pexip resource descriptions for the media library:
uploaded audio, video and image files, and the playlists that play them in services.

Names, types, choices and limits follow the Management Configuration API's field
facts; read-only fields (the file name, size, type and format the manager works
out from an upload) are left out. A media file is an ``upload`` field: the option
is a local path sent as a multipart part, and the manager never returns it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Field, ModuleDoc, Resource

MEDIA_LIBRARY_ENTRY = Resource(
    'media_library_entry',
    title='media library file',
    key='name',
    module='pexip_media_library_entry',
    fields=dict(
        name=Field(required=True, max_length=1024, doc='Name of the file in the media library; playlists refer to it '
                                                       'by this name.'),
        description=Field(max_length=1024, doc='Free text describing the object.'),
        media_file=Field(kind='upload', required=True,
                         doc='Local path of the audio, video or image file to store in the library.'),
    ),
    doc=ModuleDoc(
        summary='Manage a file of the media library of Pexip Infinity',
        about=['Uploads, renames and removes an audio, video or image file of the media library, which playlists '
               'play in services such as a media playback service.',
               'The file is found by its O(name).',
               'The manager keeps the file but never returns it: it shows the name and size of what was uploaded, '
               'and the module uploads the local file again when either differs, or on every run with '
               'O(update_media_file=always).'],
        examples="""
- name: A welcome video in the media library
  ucops.platform.pexip_media_library_entry:
    name: Welcome video
    description: Played to callers while they wait for the host
    media_file: files/welcome-video.mp4

- name: Remove it
  ucops.platform.pexip_media_library_entry:
    name: Welcome video
    state: absent
""",
    ),
)

MEDIA_LIBRARY_PLAYLIST = Resource(
    'media_library_playlist',
    title='media library playlist',
    key='name',
    module='pexip_media_library_playlist',
    fields=dict(
        name=Field(required=True, min_length=1, max_length=1024, doc='Name of the playlist.'),
        description=Field(max_length=1024, doc='Free text describing the object.'),
        loop=Field(type='bool', doc='Whether the playlist starts again from the top after its last entry.'),
        shuffle=Field(type='bool', doc='Whether the entries play in a random order instead of by position.'),
    ),
    doc=ModuleDoc(
        summary='Manage a media library playlist of Pexip Infinity',
        about=['Adds, changes and removes a playlist: an ordered list of media library files that a service '
               'plays to its participants.',
               'The playlist is found by its O(name). Its entries are managed with '
               'M(ucops.platform.pexip_media_library_playlist_entry), each naming the playlist it belongs to.'],
        examples="""
- name: A playlist for the lobby screens
  ucops.platform.pexip_media_library_playlist:
    name: Lobby loop
    description: Company news played in the lobby
    loop: true
    shuffle: false

- name: Remove it
  ucops.platform.pexip_media_library_playlist:
    name: Lobby loop
    state: absent
""",
    ),
)

MEDIA_LIBRARY_PLAYLIST_ENTRY = Resource(
    'media_library_playlist_entry',
    title='entry of a media library playlist',
    key='position',
    scope=('playlist',),
    module='pexip_media_library_playlist_entry',
    fields=dict(
        playlist=Field(kind='ref', target='media_library_playlist', required=True, nullable=True,
                       doc='Playlist the entry belongs to.'),
        position=Field(type='int', minimum=1, doc='Place of the entry in its playlist, 1 for the first.'),
        media=Field(kind='ref', target='media_library_entry', nullable=True, doc='Media library file the entry plays.'),
        playcount=Field(type='int', minimum=0, doc='How many times the file plays before the next entry starts.'),
        entry_type=Field(choices=['MEDIA'], doc='What the entry plays; a media library file is the only kind.'),
    ),
    doc=ModuleDoc(
        summary='Manage an entry of a media library playlist of Pexip Infinity',
        about=['Adds, changes and removes one entry of a playlist: which media library file plays at a given '
               'place in the playlist, and how many times.',
               'No field of an entry is unique on its own: the entry is found by its O(position) within its '
               'O(playlist), so both are needed to find it, also with O(state=absent).'],
        examples="""
- name: The video the entry plays (see ucops.platform.pexip_media_library_entry)
  ucops.platform.pexip_media_library_entry:
    name: Product tour video
    media_file: files/product-tour.mp4

- name: The playlist (see ucops.platform.pexip_media_library_playlist)
  ucops.platform.pexip_media_library_playlist:
    name: Showroom playlist
    loop: true

- name: Play the tour twice as the first entry of the playlist
  ucops.platform.pexip_media_library_playlist_entry:
    playlist: Showroom playlist
    position: 1
    media: Product tour video
    playcount: 2

- name: Remove the entry
  ucops.platform.pexip_media_library_playlist_entry:
    playlist: Showroom playlist
    position: 1
    state: absent

- name: Remove the playlist
  ucops.platform.pexip_media_library_playlist:
    name: Showroom playlist
    state: absent

- name: Remove the video
  ucops.platform.pexip_media_library_entry:
    name: Product tour video
    state: absent
""",
    ),
)
