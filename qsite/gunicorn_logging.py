"""gunicorn's access log as one JSON object per line (LOG_FORMAT=json) or its text line, minus health checks.

The load balancer asks /healthz and /readyz every few seconds on every host; logging each
successful answer would bury the real traffic. Failed health checks are still logged.
"""

import datetime
import json
import os

from gunicorn.glogging import Logger

HEALTH_PATHS = {"/healthz", "/readyz"}


class AccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in HEALTH_PATHS and str(resp.status).startswith("2"):
            return
        if os.environ.get("LOG_FORMAT", "plain") != "json":
            super().access(resp, req, environ, request_time)
            return
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        entry = {
            "time": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "message": atoms["r"],
            "request_id": atoms.get("{x-request-id}o", "-"),
            "remote": atoms["h"],
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": int(atoms["s"]),
            "bytes": atoms["B"],
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "referer": atoms["f"],
            "user_agent": atoms["a"],
        }
        self.access_log.info(json.dumps(entry, default=str, ensure_ascii=False))
