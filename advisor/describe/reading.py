"""Reading a description: its words, the cues found in them, the context step, and
the answers that survive it, each with the words it came from.

The reader is never more confident than the text: a cue set aside by the
context step (negated, past, hypothetical, about someone else, or another sense
of the word) answers nothing, and when the cues of a single-choice question
point to two answers it answers nothing, unless one of them `covers` the
others in the data ("both" covers "at home" and "in hospital" for someone going
home from hospital).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from advisor.describe.context import KINDS, WHY, People, Scope, Trigger, owners, scopes
from advisor.describe.matching import Found, Matcher, Work, accepts, spans
from advisor.describe.words import Token, fold, tokens

if TYPE_CHECKING:
    from advisor.knowledge.lexicon import Lexicon
    from advisor.knowledge.questions import Question, Questionnaire


class Hit(NamedTuple):
    """One cue found in the text: the answer it points to, its words, and why it was
    set aside ("" when it counts)."""

    question: str
    option: str
    words: str
    negated: bool
    why: str = ""


class Understood(NamedTuple):
    """One answer taken from the text, and the words it was taken from."""

    question: str
    answer: str
    because: tuple[str, ...]


class SetAside(NamedTuple):
    """A cue found but not taken, and why ("negated", "past", "about someone else"...)."""

    question: str
    answer: str
    words: str
    why: str


class Reading(NamedTuple):
    understood: tuple[Understood, ...]
    mixed: tuple[str, ...]  # questions whose cues pointed to different answers
    hits: tuple[Hit, ...]  # every cue found, set aside or not
    set_aside: tuple[SetAside, ...] = ()
    language: str = ""  # the language read ("en", "es"), "" when none could be told
    languages: tuple[str, ...] = ()  # every language found (English and Spanish mixed)
    steps: int = 0  # the matcher's work, for tests of its bound
    note: str = ""  # said when the words are in no language the lexicon reads
    read_in: str = ""  # the languages read, by name ("Spanish", "English and Spanish")

    def answers(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for u in self.understood:
            out[u.question] = (*out.get(u.question, ()), u.answer)
        return out


QUOTED = 12  # the person's own phrases quoted for one answer, at most
PER_CUE = 8  # places an answer's cue is read from (a description rarely repeats one more)
Meaning = tuple[str, ...]  # ("answer", q, o) | ("trigger", kind, dir, reach) | ...


@dataclass
class Reader:
    """A questionnaire's cues and a lexicon's terms, compiled once per process."""

    matcher: Matcher
    meanings: dict[int, list[Meaning]] = field(default_factory=dict)
    respell: dict[str, list[str]] = field(default_factory=dict)
    markers: dict[str, frozenset[str]] = field(default_factory=dict)
    keeps: dict[str, set[str]] = field(default_factory=dict)  # kind -> "q/o" or "q/*"
    senses: list[tuple[frozenset[str], str]] = field(default_factory=list)
    people: People | None = None
    single: frozenset[str] = frozenset()

    def add(self, cue: str, language: str, meaning: Meaning) -> None:
        key = self.matcher.add(cue, language)
        self.meanings.setdefault(key, []).append(meaning)


def build_reader(questionnaire: "Questionnaire", lexicon: "Lexicon") -> Reader:
    names: dict[str, str] = {lang.id: lang.stemmer for lang in lexicon.languages if lang.stemmer}
    reader = Reader(Matcher(stemmer_names=names))
    reader.single = frozenset(q.id for q in questionnaire.questions if q.kind != "multi")
    options = {(q.id, o.id) for q in questionnaire.questions for o in q.options}
    english = lexicon.languages[0].id
    for question in questionnaire.questions:
        for option in question.options:
            for cue in option.cues:
                reader.add(cue, english, ("answer", question.id, option.id))
    person_of: dict[str, int] = {}
    pronoun_of: list[str] = []
    pronouns: dict[str, str] = {}
    reflexive: set[str] = set()
    objects: set[str] = set()
    writer: set[str] = set()
    help_for: set[str] = set()
    possessives: set[str] = set()
    for language in lexicon.languages:
        lid = language.id
        for question_id, by_option in language.cues.items():
            for option_id, cues in by_option.items():
                if (question_id, option_id) in options:
                    for cue in cues:
                        reader.add(cue, lid, ("answer", question_id, option_id))
        for kind in KINDS:
            context = getattr(language, kind)
            wide = "sentence" if context.scope == "sentence" else ""
            for cue in context.before:
                reader.add(cue, lid, ("trigger", kind, "", str(context.reach_before), wide))
            for cue in context.after:
                reader.add(cue, lid, ("trigger", kind, "back", str(context.reach_after), wide))
            for cue in context.ends_at:
                reader.add(cue, lid, ("terminator", kind))
            reader.keeps.setdefault(kind, set()).update(context.keeps)
        reader.keeps.setdefault("other", set()).update(language.people.keeps)
        for cue in language.pseudo:
            reader.add(cue, lid, ("pseudo",))
        for cue in language.terminators:
            reader.add(cue, lid, ("terminator",))
        for sense in language.senses:
            reader.add(sense.words, lid, ("sense", str(len(reader.senses))))
            reader.senses.append((frozenset(sense.sets_aside), sense.why))
        for word, spelled in language.respell.items():
            reader.respell.setdefault(fold(word), []).append(
                " ".join(fold(w) for w in spelled.split())
            )
        reader.markers[lid] = frozenset(fold(m) for m in language.markers)
        people = language.people
        for person in people.persons:
            for word in person.words:
                person_of.setdefault(fold(word), len(pronoun_of))
            pronoun_of.append(person.pronoun)
        for pronoun, words in people.pronouns.items():
            pronouns.update({fold(w): pronoun for w in words})
            reflexive.update(fold(w) for w in words if w.endswith("self"))
        objects.update(fold(w) for w in people.objects)
        writer.update(fold(w) for w in people.writer)
        help_for.update(fold(w) for w in people.help_for)
        possessives.update(fold(w) for w in people.possessives)
    reader.people = People(
        person_of,
        pronoun_of,
        pronouns,
        frozenset(reflexive),
        frozenset(objects),
        frozenset(writer),
        frozenset(help_for),
        frozenset(possessives),
    )
    return reader


_READERS: list[tuple[object, object, Reader]] = []


def reader_for(
    questionnaire: "Questionnaire", lexicon: "Lexicon", snapshot: str | None = None
) -> Reader:
    """The compiled reader, built on first use (only when someone describes); kept
    in the knowledge base's snapshot when the two come from one (`snapshot`), so
    that the next run reads it instead of compiling every cue again."""
    for q, lex, reader in _READERS:
        if q is questionnaire and lex is lexicon:
            return reader
    from advisor.knowledge.snapshot import derived

    def build() -> Reader:
        return build_reader(questionnaire, lexicon)

    part = _reader_part() if snapshot else ""
    reader = derived(snapshot, part, "advisor.describe.", build) if part else build()
    _READERS[:] = [(questionnaire, lexicon, reader)]
    return reader


def _reader_part() -> str:
    """The reader's name in a snapshot: a hash of the code that builds it."""
    import os

    from advisor.cache import content_key

    here = os.path.dirname(os.path.abspath(__file__))
    key = content_key(here, ("words.py", "matching.py", "context.py", "reading.py"), "")
    return f"reader-{key}" if key else ""


