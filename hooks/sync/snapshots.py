"""The two upstream snapshots, from paths given on the command line or downloaded from their live addresses."""

from __future__ import annotations

import datetime
import json
import tempfile
import urllib.request
from pathlib import Path

from . import cline, modelsdev
from .upstream import Snapshot, UpstreamError

MODELS_DEV_API = "https://models.dev/api.json"
MODELS_DEV_REPO = "https://github.com/anomalyco/models.dev"
CLINE_REPO = "https://github.com/cline/cline"
CLINE_FILE = "sdk/packages/llms/src/catalog/catalog.generated.ts"
CLINE_RAW = "https://raw.githubusercontent.com/cline/cline/{commit}/" + CLINE_FILE
CLINE_COMMITS = f"https://api.github.com/repos/cline/cline/commits?sha=main&path={CLINE_FILE}&per_page=1"
MODELS_DEV_TITLE = {"en": "models.dev catalog", "zh": "models.dev 模型目录"}
CLINE_TITLE = {"en": "Cline model catalog", "zh": "Cline 模型目录"}


def models_dev(path: Path, commit: str | None, date: datetime.date) -> Snapshot:
    """models.dev from a checkout or api.json; with a commit, sources point at that commit's provider folder."""
    url = f"{MODELS_DEV_REPO}/tree/{commit}/providers/{{provider}}" if commit else \
        (MODELS_DEV_API if path.is_file() else MODELS_DEV_REPO)
    return Snapshot("models-dev", "models.dev", MODELS_DEV_TITLE, url, date, modelsdev.read(path))


def cline_catalog(path: Path, commit: str | None, date: datetime.date) -> Snapshot:
    """Cline's generated catalog; with a commit, sources point at the file at that commit."""
    url = f"{CLINE_REPO}/blob/{commit or 'main'}/{CLINE_FILE}"
    return Snapshot("cline-catalog", "Cline catalog", CLINE_TITLE, url, date, cline.read(path))


def _download(url: str, target: Path) -> Path:
    request = urllib.request.Request(url, headers={"User-Agent": "catalog-sync"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            target.write_bytes(response.read())
    except OSError as error:  # URLError and timeouts are OSErrors
        raise UpstreamError(f"cannot download {url} ({getattr(error, 'reason', error)}); "
                            "give --models-dev PATH and --cline PATH to use copies on disk") from None
    return target


def _cline_head() -> tuple[str | None, datetime.date | None]:
    """The commit that last changed Cline's catalog file on main, and its date (None when GitHub does not say)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(CLINE_COMMITS, headers={"User-Agent": "catalog-sync"}),
                                    timeout=60) as response:
            latest = json.load(response)[0]
        return latest["sha"], datetime.date.fromisoformat(latest["commit"]["committer"]["date"][:10])
    except (OSError, ValueError, KeyError, IndexError):
        return None, None


def live(today: datetime.date) -> tuple[Snapshot, Snapshot]:
    """Both upstreams as they are now (the weekly workflow); models.dev's api.json is dated the day it is read."""
    folder = Path(tempfile.mkdtemp(prefix="sync-"))
    sha, date = _cline_head()
    cline_file = _download(CLINE_RAW.format(commit=sha or "main"), folder / "catalog.generated.ts")
    return (models_dev(_download(MODELS_DEV_API, folder / "api.json"), None, today),
            cline_catalog(cline_file, sha, date or today))
