"""Clitic stripping for look-ups. Spans never change: these functions only produce candidate keys.

Arabic attaches conjunctions (و، ف), prepositions (ب، ل، ك), the article (ال) and pronoun suffixes to
words. Stripping is ambiguous (بلجيكا is not ب + لجيكا), so :func:`candidates` gives every plausible base,
longest first, and the caller keeps the first one its lexicon knows. The functions are pure; a
:class:`Clitics` (one per :class:`~isnad.resources.Resources`) remembers their answers for the words seen.
"""
from __future__ import annotations

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ي", "ك")  # longest first
SUFFIX_SET = frozenset(SUFFIXES)
SUFFIX_SIZES = sorted({len(s) for s in SUFFIXES}, reverse=True)
SUFFIX_ENDS = frozenset(s[-1] for s in SUFFIXES)
# the article with the clitics that may stand before it (والسلطات، للأمم, and ل + ال written لل)
ARTICLE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال", "فبال")
GLUED_ARTICLE = ARTICLE[1:]
PREFIX_STARTS = frozenset([*CONJ, *PREP, "ا"])  # the first letters of a word that may carry a prefix (ا: ال)
MIN_BASE = 2


def candidates(word: str, suffixes: bool = False) -> tuple[str, ...]:
    """Possible bases of a normalised word, the word itself first, then ever shorter ones; with
    ``suffixes``, also the bases without a pronoun suffix (ولجوئه → لجوئ)."""
    return suffixed(word) if suffixes else prefixed(word)


def prefixed(word: str) -> tuple[str, ...]:
    """The word, then without a conjunction, a preposition and the article (each when enough remains)."""
    if word[:1] not in PREFIX_STARTS:
        return (word,)
    stems = [word]
    if word[:1] in CONJ and len(word) - 1 >= MIN_BASE:
        stems.append(word[1:])
    for w in stems[:]:
        if w[:1] in PREP and len(w) - 1 >= MIN_BASE:
            stems.append(w[1:])
        if w.startswith("لل") and len(w) - 2 >= MIN_BASE:
            stems.append(w[2:])  # لل = ل + ال
    for w in stems[:]:
        if w.startswith("ال") and len(w) - 2 >= MIN_BASE:
            stems.append(w[2:])
    return tuple(dict.fromkeys(stems))


def suffixed(word: str) -> tuple[str, ...]:
    """The bases of :func:`prefixed`, then each of them without a pronoun suffix."""
    return unsuffixed(prefixed(word))


def unsuffixed(bases: tuple[str, ...]) -> tuple[str, ...]:
    """``bases`` (a word's :func:`prefixed` forms), then each of them without a pronoun suffix."""
    stems = list(bases)
    for w in stems[:]:
        # the article and a pronoun suffix never meet: الاجتماعي is "the social", not "my meeting"
        if w[-1:] not in SUFFIX_ENDS or w.startswith("ال") or "ال" + w in stems:
            continue
        # at most one suffix of each length fits a word: look its ending up instead of trying them all
        for size in SUFFIX_SIZES:
            if len(w) - size >= 3 and w[-size:] in SUFFIX_SET:
                base = w[:-size]
                stems.append(base)
                if base.endswith("ت"):  # ta marbuta before a suffix: حكومته → حكومة
                    stems.append(base[:-1] + "ة")
    return tuple(dict.fromkeys(stems))


# Prefix shapes that end in the article, longest first: conjunction + preposition + ال, conjunction + لل,
# conjunction + ال, preposition + ال, لل, ال.
ARTICLE_PREFIXES = tuple(
    [c + p + "ال" for c in CONJ for p in PREP] + [c + "لل" for c in CONJ] + [c + "ال" for c in CONJ]
    + [p + "ال" for p in PREP] + ["لل", "ال"]
)
# the same, by first letter: only those that begin with a word's first letter can match it
ARTICLE_PREFIXES_BY_LETTER = {
    letter: tuple(p for p in ARTICLE_PREFIXES if p[0] == letter) for letter in {p[0] for p in ARTICLE_PREFIXES}
}


def key(word: str) -> str:
    """The reliable look-up key: a prefix that ends in the article removed (والدبلوماسي → دبلوماسي,
    للأمم → امم), when at least two letters remain. Bare ب/ل/ك/و/ف are left for :func:`candidates`
    (وكالة is not و + ك + ال + ة)."""
    for prefix in ARTICLE_PREFIXES_BY_LETTER.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_BASE:
            return word[len(prefix) :]
    return word


class Clitics:
    """:func:`candidates` and :func:`key` remembered per distinct word (a text repeats its words; a stream's
    caches are bounded)."""

    LIMIT = 50_000  # words per cache: a long article or stream holds some 400 bytes a word in them

    def __init__(self) -> None:
        self._prefixed: dict[str, tuple[str, ...]] = {}
        self._suffixed: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, str] = {}

    def candidates(self, word: str, suffixes: bool = False) -> tuple[str, ...]:
        """Like :func:`candidates`, remembered."""
        cache, build = (self._suffixed, suffixed) if suffixes else (self._prefixed, prefixed)
        got = cache.get(word)
        if got is None:
            if len(cache) > self.LIMIT:
                cache.clear()
            got = cache[word] = build(word)
        return got

    def key(self, word: str) -> str:
        """Like :func:`key`, remembered."""
        got = self._keys.get(word)
        if got is None:
            if len(self._keys) > self.LIMIT:
                self._keys.clear()
            got = self._keys[word] = key(word)
        return got
