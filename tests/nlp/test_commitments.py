"""Commitments (nlp/commitments/): sentences we wrote, each rule with a case where it must not fire,
plus the reference article's three commitments from its README."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extraction import extract
from newsledger.lexicons.commitments import load_lexicon
from newsledger.nlp.times.due import resolve_due


def commitments(nlp, text, published="2025-03-04"):
    return [c.to_dict() for c in extract(text, published=published, nlp=nlp).commitments]


# ---- the reference article -------------------------------------------------------------------

def _one(record, kind, holder):
    found = [c for c in record["commitments"] if c["kind"] == kind and c["holder"] == holder]
    assert len(found) == 1, record["commitments"]
    return found[0]


def test_reference_guarantee_is_russias_and_unconfirmed(seed_record):
    c = _one(seed_record, "guarantee", "russia")        # Putin agreed -> a state's guarantee
    assert c["counterparty"] == "ukraine"
    assert c["content"].startswith("security guarantees") and "peace deal" in c["content"]
    assert c["status"] == "unconfirmed" and c["due"] is None
    text = seed_record["article"]["text"]
    assert any("has not confirmed" in text[s:e] for s, e in c["evidence"])


def test_reference_ultimatum_is_extended(seed_record):
    c = _one(seed_record, "ultimatum", "donald-trump")
    assert c["counterparty"] == "russia"
    assert c["content"] == "agree to peace talks"
    assert c["due"] == "2025-09-01" and c["status"] == "extended" and not c["overdue"]


def test_reference_pledge_one_per_holder(seed_record):
    for holder in ("germany", "france"):
        c = _one(seed_record, "pledge", holder)
        assert c["counterparty"] == "russia"
        assert c["content"] == "pressure Moscow to reach a deal" and c["status"] == "open"
    # "Western powers, including Germany and France": the named members hold it, not the group.
    assert len([c for c in seed_record["commitments"] if c["kind"] == "pledge"]) == 2


def test_reference_has_no_commitment_from_generic_mentions(seed_record):
    # "any agreement would involve …" and "a series of ultimatums he has issued" are not commitments.
    contents = " | ".join(c["content"] for c in seed_record["commitments"])
    assert "without deploying" not in contents and "series" not in contents
    assert len(seed_record["commitments"]) == 4


# ---- sentences we wrote ------------------------------------------------------------------------

def test_promise_within_two_weeks_becomes_a_date(nlp):
    [c] = commitments(nlp, "Hungary promised the European Commission on Tuesday that it would submit "
                           "a new budget plan within two weeks.", published="2025-03-04")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("promise", "hungary", "european-commission")
    assert "submit a new budget plan" in c["content"] and "within" not in c["content"]
    assert c["due"] == "2025-03-18"


def test_promise_to_a_recipient_with_the_infinitive_after_a_date_is_the_infinitive(nlp):
    # the parse hangs "to close" as an adverbial clause once "on Monday" comes between: still the content
    [c] = commitments(nlp, "Siemens promised the Polish government on Monday to close its oldest gas turbine "
                           "plant at Gdansk by the end of 2029.")
    assert c["holder"] == "siemens" and c["counterparty"] == "poland"
    assert c["content"].startswith("close its oldest gas turbine plant") and c["due"] == "2029-12-31"
    # a non-actor object stays the content ("promised a review on Monday to calm investors")
    [c] = commitments(nlp, "Siemens promised a full review on Monday to calm investors.")
    assert c["content"].startswith("a full review")


def test_coordinated_holders_give_one_commitment_each(nlp):
    found = commitments(nlp, "Germany and France have pledged to send more aid to Ukraine.")
    assert sorted(c["holder"] for c in found) == ["france", "germany"]
    assert all(c["counterparty"] == "ukraine" and c["content"] == "send more aid" for c in found)


def test_threat_with_condition(nlp):
    [c] = commitments(nlp, "President Donald Trump threatened to impose new sanctions on Russia if Moscow "
                           "does not agree to a ceasefire.")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("threat", "donald-trump", "russia")
    assert c["conditions"] == "if Moscow does not agree to a ceasefire"
    assert "if" not in c["content"]


def test_agreement_between_two_parties_gives_both_sides(nlp):
    found = commitments(nlp, "Israel and Hamas signed an agreement on a ceasefire in Gaza on Sunday.")
    assert {(c["holder"], c["counterparty"]) for c in found} == {("israel", "hamas"), ("hamas", "israel")}
    assert all(c["kind"] == "agreement" and "ceasefire" in c["content"] for c in found)


def test_deadline_set_by_someone_is_an_ultimatum_and_overdue_never_missed(nlp):
    [c] = commitments(nlp, "Iran faces a deadline set by the United Nations to hand over the documents "
                           "by March 1, 2025.", published="2025-03-10")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("ultimatum", "united-nations", "iran")
    assert c["content"] == "hand over the documents" and c["due"] == "2025-03-01"
    assert c["status"] == "open" and c["overdue"] is True


def test_bare_deadline_without_setter_or_content_is_not_recorded(nlp):
    assert commitments(nlp, "The deadline is Friday, officials said.") == []


def test_denial_in_the_same_sentence(nlp):
    [c] = commitments(nlp, "The Kremlin denied that Russia had agreed to security guarantees for Ukraine.")
    assert (c["kind"], c["holder"], c["status"]) == ("guarantee", "russia", "denied")


def test_extension_by_the_holder_moves_the_due_date(nlp):
    [c] = commitments(nlp, "US President Donald Trump on Friday extended his deadline for Russia to agree "
                           "to peace talks by two weeks.", published="2025-09-05")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("ultimatum", "donald-trump", "russia")
    assert c["status"] == "extended" and c["due"] == "2025-09-19"
    assert c["content"] == "agree to peace talks"


def test_pledge_made_good_on_is_met(nlp):
    found = commitments(nlp, "On Wednesday, Germany and France made good on their pledge to pressure Moscow "
                             "to reach a deal.")
    assert {c["holder"] for c in found} == {"germany", "france"}
    assert all(c["status"] == "met" for c in found)


def test_non_confirmation_by_someone_else_does_not_count(nlp):
    found = commitments(nlp, "Japan pledged to build a new hospital in Manila. However, China has not "
                             "confirmed these assurances.")
    assert [c["status"] for c in found] == ["open"]


@pytest.mark.parametrize("text", [
    "Any agreement would involve security guarantees.",                 # generic determiner, modal
    "The finance minister refused to pledge more money for the stadium.",  # refused to pledge
    "It is unclear whether Iran will agree to the deal.",              # whether
    "Russia did not pledge any troops to the mission.",                 # negated
    "Germany could promise more tanks, analysts said.",                 # modal: hypothetical
    "Trump has issued a series of ultimatums in recent months.",        # no holder of a content
    "The two leaders reached an understanding over ending the war.",    # not in the lexicon on purpose
    "The four candidates all agreed that vaccines have done more good than harm.",  # an opinion
    "At the rally, President Donald Trump offered to kiss members of the crowd.",   # an offer
    "Prime Minister Narendra Modi offered \"condolences to the families of the victims.\"",
    "Trump would prefer to agree a solution with the opposition.",     # an intention
    "Labour called Prime Minister Theresa May's proposed Brexit deal lousy.",   # proposed, not made
    "Joe Biden knew about his son's business deals.",                  # whose deals, but no terms
    "His unrelenting commitment to justice has left us a better nation, Barack Obama said.",
])
def test_no_commitment(nlp, text):
    assert commitments(nlp, text) == []


# ---- due dates ---------------------------------------------------------------------------------

def test_due_dates():
    monday = dt.date(2025, 9, 1)
    assert resolve_due("a Monday deadline", monday) == "2025-09-01"
    assert resolve_due("Friday", monday) == "2025-09-05"
    assert resolve_due("within two weeks", monday) == "2025-09-15"
    assert resolve_due("by September 19", monday) == "2025-09-19"
    assert resolve_due("by the end of the year", monday) == "2025-12-31"
    assert resolve_due("a few more weeks", monday) is None     # vague: no date
    assert resolve_due("Friday", None) is None


def test_lexicon_entries_say_why():
    import yaml
    from importlib import resources
    raw = yaml.safe_load(resources.files("newsledger").joinpath("data", "commitments.yaml").read_text())
    for table in ("verbs", "nouns", "status_verbs"):
        for lemma, entry in raw[table].items():
            assert entry.get("why"), (table, lemma)
    lex = load_lexicon()
    assert lex.group_of("deadline") >= {"deadline", "ultimatum"}


def test_quoted_pledge_held_by_its_speaker_with_a_month_due(nlp):
    [c] = commitments(nlp, "“We will rebuild the bridge by June,” Paris Mayor Anne Hidalgo pledged on Tuesday.",
                      published="2025-03-04")
    assert (c["kind"], c["holder"]) == ("pledge", "anne-hidalgo")
    assert "rebuild the bridge" in c["content"] and c["due"] == "2025-06"


def test_period_end():
    from newsledger.dates import period_end
    assert period_end("2025-06") == "2025-06-30"
    assert period_end("2025-W36") == "2025-09-07"
    assert period_end("2025") == "2025-12-31"
    assert period_end("2025-09-01") == "2025-09-01"
    assert period_end("PXW") is None and period_end("XXXX-08") is None


def test_parties_of_a_deal_not_its_broker(nlp):
    found = commitments(nlp, "The Trump administration announced a new deal between Israel and Bahrain.")
    assert {(c["holder"], c["counterparty"]) for c in found} == {("israel", "bahrain"), ("bahrain", "israel")}


def test_fronted_framing_is_not_content(nlp):
    [c] = commitments(nlp, "As part of his campaign, President Recep Tayyip Erdogan pledged to build a new airport.")
    assert c["holder"] == "recep-tayyip-erdogan" and c["content"] == "build a new airport"


def test_possessor_pledge_with_an_undertaking(nlp):
    [c] = commitments(nlp, "President Emmanuel Macron's pledge to send troops to Ukraine angered Moscow.")
    assert (c["kind"], c["holder"], c["content"]) == ("pledge", "emmanuel-macron", "send troops")
    assert c["counterparty"] == "ukraine"


# ---- the many ways news states commitments (sentences we wrote) -------------------------------
# (text, published, expected fields): each field listed must be equal; "content" is exact.

STATED = [
    # ultimatums given as time
    ("Trump gave Iran until March 10 to reopen the nuclear sites.", "2025-03-04",
     dict(kind="ultimatum", holder="donald-trump", counterparty="iran", content="reopen the nuclear sites",
          due="2025-03-10")),
    ("The European Union gave Hungary two weeks to answer the complaint.", "2025-03-04",
     dict(kind="ultimatum", holder="european-union", counterparty="hungary", content="answer the complaint",
          due="2025-03-18")),
    ("Trump gave Hamas three days to respond to the plan.", "2025-03-04",
     dict(kind="ultimatum", holder="donald-trump", counterparty="hamas", content="respond to the plan",
          due="2025-03-07")),
    ("Hamas has 72 hours to release the hostages, Trump said on Tuesday.", "2025-03-04",
     dict(kind="ultimatum", holder="donald-trump", counterparty="hamas", content="release the hostages",
          due="2025-03-07")),
    ("The United Nations set a deadline of March 20 for Iran to hand over the documents.", "2025-03-04",
     dict(kind="ultimatum", holder="united-nations", counterparty="iran", content="hand over the documents",
          due="2025-03-20")),
    # pledges, promises, commitments, guarantees
    ("Japan vowed to rebuild the bridge by June.", "2025-03-04",
     dict(kind="pledge", holder="japan", content="rebuild the bridge", due="2025-06")),
    ("Germany pledged to send 40 tanks to Ukraine within two months.", "2025-03-04",
     dict(kind="pledge", holder="germany", counterparty="ukraine", content="send 40 tanks", due="2025-05-04")),
    ("Canada committed to spending 2% of its economy on defence by 2030.", "2025-03-04",
     dict(kind="pledge", holder="canada", due="2030")),
    ("Iran promised Russia that it would deliver the drones by the end of the month.", "2025-03-04",
     dict(kind="promise", holder="iran", counterparty="russia", content="deliver the drones", due="2025-03-31")),
    ("German Chancellor Friedrich Merz promised to send two more air defence systems to Ukraine by the end "
     "of the year.", "2025-10-08",
     dict(kind="promise", holder="friedrich-merz", counterparty="ukraine",
          content="send two more air defence systems", due="2025-12-31")),
    ("Israel guaranteed that aid trucks would enter Gaza by Sunday.", "2025-03-04",
     dict(kind="guarantee", holder="israel", content="aid trucks enter Gaza", due="2025-03-09")),
    # agreements
    ("Hamas agreed to release ten hostages within 48 hours.", "2025-03-04",
     dict(kind="agreement", holder="hamas", content="release ten hostages", due="2025-03-06")),
    ("Japan signed a deal to buy 20 jets from France.", "2025-03-04",
     dict(kind="agreement", holder="japan", content="buy 20 jets from France")),
    # threats
    ("China threatened to halt rare earth exports to Japan if Tokyo did not withdraw the remarks.", "2025-03-04",
     dict(kind="threat", holder="china", counterparty="japan", conditions="if Tokyo did not withdraw the remarks")),
    ("China threatened retaliation against Japan.", "2025-03-04",
     dict(kind="threat", holder="china", counterparty="japan", content="retaliation")),
    ("Iran warned that it would close the Strait of Hormuz unless sanctions were lifted.", "2025-03-04",
     dict(kind="threat", holder="iran", content="close the Strait of Hormuz",
          conditions="unless sanctions were lifted")),
    # follow-ups: extended, met, missed, withdrawn
    ("The European Union extended the deadline for Hungary to answer the complaint to April 30.", "2025-03-04",
     dict(kind="ultimatum", holder="european-union", counterparty="hungary", content="answer the complaint",
          due="2025-04-30", status="extended")),
    ("The European Union pushed back the deadline for Hungary to answer the complaint to April 30.", "2025-03-04",
     dict(holder="european-union", due="2025-04-30", status="extended")),
    ("Iran faced a deadline set by the United Nations to hand over the documents by March 1. Iran met the "
     "deadline.", "2025-03-04",
     dict(kind="ultimatum", holder="united-nations", counterparty="iran", status="met")),
    ("Japan fulfilled its promise to rebuild the bridge.", "2025-03-04",
     dict(holder="japan", content="rebuild the bridge", status="met")),
    ("Hungary promised to cut taxes. Later, Hungary reneged on the promise.", "2025-03-04",
     dict(kind="promise", holder="hungary", content="cut taxes", status="missed")),
    ("Japan walked back its pledge to rebuild the bridge.", "2025-03-04",
     dict(kind="pledge", holder="japan", status="withdrawn")),
    ("Trump dropped his threat to impose tariffs on Canada.", "2025-03-04",
     dict(kind="threat", holder="donald-trump", counterparty="canada", status="withdrawn")),
]


@pytest.mark.parametrize("text,published,expected", STATED, ids=[s[0][:40] for s in STATED])
def test_ways_of_stating_a_commitment(nlp, text, published, expected):
    [c] = commitments(nlp, text, published=published)
    assert {k: c[k] for k in expected} == expected, c


def test_ultimatum_given_as_time_and_a_warning_with_a_condition(nlp):
    found = commitments(nlp, "US President Donald Trump on Monday gave Iran until Friday to reopen the nuclear "
                             "sites, warning that Washington would impose new sanctions on Iranian banks if "
                             "Tehran refused.", published="2025-10-06")
    by_kind = {c["kind"]: c for c in found}
    assert set(by_kind) == {"ultimatum", "threat"}
    u, t = by_kind["ultimatum"], by_kind["threat"]
    assert (u["holder"], u["counterparty"], u["content"], u["due"], u["status"]) == (
        "donald-trump", "iran", "reopen the nuclear sites", "2025-10-10", "open")
    assert (t["holder"], t["counterparty"]) == ("donald-trump", "iran")
    assert t["content"] == "impose new sanctions on Iranian banks" and t["conditions"] == "if Tehran refused"


def test_extension_by_an_amount_is_not_content_and_counts_from_the_statement(nlp):
    # The new due date is the day the extension is reported + the amount (documented in the module).
    [c] = commitments(nlp, "President Donald Trump on Friday extended his deadline for Iran to reopen the sites "
                           "by two weeks, saying talks were going well.", published="2025-10-10")
    assert (c["kind"], c["holder"], c["counterparty"], c["content"]) == (
        "ultimatum", "donald-trump", "iran", "reopen the sites")
    assert c["status"] == "extended" and c["due"] == "2025-10-24"


def test_referring_extension_is_recorded_for_tracking(nlp):
    [c] = commitments(nlp, "Trump on Friday extended the deadline for Iran by two weeks.", published="2025-10-10")
    assert (c["kind"], c["holder"], c["counterparty"], c["status"], c["due"]) == (
        "ultimatum", "donald-trump", "iran", "extended", "2025-10-24")


def test_reported_agreement_not_confirmed_by_the_holders_state(nlp):
    [c] = commitments(nlp, "US envoy Steve Witkoff said last week that Iranian President Masoud Pezeshkian had "
                           "agreed to a prisoner swap. Tehran has not confirmed the swap.")
    assert (c["kind"], c["content"], c["status"]) == ("agreement", "a prisoner swap", "unconfirmed")


def test_a_spokesman_denies_for_his_leader(nlp):
    [c] = commitments(nlp, "Kremlin spokesman Dmitry Peskov on Wednesday denied that Russian President Vladimir "
                           "Putin had agreed to a prisoner swap with Ukraine.")
    assert (c["holder"], c["counterparty"], c["status"]) == ("vladimir-putin", "ukraine", "denied")


def test_someone_elses_denial_does_not_count(nlp):
    [c] = commitments(nlp, "Japan pledged to build a new hospital in Manila. China denied the pledge.")
    assert c["status"] == "open"


@pytest.mark.parametrize("text", [
    "Officials said Germany is considering pledging more tanks to Ukraine.",   # someone else's plans
    "Germany is expected to pledge more tanks to Ukraine.",                    # expectation
    "Analysts said Germany plans to pledge more tanks.",                       # reported plans
    "If Germany pledged more tanks, Russia would respond.",                    # hypothetical
    "Germany could pledge more tanks.",                                        # modal
    "Did Japan promise to rebuild the bridge?",                                # question
    "Would Trump give Russia until Friday to accept a ceasefire?",             # question
    "Trump could give Russia until Friday to accept a ceasefire.",             # modal
    "Trump did not give Russia a deadline.",                                   # negated
    "The talks have two days to produce a result.",                            # nobody sets it
    "Trump gave a speech until midnight.",                                     # time, no one bound
    "Trump gave Russia two more weeks to respond.",                            # an extension, not a new one
    "Iran warned that the region would burn if Israel attacked.",              # a prediction, not its own act
    "Trump warned that Russia would attack Kyiv if talks failed.",             # someone else's act
    "Trump warned that Washington would not tolerate delays.",                 # no condition, negated
    "Zelensky asked whether Russia would agree to a ceasefire.",               # whether
    "Zelensky welcomed the deadline.",                                         # no holder, no content
    "Canada ignored the deadline.",                                            # a cue with nothing to point at
    "Critics say the deal could guarantee nothing.",                           # modal
    "President Donald Trump threatened the network's broadcast licence renewal.",  # endangered, not an act
])
def test_no_commitment_in_these_ways(nlp, text):
    assert commitments(nlp, text) == []


def test_due_dates_end_of_period_is_its_last_day():
    day = dt.date(2025, 10, 8)
    assert resolve_due("by the end of the year", day) == "2025-12-31"
    assert resolve_due("by the end of the month", day) == "2025-10-31"
    assert resolve_due("by year-end", day) == "2025-12-31"
    assert resolve_due("by June", day) == "2026-06"          # a bare period stays a period
    assert resolve_due("within 48 hours", day) == "2025-10-10"


def test_due_dates_the_times_resolver_took_over():
    """Cases the commitments package once resolved on its own, now read by nlp/times/due.py."""
    from newsledger.nlp.times.due import due_of_expression
    from newsledger.records import TimeExpr
    day = dt.date(2025, 10, 8)
    assert resolve_due("within 12 hours", day) == "2025-10-09"     # the day the hours run out
    assert resolve_due("72 hours", day) == "2025-10-11"
    assert resolve_due("PT48H", day) == "2025-10-10"
    assert resolve_due("by May 15, 2026", None) == "2026-05-15"     # a date with its year needs no anchor
    assert resolve_due("by the end of the quarter", day) == "2025-12-31"
    june = TimeExpr(text="June", span=(0, 4), type="DATE", value="2025-06", anchor="published")
    assert due_of_expression(june, day) == "2026-06"                # read forward, as a due date is
    friday = TimeExpr(text="Friday", span=(0, 6), type="DATE", value="2025-10-03", anchor="published")
    assert due_of_expression(friday, day) == "2025-10-03"           # a day is taken as tagged


# ---- the shared reading of English (nlp/grammar) ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Germany has not pledged to send more tanks to Ukraine.",           # not
    "Britain no longer guarantees the safety of the convoy.",           # no longer
    "Germany no longer intends to pledge more tanks to Ukraine.",       # no longer, an intention
    "Germany did not agree to pledge more tanks to Ukraine.",           # a denied head over it
])
def test_denied_commitments_are_not_recorded(nlp, text):
    assert commitments(nlp, text) == []


def test_a_negative_subject_denies_a_confirmation(nlp):
    found = commitments(nlp, "Japan pledged to build a new hospital in Manila. No official confirmed "
                             "these assurances.")
    assert [c["status"] for c in found] == ["unconfirmed"]


@pytest.mark.parametrize("text", [
    "Germany should pledge more tanks to Ukraine.",        # obligation: wanted of Germany, not made
    "Germany must pledge more tanks to Ukraine.",          # obligation
    "Germany can pledge more tanks to Ukraine.",           # ability
    "(Will Germany pledge more tanks to Ukraine?)",        # a question, inside brackets
    "Russia will withdraw if Germany pledges more tanks to Ukraine.",      # inside a condition
    "Russia will withdraw unless Germany pledges more tanks to Ukraine.",  # inside a condition
])
def test_modal_questioned_or_conditional_commitments_are_not_recorded(nlp, text):
    assert commitments(nlp, text) == []


def test_the_future_is_how_a_commitment_is_made(nlp):
    found = commitments(nlp, "Germany will pledge more tanks to Ukraine.")
    assert [(c["kind"], c["holder"]) for c in found] == [("pledge", "germany")]


def test_a_warned_act_with_shall_is_foretold(nlp):
    found = commitments(nlp, "Trump warned that Washington shall impose sanctions if Moscow refused.")
    assert [(c["kind"], c["content"], c["conditions"]) for c in found] == [
        ("threat", "impose sanctions", "if Moscow refused")]


@pytest.mark.parametrize("text, holder", [
    ("Germany, which pledged to send tanks to Ukraine, met France on Monday.", "germany"),   # relative clause
    ("More tanks were pledged to Ukraine by Germany.", "germany"),                          # passive agent
    ("Germany agreed and pledged to send tanks to Ukraine.", "germany"),                    # coordination
    ("BERLIN -- Germany has pledged to send more tanks to Ukraine.", "germany"),            # a dateline
])
def test_who_holds_a_commitment(nlp, text, holder):
    assert [c["holder"] for c in commitments(nlp, text)] == [holder]


def test_a_plan_to_give_a_deadline_is_not_the_giver(nlp):
    # "to give" hangs on "plan" (acl): the plan is not who gives, so no one has set a deadline
    assert commitments(nlp, "Trump spoke of his plan to give Russia a final deadline to leave Ukraine.") == []


# ---- holders, announcements and due dates (issue 21) ------------------------------------------

@pytest.mark.parametrize("text, holders", [
    # a wire dateline the parse takes for the subject, the real subject hung on it as an apposition
    ("OSLO — Norway and Iceland agreed on Friday to share fishing quotas in the Barents Sea until 2030.",
     ["norway", "iceland"]),
    # a capital whose name stands for its government holds the pledge as the country
    ("Berlin pledged on Monday to send four more Patriot systems to Ukraine by the end of the year.",
     ["germany"]),
])
def test_dateline_and_capital_holders(nlp, text, holders):
    found = commitments(nlp, text, published="2026-03-02")
    assert [c["holder"] for c in found] == holders
    assert all("OSLO" not in c["content"] for c in found)


def test_who_brokered_a_deal_does_not_hold_it(nlp):
    found = commitments(nlp, "Peru and Chile agreed to reopen their border crossings, in a deal brokered "
                             "by Brazil.")
    assert "brazil" not in {c["holder"] for c in found}


def test_the_company_named_before_holds_its_promise_not_the_union(nlp):
    text = ("Unions at Siemens said on Tuesday that the company had promised not to close any of its "
            "plants in Bavaria through the end of 2027.")
    [c] = commitments(nlp, text, published="2026-03-02")
    assert (c["kind"], c["holder"]) == ("promise", "siemens")
    assert c["due"] == "2027-12-31" and "through" not in c["content"]


def test_a_product_maker_is_the_company_not_the_product(nlp):
    text = ("Apple was fined on Monday. The iPhone maker promised to cut its commission to "
            "15 percent by the end of June.")
    [c] = commitments(nlp, text, published="2026-03-02")
    assert (c["holder"], c["due"]) == ("apple", "2026-06-30")


def test_the_side_that_threatens_holds_the_threat_and_its_infinitive_is_the_content(nlp):
    text = ("President Donald Trump threatened on Tuesday to impose a 20 percent tariff on all imports "
            "from Brazil from March 1 unless Brasilia drops the case.")
    [c] = commitments(nlp, text, published="2026-02-03")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("threat", "donald-trump", "brazil")
    assert c["content"].startswith("impose a 20 percent tariff") and c["conditions"].startswith("unless")


def test_an_announced_act_of_ones_own_side_is_a_pledge(nlp):
    text = ("Spain will build two new desalination plants in Catalonia, with the first of them running "
            "by the end of the year, Prime Minister Pedro Sánchez said on Monday.")
    [c] = commitments(nlp, text, published="2026-03-02")
    assert (c["kind"], c["holder"]) == ("pledge", "spain")
    assert c["content"].startswith("build two new desalination plants") and c["due"] == "2026-12-31"


def test_a_quote_that_restates_the_announcement_is_not_a_second_pledge(nlp):
    text = ("Spain will build two new desalination plants in Catalonia, Prime Minister Pedro "
            "Sánchez said on Monday.\n\n\"We will build these plants with Spanish money,\" Sánchez said.")
    assert len(commitments(nlp, text, published="2026-03-02")) == 1


def test_announced_payment_counts_from_the_day_named(nlp):
    text = ("UEFA President Aleksander Ceferin said on Tuesday that the bonus would be paid to the "
            "participating clubs within 30 days of Saturday's final.")
    [c] = commitments(nlp, text, published="2026-06-02")
    assert c["holder"] in ("aleksander-ceferin", "uefa") and c["due"] == "2026-06-29"


@pytest.mark.parametrize("text", [
    "Brazil will win the tournament, coach Carlo Ancelotti said.",               # an outcome
    "Mexico will pay for the wall, Trump said.",                                  # another side's act
    "Prices will rise next year, the central bank predicted.",                   # a forecast
    "The minister said the reform would help exporters.",                        # an opinion
    "He said that, if elected, he would cut taxes.",                             # one's own condition
    "Senator Bernie Sanders said he would probably campaign with her.",          # a likelihood
    "\"I'll tell you why,\" Trump said.",                                         # talk about the talk
    "Senator Ted Cruz said his tax plan would create millions of jobs.",          # his plan, not him
    "Trump revealed who he would pick as his running mate.",                     # not what is promised
])
def test_what_is_foretold_is_not_announced(nlp, text):
    assert [c for c in commitments(nlp, text) if c["kind"] == "pledge"] == []


def test_an_order_with_a_time_limit_is_a_deadline_held_by_who_orders(nlp):
    [c] = commitments(nlp, "The European Commission ordered Meta to change its advertising model by "
                           "June 27 or face daily fines.", published="2026-03-02")
    assert (c["holder"], c["counterparty"], c["due"]) == ("european-commission", "meta", "2026-06-27")
    assert c["kind"] in ("ultimatum", "deadline") and c["content"].startswith("change its advertising model")
    # without a time limit it is a demand, not a deadline to track
    assert commitments(nlp, "The European Commission ordered Meta to change its advertising model.") == []


def test_a_threat_falls_due_when_its_act_takes_effect(nlp):
    [c] = commitments(nlp, "President Donald Trump threatened on Monday to impose a 25 percent tariff on "
                           "Canadian steel from April 1 unless Ottawa lifts its dairy quotas.",
                      published="2026-03-02")
    assert (c["kind"], c["due"]) == ("threat", "2026-04-01")


def test_a_product_owner_named_in_apposition_is_bound_by_the_ultimatum(nlp):
    [c] = commitments(nlp, "The White House gave TikTok's owner ByteDance until June 19 to sell the app's "
                           "US operations.", published="2026-03-02")
    assert (c["kind"], c["holder"], c["counterparty"], c["due"]) == (
        "ultimatum", "united-states", "bytedance", "2026-06-19")


def test_a_duration_counted_from_an_undated_event_gives_no_due_date(nlp):
    [c] = commitments(nlp, "Kyiv has promised to hold elections within 90 days of a ceasefire.",
                      published="2026-03-02")
    assert (c["holder"], c["due"]) == ("ukraine", None)       # the capital acts for its government


def test_two_signatories_are_each_others_counterparty_whatever_the_terms_name(nlp):
    found = commitments(nlp, "Chile and Bolivia agreed to sign a deal on a gas pipeline from the Tarija "
                             "basin by June 30.", published="2026-02-10")
    assert {(c["holder"], c["counterparty"]) for c in found} == {("chile", "bolivia"), ("bolivia", "chile")}


def test_an_act_placed_in_a_named_month_falls_due_at_its_end(nlp):
    text = "Qatar pledged on Sunday to raise its gas exports by 40,000 tonnes a day in August."
    [c] = commitments(nlp, text, published="2026-06-07")
    assert c["due"] in ("2026-08", "2026-08-31")


def test_a_place_after_in_gives_no_due_date(nlp):
    text = "Qatar pledged on Sunday to build a gas terminal in Oman."
    [c] = commitments(nlp, text, published="2026-06-07")
    assert c["due"] is None


def test_the_month_a_pledge_was_made_is_not_its_due_date(nlp):
    [c] = commitments(nlp, "Qatar pledged in March to raise its gas exports.", published="2026-06-07")
    assert c["due"] is None


def test_the_due_phrase_of_a_gerund_the_act_takes_is_the_acts(nlp):
    text = "Peru and Chile agreed on Friday to finish mapping their maritime border by the end of October."
    cs = commitments(nlp, text, published="2026-06-05")
    assert cs and all(c["due"] == "2026-10-31" for c in cs)


def test_an_infinitive_with_clause_tells_when_the_act_falls_due(nlp):
    text = ("Norway pledged on Monday to lend Kenya 300 million dollars for wind farms, with the loan "
            "agreement to be signed before the end of August.")
    [c] = commitments(nlp, text, published="2026-05-04")
    assert c["due"] == "2026-08-31"


def test_a_due_phrase_the_parse_hung_inside_the_object_bounds_the_act(nlp):
    # "by the end of May" on "ordered" (a participle in the object): a done order falls due no later
    [c] = commitments(nlp, "Boeing promised on Monday to deliver the 20 jets ordered by Ryanair by the end of May.",
                      published="2026-01-12")
    assert (c["holder"], c["due"]) == ("boeing", "2026-05-31")


def test_a_past_due_phrase_inside_the_object_tells_the_object_not_the_act(nlp):
    [c] = commitments(nlp, "Boeing promised on Monday to deliver the jets Ryanair had ordered before the end "
                           "of 2024.", published="2026-01-12")
    assert c["due"] is None


def test_a_beginning_falls_due_on_the_day_it_is_to_begin(nlp):
    found = commitments(nlp, "Ghana and Togo agreed on Tuesday to begin joint customs checks at the Aflao "
                             "border crossing from September 1.", published="2026-05-12")
    assert found and {c["due"] for c in found} == {"2026-09-01"}
    found = commitments(nlp, "Ghana and Togo agreed on Tuesday to expand joint customs checks from Lome.",
                        published="2026-05-12")
    assert found and {c["due"] for c in found} == {None}


def test_a_company_named_after_a_dateline_holds_its_promise(nlp):
    # the tagger misses "Tesla" right after the dateline; the same name further on is the company
    text = ("BERLIN — Tesla promised on Monday to begin building a battery plant in Brandenburg by the end of June."
            "\n\nThe plant will supply Tesla's factory in Gruenheide.")
    found = commitments(nlp, text, published="2026-02-24")
    assert [(c["holder"], c["due"]) for c in found] == [("tesla", "2026-06-30")]


def test_a_country_announcing_it_will_give_goods_pledges_them_without_its_dateline(nlp):
    [c] = commitments(nlp, "OSLO — Norway will give Moldova 12 fire engines by the end of May, the Norwegian "
                           "foreign ministry said on Wednesday.", published="2026-01-14")
    assert (c["kind"], c["holder"], c["due"]) == ("pledge", "norway", "2026-05-31")
    assert not c["content"].startswith("OSLO")


def test_a_country_announcing_it_will_give_more_time_pledges_nothing(nlp):
    found = commitments(nlp, "OSLO — Norway will give Moldova two more weeks to answer, the Norwegian foreign "
                             "ministry said on Wednesday.", published="2026-01-14")
    assert not [c for c in found if c["kind"] == "pledge"]


def test_a_receiver_the_parse_merged_into_the_object_is_the_counterparty(nlp):
    found = commitments(nlp, "Finnish President Alexander Stubb said on Monday that Norway had guaranteed Finland "
                             "uninterrupted deliveries of electricity until the end of February.",
                        published="2026-10-05")
    assert [(c["kind"], c["holder"], c["counterparty"]) for c in found] == [("guarantee", "norway", "finland")]
    assert found[0]["content"].startswith("uninterrupted deliveries")
    # a name that is part of the thing guaranteed ("the Nord Pool market") is no receiver
    found = commitments(nlp, "Norway guaranteed the stability of the Nord Pool market.", published="2026-10-05")
    assert all(c["counterparty"] is None for c in found)


@pytest.mark.parametrize("said, foretold, published, expected", [
    # a minister named by title alone; a minister of another state foretelling it is no pledge of France
    ("PARIS — France will return 12 bronze statues to Nigeria by the end of September, Culture Minister Rachida "
     "Dati said on Monday.", "France will return 12 bronze statues to Nigeria by the end of September, Nigerian "
     "Culture Minister Hannatu Musawa said on Monday.", "2026-02-09", ("pledge", "france", "nigeria")),
    # the Commission acts for the EU (data/commitments.yaml, link_acts_for); another body's forecast is no pledge
    ("BRUSSELS — The European Union will lend Moldova 200 million euros by the end of May, the European "
     "Commission said on Tuesday.", "The European Union will lend Moldova 200 million euros by the end of May, the "
     "International Monetary Fund said on Tuesday.", "2026-02-10", ("pledge", "european-union", "moldova")),
], ids=["minister", "commission"])
def test_a_minister_named_by_title_alone_announces_for_the_country_that_will_act(nlp, said, foretold, published,
                                                                               expected):
    [c] = commitments(nlp, said, published=published)
    assert (c["kind"], c["holder"], c["counterparty"]) == expected
    assert not [c for c in commitments(nlp, foretold, published=published) if c["holder"] == expected[1]]


@pytest.mark.parametrize("judge", ["A federal judge in Seattle", "A US federal judge"])   # not the US of its modifiers
def test_a_judge_introduced_by_role_and_named_after_sets_the_deadline(nlp, judge):
    text = (f"SEATTLE — {judge} on Tuesday ordered Amazon to reinstate 30 warehouse workers "
            "by Friday.\n\nUS District Judge John Coughenour said the firings were likely unlawful.")
    found = commitments(nlp, text, published="2026-04-07")
    assert [(c["holder"], c["due"]) for c in found] == [("john-coughenour", "2026-04-10")]
    # a role no person of the article bears later introduces no one
    text = ("SEATTLE — A federal judge in Seattle on Tuesday ordered Amazon to reinstate 30 warehouse workers "
            "by Friday.\n\nAmazon said it would appeal.")
    assert not [c for c in commitments(nlp, text, published="2026-04-07") if c["kind"] in ("deadline", "ultimatum")]


def test_a_cue_set_off_before_a_purpose_clause_still_announces_the_host_clause(nlp):
    # ", the ministry said on Wednesday, to help ...": the statement's content takes both halves with the
    # cue inside; what is announced is the clause the cue is set off in, not the cue
    for speaker in ("the Norwegian foreign ministry", "Norway's foreign ministry"):
        [c] = commitments(nlp, f"OSLO — Norway will give Moldova 12 fire engines by the end of May, {speaker} "
                               "said on Wednesday, to help villages near the Ukrainian border.", published="2026-01-14")
        assert (c["kind"], c["holder"], c["due"]) == ("pledge", "norway", "2026-05-31")
        assert c["content"].startswith("give Moldova")
    # the same set-off report by the other side foretells Norway's act: no pledge
    found = commitments(nlp, "Norway will give Moldova 12 fire engines by the end of May, the Moldovan government "
                             "said on Wednesday, to help villages near the Ukrainian border.", published="2026-01-14")
    assert not [c for c in found if c["holder"] == "norway"]


def test_time_given_until_the_end_of_a_month_with_the_act_on_the_time(nlp):
    # "until the end of March to repeal": the parse hangs the infinitive on "end", inside the until-phrase;
    # the time given and the act asked for are still one ultimatum
    found = commitments(nlp, "The European Union gave Georgia until the end of March to repeal its foreign agents "
                             "law, Kaja Kallas said on Monday.", published="2026-02-16")
    assert [(c["kind"], c["holder"], c["counterparty"], c["content"], c["due"]) for c in found] == \
        [("ultimatum", "european-union", "georgia", "repeal its foreign agents law", "2026-03-31")]


@pytest.mark.parametrize("text", [
    "The European Union did not give Georgia until the end of March to repeal the law.",   # negated give
    "Georgia has until the end of March, Kallas said.",                                   # time, no act asked
    "The programme has until the end of March to apply, officials said.",                 # nobody bound
    "Kallas said she had until the end of the month to decide.",                          # one's own time
])
def test_time_until_the_end_of_a_month_that_is_no_ultimatum(nlp, text):
    assert commitments(nlp, text, published="2026-02-16") == []


def test_a_side_said_to_have_until_a_date_is_given_an_ultimatum(nlp):
    # "X has until DATE to ..." is "X has N days to ..." with the bound named: the speaker sets it
    found = commitments(nlp, "Union leader Shawn Fain said General Motors has until March 20 to reopen the Orion plant.",
                        published="2026-03-02")
    assert [(c["kind"], c["holder"], c["counterparty"], c["due"]) for c in found] == \
        [("ultimatum", "shawn-fain", "general-motors", "2026-03-20")]
    # one's own time to decide binds no one
    assert not commitments(nlp, "Fain said he had until Friday to decide.", published="2026-03-02")


@pytest.mark.parametrize("text, holder", [
    ("Belgium's ACV union gave Audi until March 31 to find a buyer for its Brussels plant. The ACV said talks "
     "would continue.", "acv"),
    ("France's CGT union gave Renault until May 10 to withdraw its plan to close the Flins plant.", "cgt"),
])
def test_a_body_named_after_a_country_possessive_is_the_body(nlp, text, holder):
    # "Belgium's ACV union": the possessive names whose union it is; the union sets the ultimatum
    found = [c for c in commitments(nlp, text) if c["kind"] == "ultimatum"]
    assert [c["holder"] for c in found] == [holder]


def test_a_decision_announced_to_act_is_a_pledge_of_its_maker(nlp):
    [c] = commitments(nlp, "Germany has decided to send Ukraine two more air defence systems, the defence ministry "
                           "said on Monday.")
    assert (c["kind"], c["holder"], c["counterparty"]) == ("pledge", "germany", "ukraine")
    assert c["content"] == "send Ukraine two more air defence systems"
    # a decision that something is so, or not to act, binds no one to an act
    assert commitments(nlp, "Germany decided that the systems were too costly.") == []
    assert commitments(nlp, "Germany decided not to send the systems to Ukraine.") == []


@pytest.mark.parametrize("text, holder", [
    # the mine named in the company's own sentence is no company that speaks
    ("ULAANBAATAR — Rio Tinto will invest $1 billion more in Mongolia's Oyu Tolgoi mine by 2028, the company said.",
     "rio-tinto"),
    # the same behind a dateline the parse took for the subject; the miner known by the gazetteer, not a person
    # of the dateline's country
    ("BAMAKO — Barrick Gold will invest $500 million in Mali's Loulo-Gounkoto gold complex by the end of 2027, "
     "the company said on Tuesday.", "barrick-gold"),
    ("KINSHASA — Ivanhoe Mines will build a copper smelter at its Kamoa-Kakula complex in Congo by the end of 2027, "
     "the company said on Tuesday.", "ivanhoe-mines"),
    # the company named again by its trade after its nationality ("the German carrier"): the company, not the country
    ("HAMBURG — Lufthansa will add three weekly flights to Windhoek from April 1, the German carrier said on Tuesday.",
     "lufthansa"),
    ("Reliance Industries will double its purchases of Venezuelan crude by June, the Indian refiner said on Monday.",
     "reliance-industries"),
], ids=["mine-in-content", "dateline-barrick", "dateline-ivanhoe", "trade-carrier", "trade-refiner"])
def test_the_company_that_speaks_is_the_one_that_acts_in_its_sentence(nlp, text, holder):
    found = commitments(nlp, text, published="2026-03-10")
    assert [(c["kind"], c["holder"]) for c in found] == [("pledge", holder)]
    # the host country holds nothing of the company's
    assert not [c for c in found if c["holder"] in ("mongolia", "mali", "democratic-republic-of-the-congo",
                                                    "germany", "india")]


@pytest.mark.parametrize("text, holder", [
    ("BERLIN — Siemens Energy is expanding its plants. The company said on Tuesday it would invest 1 billion euros "
     "in its plants in Nuremberg and Weiden by the end of 2028.", "siemens-energy"),
    ("Anglo American said on Tuesday it would invest $3 billion in Chile by 2030.", "anglo-american"),
], ids=["the-company-it", "named-it"])
def test_a_speaker_saying_it_will_act_pledges_the_act(nlp, text, holder):
    # the pronoun subject of reported speech that agrees with the speaker is the speaker (events read
    # "Hungary says it will not ..." the same way)
    found = commitments(nlp, text, published="2026-04-14")
    assert [(c["kind"], c["holder"], c["status"]) for c in found] == [("pledge", holder, "open")]


def test_a_pronoun_that_does_not_agree_with_the_speaker_is_not_the_speaker(nlp):
    # a person's "it": what something will do or cost, not the speaker's act
    assert not commitments(nlp, "Defence Minister Boris Pistorius said on Monday it would take Germany years to "
                                "rebuild its stocks of ammunition.", published="2026-04-14")


@pytest.mark.parametrize("text, holder", [
    ("TOKYO — Japan will give Vietnam six coast guard patrol vessels by the end of March 2027, two Japanese "
     "government officials said on Tuesday, speaking on condition of anonymity.", "japan"),
    ("JAKARTA — Apple will build its first factory in Indonesia by the end of 2027, two people familiar with the "
     "plan said on Tuesday.", "apple"),
    ("TOKYO — Japan has decided to hand the Philippines five more patrol vessels by the end of June, three Japanese "
     "government sources said on Monday.", "japan"),
], ids=["officials", "people-familiar", "sources-decided"])
def test_a_commitment_told_only_by_unnamed_sources_is_unconfirmed(nlp, text, holder):
    found = commitments(nlp, text, published="2026-02-17")
    assert [(c["kind"], c["holder"], c["status"]) for c in found] == [("pledge", holder, "unconfirmed")]


@pytest.mark.parametrize("text", [
    # on the record: a spokesperson speaks for the body, named or not
    "TOKYO — Japan will give Vietnam six coast guard patrol vessels by the end of March 2027, Chief Cabinet "
    "Secretary Minoru Kihara said on Tuesday.",
    "TOKYO — Japan will give Vietnam six coast guard patrol vessels by the end of March 2027, a government "
    "spokesman said on Tuesday.",
], ids=["named", "spokesman"])
def test_a_commitment_told_on_the_record_is_open(nlp, text):
    found = commitments(nlp, text, published="2026-02-17")
    assert [(c["holder"], c["status"]) for c in found] == [("japan", "open")]


def test_an_unnamed_body_announces_for_the_state_the_story_is_filed_from(nlp):
    [c] = commitments(nlp, "ULAANBAATAR — Mongolia will build a 230-km railway from its Tavan Tolgoi coal field by "
                           "the end of 2027, the government said on Monday.", published="2026-04-20")
    assert (c["kind"], c["holder"], c["status"], c["due"]) == ("pledge", "mongolia", "open", "2027-12-31")
    # filed from Kyiv, "the government" foretelling Russia's act is Ukraine's: no pledge of Russia
    assert not commitments(nlp, "KYIV — Russia will launch a new offensive in the east by the end of May, the "
                                "government said on Tuesday.", published="2026-02-17")


def test_unnamed_officials_of_both_sides_tell_their_agreement(nlp):
    # "officials from both countries said": the two parties' own account, not a source off the record
    found = commitments(nlp, "GOMA — Rwanda and Congo agreed on Thursday to reopen the border crossings to traders, "
                             "officials from both countries said.", published="2026-02-12")
    assert found and all(c["status"] == "open" for c in found)


@pytest.mark.parametrize("text, holder", [
    # a miner the gazetteer does not know, named behind the dateline of its host country's capital
    ("BAMAKO — Hummingbird Gold will invest $300 million in Mali's Yanfolila mine by the end of 2027, the company said "
     "on Tuesday.", "hummingbird-gold"),
    # a company whose name holds a country's adjective: the company pledges, not Peru
    ("LIMA — Peruvian Copper Mines will invest $400 million in a new smelter near Ilo by the end of 2028, the "
     "company said on Tuesday.", "peruvian-copper-mines"),
], ids=["unknown-miner", "adjective-in-name"])
def test_an_unknown_company_named_by_its_head_word_holds_its_pledge(nlp, text, holder):
    found = commitments(nlp, text, published="2026-03-10")
    assert [(c["kind"], c["holder"]) for c in found] == [("pledge", holder)]


@pytest.mark.parametrize("text, holder, content", [
    # the parse hangs the dateline's dash on the subject: the place is still no part of the pledge
    ("JOHANNESBURG — South African Airways will resume flights to Lagos next month, the company said.",
     "south-african-airways", "resume flights to Lagos next month"),
    ("OSLO — Norway will give Moldova 12 fire engines, the Norwegian foreign ministry said on Wednesday.",
     "norway", "give Moldova 12 fire engines"),
])
def test_a_pledge_announced_after_a_dateline_leaves_the_place_out(nlp, text, holder, content):
    found = [c for c in commitments(nlp, text, published="2026-01-14") if c["kind"] == "pledge"]
    assert [(c["holder"], c["content"]) for c in found] == [(holder, content)]


# ---- the terms of an agreement (nlp/commitments/terms.py), the two sides, keeping on doing, history ----

def _by_holder(cs):
    return {c["holder"]: c for c in cs}


def test_agreed_that_a_party_will_act_is_held_by_that_party(nlp):
    cs = commitments(nlp, "Brazil and Paraguay agreed on Tuesday that Paraguay will sell its surplus power to "
                          "Brazil by the end of June.", published="2026-03-03")
    assert len(cs) == 1, cs
    c = cs[0]
    assert (c["kind"], c["holder"], c["counterparty"]) == ("agreement", "paraguay", "brazil")
    assert c["content"] == "sell its surplus power to Brazil" and c["due"] == "2026-06-30"


def test_agreed_that_they_will_act_binds_both_parties(nlp):
    cs = _by_holder(commitments(nlp, "Brazil and Paraguay agreed on Tuesday that they will build a second "
                                     "bridge by December.", published="2026-03-03"))
    assert set(cs) == {"brazil", "paraguay"}
    assert cs["brazil"]["counterparty"] == "paraguay" and cs["paraguay"]["counterparty"] == "brazil"


def test_agreed_that_a_term_has_a_condition_keeps_it_apart(nlp):
    cs = commitments(nlp, "Brazil and Paraguay agreed that if prices rise, Paraguay will sell its surplus power "
                          "to Brazil.", published="2026-03-03")
    assert [(c["holder"], c["conditions"], c["content"]) for c in cs] == [
        ("paraguay", "if prices rise", "sell its surplus power to Brazil")]


@pytest.mark.parametrize("text", [
    "Brazil and Paraguay agreed that electricity prices will fall next year.",      # an outcome, no party bound
    "Brazil and Paraguay agreed that the talks will resume in May.",                # no party as the doer
    "Brazil and Paraguay could agree that Paraguay will sell its surplus power to Brazil by June.",
    "Brazil and Paraguay did not agree that Paraguay will sell its surplus power to Brazil by June.",
    "If Brazil and Paraguay agree that Paraguay will sell its surplus power to Brazil, prices will fall.",
    "The United States and France agreed that Ukraine will receive more air defence systems by June.",  # a third side
])
def test_agreed_that_must_not_record(nlp, text):
    assert commitments(nlp, text, published="2026-03-03") == []


def test_under_the_deal_a_party_will_act(nlp):
    cs = commitments(nlp, "Kenya and Ethiopia signed a power deal on Monday. Under the deal, Ethiopia will raise "
                          "its electricity exports to Kenya by the end of September, the Kenyan ministry said.",
                     published="2026-06-08")
    # the deal's terms stand for it: no bare "power deal" records beside them
    assert [(c["kind"], c["holder"], c["counterparty"], c["due"]) for c in cs] == [
        ("agreement", "ethiopia", "kenya", "2026-09-30")]
    assert cs[0]["content"] == "raise its electricity exports to Kenya"


def test_an_agreement_under_which_a_party_will_act(nlp):
    cs = commitments(nlp, "Indonesia and Australia reached an agreement on Thursday under which Indonesia will "
                          "lift its ban on live cattle imports from Australia by April 30.", published="2026-02-12")
    assert [(c["holder"], c["counterparty"], c["due"]) for c in cs] == [("indonesia", "australia", "2026-04-30")]
    assert cs[0]["content"].startswith("lift its ban on live cattle imports")


@pytest.mark.parametrize("second", [
    "Under the deal, Ethiopia will not raise its electricity exports to Kenya before 2027.",   # denied
    "Under the deal, Ethiopia would raise its electricity exports to Kenya by September.",     # hypothetical
    "Under a separate deal, Ethiopia will raise its electricity exports to Kenya by September.",  # not this deal
    "Under the 2015 deal, Ethiopia will sell electricity to Kenya until 2030.",                # an old deal recalled
])
def test_under_the_deal_must_not_record_a_term(nlp, second):
    cs = commitments(nlp, "Kenya and Ethiopia signed a power deal on Monday. " + second, published="2026-06-08")
    assert {c["content"] for c in cs} == {"power deal"}, cs


def test_the_two_sides_are_the_parties_named_before(nlp):
    cs = commitments(nlp, "Kenya and Ethiopia signed a power deal on Monday. The two sides also agreed to open a "
                          "border post at Moyale by December.", published="2026-06-08")
    post = _by_holder(c for c in cs if "Moyale" in c["content"])
    assert set(post) == {"kenya", "ethiopia"} and post["kenya"]["counterparty"] == "ethiopia"


def test_an_institution_will_keep_doing_is_its_pledge(nlp):
    cs = commitments(nlp, "Harvard University said on Tuesday it will keep paying the researchers until June 30.",
                     published="2026-02-10")
    assert [(c["kind"], c["holder"], c["content"], c["due"]) for c in cs] == [
        ("pledge", "harvard-university", "keep paying the researchers", "2026-06-30")]


def test_keeping_a_promise_is_no_new_pledge(nlp):
    cs = commitments(nlp, "Harvard University said on Tuesday it will keep its promise to the researchers.",
                     published="2026-02-10")
    assert not any(c["kind"] == "pledge" for c in cs), cs


@pytest.mark.parametrize("text, content", [
    ("Bosch will keep all 1,900 jobs at its Homburg plant until the end of 2028, the company said on Monday.",
     "keep all 1,900 jobs at its Homburg plant"),
    ("Unilever will keep its Mannheim factory open through 2027, the company said.",
     "keep its Mannheim factory open"),
])
def test_keeping_a_thing_is_the_act_promised(nlp, text, content):
    """"keep" with a thing as object (data/commitments.yaml keep: acts_on_things) is the act promised, where
    keeping a promise is a status."""
    cs = commitments(nlp, text, published="2026-02-10")
    assert [c["content"] for c in cs if c["kind"] in ("pledge", "promise")] == [content], cs


@pytest.mark.parametrize("text", [
    "Germany will keep its word, the chancellor said on Monday.",
    "The company said it would keep its end of the bargain.",
])
def test_must_not_keeping_ones_word_is_no_pledge(nlp, text):
    cs = commitments(nlp, text, published="2026-02-10")
    assert not any(c["kind"] == "pledge" for c in cs), cs


@pytest.mark.parametrize("text", [
    "In 2015, Iran agreed to limit its enrichment to 3.67 percent.",
    "Iran and the United States signed a 2015 accord on enrichment limits.",
    "Under a 2015 deal, Iran agreed to limit its enrichment.",
])
def test_an_agreement_of_an_earlier_year_is_history(nlp, text):
    assert commitments(nlp, text, published="2026-06-02") == []


def test_an_agreement_of_this_week_is_news(nlp):
    cs = commitments(nlp, "Iran agreed on Monday to limit its enrichment by 2027.", published="2026-06-02")
    assert [(c["holder"], c["due"]) for c in cs] == [("iran", "2027")]


def test_a_pledge_of_last_month_told_in_january_is_news(nlp):
    # "In December" is in the year before a January article, but names a month, not a year gone by
    cs = commitments(nlp, "In December, Germany pledged to deliver two air defence systems to Ukraine by March.",
                     published="2026-01-10")
    assert [(c["holder"], c["due"]) for c in cs] == [("germany", "2026-03")]


def test_a_promised_decision_keeps_what_it_is_about(nlp):
    cs = commitments(nlp, "The European Commission promised on Tuesday a decision on UniCredit's bid for "
                          "Commerzbank by the end of July.", published="2026-05-12")
    assert [(c["kind"], c["holder"], c["counterparty"], c["due"]) for c in cs] == [
        ("promise", "european-commission", "unicredit", "2026-07-31")]
    assert cs[0]["content"] == "a decision on UniCredit's bid for Commerzbank"


@pytest.mark.parametrize("text,content", [
    ("The Indian government pledged to decide on the import licences by March 31.", "decide on the import licences"),
    ("Brazil's Supreme Court vowed to rule on the case before the end of the year.", "rule on the case"),
])
def test_a_pledged_decision_is_a_pledge(nlp, text, content):
    cs = commitments(nlp, text, published="2026-02-02")
    assert [c["content"] for c in cs] == [content] and cs[0]["due"]


def test_a_dateline_of_two_words_is_no_subject(nlp):
    cs = commitments(nlp, "NEW DELHI — India and Bangladesh agreed on Thursday to hold talks on the Ganges treaty "
                          "in Kolkata by the end of September.", published="2026-08-20")
    assert {c["holder"] for c in cs} == {"india", "bangladesh"}


# ---- a status verb told of an act is no status (nlp/commitments/status.py status_cue) ----

@pytest.mark.parametrize("text", [
    "Norway and Sweden signed a fisheries deal on Monday. Under the deal, Norway will keep paying into the joint "
    "research fund until 2030.",
    "Bosch will keep all 1,900 jobs at its Homburg plant until the end of 2028, the company said on Monday.",
])
def test_keeping_on_or_keeping_a_thing_is_the_act_not_a_kept_promise(nlp, text):
    """The terms of a new deal ("will keep paying") and a thing to be kept are the content promised, not a
    commitment reported kept: the record starts open."""
    cs = [c for c in commitments(nlp, text, published="2026-02-10") if c["content"].startswith("keep")]
    assert cs and all(c["status"] == "open" for c in cs), cs


def test_must_not_a_kept_promise_stays_met(nlp):
    cs = commitments(nlp, "Spain promised last year to cut its power tariffs. On Monday Spain kept its promise.",
                     published="2026-02-10")
    assert any(c["status"] == "met" for c in cs), cs


@pytest.mark.parametrize("second", [
    "Under the deal, Ethiopia will honour its existing supply contracts with Kenya until 2030.",
    "Under the deal, Ethiopia will meet Kenya's peak demand for electricity through 2027.",
    "Under the deal, Ethiopia will fulfil Kenya's orders for electricity until 2030.",
])
def test_a_status_verb_foretold_is_no_act_done(nlp, second):
    """"will honour", "will meet", "will fulfil": the act to come (a deal's terms), not reported done."""
    cs = commitments(nlp, "Kenya and Ethiopia signed a power deal on Monday. " + second, published="2026-06-08")
    assert cs and all(c["status"] == "open" for c in cs), cs


def test_must_not_a_pledge_fulfilled_stays_met(nlp):
    cs = commitments(nlp, "Japan pledged in May to send aid to Manila. Japan has fulfilled its pledge, the embassy "
                          "said.", published="2026-06-08")
    assert any(c["status"] == "met" for c in cs), cs


# ---- due phrases the parse hangs away from the act (nlp/commitments/due.py) ------------------------------

def _due_of(nlp, text, holder, published="2026-03-02"):
    cs = [c for c in commitments(nlp, text, published=published) if c["holder"] == holder]
    assert cs, commitments(nlp, text, published=published)
    return cs[0]["due"]


def test_due_phrase_hung_on_the_reporting_verb_bounds_the_reported_act(nlp):
    # one says a thing on a day, never by a date: "by the end of October" is when the sale falls due
    assert _due_of(nlp, "BERLIN — Siemens will open its turbine factory in Cuxhaven, Germany, by the end of October, "
                        "chief executive Roland Busch said on Monday.", "siemens") == "2026-10-31"


def test_coordinated_act_to_come_gives_the_due_the_first_lacks(nlp):
    due = _due_of(nlp, "OSLO — Under the accord, Norway will keep buying Polish coal and will open a consulate in "
                       "Gdansk by the end of 2027.", "norway")
    assert due in ("2027", "2027-12-31")


def test_first_act_keeps_its_own_due_over_the_coordinated_one(nlp):
    # must not: the coordinated act's time does not replace one the first act names
    assert _due_of(nlp, "OSLO — Under the accord, Norway will open a consulate in Gdansk by the end of May and will "
                        "hire local staff by the end of 2027.", "norway") == "2026-05-31"


def test_bare_period_noun_phrase_places_the_act_within_it(nlp):
    due = _due_of(nlp, "OTTAWA — Canada will pay for the training of 200 Ukrainian pilots in Romania next year, "
                       "Defence Minister David McGuinty said on Thursday.", "canada")
    assert due in ("2027", "2027-12-31")


def test_an_amount_per_year_is_no_due(nlp):
    # must not: "a year" after an amount is how much, not by when
    assert _due_of(nlp, "BERN — Switzerland will pay 300 million francs a year into the fund, the government said "
                        "on Monday.", "switzerland") is None


def test_act_taking_effect_from_a_day_falls_due_that_day(nlp):
    assert _due_of(nlp, "WARSAW — Poland will lift its ban on Ukrainian grain imports from July 1, Agriculture "
                        "Minister Stefan Krajewski said on Tuesday.", "poland") == "2026-07-01"


def test_from_a_place_is_no_due(nlp):
    # must not: "from" with no time names where, not when
    assert _due_of(nlp, "WARSAW — Poland will buy more grain from Ukraine, Agriculture Minister Stefan Krajewski "
                        "said on Tuesday.", "poland") is None



def _parsed(nlp, words, heads, deps):
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_a_clause_right_after_the_object_with_no_complementizer_is_the_objects_relative(nlp):
    # "will pay the money it owes farmers by June": the small parse hangs "it owes ..." on "pay" as a complement
    from newsledger.nlp.commitments.due import zero_relative
    doc = _parsed(nlp, ["will", "pay", "the", "money", "it", "owes", "farmers", "by", "June"],
                  [1, 1, 3, 1, 5, 1, 5, 5, 7], ["aux", "ROOT", "det", "dobj", "nsubj", "ccomp", "dobj", "prep", "pobj"])
    assert zero_relative(doc[5])


def test_a_complement_clause_is_no_relative(nlp):
    # must not: a clause with its complementizer ("tell workers that talks end by June"), or with no object
    # before it ("will ensure talks end by June")
    from newsledger.nlp.commitments.due import zero_relative
    doc = _parsed(nlp, ["will", "tell", "workers", "that", "talks", "end", "by", "June"],
                  [1, 1, 1, 5, 5, 1, 5, 6], ["aux", "ROOT", "dobj", "mark", "nsubj", "ccomp", "prep", "pobj"])
    assert not zero_relative(doc[5])
    doc = _parsed(nlp, ["will", "ensure", "talks", "end", "by", "June"],
                  [1, 1, 3, 1, 3, 4], ["aux", "ROOT", "nsubj", "ccomp", "prep", "pobj"])
    assert not zero_relative(doc[3])


@pytest.mark.parametrize("text", [
    "The first two of the four patrol ships Norway promised Ghana arrived in the port of Tema on Monday, the "
    "Ghanaian navy said.",
    "Japan handed over the last of the 12 patrol vessels it had promised the Philippines on Friday.",
])
def test_a_promise_verb_in_a_relative_clause_points_back_and_makes_no_commitment(nlp, text):
    # the thing promised is the noun the clause modifies: a promise told before (syntax.points_back)
    assert commitments(nlp, text, "2026-07-20") == []


def test_must_not_a_promise_with_its_infinitive_is_still_a_commitment(nlp):
    found = commitments(nlp, "Norway promised Ghana on Monday to hand over four patrol vessels by the end of "
                             "November, the defence ministry said.", "2026-03-02")
    assert [c["holder"] for c in found] == ["norway"]


def test_a_speaker_the_parse_hung_inside_the_act_is_no_part_of_it(nlp):
    # "its representative in the country" the parse made an apposition of "Jordan", and "said" a clause of "pay"
    found = commitments(nlp, "The World Food Programme will deliver 20,000 tonnes of wheat to families in Sudan, "
                             "its director in the country said on Monday.", published="2026-03-02")
    assert [(c["holder"], c["content"]) for c in found] == [
        ("world-food-programme", "deliver 20,000 tonnes of wheat to families in Sudan")]


def test_an_act_under_an_agreement_made_with_a_named_party_is_an_agreement_with_it(nlp):
    # the agreement named after the act, with the party it was made with: the one who acts holds it
    found = commitments(nlp, "DENVER — The Navajo Nation will leave 40,000 acre-feet of water in Lake "
                             "Powell next year in exchange for $20 million, under an agreement signed on Tuesday with "
                             "the U.S. Bureau of Reclamation.", published="2027-11-09")
    assert [(c["kind"], c["holder"], c["counterparty"], c["due"]) for c in found] == [
        ("agreement", "navajo-nation", "u-s-bureau-of-reclamation", "2028")]
    # an agreement with no party named is no agreement with anyone in particular
    assert not [c for c in commitments(nlp, "The tribe will leave water in Lake Powell next year under an agreement "
                                            "signed on Tuesday.", published="2027-11-09") if c["kind"] == "agreement"]
