# Copyright 2025 Canonical Ltd.
# Licensed under the Apache License, Version 2.0.

"""Trimmed stand-in for the systemd charm library."""

import subprocess

LIBID = "a0eaf8c36dc24cb6881c5e7659e4168c"
LIBAPI = 1
LIBPATCH = 4


def _systemctl(*args: str) -> bool:
    return subprocess.run(["systemctl", *args], check=False).returncode == 0


def service_start(service: str) -> bool:
    """Start a systemd service."""
    return _systemctl("start", service)


def service_stop(service: str) -> bool:
    """Stop a systemd service."""
    return _systemctl("stop", service)


def service_restart(service: str) -> bool:
    """Restart a systemd service."""
    return _systemctl("restart", service)


def service_reload(service: str) -> bool:
    """Reload a systemd service."""
    return _systemctl("reload", service)
