"""Time from saving one YAML file to the finished rebuild under `mkdocs serve`."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{needle!r} did not appear at {url} within {limit} s")


def measure(project: Path, provider_file: str, page: str, rounds: int = 3) -> list[float]:
    """Change a provider's `verified:` date `rounds` times under `scripts/serve` (as a contributor runs it,
    with its defaults); time each rebuild until the page shows it."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DOCS_BUILD_ZH"}  # the script's default
    server = subprocess.Popen([str(project / "scripts/serve"), "-a", f"127.0.0.1:{port}"], env=env, cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    path = project / provider_file
    original = path.read_text(encoding="utf-8")
    try:
        wait_for(url, "</html>", 300)
        times = []
        for round_number in range(rounds):
            date = f"2025-01-{10 + round_number:02d}"
            time.sleep(1.5)  # let the watcher settle after the previous build
            path.write_text(re.sub(r"(?m)^verified: .*$", f"verified: {date}", original, count=1), encoding="utf-8")
            times.append(wait_for(url, date, 300))
        return times
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
