#!/usr/bin/env python3
# Copyright 2025 Canonical Ltd.
# See LICENSE file for licensing details.
#
# Showcase fixture: multi-container K8s charm with library events (database, ingress),
# a helper ops.Object (Observability), Python/constant/YAML Pebble layers and actions.

"""Charm the Pastebin application on Kubernetes."""

import logging
import pathlib
import secrets
import typing

import ops
import yaml
from charms.data_platform_libs.v0.data_interfaces import (
    DatabaseCreatedEvent,
    DatabaseEndpointsChangedEvent,
    DatabaseRequires,
)
from charms.traefik_k8s.v2.ingress import IngressPerAppReadyEvent, IngressPerAppRequirer

from nginx import NGINX_CONFIG_PATH, NGINX_LAYER, NGINX_PORT, render_config
from observability import Observability

logger = logging.getLogger(__name__)

PEER_RELATION = "pastebin-peers"
SECRET_KEY_LABEL = "pastebin-secret-key"
GUNICORN_PORT = 8000
EXPORTER_LAYER_FILE = pathlib.Path(__file__).parent / "layers" / "exporter.yaml"


class PastebinCharm(ops.CharmBase):
    """Charm the Pastebin application."""

    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        self.database = DatabaseRequires(self, relation_name="database", database_name="pastebin")
        self.ingress = IngressPerAppRequirer(self, relation_name="ingress", port=NGINX_PORT)
        self.observability = Observability(self)

        framework.observe(self.on.config_changed, self._on_config_changed)
        framework.observe(self.on.pastebin_pebble_ready, self._on_pastebin_pebble_ready)
        framework.observe(self.on["nginx"].pebble_ready, self._on_nginx_pebble_ready)
        framework.observe(
            self.on.pastebin_exporter_pebble_ready, self._on_exporter_pebble_ready
        )
        framework.observe(self.on.upgrade_charm, self._on_upgrade_charm)
        framework.observe(self.on.update_status, self._on_update_status)
        framework.observe(self.on[PEER_RELATION].relation_changed, self._on_peer_changed)

        # PostgreSQL, through the data_interfaces library.
        framework.observe(self.database.on.database_created, self._on_database_created)
        framework.observe(self.database.on.endpoints_changed, self._on_database_endpoints_changed)
        framework.observe(self.on.database_relation_broken, self._on_database_broken)

        # Redis has no library: the charm reads the relation data itself.
        framework.observe(self.on.redis_relation_changed, self._on_redis_changed)
        framework.observe(self.on.redis_relation_broken, self._on_redis_broken)

        framework.observe(self.ingress.on.ready, self._on_ingress_ready)
        framework.observe(self.ingress.on.revoked, self._on_ingress_revoked)
        framework.observe(
            self.observability.tracing.on.endpoint_changed, self._on_tracing_endpoint_changed
        )

        framework.observe(self.on.rotate_secret_key_action, self._on_rotate_secret_key)
        framework.observe(self.on.create_admin_action, self._on_create_admin)
        framework.observe(self.on.purge_expired_action, self._on_purge_expired)

        framework.observe(self.on.secret_changed, self._on_secret_changed)
        framework.observe(self.on.collect_unit_status, self._on_collect_unit_status)

    # ------------------------------------------------------------------ state

    @property
    def _peers(self) -> typing.Optional[ops.Relation]:
        """The peer relation, once Juju has created it."""
        return self.model.get_relation(PEER_RELATION)

    def _database_url(self) -> typing.Optional[str]:
        """Build the PostgreSQL URL from the database relation, if it is ready."""
        relation = self.model.get_relation("database")
        if relation is None:
            return None
        data = self.database.fetch_relation_data().get(relation.id, {})
        if not data.get("endpoints"):
            return None
        host = data["endpoints"].split(",")[0]
        return f"postgresql://{data['username']}:{data['password']}@{host}/pastebin"

    def _redis_url(self) -> typing.Optional[str]:
        """Build the Redis URL from the first redis unit's relation data."""
        relation = self.model.get_relation("redis")
        if relation is None or not relation.units:
            return None
        unit_data = relation.data[next(iter(relation.units))]
        return f"redis://{unit_data.get('hostname')}:{unit_data.get('port', '6379')}/0"

    def _secret_key(self) -> typing.Optional[str]:
        """Return the session signing key shared by all units, if the leader made one."""
        try:
            secret = self.model.get_secret(label=SECRET_KEY_LABEL)
        except ops.SecretNotFoundError:
            return None
        return secret.get_content(refresh=True)["key"]

    # ----------------------------------------------------------------- layers

    def _pastebin_layer(self) -> ops.pebble.LayerDict:
        """Build the Pebble layer for the Pastebin container from config and relations."""
        workers = int(self.config["workers"])
        environment = {
            "PASTEBIN_SITE_NAME": str(self.config["site-name"]),
            "PASTEBIN_MAX_PASTE_SIZE": str(self.config["max-paste-size"]),
            "PASTEBIN_DEFAULT_EXPIRY_DAYS": str(self.config["default-expiry-days"]),
            "PASTEBIN_ALLOW_ANONYMOUS": "1" if self.config["allow-anonymous"] else "0",
            "PASTEBIN_RATE_LIMIT": str(self.config["rate-limit"]),
            "PASTEBIN_DATABASE_URL": self._database_url() or "",
            "PASTEBIN_REDIS_URL": self._redis_url() or "",
            "PASTEBIN_SECRET_KEY": self._secret_key() or "",
        }
        if self.observability.otlp_endpoint:
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = self.observability.otlp_endpoint
            environment["OTEL_SERVICE_NAME"] = self.app.name
        return {
            "summary": "Pastebin application layer",
            "description": "Gunicorn serving the Pastebin WSGI app, plus its expiry worker.",
            "services": {
                "pastebin": {
                    "override": "replace",
                    "summary": "Pastebin web application",
                    "command": f"gunicorn --workers {workers} --bind 127.0.0.1:{GUNICORN_PORT} "
                    f"--log-level {self.config['log-level']} pastebin.wsgi:app",
                    "startup": "enabled",
                    "user": "pastebin",
                    "working-dir": "/srv/pastebin",
                    "environment": environment,
                },
                "pastebin-expiry": {
                    "override": "replace",
                    "summary": "Deletes expired pastes every hour",
                    "command": "python3 -m pastebin.expiry --interval 3600",
                    "startup": "enabled",
                    "after": ["pastebin"],
                    "user": "pastebin",
                    "environment": environment,
                },
            },
            "checks": {
                "pastebin-ready": {
                    "override": "replace",
                    "level": "ready",
                    "http": {"url": f"http://127.0.0.1:{GUNICORN_PORT}/health"},
                },
            },
        }

    def _reconcile(self) -> None:
        """Push configuration and layers to every container that is ready."""
        pastebin = self.unit.get_container("pastebin")
        if pastebin.can_connect() and self._database_url():
            pastebin.add_layer("pastebin", self._pastebin_layer(), combine=True)
            pastebin.replan()

        nginx = self.unit.get_container("nginx")
        if nginx.can_connect():
            nginx.push(
                NGINX_CONFIG_PATH,
                render_config(GUNICORN_PORT, int(self.config["max-paste-size"])),
                make_dirs=True,
            )
            nginx.add_layer("nginx", NGINX_LAYER, combine=True)
            nginx.replan()

        exporter = self.unit.get_container("pastebin-exporter")
        if exporter.can_connect():
            exporter.add_layer(
                "pastebin-exporter", yaml.safe_load(EXPORTER_LAYER_FILE.read_text()), combine=True
            )
            exporter.replan()

        self.unit.set_ports(NGINX_PORT)

    # --------------------------------------------------------------- handlers

    def _on_config_changed(self, _: ops.ConfigChangedEvent) -> None:
        """Apply new configuration to all containers."""
        self._reconcile()

    def _on_pastebin_pebble_ready(self, _: ops.PebbleReadyEvent) -> None:
        """Start Gunicorn once the Pastebin container's Pebble is reachable."""
        self._reconcile()

    def _on_nginx_pebble_ready(self, event: ops.PebbleReadyEvent) -> None:
        """Write nginx.conf and start nginx and its exporter.

        The nginx container only depends on configuration, so it can start before
        the database is ready.
        """
        self._reconcile()

    def _on_exporter_pebble_ready(self, _: ops.PebbleReadyEvent) -> None:
        """Start the Pastebin Prometheus exporter."""
        self._reconcile()

    def _on_upgrade_charm(self, _: ops.UpgradeCharmEvent) -> None:
        """Run database migrations after a charm or image upgrade."""
        container = self.unit.get_container("pastebin")
        if self.unit.is_leader() and container.can_connect() and self._database_url():
            container.exec(
                ["python3", "-m", "pastebin.migrate"],
                environment={"PASTEBIN_DATABASE_URL": self._database_url() or ""},
            ).wait()
        self._reconcile()

    def _on_update_status(self, _: ops.UpdateStatusEvent) -> None:
        """Record the running Pastebin version as the workload version."""
        container = self.unit.get_container("pastebin")
        if container.can_connect():
            version, _ = container.exec(["pastebin", "--version"]).wait_output()
            self.unit.set_workload_version(version.strip())

    def _on_peer_changed(self, _: ops.RelationChangedEvent) -> None:
        """Pick up a secret key that the leader created or rotated."""
        self._reconcile()

    def _on_database_created(self, event: DatabaseCreatedEvent) -> None:
        """Configure Pastebin once PostgreSQL has created the database and user."""
        logger.info("database created on %s", event.endpoints)
        if self.unit.is_leader() and self._secret_key() is None:
            self.app.add_secret({"key": secrets.token_urlsafe(48)}, label=SECRET_KEY_LABEL)
        self._reconcile()

    def _on_database_endpoints_changed(self, event: DatabaseEndpointsChangedEvent) -> None:
        """Point Pastebin at the new PostgreSQL primary after a failover."""
        self._reconcile()

    def _on_database_broken(self, _: ops.RelationBrokenEvent) -> None:
        """Stop the application when the database goes away."""
        container = self.unit.get_container("pastebin")
        if container.can_connect():
            container.stop("pastebin", "pastebin-expiry")

    def _on_redis_changed(self, _: ops.RelationChangedEvent) -> None:
        """Use the Redis host and port published by the redis-k8s charm."""
        self._reconcile()

    def _on_redis_broken(self, _: ops.RelationBrokenEvent) -> None:
        """Fall back to in-process rate limiting without Redis."""
        self._reconcile()

    def _on_ingress_ready(self, event: IngressPerAppReadyEvent) -> None:
        """Tell Pastebin its public URL so that paste links are absolute."""
        logger.info("ingress ready at %s", event.url)
        self._reconcile()

    def _on_ingress_revoked(self, _: ops.EventBase) -> None:
        """Go back to relative links when the ingress is removed."""
        self._reconcile()

    def _on_tracing_endpoint_changed(self, _: ops.EventBase) -> None:
        """Restart Pastebin with the new Tempo OTLP endpoint."""
        self._reconcile()

    def _on_rotate_secret_key(self, event: ops.ActionEvent) -> None:
        """Replace the session signing key; all users are logged out."""
        if not self.unit.is_leader():
            event.fail("Run this action on the leader unit.")
            return
        secret = self.model.get_secret(label=SECRET_KEY_LABEL)
        secret.set_content({"key": secrets.token_urlsafe(48)})
        event.set_results({"result": "secret key rotated"})

    def _on_create_admin(self, event: ops.ActionEvent) -> None:
        """Create an administrator account with a random initial password."""
        container = self.unit.get_container("pastebin")
        if not container.can_connect():
            event.fail("The pastebin container is not ready.")
            return
        password = secrets.token_urlsafe(16)
        container.exec(
            ["pastebin", "create-admin", event.params["username"], event.params["email"]],
            environment={"PASTEBIN_ADMIN_PASSWORD": password},
        ).wait()
        if event.params.get("send-email"):
            event.set_results({"username": event.params["username"], "emailed": True})
        else:
            event.set_results({"username": event.params["username"], "password": password})

    def _on_purge_expired(self, event: ops.ActionEvent) -> None:
        """Delete (or with dry-run, count) expired pastes."""
        container = self.unit.get_container("pastebin")
        args = ["pastebin", "purge-expired"]
        if event.params["dry-run"]:
            args.append("--dry-run")
        stdout, _ = container.exec(args).wait_output()
        event.set_results({"output": stdout})

    def _on_secret_changed(self, event: ops.SecretChangedEvent) -> None:
        """Reload when the secret key or the SMTP credentials secret changes."""
        self._reconcile()

    def _on_collect_unit_status(self, event: ops.CollectStatusEvent) -> None:
        """Report what is still missing before Pastebin can serve requests."""
        if not self.unit.get_container("pastebin").can_connect():
            event.add_status(ops.WaitingStatus("waiting for pastebin container"))
        if self.model.get_relation("database") is None:
            event.add_status(ops.BlockedStatus("needs a database relation"))
        elif self._database_url() is None:
            event.add_status(ops.WaitingStatus("waiting for database"))
        event.add_status(ops.ActiveStatus())


if __name__ == "__main__":  # pragma: nocover
    ops.main(PastebinCharm)
