"""No data string shares a run of 7+ words with a seed article: facts carry over
from the articles with a citation, sentences never do. Skipped where the seeds
(../shared/seeds beside the checkout) are not present."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.knowledge.catalog import bundled_directory

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RUN = 7
UK = {
    "organisation": "organization",
    "organisations": "organizations",
    "organise": "organize",
    "organises": "organizes",
    "organising": "organizing",
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
    "ageing": "aging",
    "licence": "license",
    "travelling": "traveling",
    "centred": "centered",
    "judgement": "judgment",
}


def words(text: str) -> list[str]:
    """Lower case, apostrophes dropped, other punctuation a space, UK spelling folded."""
    text = text.lower().replace("\u2019", "").replace("'", "")
    return [UK.get(w, w) for w in re.sub(r"[^a-z0-9$]+", " ", text).split()]


def strings(node: object, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_no_data_string_copies_a_seed_sentence() -> None:
    seeds = {p.name: runs(words(p.read_text(encoding="utf-8"))) for p in SEEDS.glob("*.txt")}
    copied = []
    for file in sorted(bundled_directory().glob("*.json")):
        for path, text in strings(json.loads(file.read_text(encoding="utf-8"))):
            if file.name == "sources.json" and path.endswith(".title"):
                continue  # an article's own title is a citation, not a copied sentence
            mine = runs(words(text))
            copied += [f"{file.name}:{path} ({name})" for name, r in seeds.items() if mine & r]
    assert not copied, "shares 7+ words with a seed: " + "; ".join(copied)


def test_the_check_catches_a_copied_sentence() -> None:
    seed = "Patient advocates typically work directly for the patient and family"
    assert runs(words(seed)) & runs(
        words("Advocates typically work directly for the patient and family.")
    )
    assert not runs(words(seed)) & runs(words("Advocates are hired by the family itself."))
