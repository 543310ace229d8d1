"""A failed build leaves the output folder as the last good build left it (hooks/docsite/staging.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import mkdocs_build


def _listing(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_failure_in_the_exports_keeps_the_previous_output(project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.html").write_text("from an older build", encoding="utf-8")
    first = mkdocs_build(project, out)
    assert first.returncode == 0, first.stderr[-3000:]
    assert not (out / "stale.html").exists()  # replaced like `mkdocs build` cleans
    before = _listing(out)
    assert "api/catalog.v1.json" in before and "zh/llms-full.txt" in before
    # The exports run last, after both languages' pages are written: their failure must still count.
    (project / "schemas/catalog-export.schema.json").unlink()
    second = mkdocs_build(project, out)
    assert second.returncode != 0
    assert _listing(out) == before
    assert not any(path.name.startswith(".out.building-") for path in tmp_path.iterdir())


def test_failed_first_build_writes_no_output(project, tmp_path):
    (project / "schemas/catalog-export.schema.json").unlink()
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode != 0
    assert not out.exists() or not any(out.iterdir())
    assert not any(path.name.startswith(".site.building-") for path in tmp_path.iterdir())
