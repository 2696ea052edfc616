# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the tls_certificates charm library (v4), requirer side."""

from dataclasses import dataclass, field
from enum import Enum
from typing import List

from ops.charm import CharmBase, RelationEvent
from ops.framework import EventBase, EventSource, Object, ObjectEvents

LIBID = "a154a26db61c4707ac4e972c875187bf"
LIBAPI = 4
LIBPATCH = 7


class Mode(Enum):
    """Whether certificates are requested per unit or per application."""

    UNIT = 1
    APP = 2


@dataclass
class CertificateRequestAttributes:
    """What to put in a certificate signing request."""

    common_name: str
    sans_dns: List[str] = field(default_factory=list)
    sans_ip: List[str] = field(default_factory=list)


class CertificateAvailableEvent(EventBase):
    """A signed certificate is available for this unit."""

    def __init__(self, handle, certificate: str, ca: str):
        super().__init__(handle)
        self.certificate = certificate
        self.ca = ca

    def snapshot(self) -> dict:
        """Save the event's data."""
        return {"certificate": self.certificate, "ca": self.ca}

    def restore(self, snapshot: dict) -> None:
        """Restore the event's data."""
        self.certificate = snapshot["certificate"]
        self.ca = snapshot["ca"]


class CertificatesRequirerCharmEvents(ObjectEvents):
    """Events emitted by TLSCertificatesRequiresV4."""

    certificate_available = EventSource(CertificateAvailableEvent)


class TLSCertificatesRequiresV4(Object):
    """Request certificates over the tls-certificates interface."""

    on = CertificatesRequirerCharmEvents()  # pyright: ignore

    def __init__(
        self,
        charm: CharmBase,
        relationship_name: str,
        certificate_requests: List[CertificateRequestAttributes],
        mode: Mode = Mode.UNIT,
    ):
        super().__init__(charm, relationship_name)
        self.charm = charm
        self.relationship_name = relationship_name
        self.certificate_requests = certificate_requests
        self.mode = mode
        self.framework.observe(charm.on[relationship_name].relation_changed, self._on_changed)

    def _on_changed(self, event: RelationEvent) -> None:
        """Emit certificate_available when the provider has signed our CSR."""
        data = event.relation.data[event.relation.app] if event.relation.app else {}
        if data.get("certificate"):
            self.on.certificate_available.emit(certificate=data["certificate"], ca=data.get("ca", ""))
