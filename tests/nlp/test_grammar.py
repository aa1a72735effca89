"""nlp/grammar: the one reading of negation, modality, conditions, questions and subjects, on sentences
we wrote. Each test pairs a sentence where the rule applies with one where it must not."""
from __future__ import annotations

import pytest
import spacy

from newsledger.lexicons.english import load_english
from newsledger.nlp import grammar
from newsledger.nlp.pipeline import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


def word(doc, text, n=0):
    """The n-th token whose text is `text`."""
    return [t for t in doc if t.text == text][n]


# --- negation -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,verb,expected", [
    ("Moscow has not confirmed the assurances.", "confirmed", True),
    ("Moscow has confirmed the assurances.", "confirmed", False),
    ("Russia never attacked the town.", "attacked", True),
    ("He didn't say that.", "say", True),
    ("Russia no longer supports the deal.", "supports", True),
    ("Russia still supports the deal.", "supports", False),
    ("Russia not only condemned the attack but also recalled its envoy.", "condemned", False),
    ("Neither side attacked the convoy.", "attacked", True),
    ("Both sides attacked the convoy.", "attacked", False),
])
def test_negated(nlp, sentence, verb, expected):
    assert grammar.negated(word(nlp(sentence), verb)) is expected


def test_no_before_a_noun_denies_it(nlp):
    doc = nlp("There was no attack on the town, but a raid on the port.")
    assert grammar.negated(word(doc, "attack"))
    assert not grammar.negated(word(doc, "raid"))


def test_without_denies_its_complement(nlp):
    doc = nlp("The army withdrew without firing a shot.")
    assert grammar.negated(word(doc, "firing"))
    assert not grammar.negated(word(doc, "withdrew"))


def test_negating_heads_reach_the_complement_only_when_asked(nlp):
    doc = nlp("The ministry declined to comment on the report.")
    comment = word(doc, "comment")
    assert not grammar.negated(comment)
    assert grammar.negated(comment, heads=True)
    assert grammar.negating_head(comment).lemma_ == "decline"
    doc = nlp("The ministry agreed to comment on the report.")
    assert not grammar.negated(word(doc, "comment"), heads=True)
    doc = nlp("The ministry did not agree to comment on the report.")
    assert grammar.negated(word(doc, "comment"), heads=True)


# --- modality -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,verb,kind", [
    ("Russia will attack the town.", "attack", "future"),
    ("He said he would travel to Kyiv.", "travel", "conditional"),
    ("She'll sign the deal.", "sign", "future"),
    ("He’ll sign the deal.", "sign", "future"),
    ("He'd return soon, he said.", "return", "conditional"),
    ("Rebels could strike the capital.", "strike", "possible"),
    ("Rebels can strike the capital.", "strike", "ability"),
    ("Rebels can't strike the capital.", "strike", "ability"),
    ("Russia must withdraw its troops.", "withdraw", "obligation"),
    ("The minister should resign.", "resign", "obligation"),
    ("Russia attacked the town.", "attacked", None),
    ("He'd returned by then.", "returned", None),
    ("She'd be committed to the race.", "committed", "conditional"),
])
def test_modal_kinds(nlp, sentence, verb, kind):
    found = grammar.modal(word(nlp(sentence), verb))
    assert (grammar.modal_kind(found) if found is not None else None) == kind


def test_hypothetical_by_modal_intent_and_whether(nlp):
    assert grammar.hypothetical(word(nlp("Germany would pledge more tanks."), "pledge"))
    assert not grammar.hypothetical(word(nlp("Germany pledged more tanks."), "pledged"))
    # the kinds an extractor counts
    must = word(nlp("Russia must withdraw its troops."), "withdraw")
    assert grammar.hypothetical(must)
    assert not grammar.hypothetical(must, kinds=frozenset({"future", "conditional", "possible", "ability"}))
    hopes = word(nlp("Kyiv hopes to sign a deal."), "sign")
    assert grammar.hypothetical(hopes)
    assert not grammar.hypothetical(hopes, intent=False)
    assert not grammar.hypothetical(word(nlp("Kyiv managed to sign a deal."), "sign"))
    asked = word(nlp("Reporters asked whether Russia agreed to the terms."), "agreed")
    assert grammar.hypothetical(asked, intent=False)
    assert not grammar.hypothetical(word(nlp("Reporters said that Russia agreed to the terms."), "agreed"))


def test_under_modal(nlp):
    doc = nlp("Any agreement would involve deploying troops.")
    assert grammar.under_modal(word(doc, "deploying")).lower_ == "would"
    doc = nlp("The agreement involved deploying troops.")
    assert grammar.under_modal(word(doc, "deploying")) is None


