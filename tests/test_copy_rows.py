"""Rows encoded by the workers in COPY's text format (isnad.store.copy_rows) read back as psycopg's own rows."""
from __future__ import annotations

import pytest

from isnad.store.copy_rows import array_literal, copy_text, value
from test_store import fresh_pg, pg_database, pg_server  # noqa: F401 (fixtures)

AWKWARD = [
    ("plain", 1, 2.5, True, ["a", "b"]),
    ("tab\there\nnewline\rreturn", -3, 1e-300, False, ['quote " inside', "back\\slash", "tab\tin"]),
    ("back\\slash \\N not null", 0, -0.1 + 0.2, None, []),
    (None, None, None, None, None),
    ("قال المتحدث باسم الوزارة: «لا»", 2**62, float("inf"), True, ["الرياض", None, "{braces}", "comma,here"]),
    ("", 7, 3.0, False, [""]),
]


def test_values_are_escaped_as_copy_reads_them():
    assert value(None) == "\\N"
    assert value("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re"
    assert value(True) == "t" and value(False) == "f" and value(3) == "3" and value(0.1) == "0.1"
    assert array_literal(["a", "b"]) == '{"a","b"}'
    assert array_literal(['x"y', "z\\w", None]) == '{"x\\"y","z\\\\w",NULL}'
    assert copy_text([("a", None), ("b\tc", 2)]) == b"a\t\\N\nb\\tc\t2\n"


def test_encoded_rows_read_back_as_psycopg_writes_them(pg_database):  # noqa: F811
    import psycopg

    with psycopg.connect(fresh_pg(pg_database), autocommit=True) as conn:
        for name in ("encoded", "written"):
            conn.execute(f"CREATE TABLE {name} (n SERIAL, t TEXT, i BIGINT, f DOUBLE PRECISION, b BOOLEAN, a TEXT[])")
        with conn.cursor() as cur:
            with cur.copy("COPY encoded (t, i, f, b, a) FROM STDIN") as copy:
                copy.write(copy_text(AWKWARD))
            with cur.copy("COPY written (t, i, f, b, a) FROM STDIN") as copy:
                for row in AWKWARD:
                    copy.write_row(row)
        encoded = conn.execute("SELECT t, i, f, b, a FROM encoded ORDER BY n").fetchall()
        written = conn.execute("SELECT t, i, f, b, a FROM written ORDER BY n").fetchall()
        assert encoded == written
        assert encoded[1][0] == AWKWARD[1][0] and encoded[1][4] == AWKWARD[1][4]
        # the terms' array literal, passed as a parameter, is the same array as the list
        literal = array_literal(AWKWARD[4][4])
        assert conn.execute("SELECT %s::text[] = %s::text[]", (literal, AWKWARD[4][4])).fetchone()[0]


@pytest.mark.parametrize("rows", [AWKWARD])
def test_copy_text_is_one_line_a_row(rows):
    assert copy_text(rows).count(b"\n") == len(rows)
