"""The HTML digest in a real headless browser (Debian's chromium): it loads, fits a phone, prints on A4.

Skipped only when chromium is missing on a developer's machine; in CI
(CI=true) a missing browser fails, because .ci/run installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest

from bot import digest
from bot.demo import fill
from knowledge.base import CouncilKnowledge
from storage.store import Store

PHONE_WIDTH = 390
A4_POINTS = (595, 842)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it before `make test`")
    pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, somerset: CouncilKnowledge) -> Path:
    store = Store(":memory:")
    fill(store, "somerset", 5, date(2025, 4, 1))
    with store.transaction() as conn:  # stored text that must stay text
        conn.execute("UPDATE wsyd_items SET said = said || ' <script>document.title=\"owned\"</script>' WHERE id = 1")
    built = digest.build(store, somerset, date(2024, 4, 1), date(2025, 4, 1))
    path = tmp_path_factory.mktemp("digest") / "digest.html"
    path.write_text(digest.render(built, "html"), encoding="utf-8")
    return path


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)


def test_the_page_loads_with_its_text_and_no_script_runs(page: Path, tmp_path: Path) -> None:
    result = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "What young people told carebot" in dom
    assert "Principle 3: Take their views, wishes and feelings into account" in dom
    assert "fewer than 6" in dom and "We said:" in dom
    # The stored <script> stayed text: the title is still ours.
    assert re.search(r"<title>What young people told carebot: Somerset", dom)
    assert "&lt;script&gt;document.title" in dom and "owned</title>" not in dom


def test_it_reads_on_a_phone(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "phone.png"
    run_chromium(tmp_path, f"--window-size={PHONE_WIDTH},1600", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (PHONE_WIDTH, 1600)


def test_it_prints_on_a4(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "digest.pdf"
    run_chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = {tuple(round(float(n)) for n in box.split()[2:4]) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data) for box in [box.decode()]}
    assert boxes == {A4_POINTS}
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 3
