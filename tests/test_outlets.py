"""The outlet registry: its rows, its look-ups, unknown outlets."""
from __future__ import annotations

import pytest

from isnad.gazetteer.outlets import TYPES
from isnad.resources import Resources

REGISTRY = Resources().outlets
find_outlet, match_outlet, unknown_outlet, fold = REGISTRY.find, REGISTRY.match, REGISTRY.unknown, REGISTRY.fold


def test_registry_is_large_and_complete():
    outlets = REGISTRY.outlets
    assert len(outlets) >= 150
    ids = [o.id for o in outlets]
    assert len(ids) == len(set(ids))
    for o in outlets:
        assert o.names_ar and o.names_en, o.id
        assert o.type in TYPES, o.id
        assert o.country and len(o.country) == 3 and o.country.isupper(), o.id
        assert o.source, o.id  # where the facts are documented
        assert o.ownership in {"state", "public", "private", "party", "cooperative"}, o.id


def test_no_arabic_name_names_two_outlets():
    seen: dict[str, str] = {}
    for o in REGISTRY.outlets:
        for n in o.names_ar + o.names_ar_context:
            assert seen.setdefault(n, o.id) == o.id, f"{n} names {seen[n]} and {o.id}"


@pytest.mark.parametrize(
    "name, oid",
    [
        ("إيران انترناشونال", "iran_international"),
        ('صحيفة "إيران انترناشونال"', "iran_international"),
        ("رويترز", "reuters"),
        ("Reuters", "reuters"),
        ("د ب أ", "dpa"),  # the credit line of ANERcorp articles: (د ب أ)
        ("وكالة الصحافة الفرنسية", "afp"),
        ("قناة الجزيرة", "aljazeera"),
        ("وكالة فارس", "fars"),
        ("الميادين", "almayadeen"),
    ],
)
def test_find_outlet(name, oid):
    found = find_outlet(name)
    assert found is not None and found.id == oid


def test_common_words_need_a_media_word():
    # الجزيرة is also "the island/peninsula", العربية "Arabic", فارس a first name
    assert find_outlet("الجزيرة") is None
    assert find_outlet("العربية") is None
    assert find_outlet("فارس") is None
    assert find_outlet("قناة العربية").id == "alarabiya"


def test_match_outlet_in_words_of_a_real_sentence():
    words = fold('ووفق تقرير نشرته صحيفة "إيران انترناشونال" وهي معارضة').replace('"', ' " ').split()
    first, end, outlet = match_outlet(words)
    assert outlet.id == "iran_international"
    assert words[first:end] == ["ايران", "انترناشونال"]


def test_unknown_outlets_are_marked():
    o = unknown_outlet('صحيفة " لانس "')
    assert o.type == "unknown" and o.id == "unknown:لانس"
    assert find_outlet("صحيفة لانس") is None
