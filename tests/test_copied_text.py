"""No data string shares a run of 7+ words with a seed article: facts carry over
from the articles with a citation, sentences never do. The check is the one
organisations run (`advisor data check DIR --against ARTICLES`), so there is one
implementation of it. Skipped where the seeds (../shared/seeds beside the
checkout) are not present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.knowledge.catalog import bundled_directory
from conftest import Run

# The check is of the bundled data against the seed articles.
pytestmark = pytest.mark.bundled_data

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_no_data_string_copies_a_seed_sentence(run: Run) -> None:
    result = run("data", "check", str(bundled_directory()), "--against", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "shares 7+ words" not in result.output


def test_the_check_catches_a_copied_sentence(run: Run, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Patient advocates typically work directly for the patient and family.", encoding="utf-8"
    )
    copy = tmp_path / "kb"
    assert run("data", "init", str(copy)).exit_code == 0
    roles_file = copy / "roles.json"
    roles = json.loads(roles_file.read_text(encoding="utf-8"))
    roles["roles"][0]["summary"]["text"] = (
        "Advocates typically work directly for the patient and family."
    )
    roles_file.write_text(json.dumps(roles), encoding="utf-8")
    result = run("data", "check", str(copy), "--against", str(articles))
    assert result.exit_code == 1
    assert "roles.json" in result.output and "shares 7+ words with a.txt" in result.output
