# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the grafana_dashboard charm library, provider side."""

import pathlib

from ops.charm import CharmBase, RelationEvent
from ops.framework import Object

LIBID = "11814a8c27134c57986e76057cda39a1"
LIBAPI = 0
LIBPATCH = 42


class GrafanaDashboardProvider(Object):
    """Send the dashboards shipped with the charm to Grafana."""

    def __init__(
        self,
        charm: CharmBase,
        relation_name: str = "grafana-dashboard",
        dashboards_path: str = "src/grafana_dashboards",
    ):
        super().__init__(charm, relation_name)
        self._charm = charm
        self._relation_name = relation_name
        self._path = pathlib.Path(dashboards_path)
        self.framework.observe(charm.on[relation_name].relation_joined, self._update)

    def _update(self, _: RelationEvent) -> None:
        """Publish every *.json dashboard under the dashboards path."""
        if not self._charm.unit.is_leader():
            return
        names = sorted(p.name for p in self._path.glob("*.json"))
        for relation in self._charm.model.relations[self._relation_name]:
            relation.data[self._charm.app]["dashboards"] = ",".join(names)
