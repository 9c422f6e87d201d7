"""CAMEO and PLOVER tables: built from the public tables, looked up by code."""
from __future__ import annotations

import csv

import pytest

from isnad.document import Cameo, Plover
from isnad.resources import Resources

ONTOLOGY = Resources().ontology
cameo, known, plover = ONTOLOGY.cameo, ONTOLOGY.known, ONTOLOGY.plover


def test_every_cameo_code_of_the_public_table_is_bundled(shared_data):
    with open(shared_data / "ontology" / "cameo_codes.csv", encoding="utf-8") as f:
        codes = {r["code"] for r in csv.DictReader(f)}
    assert codes == set(ONTOLOGY.codes)


def test_labels_goldstein_and_quad_classes_follow_the_sources():
    # values read off cameo_codes.csv / cameo_goldstein.txt
    assert cameo("120") == Cameo("120", "Reject", -4.0, 3)
    assert cameo("0233").label == "Appeal for humanitarian aid"
    assert cameo("141").goldstein == -6.5
    assert cameo("190").goldstein == -10.0
    assert [cameo(c).quad_class for c in ("040", "073", "111", "195")] == [1, 2, 3, 4]


def test_plover_types_modes_and_contexts():
    assert plover("120").type == "REJECT"
    assert plover("141") == Plover("PROTEST", "demo", [])
    assert plover("175").type == "ASSAULT" and "pro_autocracy" in plover("175").contexts
    assert plover("0841").mode == "release"
    # a code without its own line takes its parent's; 02 (appeal) is folded into REQUEST
    assert plover("0233", ("asylum",)) == Plover("REQUEST", None, ["asylum"])
    # statements have no PLOVER type
    assert plover("014").type is None


def test_unknown_codes():
    assert not known("999")
    with pytest.raises(KeyError):
        cameo("999")


def _script(name: str):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_ontology_is_what_the_script_builds(shared_data):
    from importlib import resources

    build = _script("build_ontology")
    bundled = resources.files("isnad.data").joinpath("ontology/cameo.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in bundled.splitlines() if ln and not ln.startswith("#")][1:]
    assert rows == build.build_cameo(shared_data / "ontology")
    bundled = resources.files("isnad.data").joinpath("ontology/cameo_plover.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in bundled.splitlines() if ln and not ln.startswith("#")][1:]
    assert rows == build.build_plover(shared_data / "ontology")


def test_bundled_dictionary_patterns_are_what_the_script_builds(shared_data):
    from importlib import resources

    build = _script("build_event_patterns")
    rows, groups = build.build(shared_data)
    bundled = resources.files("isnad.data").joinpath("events/verbs.tsv").read_text(encoding="utf-8")
    lines = [ln.split("\t") for ln in bundled.splitlines() if ln and not ln.startswith("#")][1:]
    assert lines == rows
    # the dictionary's defects are cleaned: no empty codes, only CAMEO codes, no bare verb codes
    known = ONTOLOGY.known

    assert all(known(r[1]) for r in rows)
    assert all(r[2].startswith("n:") and r[3].startswith("<@") for r in rows)
    # every verb group a pattern refers to is bundled, and the bundled groups are what the script builds
    assert {r[3].split()[0][2:] for r in rows} <= set(groups)
    bundled = resources.files("isnad.data").joinpath("events/verb_groups.tsv").read_text(encoding="utf-8")
    lines = [ln.split("\t") for ln in bundled.splitlines() if ln and not ln.startswith("#")][1:]
    assert dict(lines) == groups
