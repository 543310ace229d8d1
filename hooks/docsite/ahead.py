"""Render ahead: on a first `mkdocs build`, a second processor core makes the catalog's pages and tables while
MkDocs converts pages on the first.

Most of what our hooks compute depends on the catalog alone: provider and model pages with their tables, the
comparison, the change tables, feeds and the JSON export (the render/memo.py results). A repeated build reads them
from the saved copy (rendercache.py); a first build used to make them one page at a time, in line with MkDocs.
Here, once the catalog is loaded, `start` forks a worker that makes them in the order the build will want them
and hands each batch over as a marshal file. The build takes a batch as soon as it is there (`collect`, from page
events) and computes whatever is still missing itself, exactly as it would without the worker. A result is
keyed by everything that decides it, so the site is the same byte for byte either way; a test builds both.

The worker runs only where it can help and cannot harm: `mkdocs build`, a system with fork and two cores or
more, no other thread in the process (a fork copies one thread only), nothing restored from a saved copy.
DOCS_RENDER_AHEAD=0 turns it off; DOCS_RENDER_AHEAD=1 turns it on with one core too (tests).
"""

from __future__ import annotations

import atexit
import itertools
import logging
import marshal
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from render import memo

from . import ahead_work
from .rendercache import is_plain

SWITCH = "DOCS_RENDER_AHEAD"
log = logging.getLogger("mkdocs.hooks.ahead")


def plan(state: dict, command: str, dirty: bool) -> None:
    """Whether this run may render ahead (called from on_startup; a run that skips it never does)."""
    switch = os.environ.get(SWITCH, "")
    cores = 2 if switch == "1" else os.cpu_count() or 1
    state["ahead_allowed"] = command == "build" and not dirty and switch != "0" and hasattr(os, "fork") and cores >= 2


def start(state: dict, config, restored: int) -> None:
    """Fork the worker once per run, for a catalog that has nothing saved (called from on_config)."""
    if not state.pop("ahead_allowed", False) or restored or threading.active_count() > 1:
        return
    work = ahead_work.Plan.of(state, config)
    try:
        folder = Path(tempfile.mkdtemp(prefix="render-ahead-"))
    except OSError:
        return  # no temporary folder: the build renders everything itself, as without a second core
    try:
        pid = os.fork()
    except OSError:  # no process to spare (a limit on processes or memory): the same
        shutil.rmtree(folder, ignore_errors=True)
        return
    if pid == 0:  # the worker: never returns into MkDocs, whatever happens
        status = 1
        try:
            _work(state["catalog"], work, folder)
            status = 0
        finally:
            os._exit(status)
    state["ahead"] = {"pid": pid, "folder": folder, "next": 0, "exited": False, "taken": 0}
    atexit.register(discard, state)  # a run stopped by other means than a build error leaves nothing behind


def _work(catalog, work, folder: Path) -> None:
    """Make each batch, then write the results it added (plain values only, as the saved copy holds)."""
    table, made, batches = memo.results(catalog), memo.added(catalog), ahead_work.batches(catalog, work)
    for number in itertools.count():
        known = len(made)  # before the batch is drawn: drawing it renders the pages it expands
        batch = next(batches, None)
        if batch is None:
            return
        for make in batch:
            make()
        fresh = {key: table[key] for key in made[known:] if is_plain(key) and is_plain(table[key])}
        partial = folder / f"{number}.part"
        partial.write_bytes(marshal.dumps(fresh))
        os.replace(partial, folder / f"{number}.marshal")  # whole or absent: the build never reads half a batch


def collect(state: dict, wait: bool = False) -> None:
    """Take the batches the worker has finished; with `wait`, all of them (the build needs them now)."""
    job = state.get("ahead")
    if job is None:
        return
    while True:
        path = job["folder"] / f"{job['next']}.marshal"
        if path.is_file():
            try:
                batch = marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):  # a damaged file (a full or broken disk):
                discard(state)  # stop the worker; the build makes the rest itself
                return
            memo.adopt(state["catalog"], batch, fresh=True)
            job["next"], job["taken"] = job["next"] + 1, job["taken"] + len(batch)
            continue
        if job["exited"]:
            break
        pid, _ = os.waitpid(job["pid"], 0 if wait else os.WNOHANG)
        if pid == 0:
            return  # still working: the build goes on, computing what it needs meanwhile
        job["exited"] = True  # it may have finished a last batch before exiting: look once more
    log.debug("Rendered ahead on a second core: %d results in %d batches", job["taken"], job["next"])
    _clean(state)


def discard(state: dict) -> None:
    """After a failed build, or when the results are no longer wanted: stop the worker and remove its files."""
    job = state.get("ahead")
    if job is None:
        return
    if not job["exited"]:
        try:
            os.kill(job["pid"], signal.SIGKILL)
            os.waitpid(job["pid"], 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    _clean(state)


def _clean(state: dict) -> None:
    shutil.rmtree(state.pop("ahead")["folder"], ignore_errors=True)
