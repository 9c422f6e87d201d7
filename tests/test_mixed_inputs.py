"""Real files of every sort in one folder, legacy encodings, the size limit of one article, and the text
output of `isnad search`."""
from __future__ import annotations

import json
import os
import struct
import zlib

import pytest
from click.testing import CliRunner

from isnad.cli.main import cli
from isnad.errors import DecodeError
from isnad.ingest.files import Failed, Skipped, read_inputs
from isnad.ingest.folders import read_any
from isnad.limits import DEFAULT_MAX_BYTES
from isnad.store import open_store
from isnad.text.decode import decode

PUBLISHED = "2026-01-20"
ENGLISH = ("An Iranian diplomat at the United Nations office in Geneva has defected and applied for political "
           "asylum in Switzerland, according to a report published by an opposition newspaper.\n")


def png() -> bytes:
    """A real one-pixel PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def test_short_arabic_in_windows_1256_is_not_taken_for_another_script():
    # two words: a detector alone reads these bytes as Big5
    for text in ("نص قصير", "قال الرئيس إن الحكومة ستجتمع غدا."):
        assert decode(text.encode("cp1256")) == (text, "cp1256")


def test_iso_8859_6_and_utf16_without_a_mark(reference_text):
    plain = reference_text.replace("«", '"').replace("»", '"')  # ISO 8859-6 has no guillemets
    assert decode(plain.encode("iso8859-6")) == (plain, "iso8859-6")
    text, used = decode(reference_text.encode("utf-16-le"))
    assert text == reference_text and used.startswith("utf-16")


def test_accented_latin_text_is_not_read_as_arabic():
    text, used = decode("Le diplomate a demandé l'asile à Genève, selon la presse française.".encode("cp1252"))
    assert used not in ("cp1256", "iso8859-6")
    assert not any("\u0600" <= c <= "\u06ff" for c in text)


def test_a_real_png_is_refused_as_binary():
    with pytest.raises(DecodeError, match="binary"):
        decode(png())


@pytest.fixture
def mixed_folder(tmp_path, reference_text):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "geneva_defection.txt").write_text(reference_text, encoding="utf-8")
    (folder / "sub" / "geneva-1256.txt").write_bytes(reference_text.encode("cp1256"))
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "logo.png").write_bytes(png())
    (folder / "settings.json").write_text(json.dumps({"db": "isnad.db", "jobs": 2, "outlets": ["bbc", "aljazeera"]}),
                                          encoding="utf-8")
    (folder / "table.csv").write_text("id,title,date\n1,انشقاق دبلوماسي,2026-01-19\n2,احتجاجات,2026-01-18\n",
                                      encoding="utf-8")
    return folder


def test_a_folder_of_mixed_files_keeps_the_articles_and_names_the_rest(mixed_folder):
    items = list(read_any([str(mixed_folder)]))
    docs = [i for i in items if not isinstance(i, Failed)]
    skipped = {os.path.basename(i.source): i.message for i in items if isinstance(i, Skipped)}
    assert sorted(os.path.basename(d.meta["source"]) for d in docs) == ["geneva-1256.txt", "geneva_defection.txt"]
    assert set(skipped) == {"english.txt", "logo.png", "settings.json", "table.csv"}
    assert "not look Arabic" in skipped["english.txt"] and "binary" in skipped["logo.png"]
    assert ".json file holds data" in skipped["settings.json"] and ".csv" in skipped["table.csv"]
    assert not [i for i in items if isinstance(i, Failed) and not isinstance(i, Skipped)]


def test_a_file_that_is_no_article_named_on_the_command_line_is_an_error(mixed_folder):
    (failed,) = read_any([str(mixed_folder / "settings.json")])
    assert type(failed) is Failed and "holds data" in failed.message


def test_ingest_of_a_mixed_folder_warns_by_name_and_every_document_keeps_its_path(mixed_folder, tmp_path):
    db = tmp_path / "store.db"
    out = CliRunner().invoke(cli, ["ingest", str(mixed_folder), "--db", str(db), "--jobs", "1",
                                   "--published", PUBLISHED])
    assert out.exit_code == 0, out.output
    for name in ("english.txt", "logo.png", "settings.json", "table.csv"):
        assert f"warning: skipped {mixed_folder}" in out.output and name in out.output
    assert "0 failed, 4 skipped" in out.output
    with open_store(str(db), create=False) as store:
        hits = store.search("جنيف")
        sources = {store.document(h["document_id"]).meta["source"] for h in hits}
        stored = store.stats()["documents"]
    # the two copies are one text: the store analyses it once, under the path it first came from
    assert stored == 1 and sources == {str(mixed_folder / "geneva_defection.txt")}


def test_search_text_output_shows_a_dash_for_a_missing_type(tmp_path, reference_doc):
    db = tmp_path / "store.db"
    with open_store(str(db)) as store:
        store.add(reference_doc)
    untyped = [e for e in reference_doc.events if not e.plover.type]
    assert untyped, "the reference article has an event without a PLOVER type"
    out = CliRunner().invoke(cli, ["search", "لجوء", "--db", str(db)])
    assert out.exit_code == 0 and "None" not in out.output
    line = next(ln for ln in out.output.splitlines() if untyped[0].trigger.text in ln)
    assert line.strip().split()[:3] == ["-", untyped[0].cameo.code, "-"]


def test_the_size_limit_of_one_article(tmp_path, reference_text):
    """The default allows a 10 MB article; above the limit the file, line or stream is named and refused."""
    assert DEFAULT_MAX_BYTES >= 10 * 1024 * 1024
    big = tmp_path / "big.txt"
    big.write_text(reference_text * (10 * 1024 * 1024 // len(reference_text.encode()) + 1), encoding="utf-8")
    (doc,) = read_inputs([str(big)])
    assert not isinstance(doc, Failed) and len(doc.text.encode()) > 10 * 1024 * 1024
    (refused,) = read_inputs([str(big)], max_bytes=5_000_000)
    assert isinstance(refused, Failed) and refused.source == str(big) and "5 MB limit" in refused.message

    lines = tmp_path / "batch.jsonl"
    lines.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                               for i, t in enumerate([reference_text, reference_text * 3, reference_text])),
                     encoding="utf-8")
    items = list(read_inputs([str(lines)], max_bytes=len(reference_text.encode()) * 2))
    assert [type(i).__name__ for i in items] == ["Document", "Failed", "Document"]
    assert items[1].source == f"{lines}:2" and items[1].id == "1" and "limit" in items[1].message


def test_the_cli_size_limit_is_an_option_and_an_environment_variable(tmp_path, reference_text):
    article = tmp_path / "a.txt"
    article.write_text(reference_text, encoding="utf-8")
    by_option = CliRunner().invoke(cli, ["analyze", str(article), "--max-bytes", "1000"])
    assert by_option.exit_code == 1 and f"{article}: " in by_option.output and "limit" in by_option.output
    by_env = CliRunner().invoke(cli, ["analyze", str(article), "--format", "text"], env={"ISNAD_MAX_BYTES": "1000"})
    assert by_env.exit_code == 1 and "--max-bytes or ISNAD_MAX_BYTES" in by_env.output
    through_stdin = CliRunner().invoke(cli, ["analyze", "-", "--max-bytes", "1000"], input=reference_text.encode())
    assert through_stdin.exit_code == 1 and "<stdin>" in through_stdin.output
    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).output
    assert "--max-bytes" in help_text and "ISNAD_MAX_BYTES" in help_text
