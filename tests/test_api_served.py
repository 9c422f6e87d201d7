"""A real `isnad serve` on loopback over a store of analysed articles: its size limits, and schemathesis
against its own OpenAPI schema (no server error, no answer outside the schema)."""
from __future__ import annotations

import collections
import itertools
import os
import select
import socket
import subprocess
import sys
import time

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from isnad.api.limits import body_limit
from isnad.store import open_store

TOKEN = "served-token"
MAX_BYTES = 20_000  # the reference article (about 4 kB) fits; a request can be made to pass it cheaply
PUBLISHED = "2026-01-20"
SENTENCES = ["تظاهر آلاف المحتجين في طهران أمس احتجاجا على ارتفاع الأسعار، وفق ما نقلت وكالة رويترز.",
             "قال وزير الخارجية السويسري إن بلاده تدرس طلب اللجوء الذي قدمه الدبلوماسي الإيراني."]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline, reference_doc):
    """``isnad serve`` in its own process, on a free loopback port, over a fresh SQLite store."""
    db = tmp_path_factory.mktemp("served") / "isnad.db"
    with open_store(str(db)) as store:
        store.add(reference_doc)
        for i, text in enumerate(SENTENCES):
            store.add(pipeline(text, published=PUBLISHED, id=f"s{i}", title=text[:30]))
    port = free_port()
    env = {**os.environ, "ISNAD_TOKEN": TOKEN}
    cmd = [sys.executable, "-c", "from isnad.cli.main import main; main()", "serve", "--db", str(db),
           "--port", str(port), "--max-bytes", str(MAX_BYTES)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/api/stats", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "isnad serve did not answer"
                time.sleep(0.2)
        yield {"url": url, "port": port, "ids": [reference_doc.id, "s0", "s1"]}
    finally:
        proc.terminate()
        proc.wait(10)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_a_declared_body_above_the_limit_is_refused_before_it_is_sent(server):
    # only the headers go out: the answer comes without the server waiting for the 100 MB announced
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=10) as s:
        s.sendall(b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: 100000000\r\n\r\n")
        answer = b""
        while b"}" not in answer and (part := s.recv(65536)):  # headers, then the JSON body
            answer += part
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"limit" in answer


def test_a_chunked_body_is_cut_off_at_the_limit(server):
    """A body without a length is read only up to the limit: the 413 comes while the client still sends."""
    chunk = "نص".encode() * 16384  # 64 kB
    sent = 0
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=5) as s:
        s.sendall(b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Authorization: Bearer " + TOKEN.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            while sent < 1000 * len(chunk) and not select.select([s], [], [], 0)[0]:
                s.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading: what it answered is read below
        answer = b""
        while b"}" not in answer and (part := s.recv(65536)):
            answer += part
    assert answer.startswith(b"HTTP/1.1 413") and b"limit" in answer, answer[:200]
    assert sent < 100 * body_limit(MAX_BYTES), sent  # not the 64 MB it would have sent


def test_a_text_above_the_limit_is_refused_with_the_limit_named(server, reference_text):
    text = reference_text * (MAX_BYTES // len(reference_text.encode()) + 1)
    assert len(text.encode()) > MAX_BYTES and len(text.encode()) * 2 < body_limit(MAX_BYTES)
    answer = httpx.post(f"{server['url']}/api/documents", json={"text": text}, headers=AUTH, timeout=30)
    assert answer.status_code == 413 and "0.02 MB limit" in answer.json()["detail"]
    fits = httpx.post(f"{server['url']}/api/documents", json={"text": reference_text}, headers=AUTH, timeout=60)
    assert fits.status_code == 200 and fits.headers["X-Isnad-Store"] == "unchanged"  # stored before: 200


def test_the_served_api_keeps_to_its_schema(server):
    """Every operation, with generated parameters and bodies (the write token given): no 5xx, and every
    status, header and body as the schema says, for valid and for invalid data. (The operations are walked
    here rather than through schemathesis' pytest loader, which does not run on this pytest.)"""
    schema = schemathesis.openapi.from_url(f"{server['url']}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    problems = {}
    statuses = collections.Counter()

    for operation, mode in itertools.product(operations, schemathesis.GenerationMode):
        # derandomize: the same cases on every run, so that a failure in CI can be reproduced
        @settings(max_examples=25, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case):
            statuses[case.call_and_validate(headers=AUTH, timeout=60).status_code // 100] += 1

        try:
            call()
        except Unsatisfiable:  # an operation without parameters has no invalid data
            assert mode is schemathesis.GenerationMode.NEGATIVE and not operation.query
        except Exception as e:  # every operation is tried; all that fail are listed together
            problems[f"{operation.label} ({mode.value} data)"] = f"{type(e).__name__}: {e}"[:2000]
    assert not problems, "\n\n".join(f"{k}\n{v}" for k, v in problems.items())
    assert statuses[2] > 150 and statuses[4] > 100 and not statuses[5], statuses
