"""The numpy-gemm backend: same numbers as blis, same parses, and the switches that turn it off."""
from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp import backend as fast

from tests.scale.conftest import SENTENCES


@pytest.fixture(autouse=True)
def restore_ops():
    before = get_current_ops()
    yield
    set_current_ops(before)


def test_gemm_matches_blis():
    rng = numpy.random.default_rng(1)
    a = rng.random((37, 96), dtype=numpy.float32)
    b = rng.random((96, 55), dtype=numpy.float32)
    blis, mine = NumpyOps(use_blis=True), fast.NumpyGemmOps()
    numpy.testing.assert_allclose(mine.gemm(a, b), blis.gemm(a, b), rtol=1e-5)
    numpy.testing.assert_allclose(mine.gemm(a, b.T.copy(), trans2=True), blis.gemm(a, b), rtol=1e-5)
    numpy.testing.assert_allclose(mine.gemm(a.T.copy(), b, trans1=True), blis.gemm(a, b), rtol=1e-5)
    out = numpy.zeros((37, 55), dtype=numpy.float32)
    assert mine.gemm(a, b, out=out) is out
    numpy.testing.assert_allclose(out, blis.gemm(a, b), rtol=1e-5)
    assert not mine.use_blis and isinstance(mine, NumpyOps)  # spaCy's CPU paths still apply


def test_env_switch_off(monkeypatch):
    monkeypatch.setenv(fast.ENV_SWITCH, "0")
    assert fast.use_fast_ops() is False
    assert not isinstance(get_current_ops(), fast.NumpyGemmOps)


def test_env_switch_forces_on(monkeypatch):
    monkeypatch.setenv(fast.ENV_SWITCH, "1")
    assert fast.use_fast_ops() is True
    assert isinstance(get_current_ops(), fast.NumpyGemmOps)
    # enabled=False wins over the environment (callers such as a --no-fast-ops flag)
    assert fast.use_fast_ops(enabled=False) is False
    assert not isinstance(get_current_ops(), fast.NumpyGemmOps)


def test_probe_reports_both_backends():
    speeds = fast.probe(rows=64)
    assert set(speeds) == {"blis", "numpy"} and all(v > 0 for v in speeds.values())


def _analyses(nlp) -> list:
    return [([t.tag_ for t in d], [t.head.i for t in d], [t.dep_ for t in d],
             [(e.start_char, e.end_char, e.label_) for e in d.ents]) for d in nlp.pipe(SENTENCES)]


def test_same_parse_with_either_backend(monkeypatch):
    monkeypatch.setenv(fast.ENV_SWITCH, "0")
    fast.use_fast_ops()
    nlp_blis = spacy.load(DEFAULT_MODEL)
    assert fast.backend_name(nlp_blis) == "blis"
    monkeypatch.setenv(fast.ENV_SWITCH, "1")
    fast.use_fast_ops()
    nlp_numpy = spacy.load(DEFAULT_MODEL)
    assert fast.backend_name(nlp_numpy) == "numpy"
    expected = _analyses(nlp_blis)
    assert any(ents for *_, ents in expected)  # the sentences do have entities to compare
    assert _analyses(nlp_numpy) == expected
    # Switching an already loaded pipeline over gives the same parses too.
    fast.use_fast_ops(nlp=nlp_blis)
    assert fast.backend_name(nlp_blis) == "numpy"
    assert _analyses(nlp_blis) == expected
