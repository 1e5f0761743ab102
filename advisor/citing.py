"""Facts as cited text: `Plans discharge [seed-003]`, with estimates and
inferences labelled so they never pass as established fact."""

from __future__ import annotations

from advisor.models import Fact, Source

KIND_LABELS = {"estimate": " (estimate)", "inference": " (common practice, not a rule)"}


def cite(fact: Fact) -> str:
    return f"{fact.text}{KIND_LABELS.get(fact.kind, '')} [{', '.join(fact.sources)}]"


def fact_line(fact: Fact) -> str:
    """A fact as one cited line, led by its name or value where it has one."""
    lead = getattr(fact, "name", None) or getattr(fact, "value", None)
    return f"{lead}: {cite(fact)}" if isinstance(lead, str) else cite(fact)


def source_line(source: Source) -> str:
    title = source.title if source.title[-1] in ".?!" else f"{source.title}."
    return f"{source.id}: {title} {source.reference} (read {source.as_of.isoformat()})"