def _kept(keeps: set[str], question: str, option: str) -> bool:
    return f"{question}/{option}" in keeps or f"{question}/*" in keeps


def read(
    text: str,
    questionnaire: "Questionnaire",
    lexicon: "Lexicon | None" = None,
    snapshot: str | None = None,
) -> Reading:
    """The answers `text` supports, each with the words behind it, and the cues set
    aside with the reason; the same text always gives the same reading. `snapshot`
    is the folder of the knowledge base's snapshot that both came from, if any."""
    if lexicon is None:
        from advisor.knowledge.catalog import load_catalog

        lexicon = load_catalog().lexicon
    reader = reader_for(questionnaire, lexicon, snapshot)
    work = Work()
    words = reader.matcher.prepare(tokens(text, reader.respell), work)
    language, languages = _languages(reader, [w.word for w in words])
    found = reader.matcher.find_all(words, work, languages)

    answers: list[tuple[int, int, str, str, int]] = []
    triggers: list[tuple[Trigger, int, int]] = []
    pseudo: list[Found] = []
    ends: dict[str, set[int]] = {}  # terminators: "" for every kind, or one kind's own
    sense_finds: list[tuple[Found, int]] = []
    by_key: dict[int, list[Found]] = {}
    for f in found:
        by_key.setdefault(f.key, []).append(f)
    # Each cue is quoted from at most its first PER_CUE places: a cue that thousands of
    # answers share, on a text that repeats it, costs cues x PER_CUE, not cues x words.
    for key, finds in by_key.items():
        for f, meaning in (
            (f, m)
            for m in reader.meanings[key]
            for f in (finds if m[0] != "answer" else finds[:PER_CUE])
        ):
            if meaning[0] == "answer":
                answers.append((f.first, f.last, meaning[1], meaning[2], f.key))
            elif meaning[0] == "trigger":
                trigger = Trigger(
                    meaning[1], meaning[2] == "back", int(meaning[3]), meaning[4] == "sentence"
                )
                triggers.append((trigger, f.first, f.last))
            elif meaning[0] == "pseudo":
                pseudo.append(f)
            elif meaning[0] == "terminator":
                ends.setdefault(meaning[1] if len(meaning) > 1 else "", set()).update(
                    range(f.first, f.last + 1)
                )
            else:
                sense_finds.append((f, int(meaning[1])))
    answers = sorted(set(answers))
    # A pseudo-trigger is none ("not only"); a trigger inside a cue is that cue's
    # meaning ("can't afford"), and qualifies no other cue of its question.
    void = spans(pseudo)
    answers = _longest_first(answers, reader.single)
    # a terminator that is one of a cue's words ends nothing ("not in and out of")
    inside = {i for first, last, *_ in answers for i in range(first, last + 1)}
    ends = {kind: found - inside for kind, found in ends.items()}
    kinds_with_own_ends = {k for k in ends if k}
    for kind in KINDS:
        if kind not in kinds_with_own_ends:
            ends[kind] = ends.get("", set())
    live_scopes = scopes(words, triggers, void, ends)
    # a trigger that is a word of a cue qualifies no cue of that question: "can't afford
    # to pay someone" is not "pay someone" negated, "won't pay the bill" not "bill"
    taken: dict[str, list[tuple[int, int, int]]] = {}
    for first, last, q, _, key in answers:
        taken.setdefault(q, []).append((first, last, key))
    assert reader.people is not None
    owner, principal = owners(words, reader.people)

    hits: list[Hit] = []
    for first, last, q, o, _ in answers:
        own = taken.get(q, [])
        mine = [s for s in live_scopes if not _inside_a_cue(reader, words, s, own)]
        why = _why(reader, mine, sense_finds, owner, principal, first, last, q, o)
        said = text[words[first].start : words[last].end]
        hits.append(Hit(q, o, said, why == WHY["negated"], why))

    understood, mixed = _decide_all(questionnaire, hits)
    set_aside = tuple(
        dict.fromkeys(SetAside(h.question, h.option, h.words, h.why) for h in hits if h.why)
    )
    note = lexicon.other_language if not language and not understood and words else ""
    names = {lang.id: lang.name for lang in lexicon.languages}
    read_in = " and ".join(names[lid] for lid in languages)
    return Reading(
        understood, mixed, tuple(hits), set_aside, language, languages, work.steps, note, read_in
    )


