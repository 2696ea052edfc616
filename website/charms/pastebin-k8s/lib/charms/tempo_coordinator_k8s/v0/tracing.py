# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the tracing charm library, requirer side."""

from typing import List, Optional

from ops.charm import CharmBase, RelationEvent
from ops.framework import EventSource, Object, ObjectEvents

LIBID = "d9dd45024f744e6b8fca45ddb75c51f2"
LIBAPI = 0
LIBPATCH = 5


class EndpointChangedEvent(RelationEvent):
    """Tempo published new receiver endpoints."""


class EndpointRemovedEvent(RelationEvent):
    """The tracing relation was removed."""


class TracingEndpointRequirerEvents(ObjectEvents):
    """Events emitted by TracingEndpointRequirer."""

    endpoint_changed = EventSource(EndpointChangedEvent)
    endpoint_removed = EventSource(EndpointRemovedEvent)


class TracingEndpointRequirer(Object):
    """Ask Tempo for receiver endpoints of the given protocols."""

    on = TracingEndpointRequirerEvents()  # pyright: ignore

    def __init__(self, charm: CharmBase, relation_name: str = "tracing", protocols: Optional[List[str]] = None):
        super().__init__(charm, relation_name)
        self._charm = charm
        self._relation_name = relation_name
        self._protocols = protocols or []
        self.framework.observe(charm.on[relation_name].relation_changed, self._on_changed)
        self.framework.observe(charm.on[relation_name].relation_broken, self._on_broken)

    def is_ready(self) -> bool:
        """Whether Tempo has published at least one endpoint."""
        relation = self._charm.model.get_relation(self._relation_name)
        return bool(relation and relation.app and relation.data[relation.app].get("receivers"))

    def get_endpoint(self, protocol: str) -> Optional[str]:
        """The URL of the receiver for ``protocol``, if published."""
        relation = self._charm.model.get_relation(self._relation_name)
        if not relation or not relation.app:
            return None
        return relation.data[relation.app].get(f"receiver-{protocol}")

    def _on_changed(self, event: RelationEvent) -> None:
        """Emit endpoint_changed when Tempo publishes receivers."""
        if self.is_ready():
            self.on.endpoint_changed.emit(event.relation, app=event.app, unit=event.unit)

    def _on_broken(self, event: RelationEvent) -> None:
        """Emit endpoint_removed when the relation goes away."""
        self.on.endpoint_removed.emit(event.relation, app=event.app, unit=event.unit)
