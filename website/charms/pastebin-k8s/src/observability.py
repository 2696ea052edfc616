# Copyright 2025 Canonical Ltd.
# See LICENSE file for licensing details.

"""Metrics, dashboards, logs and traces for Pastebin."""

import logging

import ops
from charms.grafana_k8s.v0.grafana_dashboard import GrafanaDashboardProvider
from charms.loki_k8s.v1.loki_push_api import LogForwarder
from charms.prometheus_k8s.v0.prometheus_scrape import MetricsEndpointProvider
from charms.tempo_coordinator_k8s.v0.tracing import TracingEndpointRequirer

logger = logging.getLogger(__name__)


class Observability(ops.Object):
    """Wire Pastebin into COS: Prometheus, Grafana, Loki and Tempo."""

    def __init__(self, charm: ops.CharmBase):
        super().__init__(charm, "observability")
        self._charm = charm
        self.metrics_endpoint = MetricsEndpointProvider(
            charm,
            relation_name="metrics-endpoint",
            jobs=[
                {"static_configs": [{"targets": ["*:9102"]}]},
                {
                    "job_name": "nginx",
                    "metrics_path": "/metrics",
                    "static_configs": [{"targets": ["*:9113"]}],
                },
            ],
            alert_rules_path="./src/prometheus_alert_rules",
        )
        self.dashboards = GrafanaDashboardProvider(
            charm, relation_name="grafana-dashboard", dashboards_path="./src/grafana_dashboards"
        )
        self.logging = LogForwarder(charm, relation_name="logging")
        self.tracing = TracingEndpointRequirer(
            charm, relation_name="tracing", protocols=["otlp_http"]
        )

        charm.framework.observe(self.tracing.on.endpoint_removed, self._on_tracing_removed)
        charm.framework.observe(
            charm.on["metrics-endpoint"].relation_joined, self._on_metrics_joined
        )

    @property
    def otlp_endpoint(self) -> str:
        """The OTLP HTTP endpoint traces are sent to, or an empty string."""
        if not self.tracing.is_ready():
            return ""
        return self.tracing.get_endpoint("otlp_http") or ""

    def _on_tracing_removed(self, _: ops.EventBase) -> None:
        """Warn that traces are no longer exported.

        Pastebin keeps running; the charm drops the OTLP variables on its next reconcile.
        """
        logger.warning("tracing relation removed; traces are no longer exported")

    def _on_metrics_joined(self, event: ops.RelationJoinedEvent) -> None:
        """Log that a Prometheus has started scraping this unit."""
        logger.info("metrics relation %d joined by %s", event.relation.id, event.app)