# --- conditions -----------------------------------------------------------------------------------
def test_if_and_unless_make_a_condition(nlp):
    doc = nlp("Washington will impose sanctions if Moscow refuses the deal.")
    assert grammar.conditional(word(doc, "refuses")).lower_ == "if"
    assert grammar.conditional(word(doc, "impose")) is None
    assert [c.text for c in grammar.conditions(word(doc, "impose"))] == ["refuses"]
    doc = nlp("The strike goes on unless the company raises wages.")
    assert grammar.conditional(word(doc, "raises")).lower_ == "unless"


def test_until_is_a_condition_only_of_what_is_not_done(nlp):
    doc = nlp("The union will not end the strike until its members ratify the contract.")
    assert grammar.conditional(word(doc, "ratify")) is not None
    doc = nlp("The rebels fought until the army withdrew from the town.")
    assert grammar.conditional(word(doc, "withdrew")) is None
    doc = nlp("I want to wait until I meet with the prime minister.")
    assert grammar.conditional(word(doc, "meet")) is not None


def test_condition_phrases(nlp):
    doc = nlp("The truce holds as long as both sides withdraw their troops.")
    assert grammar.conditional(word(doc, "withdraw")) is not None
    doc = nlp("The truce held as both sides withdrew their troops.")
    assert grammar.conditional(word(doc, "withdrew")) is None


# --- questions ------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,expected", [
    ("Will Germany pledge more tanks?", True),
    ("“Will Germany pledge more tanks?”", True),
    ("(Will Germany pledge more tanks?)", True),
    ("Germany will pledge more tanks.", False),
])
def test_question(nlp, sentence, expected):
    assert grammar.question(word(nlp(sentence), "pledge")) is expected


# --- subjects, agents, objects --------------------------------------------------------------------
def test_passive_agent(nlp):
    doc = nlp("The town was attacked by rebels on Monday.")
    attacked = word(doc, "attacked")
    assert grammar.is_passive(attacked)
    assert grammar.agent(attacked).text == "rebels"
    assert grammar.own_subject(attacked, grammar.PASSIVE_SUBJECT_DEPS).text == "town"
    assert grammar.subject(attacked) is None
    assert grammar.subject(attacked, agents=True).text == "rebels"
    doc = nlp("Rebels attacked the town on Monday.")
    assert not grammar.is_passive(word(doc, "attacked"))
    assert grammar.agent(word(doc, "attacked")) is None


def test_agent_on_the_predicate_noun(nlp):
    doc = nlp("He was called a liar by the mayor.")
    assert grammar.agent(word(doc, "called")).text == "mayor"
    doc = nlp("He was called a liar by mistake.")
    assert grammar.agent(word(doc, "called")) is None


def test_subject_shared_through_xcomp_and_conj(nlp):
    doc = nlp("Russia agreed to withdraw its troops and released the prisoners.")
    withdraw, released = word(doc, "withdraw"), word(doc, "released")
    assert grammar.subject(withdraw) is None
    assert grammar.subject(withdraw, climb=grammar.SHARED_SUBJECT_DEPS).text == "Russia"
    assert grammar.subject(released, climb=grammar.SHARED_SUBJECT_DEPS).text == "Russia"


def test_conjoined_subjects_and_objects(nlp):
    doc = nlp("Germany, France and Italy sent tanks and artillery to Ukraine.")
    subj = grammar.subject(word(doc, "sent"))
    assert subj.text == "Germany"
    assert [t.text for t in grammar.conjuncts(subj)] == ["France", "Italy"]
    assert grammar.first_conjunct(word(doc, "Italy")).text == "Germany"
    assert [t.text for t in grammar.objects(word(doc, "sent"))] == ["tanks"]
    assert [t.text for t in grammar.objects(word(doc, "sent"), coordinated=True)] == ["tanks", "artillery"]


def test_dateline_is_not_the_subject(nlp):
    doc = nlp("BERLIN -- A court in Bavaria has convicted three men.")
    assert grammar.own_subject(word(doc, "convicted")).text == "court"
    doc = nlp("In 2012, again the party's nominee, she was arrested after entering the venue.")
    assert grammar.own_subject(word(doc, "arrested"), grammar.PASSIVE_SUBJECT_DEPS).text == "she"


def test_relative_pronouns(nlp):
    doc = nlp("The minister, who resigned on Monday, criticized the plan that the council adopted.")
    assert grammar.relative_antecedent(word(doc, "who")).text == "minister"
    assert grammar.subject(word(doc, "resigned"), relative=True).text == "who"
    doc = nlp("The minister said that the council adopted the plan.")
    assert grammar.relative_antecedent(word(doc, "that")) is None
    assert "whose" in grammar.RELATIVE_PRONOUNS and "what" not in grammar.RELATIVE_PRONOUNS


