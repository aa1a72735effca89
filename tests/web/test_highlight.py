from newsledger.web.highlight import Mark, marks_of, segments


def test_segments_cover_the_text_exactly_once():
    text = "Putin said on Monday that talks would resume."
    segs = segments(text, [Mark("s0", "statement", 11, 45), Mark("t0", "time", 11, 20),
                           Mark("a0", "actor", 0, 5)])
    assert "".join(s.text for s in segs) == text
    assert [s.start for s in segs] == sorted(s.start for s in segs)


def test_overlaps_carry_every_record_and_kinds_in_drawing_order():
    segs = segments("abcdefghij", [Mark("c0", "commitment", 0, 10), Mark("s1", "statement", 2, 8),
                                   Mark("t2", "time", 4, 6)])
    inner = next(s for s in segs if s.text == "ef")
    assert set(inner.keys) == {"c0", "s1", "t2"}
    assert inner.kinds == ["commitment", "statement", "time"]
    outer = next(s for s in segs if s.text == "ab")
    assert outer.keys == ["c0"]


def test_anchor_at_a_records_first_span_only():
    segs = segments("one two three", [Mark("a0", "actor", 0, 3), Mark("a0", "actor", 8, 13)])
    anchored = [s for s in segs if "a0" in s.anchors]
    assert len(anchored) == 1 and anchored[0].start == 0


def test_plain_text_and_bad_spans_give_no_marks():
    segs = segments("nothing here", [Mark("x", "event", 5, 5), Mark("y", "event", 50, 60)])
    assert [s.text for s in segs] == ["nothing here"]
    assert segs[0].keys == [] and segs[0].anchors == []


def test_marks_of_a_record():
    rec = {"actors": [{"mentions": [[0, 5]]}],
           "statements": [{"cue": {"span": [6, 10]}, "content": {"span": [11, 20]}, "span": [0, 21]}],
           "events": [{"trigger": None, "span": [0, 21]}],
           "times": [{"span": [14, 20]}], "commitments": [{"evidence": [[0, 21]]}]}
    got = {(m.key, m.kind, m.start, m.end) for m in marks_of(rec)}
    assert ("s0", "statement", 6, 10) in got and ("s0", "statement", 11, 20) in got
    assert ("e0", "event", 0, 21) in got  # no trigger: the event's sentence
    assert ("c0", "commitment", 0, 21) in got and ("a0", "actor", 0, 5) in got
