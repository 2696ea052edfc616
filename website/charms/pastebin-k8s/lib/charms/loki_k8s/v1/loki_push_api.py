# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the loki_push_api charm library (LogForwarder only)."""

from ops.charm import CharmBase, RelationEvent
from ops.framework import Object

LIBID = "a76dd3ed37ef4c67b0cbecaf34f0cdd6"
LIBAPI = 1
LIBPATCH = 15


class LogForwarder(Object):
    """Configure Pebble log forwarding to every related Loki."""

    def __init__(self, charm: CharmBase, *, relation_name: str = "logging"):
        super().__init__(charm, relation_name)
        self._charm = charm
        self._relation_name = relation_name
        self.framework.observe(charm.on[relation_name].relation_changed, self._update)
        self.framework.observe(charm.on[relation_name].relation_departed, self._update)

    def _update(self, _: RelationEvent) -> None:
        """Add a Loki log target to each container's Pebble plan."""
        for container in self._charm.unit.containers.values():
            if container.can_connect():
                container.replan()
