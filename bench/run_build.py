"""Build one project in this process and report, as JSON on stdout, the wall time of the whole
`--strict` build, the time spent inside our hook packages and how often the catalog was parsed.

Our hook packages (catalog, render, docsite) are imported before MkDocs loads hooks/main.py, and
every function they define is wrapped with a timer that counts only the outermost call, so nested
calls are not counted twice. Usage: python bench/run_build.py PROJECT SITE_DIR [--no-hooks]
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
import os
import pkgutil
import sys
import time
from pathlib import Path

spent = {"seconds": 0.0, "depth": 0}


def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        spent["depth"] += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent["depth"] -= 1
            if spent["depth"] == 0:
                spent["seconds"] += time.perf_counter() - start
    return wrapper


def instrument(hooks_dir: Path) -> None:
    """Wrap every function defined in the hook packages (not the ones they import)."""
    sys.path.insert(0, str(hooks_dir))
    for package_name in ("catalog", "render", "docsite"):
        package = importlib.import_module(package_name)
        modules = [package] + [importlib.import_module(f"{package_name}.{info.name}")
                               for info in pkgutil.iter_modules(package.__path__)]
        for module in modules:
            for name, value in list(vars(module).items()):
                if callable(value) and getattr(value, "__module__", None) == module.__name__ \
                        and not isinstance(value, type):
                    setattr(module, name, timed(value))


def main() -> None:
    project, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    with_hooks = "--no-hooks" not in sys.argv
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.INFO)
    if with_hooks:
        instrument(project / "hooks")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    try:
        build(config)
    except BaseException as error:  # mkdocs reports through logging, which is quiet here: say it
        sys.exit(f"build failed: {type(error).__name__}: {error}")
    total = time.perf_counter() - start
    parses = sys.modules["catalog"].stats["parses"] if with_hooks else 0
    print(json.dumps({"total": total, "hooks": spent["seconds"], "parses": parses}))


if __name__ == "__main__":
    main()
