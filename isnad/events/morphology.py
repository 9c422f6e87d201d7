"""A small generator of unvocalised Arabic verb forms, so pattern files name a root and a form, not every word.

``stems(root, form)`` gives the stems of a verb of forms I–X (sound, doubled, hollow, defective and
assimilated roots); ``verb_forms`` inflects them for person, gender, number, the future prefix سـ and
the shapes a verb takes before an object pronoun; ``noun_forms`` gives a verbal noun or participle with
its plurals and accusative. Everything is in normalised spelling (أ إ آ → ا, no diacritics), which is how
tokens are looked up. Passive verbs are spelt like active ones once diacritics are gone, so they match.
"""
from __future__ import annotations

from dataclasses import dataclass, field

WEAK = ("و", "ي")


@dataclass(frozen=True, slots=True)
class Stems:
    """The stems a verb's forms are built from, in normalised spelling, and its regular verbal nouns and
    participles."""

    past: str  # 3rd person masculine singular: انشق
    past_c: str  # before a consonant suffix (ت، نا، ن): انشقق
    present: str  # without the person prefix: نشق (ينشق)
    jussive: str = ""  # short present after لم (hollow and defective verbs): قل (لم يقل)
    defective: str = ""  # "ى"/"ا" when the past ends in a weak letter that drops before و/ت
    nouns: tuple[str, ...] = field(default_factory=tuple)  # regular verbal nouns of derived forms
    participles: tuple[str, ...] = field(default_factory=tuple)


def kind(root: str) -> str:
    """The class of a three-letter root, which decides its stems: doubled (شقق), hollow (قول),
    defective (نفي), assimilated (وصل) or sound."""
    f, c, l = root
    if c == l:
        return "doubled"
    if c in WEAK and l not in WEAK:
        return "hollow"
    if l in WEAK:
        return "defective"
    if f == "و":
        return "assimilated"
    return "sound"


def _eighth(f: str) -> str:
    """The infix ت of form VIII assimilates to the first radical (اضطرب، ازدحم، اتصل)."""
    if f in "صضطظ":
        return f + "ط"
    if f in "دذز":
        return f + "د"
    if f in "وت":
        return "ت"  # و and ت merge with the infix: اتصل
    return f + "ت"


def stems(root: str, form: str) -> Stems:
    """Stems of ``root`` (three letters, normalised; a hamza radical written ء) in ``form`` (I … X)."""
    if len(root) != 3:
        raise ValueError(f"root must have three letters: {root!r}")
    f, c, l = root
    k = kind(root)
    if form == "I":
        return _form_one(f, c, l, k)
    # prefix of past, prefix of present, and the noun/participle shapes for a sound root
    if k == "doubled" and form in ("IV", "VII", "VIII", "X"):
        pre = {"IV": "ا", "VII": "ان", "X": "است"}.get(form, "")
        body = _eighth(f) + c if form == "VIII" else f + c
        past_pre = pre if form != "VIII" else "ا"
        pres_pre = pre[1:] if form != "VIII" else ""
        noun = {"IV": "ا" + f + c + "ا" + c, "VII": "ان" + f + c + "ا" + c, "VIII": "ا" + _eighth(f) + c + "ا" + c,
                "X": "است" + f + c + "ا" + c}[form]
        part_pre = {"IV": "م", "VII": "من", "VIII": "م", "X": "مست"}[form]
        return Stems(past_pre + body, past_pre + body + c, pres_pre + body, nouns=(noun,), participles=(part_pre + body,))
    if k == "hollow" and form in ("IV", "VII", "VIII", "X"):
        head = {"IV": "ا" + f, "VII": "ان" + f, "VIII": "ا" + _eighth(f), "X": "است" + f}[form]
        pres_head = head[1:]
        long_pres = "ي" if form in ("IV", "X") else "ا"
        noun = {"IV": head + "ا" + l + "ة", "VII": head + "يا" + l, "VIII": head + "يا" + l, "X": head + "ا" + l + "ة"}[form]
        return Stems(
            head + "ا" + l, head + l, pres_head + long_pres + l, jussive=pres_head + l,
            nouns=(noun,), participles=("م" + pres_head + long_pres + l,),
        )
    if k == "defective":
        return _defective(f, c, l, form)
    first = f
    if k == "assimilated" and form == "IV":
        first = "و"
    table = {
        "II": (f + c + l, f + c + l, "ت" + f + c + "ي" + l, "م" + f + c + l),
        "III": (f + "ا" + c + l, f + "ا" + c + l, "م" + f + "ا" + c + l + "ة", "م" + f + "ا" + c + l),
        "IV": ("ا" + first + c + l, first + c + l, "ا" + ("ي" if k == "assimilated" else f) + c + "ا" + l, "م" + first + c + l),
        "V": ("ت" + f + c + l, "ت" + f + c + l, "ت" + f + c + l, "مت" + f + c + l),
        "VI": ("ت" + f + "ا" + c + l, "ت" + f + "ا" + c + l, "ت" + f + "ا" + c + l, "مت" + f + "ا" + c + l),
        "VII": ("ان" + f + c + l, "ن" + f + c + l, "ان" + f + c + "ا" + l, "من" + f + c + l),
        "VIII": ("ا" + _eighth(f) + c + l, _eighth(f) + c + l, "ا" + _eighth(f) + c + "ا" + l, "م" + _eighth(f) + c + l),
        "X": ("است" + f + c + l, "ست" + f + c + l, "است" + f + c + "ا" + l, "مست" + f + c + l),
    }
    if form not in table:
        raise ValueError(f"unknown verb form {form!r}")
    past, present, noun, part = table[form]
    return Stems(past, past, present, nouns=(noun,), participles=(part,))


