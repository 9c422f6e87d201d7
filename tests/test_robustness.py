"""Inputs that used to crash the analysis, each fed as it came: every one now gives a result or a clear
error for that input alone, and the rest of a batch goes through."""
from __future__ import annotations

import json

from click.testing import CliRunner

import isnad
from isnad.cli.main import cli
from isnad.ingest.files import Failed, read_html, read_jsonl

from conftest import PUBLISHED

SENTENCE = "وقالت الشرطة إن مسلحين قتلوا ثلاثة أشخاص أمس في هجوم على مركز للشرطة"


def test_a_quotation_opened_on_the_last_word():
    doc = isnad.analyze("قال«")
    assert doc.attributions == [] or all(a.cue.text == "قال" for a in doc.attributions)


def test_lone_surrogates_become_replacement_characters_with_the_offsets_kept():
    text = json.loads('"\\ud83d ' + SENTENCE + '"')
    doc = isnad.analyze(text, published=PUBLISHED)
    assert len(doc.text) == len(text) and doc.text[0] == "\ufffd"
    assert any("surrogate" in w for w in doc.warnings)
    doc.to_json().encode("utf-8")  # storable and printable


def test_dates_at_the_ends_of_the_calendar():
    for published in ("0001-01-01", "9999-12-31"):
        doc = isnad.analyze(SENTENCE, published=published)
        assert doc.events, published
    assert any("not an ISO date" in w for w in isnad.analyze(SENTENCE, published="2026-13-45").warnings)


def test_jsonl_fields_of_the_wrong_type_fail_that_line_only():
    lines = [json.dumps({"text": SENTENCE, "title": 123}), json.dumps({"text": SENTENCE, "outlet": [1]}),
             json.dumps({"text": SENTENCE, "id": 7, "outlet": "spa"})]
    items = list(read_jsonl([line.encode() for line in lines], "batch.jsonl"))
    assert [type(i).__name__ for i in items] == ["Failed", "Failed", "Document"]
    assert "'title' is int" in items[0].message and "'outlet' is list" in items[1].message
    assert items[2].id == "7"


def test_odd_html_is_a_clear_error():
    try:
        read_html(b"<math><p><td>", "odd.html")
    except Exception as e:  # noqa: BLE001 - the kind of error is what is tested
        assert type(e).__name__ == "InputError" and "odd.html" in str(e)
    else:  # a newer extractor may read it: then it must give a document
        pass


def test_html_pages_of_a_batch_stay_inside_the_folder(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"text": SENTENCE, "id": i}, ensure_ascii=False)
                               for i in ("../escape", "a/b", "plain")) + "\n", encoding="utf-8")
    out = tmp_path / "pages"
    result = CliRunner().invoke(cli, ["analyze", str(batch), "--format", "html", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == 3 and "plain.html" in pages
    assert not (tmp_path / "escape.html").exists() and all(p.parent == out for p in out.iterdir())


def test_a_single_page_into_an_existing_folder(tmp_path, reference_text):
    article = tmp_path / "article.txt"
    article.write_text(reference_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(article), "--format", "html", "-o", str(tmp_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [p for p in tmp_path.iterdir() if p.suffix == ".html"]


def test_read_only_commands_never_create_a_store(tmp_path):
    typo = tmp_path / "typo" / "x.db"
    for args in (["events"], ["search", "لجوء"], ["export", "--format", "csv", "-o", str(tmp_path / "x.csv")]):
        result = CliRunner().invoke(cli, [*args, "--db", str(typo)])
        said = result.output + str(result.exception or "")  # the entry point prints the error line
        assert result.exit_code != 0 and "no store at" in said, (args, said)
    assert not typo.parent.exists()


def test_a_failed_input_fails_the_ingest_and_is_named(tmp_path):
    missing = tmp_path / "nonexistent"
    result = CliRunner().invoke(cli, ["ingest", str(missing), "--db", str(tmp_path / "s.db"), "--jobs", "1"])
    assert result.exit_code == 1 and str(missing) in result.output


def test_export_into_a_missing_folder_is_a_usage_error(tmp_path):
    db = tmp_path / "s.db"
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(article), "--db", str(db), "--jobs", "1"]).exit_code == 0
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")])
    assert result.exit_code == 2 and "does not exist" in result.output and "Traceback" not in result.output


def test_a_missing_publication_date_is_said():
    undated = isnad.analyze(SENTENCE)
    assert any("no publication date" in w for w in undated.warnings)
    assert not any("no publication date" in w for w in isnad.analyze(SENTENCE, published=PUBLISHED).warnings)


def test_an_ingest_whose_workers_cannot_start_fails_with_the_reason(tmp_path, reference_text):
    """A script without a main guard makes every worker re-run it and die: the run stops with the reason
    instead of waiting for ever."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "from isnad.document import Document\n"
        "from isnad.ingest.runner import ingest\n"
        "from isnad.store import open_store\n"
        f"text = open({str(tmp_path / 'a.txt')!r}, encoding='utf-8').read()\n"
        "docs = [Document(text=text + str(i), id=str(i)) for i in range(40)]\n"
        f"with open_store({str(tmp_path / 'x.db')!r}) as s:\n"
        "    ingest(docs, s, jobs=2, progress=False)\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(reference_text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode != 0
    assert "could not start or died" in run.stderr


def test_a_binary_file_with_a_utf16_mark_is_refused_by_name(tmp_path, reference_text):
    """Bytes after a UTF-16 byte-order mark that read as CJK and private-use characters are not text: the
    file is named as binary, the article beside it is stored."""
    import array
    import random

    from click.testing import CliRunner

    from isnad.cli.main import cli

    rng = random.Random(1)
    noise = array.array("H", [rng.choice([0x4E00 + i for i in range(3000)] + [0xE000 + i for i in range(500)])
                              for _ in range(3000)]).tobytes()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(b"\xff\xfe" + noise)
    (folder / "article.txt").write_text(reference_text, encoding="utf-8")
    db = tmp_path / "s.db"
    out = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--jobs", "1"])
    assert out.exit_code == 1
    assert "scan.txt" in out.output and "binary" in out.output
    assert "1 added" in out.output
