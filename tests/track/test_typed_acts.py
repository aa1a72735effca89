"""The promised act typed by the events extractor's codebook (data/event_lexicon.tsv, data/cameo.tsv), and a
follow-up's event read as the act done only when its record says so (track/acts.py act_codes, code_fits,
not_done; track/refer.py _done_by). The chains k90-k93 (tests/fixtures/chains) run the same through the
pipeline."""
from __future__ import annotations

import pytest

from newsledger.track.acts import act_codes, code_fits, not_done, promise_trigger
from newsledger.track.match import ActorInfo
from newsledger.track.refer import _done_by
from newsledger.track.sentences import Sentence


@pytest.mark.parametrize("content, root", [
    ("send 30 tonnes of relief supplies to Sudan by the end of March", "07"),   # provide aid
    ("release 20 Polish citizens held in its prisons by June 30", "08"),        # 084 return, release
    ("withdraw its forces from positions near Jermuk by April 30", "08"),       # 0874 retreat
    ("lift tariffs on steel by July", "08"),                                    # 080 yield
    ("give 50 million euros to Kenya", "07"),                                   # 071 economic aid
])
def test_the_promised_act_has_the_codebooks_type(content, root):
    codes = act_codes(content)
    assert codes and all(c[:2] == root for c in codes)


@pytest.mark.parametrize("content", ["improve its pay offer for ground staff", "restore its smelter to full operation"])
def test_an_act_the_codebook_does_not_name_has_no_type(content):
    assert act_codes(content) == frozenset()


@pytest.mark.parametrize("code, content", [
    ("0841", "release 20 Polish citizens"),      # "pardoned": a 0841 is a 084
    ("073", "send 30 tonnes of relief supplies"),   # "airlifted": humanitarian aid is aid
    ("0874", "withdraw its forces from Jermuk"),
])
def test_an_event_of_the_same_type_fits(code, content):
    assert code_fits(code, act_codes(content))


@pytest.mark.parametrize("code, content", [
    ("0813", "release 20 Polish citizens"),      # curfew eased: root 08, another act
    ("0872", "release 20 Polish citizens"),      # blockade eased
    ("084", "withdraw its forces from Jermuk"),  # a release is no retreat
    ("1246", "withdraw its forces from Jermuk"),  # the retreat refused
    ("190", "send 30 tonnes of relief supplies"),
])
def test_an_event_of_another_act_does_not_fit(code, content):
    assert not code_fits(code, act_codes(content))


def _sentence(text, *events):
    return Sentence((0, len(text)), text, frozenset(), events=list(events))


def _event(code, source, text, target=None, **flags):
    return {"code": code, "source": source, "target": target, "negated": flags.get("negated", False),
            "hypothetical": flags.get("hypothetical", False), "trigger": {"text": text, "span": [0, len(text)]}}


INFOS = {"belarus": ActorInfo("belarus", "country", "BLR"), "poland": ActorInfo("poland", "country", "POL"),
         "lithuania": ActorInfo("lithuania", "country", "LTU"),
         "alexander-lukashenko": ActorInfo("alexander-lukashenko", "person", "BLR")}
TYPES = act_codes("release 20 Polish citizens held in its prisons")


def test_the_holders_event_of_the_type_is_the_act_done():
    s = _sentence("Lukashenko pardoned the 20 Polish citizens.", _event("0841", "alexander-lukashenko", "pardoned", "poland"))
    assert _done_by(s, frozenset(), "belarus", INFOS, TYPES, "poland")


@pytest.mark.parametrize("ev", [
    _event("0841", "alexander-lukashenko", "pardoned", "poland", negated=True),
    _event("0841", "alexander-lukashenko", "pardon", "poland", hypothetical=True),
    _event("0841", "poland", "pardoned", "belarus"),               # the other side did it
    _event("0841", "alexander-lukashenko", "pardoned", "lithuania"),   # to a third side
    _event("0813", "alexander-lukashenko", "lifted", "poland"),    # another act of root 08
])
def test_no_act_done_when_the_record_says_otherwise(ev):
    assert not _done_by(_sentence("Lukashenko and the prisoners.", ev), frozenset(), "belarus", INFOS, TYPES, "poland")


def test_an_act_refused_is_not_done():
    # "Azerbaijan has not pulled its forces back": the events extractor codes the refusal (1246), not negated
    ev = _event("1246", "azerbaijan", "pulled its forces back")
    assert not_done(ev) and not not_done(_event("0874", "azerbaijan", "pulled back"))


def test_aid_pledged_is_the_promise_not_the_act():
    # the codebook codes "pledged billions" as 071; for a commitment it is the promise
    assert promise_trigger(_event("071", "germany", "pledged billions"))
    assert not promise_trigger(_event("071", "germany", "paid"))


def test_the_acts_own_event_says_whether_it_is_done():
    # the verb is an event's trigger: the event's negation (read on the parse, nlp/grammar) decides, not the
    # four words before it, which here hold no negator ("Neither" stands eight words back)
    from newsledger.track.acts import done_act
    text = "Neither Germany nor the Netherlands, officials said on Monday, has delivered the two systems."
    lo = text.index("delivered")
    ev = {"code": "070", "source": "germany", "target": None, "negated": True, "hypothetical": False,
          "trigger": {"text": "delivered", "span": [lo, lo + len("delivered")]}}
    assert not done_act(_sentence(text, ev), frozenset({"deliver"}))
    assert done_act(_sentence(text, dict(ev, negated=False)), frozenset({"deliver"}))


PK_INFOS = {"indonesia": ActorInfo("indonesia", "country", "IDN"), "lebanon": ActorInfo("lebanon", "country", "LBN"),
            "syria": ActorInfo("syria", "country", "SYR")}
PK_TYPES = act_codes("send 500 peacekeepers to southern Lebanon by the end of June")


def test_the_receiving_side_tells_the_act_done_by_its_receipt_event():
    from newsledger.track.refer import _received_by
    # "The 500 Indonesian peacekeepers were received by Lebanon": 0861, the receiving side of 074
    s = _sentence("The peacekeepers were received by Lebanon.", _event("0861", "lebanon", "were received", "indonesia"))
    assert _received_by(s, PK_TYPES, "lebanon", "indonesia", PK_INFOS)


@pytest.mark.parametrize("ev", [
    _event("0861", "lebanon", "will receive", "indonesia", hypothetical=True),
    _event("0861", "syria", "received", "indonesia"),          # another state received them
    _event("0861", "lebanon", "received", "syria"),            # from another side
    _event("0862", "lebanon", "received", "indonesia"),        # inspectors are no peacekeepers
])
def test_no_receipt_when_the_record_says_otherwise(ev):
    from newsledger.track.refer import _received_by
    assert not _received_by(_sentence("Lebanon and the peacekeepers.", ev), PK_TYPES, "lebanon", "indonesia", PK_INFOS)
