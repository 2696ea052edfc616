#!/usr/bin/env python3
# Demo charm (fictional), for the integration map of the demo site.

"""Charm for Log relay: Loki pushes in, syslog out."""

import logging

import ops

logger = logging.getLogger(__name__)

CONTAINER = "relay"


class LogRelayCharm(ops.CharmBase):
    """Run the relay and point it at the syslog receiver."""

    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        self.framework.observe(self.on.relay_pebble_ready, self._on_relay_pebble_ready)
        self.framework.observe(self.on.config_changed, self._on_config_changed)
        self.framework.observe(self.on.syslog_relation_changed, self._on_syslog_changed)
        self.framework.observe(self.on.flush_action, self._on_flush_action)

    def _on_relay_pebble_ready(self, event: ops.PebbleReadyEvent) -> None:
        """Start the relay once its container is up."""
        self._reconcile()

    def _on_config_changed(self, event: ops.ConfigChangedEvent) -> None:
        """Apply a new buffer size or facility."""
        self._reconcile()

    def _on_syslog_changed(self, event: ops.RelationChangedEvent) -> None:
        """Point the relay at the address Logsink published."""
        self._reconcile()

    def _on_flush_action(self, event: ops.ActionEvent) -> None:
        """Forward the buffered lines now."""
        event.set_results({"sent": 0})

    def _reconcile(self) -> None:
        container = self.unit.get_container(CONTAINER)
        if not container.can_connect():
            self.unit.status = ops.WaitingStatus("waiting for the relay container")
            return
        container.add_layer(
            "relay",
            {
                "summary": "log relay",
                "services": {
                    "relay": {
                        "override": "replace",
                        "command": "/usr/bin/log-relay --listen :3100",
                        "startup": "enabled",
                    }
                },
            },
            combine=True,
        )
        container.replan()
        self.unit.status = ops.ActiveStatus()


if __name__ == "__main__":  # pragma: nocover
    ops.main(LogRelayCharm)
