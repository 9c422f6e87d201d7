"""Rules over gazetteer matches: state institutions, outlets named after a media word, and person names.

A :class:`Match` is a run of tokens the gazetteer found; :func:`apply` turns matches into mentions.

- An institution head before a country, capital or nationality adjective names that state's institution:
  حكومة طهران، الحكومة الإيرانية، النظام الإيراني، وزارة الخارجية الإيرانية (heads in ``gov_heads.tsv``).
- An outlet name that is also an ordinary word (الجزيرة) counts only after a media word (قناة، صحيفة).
- Person names: a run of name-like words that starts with a known first name (علي رضا جيراني), or any
  name-like word after a title (الرئيس X). A name-like word is not an ordinary word (ANERcorp counts), not a
  function word and not part of another mention. على is the preposition, never the name علي.
"""
from __future__ import annotations

from isnad.document import Actor, Document, Mention, Token
from isnad.gazetteer.lexicon import ARTICLE_TABLES, Lexicon, Ref
from isnad.text.clitics import CONJ, GLUED_ARTICLE
from isnad.text.offsets import after_letters

MAX_NAME_WORDS = 4
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "كم")


class Match:
    """Tokens ``[i, j)`` name ``refs`` (best first); ``prefix`` normalised letters of token i are clitics."""

    __slots__ = ("i", "j", "prefix", "refs")

    def __init__(self, i: int, j: int, prefix: int, refs: list[Ref]) -> None:
        self.i, self.j, self.prefix, self.refs = i, j, prefix, refs

    @property
    def label(self) -> str:
        """The label of the best entry matched (GPE, ORG, PER…)."""
        return self.refs[0].label


def start_after_prefix(doc: Document, token: Token, prefix: int) -> int:
    """Original offset of a token after ``prefix`` normalised letters (clitics), keeping the article."""
    norm = token.norm
    if prefix and norm[:prefix].endswith("ال") and not norm[:prefix].endswith("لل"):
        prefix -= 2  # keep the article in the span: بالأمم → الأمم
    return after_letters(doc, token, prefix)


def mention_of(doc: Document, match: Match) -> Mention:
    """The mention of a gazetteer match: its span (without clitics, with the article), token range and entries."""
    tokens = doc.tokens
    start = start_after_prefix(doc, tokens[match.i], match.prefix)
    end = tokens[match.j - 1].end
    return Mention(start, end, doc.text[start:end], match.label, source="gazetteer", tokens=(match.i, match.j),
                   refs=match.refs)


def apply(doc: Document, matches: list[Match], lex: Lexicon) -> list[Mention]:
    """The mentions of a document from its gazetteer matches, the institution rule and person names."""
    tokens = doc.tokens
    matches = [m for m in (_outlet_context(m, tokens, lex) for m in matches) if m is not None]
    matches = [m for m in matches if _article_agrees(m, tokens, lex)]
    for m in matches:
        _adjective_or_country(m, tokens)
    mentions: list[Mention] = []
    covered: list[str | None] = [None] * len(tokens)
    for idx, m in enumerate(matches):
        state = _institution(doc, m, matches[idx - 1] if idx else None, lex)
        if state is not None:
            mention, first = state
            if mentions and idx and mentions[-1].start >= doc.tokens[first].start:
                mentions.pop()  # the head was matched on its own (حكومة as a role word)
            mentions.append(mention)
            for k in range(first, m.j):
                covered[k] = "ORG"
            continue
        mentions.append(mention_of(doc, m))
        for k in range(m.i, m.j):
            covered[k] = m.label
    mentions.extend(person_names(doc, covered, lex))
    return mentions


def _outlet_context(m: Match, tokens: list[Token], lex: Lexicon) -> Match | None:
    """A context-only outlet name (الجزيرة، الشرق الأوسط) names the outlet only after a media word."""
    if not any(r.table == "outlet_ctx" for r in m.refs):
        return m
    k = m.i - 1
    while k >= 0 and tokens[k].norm == '"':
        k -= 1
    if k >= 0 and tokens[k].sentence == tokens[m.i].sentence and any(
        c in lex.media_words for c in lex.clitics.candidates(tokens[k].norm)  # لصحيفة
    ):
        m.refs = sorted(m.refs, key=lambda r: r.table != "outlet_ctx")  # صحيفة الشرق الأوسط: the paper
        return m
    rest = [r for r in m.refs if r.table != "outlet_ctx"]
    if not rest:
        return None
    m.refs = rest
    return m


def _article_agrees(m: Match, tokens: list[Token], lex: Lexicon) -> bool:
    """Names of places and bodies are written with the article or without it, not both: المشهد ("the
    scene") is not مشهد, قاعدة عسكرية ("a base") is not القاعدة. Drops the readings that disagree and keeps
    the match if another reading remains."""
    if m.refs[0].table not in ARTICLE_TABLES:
        return True
    has_article = tokens[m.i].norm[: m.prefix].endswith(("ال", "لل"))
    words = (tokens[m.i].norm[m.prefix :], *(t.key for t in tokens[m.i + 1 : m.j]))
    kept = [r for r in m.refs if has_article in lex.article.get((words, r.table), (has_article,))]
    if len(kept) != len(m.refs):
        m.refs = kept
    return bool(kept)


