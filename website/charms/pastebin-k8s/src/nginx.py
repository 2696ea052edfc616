# Copyright 2025 Canonical Ltd.
# See LICENSE file for licensing details.

"""Pebble layer and configuration for the nginx reverse-proxy container."""

import ops

NGINX_CONFIG_PATH = "/etc/nginx/nginx.conf"
NGINX_PORT = 8080
NGINX_EXPORTER_PORT = 9113

NGINX_LAYER: ops.pebble.LayerDict = {
    "summary": "nginx reverse proxy in front of Pastebin",
    "description": "Serves static assets and forwards other requests to Gunicorn.",
    "services": {
        "nginx": {
            "override": "replace",
            "summary": "nginx web server",
            "command": "nginx -g 'daemon off;' -c /etc/nginx/nginx.conf",
            "startup": "enabled",
            "user": "nginx",
        },
        "nginx-prometheus-exporter": {
            "override": "replace",
            "summary": "Prometheus exporter for nginx stub_status",
            "command": "nginx-prometheus-exporter --web.listen-address=:9113 "
            "--nginx.scrape-uri=http://localhost:8080/stub_status",
            "startup": "enabled",
            "after": ["nginx"],
            "requires": ["nginx"],
        },
    },
    "checks": {
        "nginx-up": {
            "override": "replace",
            "level": "alive",
            "period": "10s",
            "http": {"url": "http://localhost:8080/healthz"},
        },
    },
}


def render_config(upstream_port: int, max_body_size: int) -> str:
    """Render nginx.conf for the given Gunicorn port and body size limit.

    Args:
        upstream_port: port Gunicorn listens on inside the pod.
        max_body_size: largest request body accepted, in bytes.
    """
    return f"""
worker_processes auto;
events {{ worker_connections 1024; }}
http {{
    client_max_body_size {max_body_size};
    server {{
        listen {NGINX_PORT};
        location /static/ {{ root /srv/pastebin; }}
        location = /healthz {{ return 200; }}
        location = /stub_status {{ stub_status; allow 127.0.0.1; deny all; }}
        location / {{ proxy_pass http://127.0.0.1:{upstream_port}; }}
    }}
}}
"""