def _longest_first(
    answers: list[tuple[int, int, str, str, int]], single: frozenset[str]
) -> list[tuple[int, int, str, str, int]]:
    """In a single-choice question, words are read as the longest cue that holds them:
    "can't afford to pay someone" is "can't afford", not also "pay someone", and "in a
    nursing home now" is not also "home now". ("Choose any" questions keep every cue.)"""
    kept: list[tuple[int, int, str, str, int]] = []
    used: dict[str, set[int]] = {}
    spans_of: dict[tuple[str, str], list[tuple[int, int]]] = {}  # kept, by answer
    ranked = sorted(answers, key=lambda a: (a[0] - a[1], a[0]))  # longest, then leftmost
    for first, last, q, o, key in ranked:
        span = set(range(first, last + 1))
        if (
            q in single
            and span & used.get(q, set())
            and not any(a <= first and last <= b for a, b in spans_of.get((q, o), ()))
        ):
            continue
        used.setdefault(q, set()).update(span)
        spans_of.setdefault((q, o), []).append((first, last))
        kept.append((first, last, q, o, key))
    return sorted(kept)


def _inside_a_cue(
    reader: Reader, words: list[Token], scope: Scope, cues_of_question: list[tuple[int, int, int]]
) -> bool:
    """Is the trigger one of the words of a cue of the question ("can't afford to pay
    someone")? A trigger in a cue's gap is not ("my insurer usually refuses")."""
    for first, last, key in cues_of_question:
        if first <= scope.first and scope.last <= last:
            parts, language = reader.matcher.cues[key]
            if all(
                any(not p.gap and accepts(p, language, words[i], {}) for p in parts)
                for i in range(scope.first, scope.last + 1)
            ):
                return True
    return False


