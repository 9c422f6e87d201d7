"""Shared fixtures: the reference article, the development data beside the project, a built pipeline."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "isnad" / "examples" / "geneva_defection.txt"
# The public reference data lives beside the project (development and evaluation only).
SHARED = Path(os.environ.get("ISNAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
PUBLISHED = "2026-01-20"  # a test anchor for the reference article, which gives no date


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"reference data not found at {SHARED}; set ISNAD_SHARED_DATA")
    return SHARED


@pytest.fixture(scope="session")
def reference_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def resources():
    """The bundled data, loaded once for the tests that build lexicons or stages themselves."""
    from isnad.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def pipeline():
    from isnad import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def reference_doc(pipeline, reference_text):
    return pipeline(reference_text, published=PUBLISHED)
