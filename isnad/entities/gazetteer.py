"""The ``gazetteer`` stage: mentions of known places, bodies, outlets, people, role words and nationalities.

A phrase is matched over tokens, longest first. The first token may carry clitics (و، ف، ب، ل، ك، ال، لل:
بسويسرا matches سويسرا); later tokens are compared by their clitic-free key, so the article is accepted
where Arabic needs it (الأمم المتحدة، وزارة الخارجية الإيرانية). A mention's span leaves out the
conjunction or preposition glued to its first word but keeps the article. The rules in
:mod:`isnad.entities.rules` then build state institutions (حكومة طهران) and person names.
"""
from __future__ import annotations

from isnad.document import Document, Tokens
from isnad.entities import rules
from isnad.entities.rules import Match
from isnad.resources import Resources

CACHE_LIMIT = 50_000


class GazetteerRecogniser:
    """The ``gazetteer`` stage: mentions of the phrases the gazetteers hold (the longest match first, left to
    right, none overlapping), then the state institutions and person names :mod:`isnad.entities.rules` builds."""

    name = "gazetteer"
    requires: tuple[str, ...] = ("tokens",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, resources: Resources | None = None) -> None:
        self.lex = (resources or Resources()).gazetteer
        self._starts: dict[str, tuple[tuple[str, int], ...]] = {}  # word -> (phrase start, prefix length)

    def __call__(self, doc: Document) -> Document:
        matches = self.match(doc.tokens)
        found = rules.apply(doc, matches, self.lex)
        doc.mentions = sorted([*doc.mentions, *found], key=lambda m: (m.start, -m.end))
        return doc

    def starts(self, word: str) -> tuple[tuple[str, int], ...]:
        """The clitic-stripped forms of a word that begin a phrase, with the length of the stripped prefix."""
        hit = self._starts.get(word)
        if hit is None:
            if len(self._starts) > CACHE_LIMIT:
                self._starts.clear()
            hit = tuple((c, len(word) - len(c)) for c in self.lex.clitics.candidates(word) if c in self.lex.starts)
            self._starts[word] = hit
        return hit

    def match(self, tokens: Tokens) -> list[Match]:
        """Longest, leftmost matches that do not overlap."""
        out: list[Match] = []
        phrases, maxlen = self.lex.phrases, self.lex.starts
        norms, keys, sentence = tokens.norm, tokens.key, tokens.sentence
        # the words that may begin a phrase, looked up once per distinct word: most begin none
        begins = {w: forms for w in set(norms) if (forms := self.starts(w))}
        n = len(tokens)
        free = 0  # the first token after the last match
        for i in [i for i, w in enumerate(norms) if w in begins]:
            if i < free:
                continue
            forms = begins[norms[i]]
            best: Match | None = None
            for form, prefix in forms:
                longest = min(maxlen[form], n - i)
                words = [form]
                for k in range(i + 1, i + longest):
                    if sentence[k] != sentence[i]:
                        break
                    words.append(keys[k])
                for size in range(len(words), 0, -1):
                    if best is not None and size <= best.j - best.i:
                        break
                    refs = phrases.get(tuple(words[:size]))
                    if refs:
                        best = Match(i, i + size, prefix, refs)
                        break
            if best is not None:
                out.append(best)
                free = best.j
        return out
