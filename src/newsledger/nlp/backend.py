"""A faster matrix-multiply backend for spaCy's models on CPUs where blis runs slowly.

thinc's `NumpyOps` hands every matrix multiply (`gemm`) to blis. On virtual CPUs that blis does not
recognise it falls back to generic kernels: measured on this project's 2-core AMD EPYC VM, blis does
~15 GFLOP/s where numpy's OpenBLAS (one thread) does ~60, and gemm is about a third of the parse time.
`NumpyGemmOps` keeps every other thinc kernel and sends only gemm to numpy. On 200 Wikinews articles
it gives the same tags, heads, dependencies, lemmas, sentences and entities as blis
(`python -m newsledger.scale.parity --limit 200`).

Two measured traps, both handled here:
- OpenBLAS with several threads is far slower than one thread on a small shared VM (threads
  spin-wait for each other on every small matrix), so the fast path also limits BLAS to one thread
  unless the user set OPENBLAS_NUM_THREADS / OMP_NUM_THREADS. Parallelism comes from processes.
- Where OPENBLAS_CORETYPE forces an old kernel, numpy can be the slower one. Unless forced with
  NEWSLEDGER_NUMPY_OPS=1, a ~10 ms probe on a typical tok2vec shape picks the faster backend.

Switch: NEWSLEDGER_NUMPY_OPS=0 keeps thinc's default (blis); =1 forces numpy; unset = probe.
"""
from __future__ import annotations

import ctypes
import logging
import os
import time

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from ..settings import env_flag

log = logging.getLogger(__name__)

ENV_SWITCH = "NEWSLEDGER_NUMPY_OPS"
# Variables a user sets to choose BLAS threading: when present we leave threading alone.
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


class NumpyGemmOps(NumpyOps):
    """thinc's NumpyOps with gemm done by numpy (its BLAS) instead of blis; all else unchanged.

    It stays a NumpyOps, so spaCy's parser keeps its CPU code path (which checks isinstance).
    """

    def __init__(self, **kwargs):
        kwargs["use_blis"] = False
        super().__init__(**kwargs)


def limit_blas_threads(n: int = 1) -> bool:
    """Limit numpy's BLAS to n threads in this process, unless the user chose through the env.

    True when a limit was applied. threadpoolctl is used when installed; otherwise OpenBLAS's own
    setter is called through ctypes on the OpenBLAS libraries this process has loaded.
    """
    if any(os.environ.get(v) for v in _THREAD_VARS):
        return False
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return _openblas_set_threads(n)
    threadpool_limits(n, user_api="blas")
    return True


# Symbol names of the setter in OpenBLAS builds: plain, 64-bit-int, and numpy/scipy's prefixed ones.
_SETTERS = ("openblas_set_num_threads", "openblas_set_num_threads64_",
            "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads")


def _openblas_set_threads(n: int) -> bool:
    try:
        with open("/proc/self/maps") as maps:  # Linux: the shared libraries this process mapped
            libs = {line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line}
    except OSError:
        return False
    done = False
    for path in sorted(libs):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(ctypes.c_int(n))
                done = True
                break
    return done


def _gflops(ops, a: numpy.ndarray, b: numpy.ndarray, repeat: int = 5) -> float:
    ops.gemm(a, b)  # warm up (first call may allocate)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        ops.gemm(a, b)
        best = min(best, time.perf_counter() - start)
    return 2 * a.shape[0] * a.shape[1] * b.shape[1] / max(best, 1e-9) / 1e9


def probe(rows: int = 1024) -> dict[str, float]:
    """GFLOP/s of blis and numpy gemm on a tok2vec-sized multiply (rows x 96 by 96 x 288)."""
    rng = numpy.random.default_rng(0)
    a = rng.random((rows, 96), dtype=numpy.float32)
    b = rng.random((96, 288), dtype=numpy.float32)
    return {"blis": _gflops(NumpyOps(use_blis=True), a, b),
            "numpy": _gflops(NumpyGemmOps(), a, b)}


_STATE: dict[str, object] = {}


def use_fast_ops(enabled: bool = True, nlp=None) -> bool:
    """Make numpy-gemm ops thinc's current ops in this thread, if enabled and not switched off.

    Call it before `spacy.load` (models take the current ops when built); pass an already loaded
    `nlp` to switch its models too. Returns True when the numpy backend is in use.
    """
    choice = env_flag(ENV_SWITCH)     # True/False forces a choice; None (unset, 'auto') probes
    on = bool(enabled) and choice is not False
    if on:
        limit_blas_threads(1)
        if choice is None:  # auto: probe once per process
            if "probe" not in _STATE:
                _STATE["probe"] = probe()
                log.debug("gemm probe (GFLOP/s): %s", _STATE["probe"])
            speeds = _STATE["probe"]
            on = speeds["numpy"] >= speeds["blis"]  # type: ignore[index]
    current = get_current_ops()
    if on:
        ops = current if isinstance(current, NumpyGemmOps) else NumpyGemmOps()
    else:
        # Back to thinc's default CPU ops (blis), but leave a GPU or other custom backend alone.
        ops = NumpyOps() if isinstance(current, NumpyGemmOps) else current
    if ops is not current:
        set_current_ops(ops)
    if nlp is not None:
        apply_ops(nlp, ops)
    return on


def apply_ops(nlp, ops) -> None:
    """Point every thinc model node of a loaded pipeline at `ops`."""
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops


def backend_name(nlp=None) -> str:
    """'numpy' or 'blis' (or the ops' name): what gemm runs on, for logs and benchmarks."""
    ops = get_current_ops()
    if nlp is not None:
        for _name, proc in nlp.pipeline:
            model = getattr(proc, "model", None)
            if model is not None and hasattr(model, "ops"):
                ops = model.ops
                break
    if isinstance(ops, NumpyOps):
        return "blis" if getattr(ops, "use_blis", False) else "numpy"
    return getattr(ops, "name", type(ops).__name__)