def test_relative_clause_subject_is_its_noun(nlp):
    doc = nlp("The country that signed the treaty was praised.")
    assert grammar.subject(word(doc, "signed"), relative=True).text == "that"
    doc = nlp("The treaty signed in Geneva was praised.")
    signed = word(doc, "signed")
    assert grammar.subject(signed) is None
    assert grammar.subject(signed, relative=True).text == "treaty"


def test_governor_and_clause_span(nlp):
    doc = nlp("The minister said that Russia will attack the town if talks fail.")
    town = word(doc, "town")
    assert grammar.governor(town).text == "attack"
    assert grammar.clause_span(town).text == "Russia will attack the town"
    assert grammar.clause_span(town, embedded=True).text == "that Russia will attack the town if talks fail"
    assert grammar.clause_span(word(doc, "said")).text == "The minister said"


@pytest.mark.parametrize("sentence, verb, expected", [
    ("It is hard to know what the senator wants.", "is", True),
    ("It's worth noting that the debate broke the record.", "'s", True),
    ("It was ready to defend the plan.", "was", False),       # a control adjective: "it" is someone
    ("The plan is hard to defend.", "is", False),             # no placeholder subject
])
def test_placeholder_it_before_a_predicate(nlp, sentence, verb, expected):
    doc = nlp(sentence)
    assert grammar.extraposed_it(word(doc, verb)) is expected


@pytest.mark.parametrize("sentence, verb, expected", [
    ("It seems likely that the council will approve the plan.", "seems", True),
    ("It appears that the talks have stalled.", "appears", True),
    ("It appears certain to pass the senate next week.", "appears", False),   # "it" is the bill
    ("The plan seems likely to pass.", "seems", False),                         # no placeholder subject
])
def test_placeholder_it_before_a_clause(nlp, sentence, verb, expected):
    doc = nlp(sentence)
    assert grammar.placeholder_it(word(doc, verb)) is expected


def test_word_lists_are_read_once():
    en = load_english()
    assert en is load_english()
    assert {"not", "n't", "never", "no"} <= en.negators
    assert en.modal_words("obligation") == {"must", "should", "ought"}
    assert "if" in en.condition_marks and "whether" in en.question_marks


def test_a_dateline_break_stands_apart(nlp):
    from newsledger.nlp.grammar.dateline import dateline_before, heading_break, stands_apart
    doc = nlp("OSLO — Norway will open an Asia-Pacific office.")
    dash, hyphen = word(doc, "—"), word(doc, "-")
    assert stands_apart(dash) and not stands_apart(hyphen)
    assert heading_break(doc, 0, 3) and not heading_break(doc, 3, len(doc))
    assert dateline_before(word(doc, "Norway")) == {0, 1}
    plain = nlp("Norway will open an office.")
    assert dateline_before(word(plain, "Norway")) == set()       # nothing before the subject


def test_the_place_a_story_was_filed_from(nlp):
    from newsledger.nlp.grammar.dateline import filed_from
    assert filed_from(nlp("KYIV — Russia will launch new strikes, the government said.")) == {"UKR"}
    assert filed_from(nlp("ULAANBAATAR, Mongolia — The government will build a road.")) == {"MNG"}
    # no dateline: a capital in the first sentence is an actor, not where the story was filed
    assert filed_from(nlp("Kyiv will build a road, the government said.")) == set()


def test_to_infinitive(nlp):
    doc = nlp("Russia agreed to withdraw its troops and went home.")
    assert grammar.to_infinitive(word(doc, "withdraw"))
    assert not grammar.to_infinitive(word(doc, "agreed")) and not grammar.to_infinitive(word(doc, "went"))


def test_a_subject_the_parse_took_for_the_saying_verbs_object(nlp):
    # "its members" parsed as the object of "said", the clause after it left with no subject
    doc = nlp("The Kenya Union of Clinical Officers (KUCO) said on Monday its members at Kenyatta National Hospital "
              "(KNH) would down tools from March 1.")
    down = word(doc, "down")
    assert down.dep_ == "ccomp" and not any(c.dep_ == "nsubj" for c in down.children)     # the misparse
    assert grammar.own_subject(down).text == "members"
    # a clause with a subject of its own keeps it, and only active-subject questions get the repair
    doc = nlp("The minister told reporters the port would reopen on Friday.")
    assert grammar.own_subject(word(doc, "reopen")).text == "port"
    assert grammar.own_subject(down, grammar.PASSIVE_SUBJECT_DEPS) is None
