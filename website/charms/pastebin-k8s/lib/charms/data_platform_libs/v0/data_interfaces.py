# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the data_interfaces charm library (requirer side only).

Documentation fixture: it keeps the public shape of the library (event classes,
the events holder and the requirer object) without the implementation.
"""

import json
from typing import Dict, List, Optional

from ops.charm import CharmBase, CharmEvents, RelationChangedEvent, RelationEvent
from ops.framework import EventSource, Object

LIBID = "8474feb5c9894a40ac16890234e34f66"
LIBAPI = 0
LIBPATCH = 41


class DatabaseEvent(RelationEvent):
    """Base class for events carrying database relation data."""

    @property
    def endpoints(self) -> Optional[str]:
        """Comma-separated host:port list of the primary."""
        return self.relation.data[self.relation.app].get("endpoints")

    @property
    def username(self) -> Optional[str]:
        """User created for the requirer."""
        return self.relation.data[self.relation.app].get("username")


class DatabaseCreatedEvent(DatabaseEvent):
    """Emitted when the provider has created the database and user."""


class DatabaseEndpointsChangedEvent(DatabaseEvent):
    """Emitted when the primary endpoints change (for example after failover)."""


class DatabaseReadOnlyEndpointsChangedEvent(DatabaseEvent):
    """Emitted when the replica endpoints change."""


class DatabaseRequiresEvents(CharmEvents):
    """Events emitted by DatabaseRequires."""

    database_created = EventSource(DatabaseCreatedEvent)
    endpoints_changed = EventSource(DatabaseEndpointsChangedEvent)
    read_only_endpoints_changed = EventSource(DatabaseReadOnlyEndpointsChangedEvent)


class DatabaseRequires(Object):
    """Requirer side of the postgresql_client / mysql_client interfaces."""

    on = DatabaseRequiresEvents()  # pyright: ignore[reportAssignmentType]

    def __init__(
        self,
        charm: CharmBase,
        relation_name: str,
        database_name: str,
        extra_user_roles: Optional[str] = None,
    ):
        super().__init__(charm, relation_name)
        self.charm = charm
        self.relation_name = relation_name
        self.database = database_name
        self.extra_user_roles = extra_user_roles
        self.framework.observe(
            charm.on[relation_name].relation_created, self._on_relation_created
        )
        self.framework.observe(
            charm.on[relation_name].relation_changed, self._on_relation_changed
        )

    @property
    def relations(self) -> List:
        """The relations on this endpoint."""
        return self.charm.model.relations[self.relation_name]

    def fetch_relation_data(self) -> Dict[int, Dict[str, str]]:
        """Return the provider application's data bag for each relation."""
        return {
            relation.id: dict(relation.data[relation.app])
            for relation in self.relations
            if relation.app is not None
        }

    def _on_relation_created(self, event: RelationEvent) -> None:
        """Request the database from the provider."""
        if not self.charm.unit.is_leader():
            return
        event.relation.data[self.charm.app]["database"] = self.database
        if self.extra_user_roles:
            event.relation.data[self.charm.app]["extra-user-roles"] = self.extra_user_roles

    def _on_relation_changed(self, event: RelationChangedEvent) -> None:
        """Emit database_created or endpoints_changed from the provider's data."""
        data = event.relation.data[event.relation.app]
        seen = json.loads(event.relation.data[self.charm.unit].get("seen", "{}"))
        if "password" in data and not seen.get("created"):
            self.on.database_created.emit(event.relation, app=event.app, unit=event.unit)
        elif data.get("endpoints") != seen.get("endpoints"):
            self.on.endpoints_changed.emit(event.relation, app=event.app, unit=event.unit)
