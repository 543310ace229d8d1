"""Build one project in this process and report, as JSON on stdout, the wall time of the whole
`--strict` build, the time spent inside our hook packages and how often the catalog was parsed.

Each event function of hooks/main.py is wrapped with a timer where MkDocs keeps its event
callbacks; all our work (load, validate, render, exports) runs inside those events. Only the
outermost call counts, so an event that triggers another is not counted twice.
Usage: python bench/run_build.py PROJECT SITE_DIR [--no-hooks]
"""

from __future__ import annotations

import functools
import json
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

spent = {"seconds": 0.0, "depth": 0, "events": {}}


def timed(function, event: str):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        spent["depth"] += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent["depth"] -= 1
            if spent["depth"] == 0:
                elapsed = time.perf_counter() - start
                spent["seconds"] += elapsed
                spent["events"][event] = spent["events"].get(event, 0.0) + elapsed
    return wrapper


def instrument(config, hooks_file: Path) -> None:
    """Wrap each event function of our hook module where MkDocs keeps it, once the config is loaded.

    Only the entry points are wrapped, so the timer costs a few hundred calls, not one per helper.
    """
    for name, callbacks in config.plugins.events.items():
        config.plugins.events[name] = [
            timed(callback, name) if getattr(getattr(callback, "__code__", None), "co_filename", "") == str(hooks_file)
            else callback for callback in callbacks]


def main() -> None:
    project, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    with_hooks = "--no-hooks" not in sys.argv
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.INFO)
    warnings = logging.handlers.BufferingHandler(capacity=10_000)  # said when the build fails, not before
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    sys.path.insert(0, str(project / "hooks"))  # so that the parse counter below is the hooks' own
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    if with_hooks:
        instrument(config, (project / "hooks/main.py").resolve())
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does before building
    try:
        build(config)
    except BaseException as error:  # mkdocs reports through logging, which is quiet here: say it
        said = "\n".join(record.getMessage() for record in warnings.buffer[:20])
        sys.exit(f"build failed: {type(error).__name__}: {error}\n{said}")
    total = time.perf_counter() - start
    parses = sys.modules["catalog"].stats["parses"] if with_hooks else 0
    print(json.dumps({"total": total, "hooks": spent["seconds"], "parses": parses, "events": spent["events"]}))


if __name__ == "__main__":
    main()