def _why(
    reader: Reader,
    live_scopes: list[Scope],
    sense_finds: list[tuple[Found, int]],
    owner: list[int | None],
    principal: int | None,
    first: int,
    last: int,
    question: str,
    option: str,
) -> str:
    """Why a cue found is set aside, the strongest reason first; "" when it counts."""
    for kind in KINDS:
        for scope in live_scopes:
            inside = scope.covers(first, last)
            if scope.kind == kind and inside and not _kept(reader.keeps[kind], question, option):
                return WHY[kind]
    for f, index in sense_finds:
        refs, why = reader.senses[index]
        overlaps = f.first <= last and first <= f.last
        if overlaps and (f"{question}/{option}" in refs or f"{question}/*" in refs):
            return f"another sense ({why})"
    about = owner[first]
    if (
        principal is not None
        and about is not None
        and about >= 0
        and about != principal
        and not _kept(reader.keeps.get("other", set()), question, option)
    ):
        return WHY["other"]
    return ""


def _decide_all(
    questionnaire: "Questionnaire", hits: list[Hit]
) -> tuple[tuple[Understood, ...], tuple[str, ...]]:
    understood: list[Understood] = []
    mixed: list[str] = []
    by_question: dict[str, dict[str, list[str]]] = {}
    for hit in hits:
        if not hit.why:
            by_question.setdefault(hit.question, {}).setdefault(hit.option, []).append(hit.words)
    for question in questionnaire.questions:
        live = by_question.get(question.id, {})
        chosen = _decide(question, list(live))
        if chosen is None:
            mixed.append(question.id)
            continue
        for option_id in chosen:
            # the option's own words; an option that covers others ("both") and was
            # not named itself is backed by theirs ("at home", "in hospital")
            own = live.get(option_id, [])
            behind = [own] if own or question.kind == "multi" else list(live.values())
            said = list(dict.fromkeys(w for found_words in behind for w in found_words))
            said = said[:QUOTED]
            because = tuple(w for w in said if not any(w != o and w in o for o in said))
            understood.append(Understood(question.id, option_id, because))
    return tuple(understood), tuple(mixed)


def _decide(question: "Question", pointed: list[str]) -> list[str] | None:
    """The options to answer with, in the data's order; None when the cues disagree."""
    order = {o.id: i for i, o in enumerate(question.options)}
    pointed.sort(key=order.__getitem__)
    if question.kind == "multi" or len(pointed) <= 1:
        return pointed
    for option in question.options:
        if option.id in pointed and set(pointed) - {option.id} <= set(option.covers):
            return [option.id]
    return None


def _languages(reader: Reader, words: list[str]) -> tuple[str, tuple[str, ...]]:
    """The language most of the telling words are in, and every one with some."""
    counts = {lid: sum(w in markers for w in words) for lid, markers in reader.markers.items()}
    best = max(counts.values(), default=0)
    if best == 0:
        return "", ()
    found = tuple(lid for lid, n in counts.items() if n >= 2 or n == best)
    return next(lid for lid, n in counts.items() if n == best), found


class Described(NamedTuple):
    """What a description gave: the answers taken from it, and what it left open."""

    used: tuple[Understood, ...]
    still_open: tuple[str, ...]  # questions neither the description nor anything else answered
    mixed: tuple[str, ...]  # of those, the ones its words pointed more than one way
    set_aside: tuple[SetAside, ...] = ()
    language: str = ""
    languages: tuple[str, ...] = ()
    note: str = ""
    read_in: str = ""
    text: str = ""  # the words read, as the person gave them (for the plan to share)


def fill(
    questionnaire: "Questionnaire", answers: Mapping[str, tuple[str, ...]], reading: Reading
) -> tuple[dict[str, tuple[str, ...]], Described]:
    """Answers with the reading's added where nothing was given (flags and answers
    files always win), and what the description gave."""
    used = tuple(u for u in reading.understood if u.question not in answers)
    filled = dict(answers)
    for u in used:
        filled[u.question] = (*filled.get(u.question, ()), u.answer)
    still_open = tuple(  # a question that moves no score (who the help is for) is not missed
        q.id
        for q in questionnaire.questions
        if q.id not in filled and any(o.effects for o in q.options)
    )
    mixed = tuple(q for q in reading.mixed if q in still_open)
    described = Described(
        used,
        still_open,
        mixed,
        reading.set_aside,
        reading.language,
        reading.languages,
        reading.note,
        reading.read_in,
    )
    return filled, described


def reads_descriptions(questionnaire: "Questionnaire") -> bool:
    """Does this questionnaire have cues at all (career.json has none)?"""
    return any(o.cues for q in questionnaire.questions for o in q.options)
