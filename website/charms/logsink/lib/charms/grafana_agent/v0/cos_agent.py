# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the cos_agent charm library, provider side."""

import json
from typing import Dict, List, Optional, Union

from ops.charm import CharmBase, RelationEvent
from ops.framework import Object

LIBID = "c05d22907a414d8f85b67b4351799815"
LIBAPI = 0
LIBPATCH = 12


class COSAgentProvider(Object):
    """Publish metrics endpoints, rules, dashboards and log slots to a subordinate agent."""

    def __init__(
        self,
        charm: CharmBase,
        relation_name: str = "cos-agent",
        metrics_endpoints: Optional[List[Dict[str, Union[str, int]]]] = None,
        metrics_rules_dir: str = "./src/prometheus_alert_rules",
        logs_rules_dir: str = "./src/loki_alert_rules",
        log_slots: Optional[List[str]] = None,
        dashboard_dirs: Optional[List[str]] = None,
    ):
        super().__init__(charm, relation_name)
        self._charm = charm
        self._relation_name = relation_name
        self._metrics_endpoints = metrics_endpoints or []
        self._log_slots = log_slots or []
        self._dashboard_dirs = dashboard_dirs or ["./src/grafana_dashboards"]
        self.framework.observe(charm.on[relation_name].relation_joined, self._publish)
        self.framework.observe(charm.on.config_changed, self._publish)

    def _publish(self, _: RelationEvent) -> None:
        """Write this unit's COS configuration into the relation."""
        for relation in self._charm.model.relations[self._relation_name]:
            relation.data[self._charm.unit]["config"] = json.dumps(
                {
                    "metrics_scrape_jobs": self._metrics_endpoints,
                    "log_slots": self._log_slots,
                    "dashboard_dirs": self._dashboard_dirs,
                }
            )
