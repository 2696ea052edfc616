# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the prometheus_scrape charm library, provider side."""

import json
from typing import Any, Dict, List, Optional

from ops.charm import CharmBase, RelationEvent
from ops.framework import Object

LIBID = "e59b4c19f93f438393da4780fe8a35c5"
LIBAPI = 0
LIBPATCH = 47

DEFAULT_RELATION_NAME = "metrics-endpoint"
DEFAULT_ALERT_RULES_RELATIVE_PATH = "./src/prometheus_alert_rules"


class MetricsEndpointProvider(Object):
    """Publish scrape jobs and alert rules to Prometheus."""

    def __init__(
        self,
        charm: CharmBase,
        relation_name: str = DEFAULT_RELATION_NAME,
        jobs: Optional[List[Dict[str, Any]]] = None,
        alert_rules_path: str = DEFAULT_ALERT_RULES_RELATIVE_PATH,
        refresh_event=None,
    ):
        super().__init__(charm, relation_name)
        self._charm = charm
        self._relation_name = relation_name
        self._jobs = jobs or [{"metrics_path": "/metrics", "static_configs": [{"targets": ["*:80"]}]}]
        self._alert_rules_path = alert_rules_path
        self.framework.observe(charm.on[relation_name].relation_joined, self._set_scrape_jobs)
        self.framework.observe(charm.on.upgrade_charm, self._set_scrape_jobs)

    def _set_scrape_jobs(self, _: RelationEvent) -> None:
        """Write the scrape jobs and unit address into every metrics relation."""
        if not self._charm.unit.is_leader():
            return
        for relation in self._charm.model.relations[self._relation_name]:
            relation.data[self._charm.app]["scrape_jobs"] = json.dumps(self._jobs)
            relation.data[self._charm.app]["scrape_metadata"] = json.dumps(
                {"model": self.model.name, "application": self._charm.app.name}
            )
