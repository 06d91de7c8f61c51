"""Offline lab servers for the ucops.platform collection (Pexip Management Node, Kazoo)."""
