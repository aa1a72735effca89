"""Pictures drawn on the server as SVG: the network of who acts on whom, and a timeline strip.

Every text that reaches the SVG (actor names, ids) is escaped here; the result is inlined in the
page as Markup, so it carries no script and needs none.
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import date
from html import escape
from typing import Iterable, Optional
from urllib.parse import quote

from markupsafe import Markup

# CAMEO roots by the quad class they fall in: cooperation (01-09), verbal conflict (10-14),
# material conflict (15-20). The legend on the page names them.
TONES = (("coop", "cooperation", range(1, 10)), ("verbal", "verbal conflict", range(10, 15)),
         ("material", "material conflict", range(15, 21)))


def tone(code: Optional[str]) -> str:
    try:
        root = int(str(code)[:2])
    except (TypeError, ValueError):
        return "other"
    for name, _, roots in TONES:
        if root in roots:
            return name
    return "other"


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def network_svg(events: Iterable[dict], names: dict[str, str], *, focus: Optional[str] = None,
                max_nodes: int = 20, width: int = 640, height: int = 440) -> Markup:
    """Actors as nodes on a circle (the busiest first), one arrow per source->target pair, its
    width the number of events, its colour the tone most of them have."""
    pairs: Counter = Counter()
    tones: dict[tuple[str, str], Counter] = {}
    degree: Counter = Counter()
    for e in events:
        s, t = e.get("source"), e.get("target")
        if not s or not t or s == t:
            continue
        pairs[(s, t)] += 1
        tones.setdefault((s, t), Counter())[tone(e.get("code"))] += 1
        degree[s] += 1
        degree[t] += 1
    if not pairs:
        return Markup('<p class="empty">No events between two known actors yet.</p>')
    keep = [a for a, _ in degree.most_common(max_nodes)]
    if focus and focus in degree and focus not in keep:
        keep[-1] = focus
    cx, cy = width / 2, height / 2
    r = min(width, height) / 2 - 70
    pos = {}
    for i, a in enumerate(keep):
        ang = -math.pi / 2 + 2 * math.pi * i / len(keep)
        pos[a] = (cx + r * math.cos(ang), cy + r * math.sin(ang), ang)
    top = max(pairs.values())
    out = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="Who acts on whom: {len(keep)} actors, {sum(pairs.values())} events">',
           '<defs>']
    for name in ("coop", "verbal", "material", "other"):
        out.append(f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
                   f'markerHeight="6" orient="auto-start-reverse"><path class="tone-{name}" d="M0,0 L10,5 L0,10 z"/></marker>')
    out.append('</defs>')
    for (s, t), n in sorted(pairs.items(), key=lambda kv: kv[1]):
        if s not in pos or t not in pos:
            continue
        (x1, y1, _), (x2, y2, _) = pos[s], pos[t]
        d = math.hypot(x2 - x1, y2 - y1) or 1
        rs, rt = _radius(degree[s]), _radius(degree[t]) + 3
        ax, ay = x1 + (x2 - x1) * rs / d, y1 + (y2 - y1) * rs / d
        bx, by = x2 - (x2 - x1) * rt / d, y2 - (y2 - y1) * rt / d
        # A slight curve keeps A->B and B->A apart.
        mx, my = (ax + bx) / 2 + (by - ay) * 0.12, (ay + by) / 2 - (bx - ax) * 0.12
        tn = tones[(s, t)].most_common(1)[0][0]
        w = 1 + 3 * n / top
        title = escape(f"{names.get(s, s)} → {names.get(t, t)}: {n} event{'s' if n != 1 else ''}")
        out.append(f'<path class="edge tone-{tn}" d="M{ax:.1f},{ay:.1f} Q{mx:.1f},{my:.1f} {bx:.1f},{by:.1f}" '
                   f'stroke-width="{w:.1f}" marker-end="url(#arrow-{tn})"><title>{title}</title></path>')
    for a in keep:
        x, y, ang = pos[a]
        label = escape(names.get(a, a))
        cls = "node focus" if a == focus else "node"
        lx, ly = x + 12 * math.cos(ang), y + 12 * math.sin(ang)
        anchor = "start" if math.cos(ang) > 0.2 else "end" if math.cos(ang) < -0.2 else "middle"
        if anchor == "middle":
            ly += 14 if math.sin(ang) > 0 else -8
        out.append(f'<a href="{escape(actor_href(a))}" class="{cls}"><circle cx="{x:.1f}" cy="{y:.1f}" '
                   f'r="{_radius(degree[a]):.1f}"><title>{label}: {degree[a]} events</title></circle>'
                   f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{label}</text></a>')
    out.append('</svg>')
    return Markup("".join(out))


def _radius(degree: int) -> float:
    return 4 + 2.2 * math.sqrt(degree)


def _day(v: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(str(v)[:10]) if v and len(str(v)) >= 10 else (
            date.fromisoformat(str(v)[:7] + "-01") if v and len(str(v)) >= 7 else None)
    except ValueError:
        return None


def strip_svg(items: Iterable[dict], *, width: int = 640, height: int = 64) -> Markup:
    """A small timeline: one dot per dated item ({"date", "record", "label"}), coloured by record
    kind, on an axis from the first to the last date."""
    dated = [(d, it) for it in items if (d := _day(it.get("date"))) is not None]
    if not dated:
        return Markup('<p class="empty">Nothing dated yet.</p>')
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max(1, (hi - lo).days)
    pad = 16
    lanes = {"statement": 18, "event": 32, "commitment": 46}
    out = [f'<svg class="strip" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="Timeline from {lo} to {hi}">',
           f'<line class="axis" x1="{pad}" y1="{height - 8}" x2="{width - pad}" y2="{height - 8}"/>',
           f'<text class="tick" x="{pad}" y="{height - 0}" text-anchor="start">{lo}</text>',
           f'<text class="tick" x="{width - pad}" y="{height - 0}" text-anchor="end">{hi}</text>']
    for d, it in dated:
        x = pad + (width - 2 * pad) * (d - lo).days / span
        kind = it.get("record", "other")
        y = lanes.get(kind, 18) - 8
        out.append(f'<circle class="dot k-{escape(kind)}" cx="{x:.1f}" cy="{y}" r="4.5">'
                   f'<title>{escape(str(d))} · {escape(kind)}: {escape(str(it.get("label") or ""))}</title></circle>')
    out.append('</svg>')
    return Markup("".join(out))
