#!/usr/bin/env python3
# Copyright 2025 Canonical Ltd.
# See LICENSE file for licensing details.
#
# Showcase fixture: machine charm (no containers) with snaps/systemd, storage-attached,
# leader-elected, secret-rotate, TLS library events and COSAgentProvider.

"""Charm for Logsink, a central syslog receiver on machines."""

import logging
import pathlib
import secrets
import subprocess
import typing

import ops
from charms.grafana_agent.v0.cos_agent import COSAgentProvider
from charms.operator_libs_linux.v1 import systemd
from charms.operator_libs_linux.v2 import snap
from charms.tls_certificates_interface.v4.tls_certificates import (
    CertificateAvailableEvent,
    CertificateRequestAttributes,
    Mode,
    TLSCertificatesRequiresV4,
)

logger = logging.getLogger(__name__)

SNAP_NAME = "logsink"
SERVICE = "snap.logsink.receiver.service"
CONFIG_PATH = pathlib.Path("/var/snap/logsink/common/logsink.toml")
TLS_DIR = pathlib.Path("/var/snap/logsink/common/tls")
CLIENT_TOKEN_LABEL = "logsink-client-token"


class LogsinkCharm(ops.CharmBase):
    """Install and run the Logsink syslog receiver."""

    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        self.certificates = TLSCertificatesRequiresV4(
            charm=self,
            relationship_name="certificates",
            certificate_requests=[self._certificate_request()],
            mode=Mode.UNIT,
        )
        self._cos = COSAgentProvider(
            self,
            metrics_endpoints=[{"path": "/metrics", "port": 9100}],
            metrics_rules_dir="./src/prometheus_alert_rules",
            logs_rules_dir="./src/loki_alert_rules",
            dashboard_dirs=["./src/grafana_dashboards"],
            log_slots=["logsink:logs"],
        )

        self.framework.observe(self.on.install, self._on_install)
        self.framework.observe(self.on.start, self._on_start)
        self.framework.observe(self.on.config_changed, self._on_config_changed)
        self.framework.observe(self.on.upgrade_charm, self._on_upgrade_charm)
        self.framework.observe(self.on.leader_elected, self._on_leader_elected)
        self.framework.observe(self.on.data_storage_attached, self._on_data_storage_attached)
        self.framework.observe(self.on.data_storage_detaching, self._on_data_storage_detaching)
        self.framework.observe(
            self.certificates.on.certificate_available, self._on_certificate_available
        )
        self.framework.observe(self.on.logs_relation_joined, self._on_logs_relation_joined)
        self.framework.observe(self.on.secret_rotate, self._on_secret_rotate)
        self.framework.observe(self.on.rotate_logs_action, self._on_rotate_logs_action)
        self.framework.observe(self.on.query_action, self._on_query_action)
        self.framework.observe(self.on.stop, self._on_stop)

    def _certificate_request(self) -> CertificateRequestAttributes:
        """Describe the server certificate this unit needs."""
        hostname = self.model.get_binding("logs").network.ingress_address
        return CertificateRequestAttributes(common_name=str(hostname), sans_ip=[str(hostname)])

    @property
    def _snap(self) -> snap.Snap:
        """The installed logsink snap."""
        return snap.SnapCache()[SNAP_NAME]

    def _write_config(self) -> bool:
        """Render logsink.toml from charm config; return whether it changed."""
        port = int(self.config["listen-port"])
        use_tls = bool(self.config["tls"])
        content = "\n".join(
            [
                "[receiver]",
                f'listen = "0.0.0.0:{port}"',
                f"tls = {'true' if use_tls else 'false'}",
                f'cert = "{TLS_DIR}/server.pem"',
                f'key = "{TLS_DIR}/server.key"',
                "[storage]",
                'path = "/var/lib/logsink"',
                f"retention_days = {int(self.config['retention-days'])}",
                f'compression = "{self.config["compression"]}"',
                "[metrics]",
                'listen = "127.0.0.1:9100"',
                "",
            ]
        )
        if CONFIG_PATH.exists() and CONFIG_PATH.read_text() == content:
            return False
        CONFIG_PATH.parent.mkdir(parents=True, exist_ok=True)
        CONFIG_PATH.write_text(content)
        return True

    def _on_install(self, _: ops.InstallEvent) -> None:
        """Install the logsink snap from the configured channel."""
        self.unit.status = ops.MaintenanceStatus("installing logsink snap")
        snap.add(SNAP_NAME, channel=str(self.config["channel"]), classic=False)
        self._snap.connect("network-bind")
        self.unit.set_workload_version(self._snap.revision)

    def _on_start(self, _: ops.StartEvent) -> None:
        """Start the receiver service and open its port."""
        self._write_config()
        systemd.service_start(SERVICE)
        self.unit.open_port("tcp", int(self.config["listen-port"]))
        self.unit.status = ops.ActiveStatus()

    def _on_config_changed(self, _: ops.ConfigChangedEvent) -> None:
        """Rewrite the configuration and restart the receiver if it changed.

        Changing `channel` refreshes the snap; changing `listen-port` moves the
        opened port.
        """
        if self._snap.channel != self.config["channel"]:
            self._snap.ensure(snap.SnapState.Latest, channel=str(self.config["channel"]))
        if self.config["tls"] and not self.model.get_relation("certificates"):
            self.unit.status = ops.BlockedStatus("tls=true needs a certificates relation")
            return
        if self._write_config():
            systemd.service_restart(SERVICE)
        self.unit.set_ports(int(self.config["listen-port"]))
        self.unit.status = ops.ActiveStatus()

    def _on_upgrade_charm(self, _: ops.UpgradeCharmEvent) -> None:
        """Refresh the snap and restart after the charm is upgraded."""
        self._snap.ensure(snap.SnapState.Latest, channel=str(self.config["channel"]))
        self._write_config()
        systemd.service_restart(SERVICE)

    def _on_leader_elected(self, _: ops.LeaderElectedEvent) -> None:
        """Create the shared client token secret if this is the first leader."""
        try:
            self.model.get_secret(label=CLIENT_TOKEN_LABEL)
        except ops.SecretNotFoundError:
            self.app.add_secret(
                {"token": secrets.token_hex(32)},
                label=CLIENT_TOKEN_LABEL,
                rotate=ops.SecretRotate.MONTHLY,
            )

    def _on_data_storage_attached(self, event: ops.StorageAttachedEvent) -> None:
        """Point the receiver at the newly attached data storage."""
        logger.info("data storage attached at %s", event.storage.location)
        systemd.service_restart(SERVICE)

    def _on_data_storage_detaching(self, _: ops.StorageDetachingEvent) -> None:
        """Stop writing before the storage goes away."""
        systemd.service_stop(SERVICE)

    def _on_certificate_available(self, event: CertificateAvailableEvent) -> None:
        """Install the new server certificate and restart the receiver."""
        TLS_DIR.mkdir(parents=True, exist_ok=True)
        (TLS_DIR / "server.pem").write_text(str(event.certificate))
        (TLS_DIR / "ca.pem").write_text(str(event.ca))
        systemd.service_restart(SERVICE)

    def _on_logs_relation_joined(self, event: ops.RelationJoinedEvent) -> None:
        """Tell a client where to send its logs and with which token."""
        if not self.unit.is_leader():
            return
        secret = self.model.get_secret(label=CLIENT_TOKEN_LABEL)
        secret.grant(event.relation)
        address = self.model.get_binding(event.relation).network.ingress_address
        event.relation.data[self.app].update(
            {
                "host": str(address),
                "port": str(self.config["listen-port"]),
                "tls": "true" if self.config["tls"] else "false",
                "token-secret-id": typing.cast(str, secret.id),
            }
        )

    def _on_secret_rotate(self, event: ops.SecretRotateEvent) -> None:
        """Rotate the client token when Juju says it is due."""
        if event.secret.label == CLIENT_TOKEN_LABEL:
            event.secret.set_content({"token": secrets.token_hex(32)})

    def _on_rotate_logs_action(self, event: ops.ActionEvent) -> None:
        """Ask the receiver to rotate its files now."""
        systemd.service_reload(SERVICE)
        event.set_results({"rotated": True})

    def _on_query_action(self, event: ops.ActionEvent) -> None:
        """Run `logsink query` and return the matching lines."""
        try:
            output = subprocess.check_output(
                [
                    "/snap/bin/logsink.query",
                    event.params["pattern"],
                    f"--since={event.params['since']}",
                    f"--limit={event.params['limit']}",
                ],
                text=True,
                timeout=60,
            )
        except subprocess.CalledProcessError as e:
            event.fail(f"query failed: {e.output}")
            return
        event.set_results({"lines": output})

    def _on_stop(self, _: ops.StopEvent) -> None:
        """Stop the receiver when the unit is removed."""
        systemd.service_stop(SERVICE)


if __name__ == "__main__":  # pragma: nocover
    ops.main(LogsinkCharm)
