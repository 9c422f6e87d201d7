"""The attribution lexicon: every inflected form of the reporting verbs, and the word lists of sources and hedges.

``isnad/data/attribution/cues.json`` describes each verb compactly (perfect 3rd person masculine
singular, imperfect stem, irregular extras); :func:`inflect` generates its persons, genders, numbers and
tenses, with و/ف/س prefixes. Everything is folded like the text, so a token's ``norm`` looks it up.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from isnad.gazetteer.outlets import Registry

if TYPE_CHECKING:
    from isnad.resources import Resources

PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "ن")
PREFIXES = ("", "و", "ف")
FUTURE = ("س",)  # و/ف are added to every form afterwards


def inflect(past: str, present: str) -> set[str]:
    """Perfect and imperfect forms of a verb in every person, gender and number (folded)."""
    forms: set[str] = set()
    if past.endswith("ى"):  # defective: نفى → نفت، نفوا، نفيا
        base = past[:-1]
        forms |= {past, base + "ت", base + "وا", base + "يا", base + "تا", base + "ين", base + "يت", base + "ينا"}
    else:
        forms |= {past + s for s in PAST_SUFFIXES}
    if present.endswith(("ي", "ى")):  # ينفي، ينفون، يرى، يرون
        base = present[:-1]
        stems = {present, base + "ون", base + "يان", base + "ين"}
    else:
        stems = {present + s for s in PRESENT_SUFFIXES}
    for stem in stems:
        for p in PRESENT_PREFIXES:
            forms.add(p + stem)
            forms.update(f + p + stem for f in FUTURE)
    return forms


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The attribution word lists, folded like the text: reporting-verb forms, cue phrases, source heads,
    hedges and the words that open or end a clause."""

    fold: Callable[[str], str]  # the text's folding, for source phrases
    outlets: Registry
    verbs: dict[str, str]  # folded form (with prefixes) -> role: say, continue, deny, allege, cite
    object_verbs: frozenset[str]  # forms of verbs that report with a noun object too (أعلنت الشرطة مصرع ...)
    verb_preps: dict[str, frozenset[str]]  # form -> the prepositions it reports a noun through (أشار إلى عودة ...)
    article_voice: frozenset[str]
    impersonal: frozenset[str]
    complements: frozenset[str]
    complement_lead: frozenset[str]
    prepositional: dict[tuple[str, ...], tuple[bool, str | None]]  # words -> (source after, attached particle)
    prep_first: frozenset[str]  # first word (and its و/ف forms) of every prepositional cue
    source_stops: frozenset[str]
    description_starts: frozenset[str]
    anonymous_heads: frozenset[str]
    vague_qualifiers: frozenset[str]
    report_heads: frozenset[str]
    report_publish_verbs: frozenset[str]
    back_reference: frozenset[str]
    same_words: frozenset[str]
    institution_heads: frozenset[str]
    role_heads: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[tuple[str, ...], ...]
    hedge_first: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the hedge phrases it starts, longest first
    qad: frozenset[str]
    imperfect_prefixes: tuple[str, ...]
    np_prepositions: frozenset[str]  # في، لدى inside a source's name (مسؤول في الوزارة)
    speech_events: frozenset[str]  # في بيان، في مؤتمر صحفي: where it was said, not who said it
    role_of: frozenset[str]  # النائب عن حركة ...: a role that takes عن
    not_sources: frozenset[str]  # وفق القانون، حسب الحاجة: "according to" a rule, not a speaker
    clause_openers: frozenset[str]  # وكان، لكن: a new clause begins
    coordinators: frozenset[str]  # ... بل رأى أن: the verb shares the earlier subject
    pronoun_openers: frozenset[str]  # انه، لكنها: a pronoun that opens the reported clause
    relatives: frozenset[str]  # الذي، التي
    negations: frozenset[str]  # لا، لن، لم
    pre_markers: frozenset[str]  # كما، حسبما before a reporting verb
    not_a_statement: frozenset[str]  # a verb after these is subjunctive or negated (يود أن يؤكد، لم يكشف)
    relative_objects: frozenset[str]  # بيان قال فيه إن: the verb of a relative clause

    @property
    def cue_keys(self) -> frozenset[str]:
        """Every token form that can start a cue: the pre-filter on tokens."""
        return frozenset(self.verbs) | self.impersonal | self.article_voice | self.prep_first