def _adjective_or_country(m: Match, tokens: list[Token]) -> None:
    """سورية is Syria after في but the adjective Syrian after a feminine noun or adjective (شخصية أمنية سورية)."""
    if m.refs[0].table != "place" or m.i == 0 or not any(r.table == "norp" for r in m.refs[1:]):
        return
    before = tokens[m.i - 1]
    feminine = tokens[m.j - 1].norm.endswith("ة")  # سورية can agree with a noun; روسيا cannot
    if feminine and before.sentence == tokens[m.i].sentence and before.norm.endswith(("ة", "ات")):
        m.refs = sorted(m.refs, key=lambda r: r.table != "norp")


def _institution(doc: Document, m: Match, before: Match | None, lex: Lexicon) -> tuple[Mention, int] | None:
    """``(mention, first token)`` when an institution head precedes a country reference."""
    tokens = doc.tokens
    if m.i == 0 or tokens[m.i - 1].key not in lex.head_ends or m.refs[0].table not in ("place", "norp"):
        return None
    country = lex.country_of(m.refs[0])
    if country is None or tokens[m.i].norm[: m.prefix] not in ("", "ال"):
        return None  # a glued preposition (لإيران) makes it a complement, not part of the name
    for size in (2, 1):
        first = m.i - size
        if first < 0 or tokens[first].sentence != tokens[m.i].sentence:
            continue
        words = tuple(t.key for t in tokens[first : m.i])
        head = lex.heads.get(words)
        if head is None:
            continue
        if before is not None and before.j > first and before.i < first:
            continue  # the head is the tail of a longer phrase
        norm = tokens[first].norm
        start = start_after_prefix(doc, tokens[first], len(norm) - len(tokens[first].key))  # والحكومة → الحكومة
        end = tokens[m.j - 1].end
        en = head.template.format(country=lex.country_en.get(country, country))
        actor = Actor(ar=doc.text[start:end], en=en, country=country, sectors=list(head.sectors),
                      code=country + head.suffix, evidence=f"rule:institution ({' '.join(words)})")
        return Mention(start, end, doc.text[start:end], "ORG", source="rule", actor=actor, tokens=(first, m.j)), first
    return None


def _name_like(t: Token, lex: Lexicon) -> bool:
    w = t.norm
    if w in lex.first_names:
        return w not in lex.not_names
    return (
        len(w) >= 2
        and w.isalpha()
        and not w.isascii()
        and w not in lex.not_names
        and w not in lex.common_words
        and not w.startswith(GLUED_ARTICLE)
        and not (w[0] in CONJ and len(w) > 3)  # واتخذوا، ومحمد: the next clause or a second name
        and not (w[0] in "بلك" and w[1:] in lex.common_words)  # بوسط
        and not (w.startswith("ال") and w.endswith(("ة", "ات", "ون")))  # التسوية، الحضارات: nouns, not surnames
        and not _possessed(w, lex)
    )


def _possessed(w: str, lex: Lexicon) -> bool:
    """An ordinary word or role word with a pronoun suffix (نائبه، حكومتها) is not part of a name."""
    if w.endswith(("ته", "تها", "تهم")):
        return True  # a feminine noun with a pronoun (تحفته), never a name
    for suffix in PRONOUN_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if base in lex.common_words or (base,) in lex.phrases or base[:-1] + "ة" in lex.common_words:
                return True
    return False


def _first_name(t: Token, lex: Lexicon) -> int | None:
    """Letters of a conjunction before a known first name (وعلي → 1), or None if it is not one."""
    w = t.norm
    if w in lex.first_names and w not in lex.not_names:
        return 0
    if w[:1] in CONJ and w[1:] in lex.first_names and w[1:] not in lex.not_names:
        return 1
    return None


def person_names(doc: Document, covered: list[str | None], lex: Lexicon) -> list[Mention]:
    """People named by a known first name or after a title (الشيخ، الدكتور), up to four words, outside the
    tokens ``covered`` by other mentions."""
    tokens = doc.tokens
    first_names, name_starts, titles = lex.first_names, lex.name_starts, lex.titles
    # only a known first name (perhaps after و/ف, not after a preposition: بعلي) or a word after a title can
    # start a name
    norms, keys = tokens.norm, tokens.key
    starts = [i for i, w in enumerate(norms) if w in name_starts or (i and keys[i - 1] in titles)]
    out: list[Mention] = []
    n = len(tokens)
    done = -1  # tokens before this index are already in a name
    for i in starts:
        if i < done or covered[i] is not None:
            continue
        t = tokens[i]
        w = t.norm
        prefix = _first_name(t, lex)
        titled = i > 0 and tokens[i - 1].key in titles and tokens[i - 1].sentence == t.sentence
        # after a title, a word with the article or a conjunction is an adjective or the next clause
        if prefix is None and not (titled and not w.startswith(("ال", "و", "ف")) and _name_like(t, lex)):
            continue
        j = i + 1
        while (
            j < n and j - i < MAX_NAME_WORDS and covered[j] is None
            and tokens[j].sentence == t.sentence and _name_like(tokens[j], lex)
        ):
            j += 1
        while j - i > 1 and tokens[j - 1].norm in lex.name_links:
            j -= 1  # a name does not end in بن or عبد
        if j - i >= 2 and w[prefix or 0 :] in lex.weak_first_names and not titled:
            after = tokens[i + 1].norm
            if after not in first_names and after.startswith("ال"):
                continue  # علي التتابع: the preposition, not a man called Ali
        if j - i >= 2 or titled:
            start = start_after_prefix(doc, t, prefix or 0)
            end = tokens[j - 1].end
            out.append(Mention(start, end, doc.text[start:end], "PER", source="rule", tokens=(i, j)))
            for k in range(i, j):
                covered[k] = "PER"
            done = j
    return out
