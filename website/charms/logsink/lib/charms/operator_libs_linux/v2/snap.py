# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the snap charm library."""

import subprocess
from enum import Enum
from typing import Dict, Optional

LIBID = "e6c87740c69d449f84e6cdcd0f132b97"
LIBAPI = 2
LIBPATCH = 9


class SnapState(Enum):
    """Desired state of a snap."""

    Present = "present"
    Absent = "absent"
    Latest = "latest"


class Snap:
    """One installed snap."""

    def __init__(self, name: str, channel: str = "", revision: str = ""):
        self.name = name
        self.channel = channel
        self.revision = revision

    def ensure(self, state: SnapState, channel: Optional[str] = None) -> None:
        """Install, refresh or remove the snap."""
        verb = "remove" if state is SnapState.Absent else "refresh"
        args = ["snap", verb, self.name]
        if channel and state is not SnapState.Absent:
            args.append(f"--channel={channel}")
        subprocess.run(args, check=True)

    def connect(self, plug: str) -> None:
        """Connect one of the snap's plugs."""
        subprocess.run(["snap", "connect", f"{self.name}:{plug}"], check=True)


class SnapCache(Dict[str, Snap]):
    """The snaps installed on this machine."""

    def __missing__(self, name: str) -> Snap:
        return Snap(name)


def add(name: str, channel: str = "latest/stable", classic: bool = False) -> Snap:
    """Install a snap."""
    args = ["snap", "install", name, f"--channel={channel}"]
    if classic:
        args.append("--classic")
    subprocess.run(args, check=True)
    return Snap(name, channel)