def load_lexicon(resources: Resources) -> Lexicon:
    """The cues of ``attribution/cues.json``, every form folded like the text, and the outlet registry."""
    fold = resources.normaliser.fold
    data = resources.json("attribution/cues.json")

    def _folded(words: list[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in words if not w.startswith("_"))

    verbs: dict[str, str] = {}
    object_verbs: set[str] = set()
    verb_preps: dict[str, frozenset[str]] = {}
    for v in data["verbs"]:
        forms = inflect(fold(v["past"]), fold(v["present"])) | {fold(x) for x in v.get("extra", [])}
        preps = frozenset(map(fold, v.get("preps", ())))
        for f in forms:
            for p in PREFIXES:
                verbs.setdefault(p + f, v["role"])
                if v.get("object"):
                    object_verbs.add(p + f)
                if preps:
                    verb_preps[p + f] = verb_preps.get(p + f, frozenset()) | preps
    prepositional: dict[tuple[str, ...], tuple[bool, str | None]] = {}
    prep_first: set[str] = set()
    for p in data["prepositional"]:
        words = tuple(fold(p["cue"]).split())
        prepositional[words] = (p["source_after"], p.get("then"))
        prep_first.update({words[0], "و" + words[0], "ف" + words[0]})
    imp = data["impersonal"]
    phrases = tuple(sorted((tuple(fold(p).split()) for p in data["hedge_phrases"]), key=len, reverse=True))
    return Lexicon(
        fold=fold,
        outlets=resources.outlets,
        verbs=verbs,
        object_verbs=frozenset(object_verbs),
        verb_preps=verb_preps,
        article_voice=_folded(imp["article"]),
        impersonal=_folded(imp["anonymous"]),
        complements=_folded(data["complements"]),
        complement_lead=_folded(data["complement_lead"]),
        prepositional=prepositional,
        prep_first=frozenset(prep_first),
        source_stops=_folded(data["source_stops"]),
        description_starts=_folded(data["description_starts"]),
        anonymous_heads=_folded(data["anonymous_heads"]),
        vague_qualifiers=_folded(data["vague_qualifiers"]),
        report_heads=_folded(data["report_heads"]),
        report_publish_verbs=_folded(data["report_publish_verbs"]),
        back_reference=_folded(data["back_reference"]),
        same_words=_folded(data["same_words"]),
        institution_heads=_folded(data["institution_heads"]),
        role_heads=_folded(data["role_heads"]),
        hedge_words=_folded(data["hedge_words"]),
        hedge_phrases=phrases,
        hedge_first={w: tuple(p for p in phrases if p[0] == w) for w in {p[0] for p in phrases}},
        qad=_folded(data["qad"]),
        imperfect_prefixes=tuple(data["imperfect_prefixes"]),
        np_prepositions=_folded(data["np_prepositions"]),
        speech_events=_folded(data["speech_events"]),
        role_of=_folded(data["role_of"]),
        not_sources=_folded(data["not_sources"]),
        clause_openers=_folded(data["clause_openers"]),
        coordinators=_folded(data["coordinators"]),
        pronoun_openers=_folded(data["pronoun_openers"]),
        relatives=_folded(data["relatives"]),
        negations=_folded(data["negations"]),
        pre_markers=_folded(data["pre_markers"]),
        not_a_statement=_folded(data["not_a_statement"]),
        relative_objects=_folded(data["relative_objects"]),
    )
