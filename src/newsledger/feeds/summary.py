"""What a poll did, in one line for people and as JSON for `--notify` commands."""
from __future__ import annotations

import dataclasses
import json
import subprocess
from dataclasses import dataclass, field
from typing import Any, Optional, TextIO


def change_dict(change: Any) -> dict[str, Any]:
    """The tracker's status change as a plain dict, whatever shape it comes in."""
    if isinstance(change, dict):
        return dict(change)
    if hasattr(change, "to_dict"):
        return dict(change.to_dict())
    if dataclasses.is_dataclass(change):
        return dataclasses.asdict(change)
    if hasattr(change, "_asdict"):
        return dict(change._asdict())
    return {"change": str(change)}


def _first(d: dict, *keys: str) -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return None


def describe_change(d: dict[str, Any]) -> str:
    """'commitment donald-trump "agree to peace talks": open -> missed' from a change dict."""
    if "change" in d and len(d) == 1:
        return str(d["change"])
    record_kind = _first(d, "record_kind", "record_type") or "commitment"
    kind = _first(d, "kind", "type")
    who = _first(d, "holder", "speaker")
    what = _first(d, "content", "label", "record_id", "id", "record")
    old = _first(d, "old", "from", "previous", "old_status", "from_status", "before")
    new = _first(d, "new", "to", "status", "new_status", "to_status", "after")
    kinds = f"{record_kind} ({kind})" if kind and kind != record_kind else record_kind
    head = " ".join(str(p) for p in (kinds, who, f'"{what}"' if what else None) if p)
    return f"{head}: {old or '?'} -> {new or '?'}"


def is_commitment_change(d: dict[str, Any]) -> bool:
    kind = _first(d, "record_kind", "record_type", "kind", "type")
    # A change names its record kind, or a commitment kind (pledge, ultimatum, ...).
    from ..records import COMMITMENT_KINDS
    return kind is None or kind == "commitment" or kind in COMMITMENT_KINDS


@dataclass
class PollSummary:
    poll: int = 0            # 0 for a one-off `fetch`
    new_articles: int = 0
    duplicates: int = 0
    failures: int = 0
    failed_sources: int = 0
    new_statements: int = 0
    new_commitments: int = 0
    overdue: int = 0
    pending: int = 0
    status_changes: list[dict[str, Any]] = field(default_factory=list)
    overdue_commitments: list[dict[str, Any]] = field(default_factory=list)  # the first few
    articles: list[dict[str, Any]] = field(default_factory=list)   # id, url, title, published
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["status_change_lines"] = [describe_change(c) for c in self.status_changes]
        return d

    def line(self) -> str:
        head = f"poll {self.poll}" if self.poll else "fetch"
        text = (f"{head}: {self.new_articles} new article(s), {self.duplicates} duplicate(s), "
                f"{self.failures} failure(s); {self.new_statements} new statement(s), "
                f"{self.new_commitments} new commitment(s), {len(self.status_changes)} status change(s), "
                f"{self.overdue} overdue commitment(s); {self.pending} pending")
        changes = "".join(f"\n  {describe_change(c)}" for c in self.status_changes)
        return text + changes

    def commitment_changes(self) -> list[dict[str, Any]]:
        return [c for c in self.status_changes if is_commitment_change(c)]


def notify(cmd: str, summary: PollSummary, err: Optional[TextIO] = None, timeout: float = 60.0) -> bool:
    """Run the user's command (through the shell, as typed on their command line) with the
    summary as JSON on stdin. A failing command is reported, never fatal to the watch."""
    payload = json.dumps(summary.to_dict(), ensure_ascii=False, default=str)
    try:
        proc = subprocess.run(cmd, shell=True, input=payload.encode("utf-8"), timeout=timeout,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except (OSError, subprocess.TimeoutExpired) as exc:
        if err:
            print(f"! notify {cmd!r}: {exc}", file=err, flush=True)
        return False
    if proc.returncode != 0 and err:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print(f"! notify {cmd!r} exited {proc.returncode} {detail[0]}".rstrip(), file=err, flush=True)
    return proc.returncode == 0