def _form_one(f: str, c: str, l: str, k: str) -> Stems:
    if k == "doubled":
        return Stems(f + c, f + c + c, f + c, participles=(f + "ا" + c,))
    if k == "hollow":
        return Stems(f + "ا" + l, f + l, f + c + l, jussive=f + l, participles=(f + "ائ" + l,))
    if k == "defective":
        end = "ى" if l == "ي" else "ا"
        return Stems(f + c + end, f + c + l, f + c + l, jussive=f + c, defective=end, participles=(f + "ا" + c,))
    if k == "assimilated":
        return Stems(f + c + l, f + c + l, c + l, participles=(f + "ا" + c + l,))
    return Stems(f + c + l, f + c + l, f + c + l, participles=(f + "ا" + c + l,))


def _defective(f: str, c: str, l: str, form: str) -> Stems:
    heads = {
        "II": (f + c, f + c), "III": (f + "ا" + c, f + "ا" + c), "IV": ("ا" + f + c, f + c),
        "V": ("ت" + f + c, "ت" + f + c), "VI": ("ت" + f + "ا" + c, "ت" + f + "ا" + c),
        "VII": ("ان" + f + c, "ن" + f + c), "VIII": ("ا" + _eighth(f) + c, _eighth(f) + c),
        "X": ("است" + f + c, "ست" + f + c),
    }
    past_head, pres_head = heads[form]
    pres_end = "ى" if form in ("V", "VI") else "ي"
    return Stems(
        past_head + "ى", past_head + "ي", pres_head + pres_end, jussive=pres_head, defective="ى",
        participles=("م" + pres_head,),
    )


def from_past(past: str) -> Stems:
    """Stems of a verb known only by its past form (as dictionaries list them): the present is read off the
    shape of the past (استفعل → يستفعل، انفعل → ينفعل، افتعل/أفعل → يفتعل/يفعل، تفعّل → يتفعّل، فعل → يفعل)."""
    if past.endswith(("ى", "ا")) and len(past) >= 3:
        head = past[:-1]
        present = head[1:] + "ي" if head.startswith("ا") else head + "ي"
        return Stems(past, head + "ي", present, jussive=present[:-1], defective="ى")
    if past.startswith("است") and len(past) == 6:
        present = past[1:]
    elif past.startswith("ا") and len(past) in (4, 5):
        present = past[1:]
    else:
        present = past
    return Stems(past, past, present)


PAST_V = ("", "ت", "ا", "وا", "تا", "و")  # suffixes after the full past stem; و before an object pronoun
PAST_C = ("ت", "نا", "تم", "تما", "تن", "ن")  # after the consonant stem
# third and second person only: first-person forms (نشيد، ارفض) are mostly other words (نشيد "anthem")
PRESENT_PREFIX = ("ي", "ت")
PRESENT_SUFFIX = ("", "ون", "ان", "ين", "وا", "ن", "ا", "و")


def verb_forms(s: Stems) -> set[str]:
    """Every person/number of the past and present, the future with سـ, and forms before object pronouns."""
    out: set[str] = set()
    if s.defective:
        head = s.past[:-1]
        out.update({s.past, head + "ت", head + "وا", head + "و", head + "تا", s.past_c + "ا"})
    else:
        out.update(s.past + suf for suf in PAST_V)
    out.update(s.past_c + suf for suf in PAST_C)
    presents: set[str] = set()
    for pre in PRESENT_PREFIX:
        if s.defective:
            base = s.present[:-1]
            presents.update({pre + s.present, pre + base + "ون", pre + base + "وا", pre + base + "ين", pre + s.present + "ان"})
        else:
            presents.update(pre + s.present + suf for suf in PRESENT_SUFFIX)
        if s.jussive:
            presents.add(pre + s.jussive)
    out.update(presents)
    out.update("س" + p for p in presents if not p.startswith("ا"))
    return out


def noun_forms(noun: str) -> set[str]:
    """A verbal noun or participle with its sound plurals, duals and the accusative alif (احتجاجاً)."""
    out = {noun}
    if noun.endswith("ة"):
        stem = noun[:-1]
        out.update({stem + "ات", stem + "تان", stem + "تين"})
    else:
        out.update({noun + "ات", noun + "ا", noun + "ان", noun + "ين", noun + "ون", noun + "ي" + "ن"})
    return out
