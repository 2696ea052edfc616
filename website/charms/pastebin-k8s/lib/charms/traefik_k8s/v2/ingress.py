# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the ingress (per-app) charm library, requirer side."""

from typing import Optional

from ops.charm import CharmBase, RelationEvent
from ops.framework import EventSource, Object, ObjectEvents

LIBID = "982d2a4e16b1477a9429cd9c1a1c0062"
LIBAPI = 2
LIBPATCH = 14


class IngressPerAppReadyEvent(RelationEvent):
    """Emitted when the ingress provider has published a URL for this app."""

    @property
    def url(self) -> Optional[str]:
        """The public URL of the application."""
        return self.relation.data[self.relation.app].get("url")


class IngressPerAppRevokedEvent(RelationEvent):
    """Emitted when the URL is withdrawn."""


class IngressPerAppRequirerEvents(ObjectEvents):
    """Events emitted by IngressPerAppRequirer."""

    ready = EventSource(IngressPerAppReadyEvent)
    revoked = EventSource(IngressPerAppRevokedEvent)


class IngressPerAppRequirer(Object):
    """Ask Traefik to route a URL to this application."""

    on = IngressPerAppRequirerEvents()  # pyright: ignore

    def __init__(
        self,
        charm: CharmBase,
        relation_name: str = "ingress",
        *,
        port: Optional[int] = None,
        strip_prefix: bool = False,
    ):
        super().__init__(charm, relation_name)
        self.charm = charm
        self.relation_name = relation_name
        self._port = port
        self._strip_prefix = strip_prefix
        self.framework.observe(charm.on[relation_name].relation_joined, self._publish)
        self.framework.observe(charm.on[relation_name].relation_changed, self._on_changed)
        self.framework.observe(charm.on[relation_name].relation_broken, self._on_broken)

    def _publish(self, event: RelationEvent) -> None:
        """Write this application's name, model and port to the relation."""
        if self.charm.unit.is_leader() and self._port is not None:
            data = event.relation.data[self.charm.app]
            data["name"] = self.charm.app.name
            data["model"] = self.model.name
            data["port"] = str(self._port)
            data["strip-prefix"] = "true" if self._strip_prefix else "false"

    def _on_changed(self, event: RelationEvent) -> None:
        """Emit ready when the provider has published a URL."""
        if event.app and event.relation.data[event.app].get("url"):
            self.on.ready.emit(event.relation, app=event.app, unit=event.unit)

    def _on_broken(self, event: RelationEvent) -> None:
        """Emit revoked when the relation goes away."""
        self.on.revoked.emit(event.relation, app=event.app, unit=event.unit)
