"""Screenshots of the Groq page on demand: scripts/screenshots [folder].

Builds the site into a temporary folder, serves it like the tests do and writes groq-{en,zh}-{1280,375}.png
(full page) to test-artifacts/browser/ or the given folder. The browser tests write the same files
when one of them fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]).resolve() if argv else harness.ARTIFACTS
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                               cwd=harness.ROOT, env=env, capture_output=True, text=True)
        if build.returncode:
            print(build.stderr, file=sys.stderr)
            return build.returncode
        with harness.serve(site) as url, sync_playwright() as driver:
            browser = harness.launch(driver)
            for path in harness.groq_screenshots(browser, url, folder):
                print(path)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
