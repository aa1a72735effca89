"""newsledger_statements on sentences we wrote: each construction, and where a rule must not fire.

The component runs on the parsed Doc alone; actors and times are given as a small ActorIndex /
TimeExpr list so that what is tested is attribution, not the actors or times components.
"""
from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from newsledger.nlp.statements import QuoteRegions, load_lexicon
from newsledger.nlp.extensions import ActorIndex
from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp.statements.component import StatementsComponent
from newsledger.records import Actor, TimeExpr


@pytest.fixture(scope="module")
def base():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def parse(base):
    # the rules' proposals: the learned statement filter (learned.AcceptModel), which drops some of them
    # by how often PolNeAR's annotators marked their like, has tests of its own
    # (test_statements_filter.py)
    return runner(base, StatementsComponent(base, "newsledger_statements", learned_filter=False))


def runner(base, component):
    """text -> the component's statements, with the given actors and times as the index would hold."""
    def run(text, actors=(), times=(), published=None):
        doc = base(text)
        index = ActorIndex()
        for actor_id, words in actors:
            index.add(Actor(id=actor_id, name=words))
            start = 0
            while (i := text.find(words, start)) >= 0:
                index.add_mention(actor_id, i, i + len(words))
                start = i + len(words)
        doc._.actors = index
        doc._.times = list(times)
        doc._.published = published
        return component(doc)._.statements
    return run


def one(statements, cue):
    found = [s for s in statements if cue in s.cue.text]
    assert len(found) == 1, [(s.cue.text, s.content.text) for s in statements]
    return found[0]


def spelled_out(base, rows, spaces, lemmas):
    """The statements of a parse spelled out row by row (word, tag, pos, dep, head): for misparses
    spaCy makes inside longer articles that a short sentence of ours does not reproduce."""
    doc = Doc(base.vocab, words=[r[0] for r in rows], spaces=spaces, tags=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=lemmas)
    doc._.actors, doc._.times, doc._.published = ActorIndex(), [], None
    return StatementsComponent(base, "newsledger_statements")(doc)._.statements


def spans_ok(text, statements):
    for s in statements:
        assert text[s.content.span[0]:s.content.span[1]] == s.content.text
        assert text[s.cue.span[0]:s.cue.span[1]] == s.cue.text
        if s.speaker_mention:
            assert text[s.speaker_mention.span[0]:s.speaker_mention.span[1]] == s.speaker_mention.text


# ---- direct, indirect, mixed -------------------------------------------------------------------

def test_indirect_that_clause_keeps_that(parse):
    text = "The minister said that the border would stay closed."
    s = one(parse(text), "said")
    assert s.content.text == "that the border would stay closed"
    assert s.speaker_mention.text == "The minister"
    assert s.quote == "indirect" and s.kind == "claim"
    spans_ok(text, [s])


def test_headline_run_into_the_first_sentence(parse):
    # the parser makes the headline's "says" a second clause of "said": the words are the clause after it
    text = ("Kremlin says no deal on grain corridor\n\nMOSCOW — Russian Foreign Minister Sergei Lavrov said on "
            "Tuesday that Moscow would not extend the grain corridor unless sanctions on its banks were lifted.")
    s = one(parse(text), "said")
    assert s.content.text == ("that Moscow would not extend the grain corridor unless sanctions on its banks "
                              "were lifted")
    # a time inside the reported clause stays in it
    s = one(parse("The minister said that on Tuesday the border would close."), "said")
    assert s.content.text == "that on Tuesday the border would close"


def test_direct_quote_before_the_cue(parse):
    text = "“We will not retreat,” the general said."
    s = one(parse(text), "said")
    assert s.content.text == "“We will not retreat,”"
    assert s.quote == "direct" and s.speaker_mention.text == "the general"


def test_quoted_question_and_answer_before_the_cue(parse):
    # the parse hangs the quote's "not" on "said": it neither hides the quotation nor negates the cue
    text = "“Will the talks resume? Certainly not,” Ms. Okafor said on Tuesday."
    s = one(parse(text), "said")
    assert s.content.text == "“Will the talks resume? Certainly not,”"
    assert s.speaker_mention.text == "Ms. Okafor" and s.quote == "direct" and not s.negated
    # a "not" of the speaker's own is still a negation
    s = one(parse("Ms. Okafor did not say whether the talks would resume."), "say")
    assert s.negated


def test_speaker_name_stops_at_a_line_break(parse):
    # a live-blog timestamp on the line before is not part of the speaker's name
    text = "4:20 p.m.\n\nJoe Biden says the economy has turned a corner, and voters will see it."
    s = one(parse(text), "says")
    assert s.speaker_mention.text == "Joe Biden"
    text = "Former Vice President Joe Biden says the economy has turned a corner."
    assert one(parse(text), "says").speaker_mention.text == "Former Vice President Joe Biden"


def test_of_two_subjects_the_nearer_names_the_speaker(base):
    # a parse (spelled out here) that made both the timestamp and the name subjects of "says"
    words = ["12:15", "p.m.", "\n\n", "Donald", "Trump", "says", "taxes", "will", "fall", "."]
    spaces = [True, False, False, True, True, True, True, True, False, False]
    heads = [1, 5, 1, 4, 5, 5, 8, 8, 5, 5]
    deps = ["nummod", "nsubj", "dep", "compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["NUM", "NOUN", "SPACE", "PROPN", "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["CD", "NN", "_SP", "NNP", "NNP", "VBZ", "NNS", "MD", "VB", "."]
    lemmas = ["12:15", "p.m.", "\n\n", "Donald", "Trump", "say", "tax", "will", "fall", "."]
    doc = Doc(base.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, sent_starts=[True] + [False] * 9)
    doc._.actors, doc._.times, doc._.published = ActorIndex(), [], None
    s = one(StatementsComponent(base, "newsledger_statements")(doc)._.statements, "says")
    assert s.speaker_mention.text == "Donald Trump"
    assert s.content.text == "taxes will fall"


def test_cue_in_a_relative_clause_keeps_the_relative_pronoun(parse):
    # "which he later said was wrong": what he said is about the war; the clause from "which" on
    s = one(parse("He backed the war, which he later said was wrong."), "said")
    assert s.content.text == "which he later said was wrong" and s.speaker_mention.text == "he"
    # a report that is not in a relative clause keeps its own words only
    s = one(parse("He backed the war, and he later said it was wrong."), "said")
    assert s.content.text == "it was wrong"


def test_mixed_quote(parse):
    text = "The senator argued the bill was “a disaster for farmers” and should be withdrawn."
    s = one(parse(text), "argued")
    assert "“a disaster for farmers”" in s.content.text
    assert s.quote == "mixed"


def test_interrupted_quote_is_one_span_with_the_cue(parse):
    text = "“No,” he said, “we will not sign this agreement.”"
    s = one(parse(text), "said")
    assert s.content.span == (0, len(text))
    assert s.speaker_mention.text == "he" and s.quote == "direct"


def test_interrupted_quote_whatever_the_parse(parse):
    # the parser runs the first paragraph's sentence on into "“No,”": the quote is still Erdogan's, whole
    text = ("Russia warned shipping companies that vessels heading to Ukrainian ports would be treated as "
            "military targets.\n\n“No,” Erdogan said, “we will not allow the Black Sea to become a battlefield.”")
    found = parse(text)
    assert one(found, "said").content.text == ("“No,” Erdogan said, “we will not allow the Black Sea to "
                                               "become a battlefield.”")
    assert one(found, "warned").content.text.endswith("military targets")
    # a quotation that ends its own sentence before the cue ("“A.” X said, “B.”") is not joined to B
    s = one(parse("“The vote is over.” The envoy said, “We go home.”"), "said")
    assert s.content.text == "“We go home.”"


def test_quote_running_over_sentences_and_paragraphs(parse):
    text = ("“The talks failed,” the envoy said. “Nobody came prepared. We waited for hours.\n\n"
            "“Then we went home.”\n\nThe next day, markets fell.")
    s = one(parse(text), "said")
    assert s.content.text.startswith("“The talks failed,”")
    assert s.content.text.endswith("“Then we went home.”")
    assert "markets" not in s.content.text


def test_quote_after_a_colon(parse):
    text = "The mayor added: “The water is safe to drink. We tested it twice.”"
    s = one(parse(text), "added")
    assert s.content.text == "“The water is safe to drink. We tested it twice.”"


def test_cue_inside_a_quotation_does_not_fire(parse):
    text = "“I told him we would win,” the coach said."
    statements = parse(text)
    assert [s.cue.text for s in statements] == ["said"]


def test_next_speakers_quote_is_not_merged(parse):
    text = "“We are ready,” the coach said.\n\n“We are not,” the captain said."
    statements = parse(text)
    assert len(statements) == 2
    assert all(s.content.text.count("“") == 1 for s in statements)


# ---- attribution without a verb ---------------------------------------------------------------

def test_according_to(parse):
    text = "Unemployment fell to 4 percent last year, according to the central bank."
    s = one(parse(text), "according to")
    assert s.content.text == "Unemployment fell to 4 percent last year"
    assert s.speaker_mention.text == "the central bank"


def test_according_to_plan_is_not_a_source(parse):
    assert parse("The launch went ahead according to plan.") == []


def test_noun_cue_with_that_clause(parse):
    text = "The company's claim that no data was lost was false."
    s = one(parse(text), "claim")
    assert s.content.text == "that no data was lost"
    assert s.speaker_mention.text == "The company's"


def test_noun_without_that_clause_does_not_fire(parse):
    assert parse("The statement was posted on the company website.") == []


def test_in_a_statement_lead(parse):
    text = "In a statement, the ministry blocked the sale of the port."
    s = one(parse(text), "In a statement")
    assert s.speaker_mention.text == "the ministry"
    assert s.content.text == "blocked the sale of the port"


def test_name_colon_lead_in(parse):
    text = "Merkel: Europe must defend itself.\n\nThe chancellor spoke in Berlin."
    s = one(parse(text), ":")
    assert s.speaker_mention.text == "Merkel"
    assert s.content.text == "Europe must defend itself."


def test_colon_after_common_words_is_not_a_lead_in(parse):
    assert parse("The agenda: budget cuts and new taxes for everyone.") == []


def test_told_reporters(parse):
    text = "The governor told reporters that the storm had passed."
    s = one(parse(text), "told")
    assert s.content.text == "that the storm had passed"
    assert s.speaker_mention.text == "The governor"


def test_told_a_joke_is_no_statement(parse):
    assert parse("The governor told a joke.") == []


def test_quoted_as_saying(parse):
    text = "The ambassador was quoted as saying that sanctions would follow."
    s = one(parse(text), "saying")
    assert s.speaker_mention.text == "The ambassador"
    assert s.content.text == "that sanctions would follow"
    assert len(parse(text)) == 1        # not also a statement of "was quoted" about the ambassador


def test_quotation_before_quoted_as_saying(parse):
    text = "“The campaign succeeds when it listens,” Braynard is quoted as saying."
    s = one(parse(text), "quoted")
    assert s.cue.text == "is quoted as saying" and s.speaker_mention.text == "Braynard"
    assert s.content.text == "“The campaign succeeds when it listens,”"
    # a passive quoting that names its quoter keeps the agent as the speaker
    s = one(parse("The report was quoted by the minister."), "quoted")
    assert s.speaker_mention.text == "the minister"


def test_passive_cue_has_no_speaker(parse):
    text = "It was reported that the plant had closed."
    s = one(parse(text), "reported")
    assert s.speaker is None and s.speaker_mention is None
    assert s.content.text == "that the plant had closed"


def test_passive_cue_with_agent_names_the_speaker(parse):
    text = "The closure was announced by the company on Monday."
    s = one(parse(text), "announced")
    assert s.speaker_mention.text == "the company"


# ---- kinds, negation, hedges --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue, kind", [
    ("The union denied that it had called the strike.", "denied", "denial"),
    ("The ministry confirmed that two soldiers died.", "confirmed", "confirmation"),
    ("The opposition accused the government of rigging the vote.", "accused", "accusation"),
    ("The agency warned that prices would rise.", "warned", "warning"),
    ("Protesters demanded that the mayor resign.", "demanded", "demand"),
    ("The president pledged to cut taxes.", "pledged", "pledge"),
    ("The council rejected the plan.", "rejected", "rejection"),
    ("The coach praised the young players.", "praised", "praise"),
    ("Critics condemned the decision.", "condemned", "criticism"),
    ("The senator asked whether the money had been spent.", "asked", "question"),
    ("The chairman reiterated that the bank is independent.", "reiterated", "assertion"),
])
def test_kind_from_the_lexicon(parse, sentence, cue, kind):
    assert one(parse(sentence), cue).kind == kind


def test_negated_cues(parse):
    s = one(parse("Moscow has not confirmed these reports."), "confirmed")
    assert s.negated and s.kind == "confirmation" and s.cue.text == "has not confirmed"
    s = one(parse("The ministry declined to say whether troops had moved."), "say")
    assert s.negated
    s = one(parse("The minister did not clarify whether talks would resume."), "clarify")
    assert s.negated
    assert not one(parse("The minister confirmed the reports."), "confirmed").negated


def test_negation_is_the_shared_reading(parse):
    # "no longer", "without" and a denied head ("no way of") deny the cue, as every extractor reads them
    assert one(parse("The minister no longer says that the talks will resume."), "says").negated
    assert one(parse("She left without saying that she would return."), "saying").negated
    assert one(parse("Voters have no way of knowing whether the deal holds."), "knowing").negated


def test_not_only_does_not_deny(parse):
    # "not just", "not only" add: the saying happened (the shared reading of "not only ... but also")
    s = one(parse("The minister did not just say that the talks would resume."), "say")
    assert s.cue.text == "did not just say" and not s.negated


def test_the_speaker_is_the_shared_subject(parse):
    # of two subjects, the apposition closed off by commas is not the speaker
    s = one(parse("Ban Ki-moon, the secretary general of the United Nations, vowed not to repeat that mistake."),
            "vowed")
    assert s.speaker_mention.text == "Ban Ki-moon"
    # a title before a name, a relative pronoun before the clause's own subject: the name speaks
    s = one(parse("Tennis great Billie Jean King remembered Ali as fun to be around."), "remembered")
    assert "Billie Jean King" in s.speaker_mention.text
    s = one(parse("The system, which advocates say disadvantages needy schools, is old."), "say")
    assert s.speaker_mention.text == "advocates"


def test_a_clause_as_passive_subject_is_the_view(parse):
    # a clause as passive subject is what is seen, as a noun phrase is ("Clinton is seen as ...")
    s = one(parse("What Mr. Trump considers smart might be seen by others as evasive."), "seen")
    assert s.speaker_mention.text == "others" and s.content.text.startswith("What Mr. Trump")


def test_hedged_cues(parse):
    assert one(parse("The president reportedly said that he would resign."), "said").hedged
    assert not one(parse("The president said that he would resign."), "said").hedged


def test_seem_has_no_named_speaker(parse):
    s = one(parse("The deal seemed certain to collapse."), "seemed")
    assert s.speaker_mention is None and s.content.text.startswith("The deal")


def test_watching_a_film_is_no_statement(parse):
    assert parse("The minister watched a film and ate dinner.") == []


# ---- speakers ---------------------------------------------------------------------------------

def test_speaker_of_a_cue_under_an_adjective(parse):
    # "was determined to warn": the warning is the subject's of "was"
    s = one(parse("The senator was determined to warn voters about the deficit."), "warn")
    assert s.speaker_mention.text == "The senator"


def test_participle_in_a_fronted_phrase_is_the_main_subjects(parse):
    s = one(parse("After saying the plant would close, the minister left the room."), "saying")
    assert s.speaker_mention.text == "the minister"     # not the room (no object control here)
    s = one(parse("After the board said the plant would close, the minister left the room."), "said")
    assert s.speaker_mention.text == "the board"        # a clause with its own subject keeps it
    s = one(parse("The prosecutor accused the firm of hiding losses."), "accused")
    assert s.speaker_mention.text == "The prosecutor"


def test_speaker_with_title_is_the_whole_noun_phrase(parse):
    text = "US special envoy Jane Doe said the ceasefire would hold."
    s = one(parse(text, actors=[("jane-doe", "Jane Doe")]), "said")
    assert s.speaker_mention.text == "US special envoy Jane Doe"
    assert s.speaker == "jane-doe"


def test_pronoun_speaker_resolved_through_the_actor_index(parse):
    text = "Jane Doe arrived late. She said the vote was rigged."
    doc_actors = [("jane-doe", "Jane Doe"), ("jane-doe", "She")]
    s = one(parse(text, actors=doc_actors), "said")
    assert s.speaker_mention.text == "She" and s.speaker == "jane-doe"


def test_participle_cue_takes_the_main_subject(parse):
    text = "The president highlighted that the deadline had passed, warning that sanctions would follow."
    statements = parse(text, actors=[("president", "The president")])
    warning = one(statements, "warning")
    assert warning.speaker == "president"
    highlighted = one(statements, "highlighted")
    assert "warning" not in highlighted.content.text


def test_nested_attribution_keeps_the_outer_speaker(parse):
    text = "Macron highlighted that Putin faced a deadline set by Trump."
    statements = parse(text, actors=[("macron", "Macron"), ("putin", "Putin"), ("trump", "Trump")])
    s = one(statements, "highlighted")
    assert s.speaker == "macron"
    assert set(s.about) == {"putin", "trump"}


def test_cue_inside_anothers_words_is_not_a_statement(parse):
    text = "Kyiv accused Moscow of seeking to delay negotiations."
    statements = parse(text, actors=[("ukraine", "Kyiv"), ("russia", "Moscow")])
    assert [(s.cue.text, s.speaker) for s in statements] == [("accused", "ukraine")]
    assert statements[0].about == ["russia"]


# ---- time -------------------------------------------------------------------------------------

def test_time_of_the_cue_else_publication_date(parse):
    text = "The minister said Friday that the talks had failed."
    friday = TimeExpr(text="Friday", span=(18, 24), type="DATE", value="2025-08-29")
    s = one(parse(text, times=[friday], published=dt.date(2025, 9, 1)), "said")
    assert s.time == "2025-08-29"
    text = "The minister said that the talks failed on Friday."
    friday = TimeExpr(text="Friday", span=(43, 49), type="DATE", value="2025-08-29")
    s = one(parse(text, times=[friday], published=dt.date(2025, 9, 1)), "said")
    assert s.time == "2025-09-01"      # Friday is when the talks failed, not when it was said
    s = one(parse("The minister said that the talks failed."), "said")
    assert s.time is None


# ---- helpers ----------------------------------------------------------------------------------

def test_quote_regions():
    text = "“A,” he said, “B.”\n\n“C.\n\n“D.”\n\n\"E\" and ''F''"
    regions = [text[s:e] for s, e in QuoteRegions(text).regions]
    assert regions == ["“A,”", "“B.”", "“C.\n\n“D.”", "\"E\"", "''F''"]


def test_lexicon_is_large_and_well_formed():
    lex = load_lexicon()
    assert len(lex.verbs) + len(lex.nouns) + sum(map(len, lex.phrasal.values())) >= 250
    assert lex.verb("say").kind == "claim" and lex.verb("call", ("for",)).kind == "demand"
    assert lex.verb_lemma("hop", "hopes") == "hope"


def test_headline_with_a_title_case_cue(parse):
    text = "Veteran Senator Jane Roe Slams Tax Plan As Reckless.\n\nThe senator spoke on Monday."
    s = one(parse(text), "Slams")
    assert s.speaker_mention.text == "Veteran Senator Jane Roe"
    assert s.content.text == "Tax Plan As Reckless"


def test_headline_without_a_cue_gives_nothing(parse):
    assert parse("Storm Hits Coastal Towns.\n\nRoads were closed.") == []


def test_quotation_signed_with_a_dash(parse):
    text = "“The debate showed who he really is.”― Jane Roe\n“I will vote anyway.”"
    s = one(parse(text), "―")
    assert s.speaker_mention.text == "Jane Roe" and s.quote == "direct"
    assert s.content.text == "“The debate showed who he really is.”"


def test_possessor_holds_a_stance_noun(parse):
    s = one(parse("The senator's proposal to ban imports angered farmers."), "proposal")
    assert s.speaker_mention.text == "The senator's" and s.content.text == "to ban imports"
    assert not [s for s in parse("The proposal to ban imports angered farmers.") if "proposal" in s.cue.text]


@pytest.mark.parametrize("text, cue, holder, content", [
    # a party's adjective or a name before the noun holds it, as a possessor does
    ("The hearing renewed Democratic calls for an inquiry into the contracts.", "calls", "Democratic",
     "an inquiry into the contracts"),
    ("The vote followed Republican criticism of the farm bill.", "criticism", "Republican", "the farm bill"),
])
def test_a_name_before_a_stance_noun_holds_it(parse, text, cue, holder, content):
    s = one(parse(text), cue)
    assert s.speaker_mention.text == holder and s.content.text == content


def test_an_adjective_that_names_no_one_holds_no_stance_noun(parse):
    # must not: "strong calls", "recent criticism" name no holder
    assert not [s for s in parse("The hearing renewed strong calls for an inquiry into the contracts.")
                if "calls" in s.cue.text]


def test_military_attack_is_no_statement(parse):
    assert parse("Russia attacked Kyiv overnight, and its second aerial attack on Ukraine killed 23.") == []


# ---- predicate adjectives, person-only verbs, sentence-level asides ----------------------------

def test_predicate_adjective_is_a_stance_of_the_subject(parse):
    text = "The mayor was critical of the new parking rules."
    s = one(parse(text), "critical")
    assert "the new parking rules" in s.content.text
    assert s.speaker_mention.text == "The mayor"
    assert s.kind == "criticism"


def test_predicate_adjective_with_clause(parse):
    text = "The coach is confident that the team will recover by spring."
    s = one(parse(text), "confident")
    assert "the team will recover" in s.content.text
    assert s.speaker_mention.text == "The coach"


def test_impersonal_adjective_names_no_stance(parse):
    # "it is clear" has no one holding the view; a plain description has no complement
    text = "It is clear that the bridge needs repairs. The river was high after the storm."
    assert not [s for s in parse(text) if s.cue.text.endswith(("clear", "high"))]


def test_person_attacking_a_plan_is_a_statement(parse):
    text = "Senator Ann Ortiz attacked the budget plan for its cuts to schools."
    s = one(parse(text), "attacked")
    assert "the budget plan" in s.content.text
    assert "Ortiz" in s.speaker_mention.text


def test_army_attacking_a_town_is_no_statement(parse):
    text = "The army attacked the town before dawn."
    assert not [s for s in parse(text) if "attacked" in s.cue.text]


def test_said_set_off_mid_sentence_reports_the_whole_sentence(parse):
    text = "Though the first vote went smoothly, the clerk said, the recount would be much slower."
    s = one(parse(text), "said")
    assert s.content.text.startswith("Though the first vote went smoothly")
    assert s.content.text.endswith("the recount would be much slower")


def test_reported_clause_ends_at_semicolon(parse):
    text = "The spokesman said the delay was not deliberate; the committee met again on Friday."
    s = one(parse(text), "said")
    assert "not deliberate" in s.content.text
    assert "committee met again" not in s.content.text


def test_interview_turn_labels_are_no_lead_ins(parse):
    text = "The interview ran long.\n\nQ: Will you run again next year?\n\nA: Nobody has asked me yet."
    assert not [s for s in parse(text) if s.cue.text == ":"]


def test_naming_participle_is_no_statement(parse):
    text = "She founded a small firm called Northwind Analytics in 2010."
    assert not [s for s in parse(text) if "called" in s.cue.text]
    # but a person calling something a name is one
    s = one(parse("The senator called the plan a disaster."), "called")
    assert "the plan" in s.content.text


# ---- colon blocks, according-to misparses, dash sign-offs without quotation regions ---------------

def test_said_colon_then_a_quoted_paragraph(parse):
    text = ("The mayor said:\n\n“We will rebuild the bridge. It will take a year.”\n\n"
            "Traffic was diverted on Monday.")
    s = one(parse(text), "said")
    assert s.speaker_mention.text == "The mayor"
    assert s.content.text == "“We will rebuild the bridge. It will take a year.”" and s.quote == "direct"


@pytest.mark.parametrize("text, cue, speaker, content", [
    # a clause-frame verb (cues.tsv: "only a that-clause or a colon") closing its paragraph with a colon
    ("The rally ended late.\n\nThe senator continued:\n\n“The health plan is a partisan issue, and it will "
     "stay one.”", "continued", "The senator",
     "“The health plan is a partisan issue, and it will stay one.”"),
    # an object-frame verb (a clause or an object) the same way
    ("The first voter praised him.\n\nA second voter echoed:\n\n“He speaks his mind, and the country "
     "needs that.”", "echoed", "A second voter", "“He speaks his mind, and the country needs that.”"),
])
def test_a_clause_or_object_verb_colon_then_a_quoted_paragraph(parse, text, cue, speaker, content):
    s = one(parse(text), cue)
    assert (s.speaker_mention.text, s.content.text) == (speaker, content)


def test_a_colon_after_the_verbs_object_opens_no_block(parse):
    # the colon closes "continued his tour", not the verb: the next paragraph is no one's words
    text = "The mayor continued his tour:\n\nThe bridge was closed on Monday."
    assert not [s for s in parse(text) if "Monday" in s.content.text]


def test_said_colon_in_the_same_paragraph_keeps_to_it(parse):
    text = "The mayor said: the bridge will be rebuilt.\n\nTraffic was diverted on Monday."
    s = one(parse(text), "said")
    assert "Traffic" not in s.content.text and "the bridge will be rebuilt" in s.content.text


def test_according_to_leading_a_sentence_the_parse_hangs_on_it(parse):
    # the small model makes "According" the root of the whole sentence
    text = "According to conservative radio host Jane Roe, the move reeks of fear and desperation."
    s = one(parse(text), "According to")
    assert s.speaker_mention.text == "conservative radio host Jane Roe"
    assert s.content.text == "the move reeks of fear and desperation"


def test_according_to_a_source_read_as_a_verb_phrase(parse):
    text = "The host repeatedly demeaned contestants with sexist language, according to show insiders."
    found = parse(text)
    s = one(found, "according to")
    assert s.speaker_mention.text == "show insiders"
    assert s.content.text == "The host repeatedly demeaned contestants with sexist language"
    assert not [x for x in found if x.cue.text == "show"]      # a word of the source, not a cue


def test_dash_sign_off_after_a_quote_opened_the_wrong_way(parse):
    text = ("Readers wrote in.\n\n”Fear. I am truly afraid of the result.” ―\u00a0Edwin Monroy.\n"
            "“Maybe we can build a wall around him.” ― Steve Quinlan\n")
    found = parse(text)
    first = [s for s in found if s.speaker_mention and s.speaker_mention.text == "Edwin Monroy"]
    assert len(first) == 1 and first[0].content.text == "”Fear. I am truly afraid of the result.”"
    second = [s for s in found if s.speaker_mention and s.speaker_mention.text == "Steve Quinlan"]
    assert len(second) == 1 and second[0].content.text == "“Maybe we can build a wall around him.”"


@pytest.mark.parametrize("text, speaker, content", [
    ("The debate ran late.\n\n\"The plan would cost more than the state can pay.\"\n\n- Jane Roe.\n\n"
     "The claim is disputed.", "Jane Roe", "\"The plan would cost more than the state can pay.\""),
    ("Readers wrote in.\n\n“Great speech. She is ready.”\n\n-Senator John Doe, writing after the vote.\n\n"
     "The vote passed.", "Senator John Doe", "“Great speech. She is ready.”"),
])
def test_a_quoted_paragraph_signed_on_the_line_below(parse, text, speaker, content):
    found = [(s.speaker_mention.text, s.content.text) for s in parse(text) if s.speaker_mention]
    assert (speaker, content) in found


@pytest.mark.parametrize("text", [
    # a subhead set between dashes is no signature
    "He spoke at length.\n\n“The country is less safe now.”\n\n–Country less safe –.\n\nThe polls moved.",
    # the quotation does not make up its paragraph: the line below signs nothing
    "The mayor said \"we will rebuild the bridge.\"\n\n- Jane Roe.",
])
def test_a_dash_line_below_signs_only_a_quoted_paragraph(parse, text):
    assert not [s for s in parse(text) if s.cue.text in ("-", "–")]


def test_dash_without_a_quotation_is_no_sign_off(parse):
    assert parse("Prices rose in 2024 ― Jane Roe\nThe market fell.") == []


# ---- the learned cue detector (attribution/learned.py, data/statements/cue_model.tsv) -------------

@pytest.fixture(scope="module")
def parse_rules_only(base):
    return runner(base, StatementsComponent(base, "newsledger_statements", learned_cues=False))


def test_learned_cue_takes_a_verb_the_lexicon_lacks(parse, parse_rules_only):
    text = "Senator Jane Roe openly admires the Danish welfare model."
    assert "admire" not in load_lexicon().verbs
    s = one(parse(text), "admires")
    assert s.kind == "other" and s.speaker_mention.text == "Senator Jane Roe"
    assert s.content.text == "the Danish welfare model"
    assert parse_rules_only(text) == []


def test_learned_cue_gives_a_clause_verb_its_object(parse, parse_rules_only):
    # "reveal" expects a clause ("reveals that ..."); the detector accepts a plain object too
    s = one(parse("The new poll reveals a tightening race."), "reveals")
    assert s.kind == "claim" and s.content.text == "a tightening race"
    assert parse_rules_only("The new poll reveals a tightening race.") == []


@pytest.mark.parametrize("text", [
    "The storm failed to materialize.",
    "The mayor opened a new bridge on Monday.",
    "Police arrested three men near the station.",
    "The company spent millions on advertising last year.",
])
def test_learned_cue_leaves_acts_alone(parse, text):
    assert parse(text) == []


def test_a_model_of_your_own_replaces_the_shipped_one(base, tmp_path, monkeypatch):
    from newsledger.nlp.statements.learned import LinearModel
    path = tmp_path / "cue_model.tsv"
    LinearModel({"bias": 5.0}, 0.5).dump(path)      # every verb a cue
    monkeypatch.setenv("NEWSLEDGER_CUE_MODEL", str(path))
    parse_own = runner(base, StatementsComponent(base, "newsledger_statements"))
    assert [s.cue.text for s in parse_own("The mayor opened a new bridge on Monday.")] == ["opened"]


@pytest.mark.parametrize("text, cue, speaker", [
    # the cue keeps its own object and time before the closing comma
    ("The difference now, he told me on Friday, is that he anchors a news program.", "told", "he"),
    # the parse made the cue the root
    ("These employees, Stumpf explained earlier in the hearing, were well paid.", "explained", "Stumpf"),
])
def test_set_off_cue_reports_the_whole_sentence(parse, text, cue, speaker):
    s = one(parse(text), cue)
    assert s.content.text == text.rstrip(".")
    assert s.speaker_mention.text == speaker


def test_fronted_adverb_does_not_make_a_cue_set_off(parse):
    # "Instead," before the subject and ", asserting" after the object is no aside of the cue's
    statements = parse("Instead, he is emphasizing his strong finish in Iowa, asserting that he can win there.")
    assert one(statements, "emphasizing").content.text == "his strong finish in Iowa"
    assert one(statements, "asserting").content.text == "that he can win there"


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor said the plan, which voters approved in May, would cost $5 billion.", "said",
     "the plan, which voters approved in May, would cost $5 billion"),
    ("Officials said the bomber, who struck the square at noon, had ties to the group.", "said",
     "the bomber, who struck the square at noon, had ties to the group"),
    ("He claimed that the museum in Washington, D.C., had expressed interest in the rifle.", "claimed",
     "that the museum in Washington, D.C., had expressed interest in the rifle"),
    ("Officials say the program, run by the Department of Homeland Security, has brought billions of "
     "dollars to poor areas.", "say",
     "the program, run by the Department of Homeland Security, has brought billions of dollars to poor areas"),
    ("The report found that in the three largest counties, which include Cleveland, voters were removed "
     "from the rolls.", "found",
     "that in the three largest counties, which include Cleveland, voters were removed from the rolls"),
])
def test_an_aside_inside_the_reported_clause_stays_in_it(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor praised the plan, which voters approved in May.", "praised", "the plan"),
    ("Officials said they arrested the bomber, who struck the square at noon.", "said",
     "they arrested the bomber"),
])
def test_an_aside_after_the_reported_clause_is_still_cut(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


@pytest.mark.parametrize("text, content", [
    ("Since last November, according to Human Rights Watch, security forces have killed more than 400 "
     "protesters.",
     "Since last November, according to Human Rights Watch, security forces have killed more than 400 protesters"),
    ("The implication, according to the aide, is that the rival cheated.",
     "The implication, according to the aide, is that the rival cheated"),
    # the clause is over before the cue: the words after it are the writer's
    ("Security forces have killed more than 400 protesters, according to Human Rights Watch, and the toll "
     "is rising.", "Security forces have killed more than 400 protesters"),
])
def test_according_to_set_off_inside_its_clause(parse, text, content):
    s = one(parse(text), "according to")
    assert s.content.text == content
    assert s.speaker_mention.text in ("Human Rights Watch", "the aide")


@pytest.mark.parametrize("text, cue, content", [
    ("The senator defended his call to raise the federal minimum wage.", "defended",
     "his call to raise the federal minimum wage"),
    ("The governor proposed nearly $1 billion in funds to help states treat addicts.", "proposed",
     "nearly $1 billion in funds to help states treat addicts"),
])
def test_an_infinitive_after_the_object_belongs_to_it(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_an_infinitive_cue_after_the_object_keeps_its_own_statement(parse):
    statements = parse("The minister called an emergency meeting to discuss the test.")
    assert one(statements, "called").content.text == "an emergency meeting"
    assert one(statements, "discuss").content.text == "the test"


@pytest.mark.parametrize("text, content", [
    ("“Sometimes us ex-diplomats need our fix!” Clinton said to People. She headed the department.",
     "“Sometimes us ex-diplomats need our fix!”"),
    ("The rally was loud.\n\n“Everybody is laughing at him. A pathetic figure!” he wrote.\n\nHe owned a team.",
     "“Everybody is laughing at him. A pathetic figure!”"),
])
def test_quotation_ending_in_its_own_mark_before_the_cue(parse, text, content):
    # the parser ends a sentence at the quotation's "!" or "?", so the cue's sentence is "he wrote."
    s = one(parse(text), "said" if "said" in text else "wrote")
    assert s.content.text == content
    assert s.quote == "direct"


def test_a_quotation_in_the_sentence_before_is_not_the_words_of_a_cue_with_its_own(parse):
    text = "“We will win,” the mayor said. Trump said nothing about it."
    statements = parse(text)
    assert [s.content.text for s in statements if s.cue.text == "said" and s.speaker_mention.text == "Trump"] == [
        "nothing about it"]


@pytest.mark.parametrize("text, content", [
    ("Asked if he was ever bullied, the candidate said no.", "no"),
    ("In December, 55 percent said so.", "so"),
])
def test_a_word_standing_for_the_answer_is_the_content(parse, text, content):
    assert one(parse(text), "said").content.text == content


def test_so_as_an_adverb_of_the_object_is_no_answer(parse):
    assert one(parse("He said so many things."), "said").content.text == "so many things"


def test_no_statement_without_words(parse):
    # the parse makes the clause before "appeared" its complement; there is nothing to report after it
    text = ("While the controversy burned and social media erupted with mocking commentary, the Trump team "
            "appeared paralyzed.")
    statements = parse(text)
    spans_ok(text, statements)
    assert all(s.content.span[1] > s.content.span[0] and s.content.text for s in statements)


@pytest.mark.parametrize("text, content, speaker", [
    ("As the senator said, the plan is dead.", "the plan is dead", "the senator"),
    ("The plan is dead, as the senator said.", "The plan is dead", "the senator"),
    ("But as a reporter noted, he did not fill the hall.", "he did not fill the hall", "a reporter"),
    ("Weeks ago, as the paper reported, the two men were discussing it.",
     "Weeks ago, as the paper reported, the two men were discussing it", "the paper"),
    ("As reported by the Associated Press, the emails were classified.", "the emails were classified",
     "the Associated Press"),
])
def test_as_clause_cue_reports_the_clause_it_hangs_on(parse, text, content, speaker):
    s = one(parse(text), "said" if " said" in text else "noted" if "noted" in text else "reported")
    assert (s.content.text, s.speaker_mention.text) == (content, speaker)


@pytest.mark.parametrize("text, cue, content", [
    # the "as" of time: the cue has words of its own
    ("She waved at the crowd as she said, “We will win.”", "said", "“We will win.”"),
    ("The crowd cheered even as he mentioned the wage.", "mentioned", "the wage"),
])
def test_as_of_time_is_no_as_clause_cue(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_a_persons_attack_is_a_statement_a_countrys_is_not(parse):
    s = one(parse("Her attack on Sanders in the debate was a stretch."), "attack")
    assert (s.content.text, s.speaker_mention.text, s.kind) == ("Sanders", "Her", "criticism")
    assert parse("Russia's attack on Kyiv killed ten people.") == []
    assert parse("Its attack on the town was brutal.") == []


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("Developers see golf courses as wasted space.", "see", "golf courses as wasted space", "Developers"),
    ("Many voters see Trump as most likely to deliver it.", "see", "Trump as most likely to deliver it",
     "Many voters"),
    ("Mrs. Clinton is seen as far more capable of dealing with the crisis than Mr. Trump.", "seen",
     "Mrs. Clinton is seen as far more capable of dealing with the crisis than Mr. Trump", None),
    ("He was described as a loner by neighbors.", "described", "He was described as a loner", "neighbors"),
])
def test_regarding_something_as_something(parse, text, cue, content, speaker):
    s = one(parse(text), cue)
    assert s.content.text == content
    assert (s.speaker_mention.text if s.speaker_mention else None) == speaker


@pytest.mark.parametrize("text", ["The town saw floods in May.", "The town was attacked as night fell."])
def test_seeing_and_attacking_without_a_view_are_no_statements(parse, text):
    assert parse(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    # the parse hung the words before "police said" on the cue as an adverbial clause, and "signals"
    # as a noun: the cue closing its sentence still reports all that comes before the comma
    ("As the storm reached the coast on Sunday, a fishing boat was swept out to sea, police said.",
     "As the storm reached the coast on Sunday, a fishing boat was swept out to sea", "police"),
    ('The rejection of the contract signals "the beginning of the end" for the union, said Maria Lopez, '
     "an organizer at the plant.",
     'The rejection of the contract signals "the beginning of the end" for the union',
     "Maria Lopez, an organizer at the plant"),
])
def test_a_cue_closing_its_sentence_reports_what_comes_before(parse, text, content, speaker):
    s = one(parse(text), "said")
    assert (s.content.text, s.speaker_mention.text) == (content, speaker)
    spans_ok(text, [s])


@pytest.mark.parametrize("text", ["In March, the council said.", "On Friday, the paper reported on the floods."])
def test_no_clause_before_a_closing_cue_is_no_statement(parse, text):
    assert all(not s.content.text.startswith(("In March", "On Friday")) for s in parse(text))


def test_a_speaker_after_the_cue_makes_the_clause_before_it_the_words(base):
    # The parse as spaCy gives it for such a sentence inside a longer article: the speaker's organisation
    # ("... Correct the Count") read as a second clause of "said", after the cue.
    rows = [  # word, tag, pos, dep, head
        ('"', "``", "PUNCT", "punct", 12), ("What", "WP", "PRON", "nsubj", 3), ("'s", "VBZ", "AUX", "aux", 3),
        ("shaping", "VBG", "VERB", "csubj", 4), ("is", "VBZ", "AUX", "ccomp", 12), ("a", "DT", "DET", "det", 6),
        ("fight", "NN", "NOUN", "attr", 4), ("for", "IN", "ADP", "prep", 6), ("the", "DT", "DET", "det", 9),
        ("ages", "NNS", "NOUN", "pobj", 7), (",", ",", "PUNCT", "punct", 12), ('"', "''", "PUNCT", "punct", 12),
        ("said", "VBD", "VERB", "ROOT", 12), ("Dana", "NNP", "PROPN", "compound", 14),
        ("Brook", "NNP", "PROPN", "nsubj", 12), (",", ",", "PUNCT", "punct", 14), ("who", "WP", "PRON", "nsubj", 17),
        ("heads", "VBZ", "VERB", "relcl", 14), ("the", "DT", "DET", "det", 19), ("group", "NN", "NOUN", "dobj", 17),
        ("Correct", "VBP", "VERB", "ccomp", 12), ("the", "DT", "DET", "det", 22), ("Count", "NNP", "PROPN", "dobj", 20),
        (".", ".", "PUNCT", "punct", 12)]
    spaces = [False, False, True, True, True, True, True, True, True, False, False, True, True, True, False, True,
              True, True, True, True, True, True, False, False]
    lemmas = [w.lower() for w, *_ in rows]
    lemmas[12], lemmas[17], lemmas[4] = "say", "head", "be"
    s = one(spelled_out(base, rows, spaces, lemmas), "said")
    # (the relative clause describing the speaker is part of its naming words, as PolNeAR marks them)
    assert (s.content.text, s.speaker_mention.text) == ('"What\'s shaping is a fight for the ages,"',
                                                        "Dana Brook, who heads the group")


def test_a_that_clause_hung_on_a_noun_among_the_cues_words(parse):
    text = "The mayor is telling customers at a popular Dayton, Ohio, breakfast spot that “I need you on Tuesday.”"
    s = one(parse(text), "telling")
    assert (s.content.text, s.speaker_mention.text) == ("that “I need you on Tuesday.”", "The mayor")
    # a relative clause ("that" its subject, not a complementizer) stays the noun's
    assert parse("The mayor is telling diners at a counter that sits by the door about the vote.") == []


@pytest.mark.parametrize("text, cue, speaker", [
    # after "by", "without", "before" the gerund is the subject's doing, not the object's
    ("The governor won the nomination by promising lower taxes.", "promising", "The governor"),
    ("The senator took a shot at her rival without naming him.", "naming", "The senator"),
    # after "of", "from", "for" it is the object's
    ("The court barred the company from claiming that its pills cure colds.", "claiming", "the company"),
])
def test_who_speaks_in_a_gerund_after_a_preposition(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("The mayor’s chief of staff Tom Reyes says in a statement that the budget will pass.", "statement",
     "The mayor’s chief of staff Tom Reyes"),
    ("Last year the company backed away from a suggestion that it would close the plant.", "suggestion",
     "the company"),
])
def test_a_noun_cue_in_a_phrase_of_the_verb_is_its_subjects(parse, text, cue, speaker):
    s = one(parse(text), cue)
    assert s.speaker_mention.text == speaker
    assert s.content.text.startswith("that ")


@pytest.mark.parametrize("text, cue, content", [
    ('The mayor delivered a snappy retort: "Nobody is closing this library."', "delivered",
     'a snappy retort: "Nobody is closing this library."'),
    ("The governor repeated the pledges he has made for months: fixing the roads, hiring teachers and "
     "cutting the sales tax.", "repeated", "the pledges he has made for months: fixing the roads, hiring "
     "teachers and cutting the sales tax"),
    # a colon closing its paragraph goes on into the quotation that opens the next
    ('The manager said that given the candidates on both sides:\n\n"There is only one choice. He pays his '
     'own way."', "said", 'that given the candidates on both sides:\n\n"There is only one choice. He pays '
     'his own way."'),
])
def test_words_stopping_at_a_colon_go_on_past_it(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_a_colon_closing_its_paragraph_before_plain_text_is_the_writers(parse):
    text = "The council laid out the problem:\n\nFlooding has cost the town two million dollars since May."
    assert one(parse(text), "laid out").content.text == "the problem"


def test_a_quotation_goes_on_after_a_long_apposition_of_its_speaker(parse):
    text = ('"We will find the money ourselves," said Ana Lin, a lawyer in Dayton who has advised the council '
            'on budget matters since 2019, when the county first asked for a review, and who chairs the board of the '
            'Dayton library. "It will not take long."')
    s = one(parse(text), "said")
    assert s.content.span == (0, len(text)) and s.quote == "direct"


@pytest.mark.parametrize("text, cue, content, speaker", [
    # with no one named as expecting it, what is expected is the whole clause
    ("The governor is expected to sign the bill on Friday.", "expected",
     "The governor is expected to sign the bill on Friday", None),
    # a wh-word object before the cue opens the words
    ("The attack was what officials called a hate crime.", "called", "what officials called a hate crime",
     "officials"),
    ("The fine, which the mayor called a disgrace, was paid on Monday.", "called",
     "which the mayor called a disgrace", "the mayor"),
])
def test_passive_expectations_and_wh_objects(parse, text, cue, content, speaker):
    s = one(parse(text), cue)
    assert s.content.text == content
    assert (s.speaker_mention.text if s.speaker_mention else None) == speaker


def test_an_offer_is_no_passive_expectation(parse):
    # no infinitive: the object alone
    assert one(parse("Mourners were offered two kinds of flowers."), "offered").content.text == "two kinds of flowers"


@pytest.mark.parametrize("text", [
    "Several outlets reported on Wednesday.",     # when, not what
    "It is not a plan that we know of.",          # a stranded preposition
    "Officials never asked for.",
])
def test_no_words_said_in_a_time_or_a_stranded_preposition(parse, text):
    assert parse(text) == []


def test_a_report_on_something_is_still_a_statement(parse):
    # (the date after it says when, not what; "reported on" is the cue, test_statement_bounds.py)
    assert one(parse("She reported on the floods on Monday."), "reported").content.text == "the floods"


def test_who_asked_is_not_the_one_asked(parse):
    # a bare participle's subject is the one asked; the one asking goes unnamed
    found = parse("Asked about the plan, the governor said it was dead.")
    assert one(found, "Asked").speaker_mention is None
    assert one(found, "said").speaker_mention.text == "the governor"
    # a present participle is the subject's own act
    assert one(parse("Defending the plan, the governor said it would work."), "Defending").speaker_mention.text == \
        "the governor"


@pytest.mark.parametrize("text, cue, content", [
    # the parse hung the later infinitives on "wants": they go with its object, not with "wants"
    ("He wants to triple the size of the program, grow the Peace Corps and create a new reserve program.",
     "wants", "to triple the size of the program, grow the Peace Corps and create a new reserve program"),
    # a finite verb of the speaker's own is not part of the object
    ("Several members declined to comment, didn't respond to requests or passed along statements.",
     "declined", "to comment"),
])
def test_conjuncts_parallel_to_the_object(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_telling_someone_to_do_something_is_an_order(parse):
    s = one(parse("The mayor told his aides to find the money by Friday."), "told")
    assert (s.content.text, s.speaker_mention.text) == ("to find the money by Friday", "The mayor")
    # telling someone about something names no words said
    assert parse("The mayor told reporters about the plan.") == []


@pytest.mark.parametrize("text, cue, content", [
    ("Voters are angry; the senator clarified nothing.", "clarified", "nothing"),
    ("The vote is close: the governor denied any wrongdoing.", "denied", "any wrongdoing"),
])
def test_a_cue_with_an_object_of_its_own_does_not_report_the_clause_before_it(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_a_cue_after_the_clause_it_reports(parse):
    # (no object of its own: the clause before it is its words)
    assert one(parse("The deal is dead, the senator said."), "said").content.text == "The deal is dead"


def test_the_question_asked_is_the_if_clause(parse):
    s = one(parse("The host asked the actress if she had ever been discriminated against."), "asked")
    assert (s.content.text, s.kind) == ("if she had ever been discriminated against", "question")
    # (no question clause: what she was asked about)
    assert one(parse("The host asked the actress about her new film."), "asked").content.text == \
        "the actress about her new film"


def test_a_finite_verb_hung_on_an_infinitive_is_the_first_speakers(parse):
    found = parse("The senator said he would order a review of the defenses and warned against hackers from abroad.")
    assert one(found, "warned").speaker_mention.text == "The senator"


def test_one_statement_for_words_two_cues_claim():
    # "She posted a photo (A), saying “B”": when the parse gives both cues the quotation, the first keeps it
    from newsledger.nlp.statements import Attribution
    from newsledger.nlp.statements.rules import one_cue_per_words
    posted = Attribution(cue=(4, 10), cue_token=1, content=(40, 80), speaker=(0, 3), speaker_token=0, kind="claim")
    saying = Attribution(cue=(30, 36), cue_token=6, content=(40, 78), speaker=(0, 3), speaker_token=0, kind="claim")
    elsewhere = Attribution(cue=(90, 94), cue_token=20, content=(60, 120), speaker=None, speaker_token=None,
                            kind="claim")
    assert one_cue_per_words([saying, elsewhere, posted]) == [posted, elsewhere]


def test_a_gerund_under_a_possessed_noun_is_the_possessors(parse):
    assert one(parse("The mayor's record on promoting women has been mixed."), "promoting").speaker_mention.text == \
        "The mayor's"
    # no holder: no speaker (and, the gerund naming an act no one does, no statement: rules.doerless_act)
    assert all(s.speaker_mention is None for s in parse("The record on promoting women has been mixed.")
               if "promoting" in s.cue.text)


@pytest.mark.parametrize("text, cue, speaker", [
    # a name compounded with a noun cue holds it
    ("Clinton seized on a New York Times report that Trump had lost $915 million.", "report", "New York Times"),
    # a gerund under an adverb's preposition is the verb's subject's
    ("Trump stopped short of calling the shooting a crime.", "calling", "Trump"),
    ("He refused to talk, aside from saying he wants a fair deal.", "saying", "He"),
])
def test_holders_past_compounds_and_adverbs(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


def test_a_common_noun_compound_holds_no_report(parse):
    assert one(parse("A court report that the mill had closed was wrong."), "report").speaker_mention is None


@pytest.mark.parametrize("text, speaker", [
    ("“The campaign is in trouble. Full panic mode,” said Lena Wright, a party organizer in Miami.",
     "Lena Wright, a party organizer in Miami"),
    ("“If it does not have the weapon yet, it will at some point,” said James Acton, a physicist in Washington.",
     "James Acton, a physicist in Washington"),
])
def test_a_word_of_the_quotation_is_no_speaker(parse, text, speaker):
    assert one(parse(text), "said").speaker_mention.text == speaker


def test_a_report_goes_on_after_its_cue_with_and(parse):
    text = ("The middle fifth paid 8.9 percent, the agency said in a June report, and those in the bottom fifth "
            "paid 0.8 percent.")
    assert one(parse(text), "said").content.text == text[:-1]
    # another cue after "and" is a report of its own
    found = parse("Turnout was low, the clerk said on Friday, and the mayor added that it would rise.")
    assert one(found, "said").content.text == "Turnout was low"


def test_a_that_clause_the_parse_hung_on_a_noun_with_that_as_adverb(parse):
    # spaCy reads "that" as an adverb of a relative clause on "hours"; the cue's clause stops before the
    # conjunct hung on the cue ("and encouraged ..."), which is a report of its own
    text = ("Smith tweeted in the early morning hours that Jones was “disgusting” and “a con” and encouraged "
            "Americans to “check out” his show.")
    statements = parse(text)
    assert one(statements, "tweeted").content.text == "that Jones was “disgusting” and “a con”"
    # (who is encouraged, right before the infinitive, is part of the words: test_statement_bounds.py)
    assert one(statements, "encouraged").content.text == "Americans to “check out” his show"


def test_a_that_clause_the_parse_made_adverbial(base):
    # "tweeted in the early hours that A": the parse as spaCy gives it in a longer article, the
    # that-clause an adverbial clause of the cue
    rows = [  # word, tag, pos, dep, head
        ("Smith", "NNP", "PROPN", "nsubj", 1), ("tweeted", "VBD", "VERB", "ROOT", 1), ("at", "IN", "ADP", "prep", 1),
        ("dawn", "NN", "NOUN", "pobj", 2), ("that", "IN", "SCONJ", "advmod", 6), ("Jones", "NNP", "PROPN", "nsubj", 6),
        ("was", "VBD", "AUX", "advcl", 1), ("lazy", "JJ", "ADJ", "acomp", 6), ("and", "CC", "CCONJ", "cc", 6),
        ("urged", "VBD", "VERB", "conj", 6), ("fans", "NNS", "NOUN", "dobj", 9), ("to", "TO", "PART", "aux", 12),
        ("leave", "VB", "VERB", "xcomp", 9), (".", ".", "PUNCT", "punct", 1)]
    spaces = [True] * 12 + [False, False]
    lemmas = [w.lower() for w, *_ in rows]
    lemmas[1], lemmas[6], lemmas[9] = "tweet", "be", "urge"
    s = one(spelled_out(base, rows, spaces, lemmas), "tweeted")
    assert (s.content.text, s.speaker_mention.text) == ("that Jones was lazy", "Smith")
    # an adverbial clause opened by anything else ("while", "because") is no report
    rows[4] = ("while", "IN", "SCONJ", "mark", 6)
    assert [s.cue.text for s in spelled_out(base, rows, spaces, lemmas)] == ["urged"]


def test_a_noun_the_parse_made_the_verbs_conjunct_is_a_second_object(base):
    # "questioned X's values and his readiness": spaCy hung "readiness" on the verb in a longer sentence
    rows = [  # word, tag, pos, dep, head
        ("Cruz", "NNP", "PROPN", "nsubj", 1), ("questioned", "VBD", "VERB", "ROOT", 1),
        ("Smith", "NNP", "PROPN", "poss", 4), ("'s", "POS", "PART", "case", 2), ("values", "NNS", "NOUN", "dobj", 1),
        ("and", "CC", "CCONJ", "cc", 1), ("his", "PRP$", "PRON", "poss", 7), ("readiness", "NN", "NOUN", "conj", 1),
        ("to", "TO", "PART", "aux", 9), ("lead", "VB", "VERB", "acl", 7), (".", ".", "PUNCT", "punct", 1)]
    spaces = [True, True, False, True, True, True, True, True, True, False, False]
    lemmas = [w.lower() for w, *_ in rows]
    lemmas[1] = "question"
    s = one(spelled_out(base, rows, spaces, lemmas), "questioned")
    assert s.content.text == "Smith's values and his readiness to lead"
    # a verb conjunct is the speaker's own act, not part of the object
    rows[7] = ("resigned", "VBD", "VERB", "conj", 1)
    rows[6] = ("he", "PRP", "PRON", "nsubj", 7)
    lemmas[7] = "resign"
    s = one(spelled_out(base, rows, spaces, lemmas), "questioned")
    assert s.content.text == "Smith's values"


@pytest.mark.parametrize("text, cue, content", [
    # gerunds in a list, the second one read as an adverbial clause
    ("The union supported raising the wage, limiting overtime and banning unpaid internships.", "supported",
     "raising the wage, limiting overtime and banning unpaid internships"),
    # ... but a finite clause of its own is not part of the list
    ("The union supported raising the wage, although members objected.", "supported", "raising the wage"),
])
def test_a_list_of_gerunds_the_parse_split(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


@pytest.mark.parametrize("text, cue, content", [
    ("The senator endorsed Mrs. Lee during a conference call with reporters.", "endorsed", "Mrs. Lee"),
    ("The senator rebuked the mayor in December.", "rebuked", "the mayor"),
    # an occasion: where the words were said
    ("The governor praised the nurses at a rally in Ohio.", "praised", "the nurses"),
    ("The senator endorsed the mayor in a tweet.", "endorsed", "the mayor"),
    ("The host blasted the senator Wednesday on the evening show.", "blasted", "the senator"),
    # ... but not a phrase that says what it is about
    ("The union announced a concert in support of the strikers.", "announced",
     "a concert in support of the strikers"),
    ("The group endorsed the mayor last week.", "endorsed", "the mayor"),
    # a phrase that says what, not when, stays
    ("The senator criticized the mayor for years of neglect.", "criticized", "the mayor for years of neglect"),
    # a date before a "by saying ..." is part of the act described
    ("The governor responded to the mayor Wednesday night by saying the plan was dead.", "responded",
     "the mayor Wednesday night by saying the plan was dead"),
])
def test_the_words_stop_at_when_and_where_they_were_said(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_calling_for_someone_to_act(parse):
    s = one(parse("The governor is calling for the legislature to pass the budget by Friday."), "calling")
    assert (s.cue.text, s.content.text, s.kind) == ("is calling for", "the legislature to pass the budget by Friday",
                                                    "demand")
    # "for ... to" after a verb that is no "X for" cue says nothing
    assert parse("The governor waited for the legislature to pass the budget.") == []


def test_a_relative_pronoun_stands_for_what_is_endorsed(parse):
    text = "Mr. Lee, whom the mayor endorsed, spoke on Monday."
    s = one(parse(text, actors=[("lee", "Mr. Lee"), ("mayor", "the mayor")]), "endorsed")
    assert (s.content.text, s.speaker, s.about) == ("whom", "mayor", ["lee"])
    assert one(parse("It is a view which I share."), "share").content.text == "which"
    # a relative pronoun that is the subject says nothing of its own
    assert parse("The plan, which passed, is dead.") == []


@pytest.mark.parametrize("text, cue, content, speaker, kind", [
    ("Voters are afraid that prices will rise.", "afraid", "that prices will rise", "Voters", "claim"),
    # a linking verb other than "be"
    ("The union remains willing to talk.", "willing", "to talk", "The union", "pledge"),
    # a role noun after the linking verb: the subject holds the stance
    ("The senator is a longtime critic of the trade deal.", "critic", "the trade deal", "The senator", "criticism"),
    ("The senator has been an opponent of the death penalty for years.", "opponent", "the death penalty",
     "The senator", "rejection"),
    # what a feeling is about
    ("The coach was pleased with the result.", "pleased", "the result", "The coach", "praise"),
    ("The senator was confident in the plan.", "confident", "the plan", "The senator", "claim"),
])
def test_a_stance_held_by_the_subject_of_a_linking_verb(parse, text, cue, content, speaker, kind):
    s = one(parse(text), cue)
    assert (s.content.text, s.speaker_mention.text, s.kind) == (content, speaker, kind)


@pytest.mark.parametrize("text", [
    "It remains unclear whether the bridge will open.",    # no one holds it
    "The senator, a critic of the deal, spoke.",           # a role in an apposition is a description
    "The coach is ready to leave.",                         # readiness is no stance on anything
])
def test_no_stance_without_a_holder_or_a_stance_word(parse, text):
    assert parse(text) == []


@pytest.mark.parametrize("text", [
    "Don't blame the mayor.",
    "Call it a tax on the poor.",
    "Ask any farmer about the drought.",
])
def test_an_imperative_is_the_writers_word_to_the_reader(parse, text):
    assert parse(text) == []


def test_a_bare_verb_after_its_words_is_still_a_cue(parse):
    assert one(parse("“Vote early,” read one sign."), "read").content.text == "“Vote early,”"


def test_a_belief_noun_with_a_that_clause(parse):
    s = one(parse("There is a sense that the economy is improving."), "sense")
    assert (s.content.text, s.speaker_mention) == ("that the economy is improving", None)
    # the noun without a clause of its own reports nothing
    assert parse("The idea was popular.") == []


@pytest.mark.parametrize("text", [
    "Many voters feel terrible.",      # a state, not words
    "They were announced.",
    "The reforms were praised, but that was rejected.",
])
def test_one_word_that_cannot_be_what_was_said(parse, text):
    assert all(s.content.text not in ("terrible", "They", "that") for s in parse(text))


def test_one_word_that_stands_for_what_was_said(parse):
    assert one(parse("Asked about the plan, half said yes."), "said").content.text == "yes"
    assert one(parse("The senator criticized him."), "criticized").content.text == "him"


def test_a_clause_before_the_comma_the_parse_hung_on_the_cue(parse):
    # spaCy reads "like" as a preposition, so no verb is left before the comma
    s = one(parse("People like Scott, he said."), "said")
    assert (s.content.text, s.speaker_mention.text) == ("People like Scott", "he")
    # the cue's own subject before a comma is no clause it reports
    assert parse("But Mr. Trump, again, did not respond.") == []


@pytest.mark.parametrize("text, cue, content, kind", [
    ("I believe in the good sense of the voters.", "believe in", "the good sense of the voters", "claim"),
    ("The senator went after the governor as weak.", "went after", "the governor as weak", "criticism"),
    ("The judge sided with the union.", "sided with", "the union", "praise"),
    ("Economists disagree that the cut will pay for itself.", "disagree", "that the cut will pay for itself",
     "rejection"),
])
def test_phrasal_stances(parse, text, cue, content, kind):
    s = one(parse(text), cue)
    assert (s.cue.text, s.content.text, s.kind) == (cue, content, kind)


def test_a_phrasal_cue_needs_its_preposition(parse):
    assert parse("The hikers went after dark.") == []


@pytest.mark.parametrize("text, cue, content, kind", [
    ("The court deemed the law unconstitutional.", "deemed", "the law unconstitutional", "claim"),
    ("The senator likened the deal to a surrender.", "likened", "the deal to a surrender", "claim"),
    ("Lawmakers balked at the cost.", "balked at", "the cost", "rejection"),
    ("The mayor boasted of falling crime.", "boasted of", "falling crime", "praise"),
    ("The actor opened up about her illness.", "opened up about", "her illness", "claim"),
    ("The former boss vouched for the nominee.", "vouched for", "the nominee", "praise"),
    ("“Lock her up!” the crowd yelled.", "yelled", "“Lock her up!”", "claim"),
    ("The study attributed the rise to lower prices.", "attributed", "the rise to lower prices", "claim"),
    # "agree with" states the view the subject shares, as "disagree with" the one it rejects
    ("The county judge agreed with the ruling on the dam.", "agreed with", "the ruling on the dam", "confirmation"),
    # the preposition of a stance verb belongs to its cue, as in "talk about"
    ("Mayor Hale worried about the dam.", "worried about", "the dam", "claim"),
    ("The senator hinted at a run for governor.", "hinted at", "a run for governor", "claim"),
    ("The mayor bristled at the question.", "bristled at", "the question", "rejection"),
])
def test_verbs_annotators_attribute_that_the_lexicon_now_lists(parse, text, cue, content, kind):
    s = one(parse(text), cue)
    assert (s.cue.text, s.content.text, s.kind) == (cue, content, kind)


def test_a_speech_goes_on_only_in_its_own_quotation_marks(parse):
    # a paragraph opening with the same kind of mark goes on with the speech
    text = "“Here he is,” she said. “Donald is here.”\n\n“And he brought his family.”"
    assert one(parse(text), "said").content.text == text
    # one opening with the other kind is someone else's (here: an excerpt the article quotes)
    text = "“Here he is,” she said. “Donald is here.”\n\n\"The senator walked onto the stage."
    assert one(parse(text), "said").content.text == "“Here he is,” she said. “Donald is here.”"


def test_a_stance_nouns_date_is_not_its_content(parse):
    assert parse("His remarks on Saturday were warm.") == []
    assert one(parse("Her remarks on the budget were sharp."), "remarks").content.text == "the budget"


def test_lets_say_is_a_supposition_not_a_report(parse):
    s = one(parse("Let's say you think the degree will cost a lot."), "think")
    assert (s.content.text, s.speaker_mention.text) == ("the degree will cost a lot", "you")
    assert [s.cue.text for s in parse("Let's say you think the degree will cost a lot.")] == ["think"]
    # "let's hope" is still a wish of the writer's
    assert one(parse("Let's hope the bridge holds."), "hope").content.text == "the bridge holds"


@pytest.mark.parametrize("text, content", [
    ("As one analyst put it, the network is a weapon.", "the network is a weapon"),
    # the parse hangs the as-clause on the subject: the report is still the whole sentence
    ("The network, as one analyst put it, is a weapon.", "The network, as one analyst put it, is a weapon"),
    ("He put it bluntly: the plan is dead.", "the plan is dead."),
])
def test_as_someone_put_it(parse, text, content):
    assert one(parse(text), "put").content.text == content


def test_putting_it_somewhere_says_nothing(parse):
    assert parse("She put it on the table.") == []


@pytest.mark.parametrize("text, cue, content, kind", [
    ("The senator raised questions about the deal.", "raised questions about", "the deal", "question"),
    ("The mayor raised concerns that the bridge is unsafe.", "raised concerns", "that the bridge is unsafe", "claim"),
])
def test_a_light_verb_and_its_cue_noun(parse, text, cue, content, kind):
    s = one(parse(text), "raised")
    assert (s.cue.text, s.content.text, s.kind) == (cue, content, kind)


@pytest.mark.parametrize("text", [
    "The council raised taxes.",                  # no cue noun
    "He raised questions on Monday.",             # a date, not what they were about
])
def test_a_light_verb_without_a_cue_nouns_words(parse, text):
    assert parse(text) == []


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("The senator has made comments about voter fraud.", "has made comments about", "voter fraud", "The senator"),
    ("The pastor made an impassioned call for unity on Wednesday.", "made an impassioned call for", "unity",
     "The pastor"),
])
def test_make_with_a_cue_noun_is_a_light_verb(parse, text, cue, content, speaker):
    s = one(parse(text), "made")
    assert (s.cue.text, s.content.text, s.speaker_mention.text) == (cue, content, speaker)


@pytest.mark.parametrize("text", [
    "The chef made a cake for the party.",                  # no cue noun: "make" alone reports nothing
    "The company made changes to the plan.",
])
def test_make_without_a_cue_noun_reports_nothing(parse, text):
    assert not [s for s in parse(text) if "made" in s.cue.text]


@pytest.mark.parametrize("text, verb, content, speaker", [
    ("The senator made the case that the tariffs would hurt farmers.", "made", "that the tariffs would hurt farmers",
     "The senator"),
    ("The mayor made the point that the bridge was unsafe.", "made", "that the bridge was unsafe", "The mayor"),
    ("The governor took aim at the new budget on Tuesday.", "took", "the new budget", "The governor"),
    ("The union sounded the alarm about the pension fund.", "sounded", "the pension fund", "The union"),
    ("The governor tried to make the case to members of both parties that the levy is a bad idea.", "make",
     "that the levy is a bad idea", "The governor"),
    ("The ministers made little secret of their disagreements.", "made", "their disagreements", "The ministers"),
    ("The candidate took offense at the question.", "took", "the question", "The candidate"),
    ("The judge made the observation that the record was thin.", "made", "that the record was thin", "The judge"),
    ("The mayor expressed concern that the bridge was unsafe.", "expressed", "that the bridge was unsafe", "The mayor"),
    ("The coach expressed admiration for the young players.", "expressed", "the young players", "The coach"),
    ("The union voiced skepticism about the merger.", "voiced", "the merger", "The union"),
    # a medium noun that is a saying under "make" ("made a statement": stated)
    ("The governor has made several statements about the pipeline.", "made", "the pipeline", "The governor"),
])
def test_a_noun_that_is_a_cue_only_under_its_light_verb(parse, text, verb, content, speaker):
    s = one(parse(text), verb)
    assert (s.content.text, s.speaker_mention.text) == (content, speaker)


@pytest.mark.parametrize("text, word", [
    ("In some cases, the tenants paid twice.", "cases"),
    ("At this point, the talks have stalled.", "point"),
    ("The hunter took aim with a rifle.", "took"),          # no preposition of what it is aimed at
    ("The court heard cases alleging discrimination.", "cases"),
    ("The alarm sounded at noon.", "sounded"),
    ("The station is under observation.", "observation"),
    ("The board released a statement about the pipeline.", "statement"),   # a document, not "made"
])
def test_a_light_only_noun_alone_reports_nothing(parse, text, word):
    assert not [s for s in parse(text) if word in s.cue.text]


def test_made_with_a_clear_after_its_object_stays_made_clear(parse):
    s = one(parse("The governor made her support for the plan clear in a letter."), "made")
    assert "clear" in s.cue.text or "clear" in s.content.text


@pytest.mark.parametrize("text", [
    "Do you know where the mayor's tax returns are?",       # the writer asking the reader
    "Assuming that the cut is legal, the budget will balance.",
])
def test_no_report_in_a_question_to_the_reader_or_a_supposition(parse, text):
    assert parse(text) == []


def test_a_question_someone_else_asks_is_still_reported(parse):
    s = one(parse("Did the senator say that the plan was dead?"), "say")
    assert (s.content.text, s.speaker_mention.text) == ("that the plan was dead", "the senator")


@pytest.mark.parametrize("text", [
    "Having said that, the plan is dead.",
    "That said, the plan is dead.",
    "It goes without saying that taxes should fall.",
])
def test_the_writers_links_made_of_say(parse, text):
    assert parse(text) == []


def test_having_said_a_clause_is_still_a_report(parse):
    assert one(parse("Having said that he would leave, he stayed."), "said").content.text == "that he would leave"


def test_said_name_colon_opens_a_quotation(parse):
    # "Said Ellis:" mid-paragraph; spaCy makes "Said" a compound of the name
    text = "The senator spoke. Said Ellis: “I don’t get the sense she’s interested in tax reform.”"
    s = one(parse(text), "Said")
    assert (s.content.text, s.speaker_mention.text, s.kind) == (
        "“I don’t get the sense she’s interested in tax reform.”", "Ellis", "claim")


def test_a_person_who_appears_to_say_something_says_it(parse):
    s = one(parse("He appeared to suggest that veterans were weak."), "suggest")
    assert (s.content.text, s.speaker_mention.text) == ("that veterans were weak", "He")
    # with no one named the appearance is the writer's view of the whole clause
    s = one(parse("The plan appeared to suggest that taxes would rise."), "appeared")
    assert s.speaker_mention is None


def test_a_cue_the_parse_hung_on_the_reported_clause_is_the_outer_speakers(parse):
    # "warned" is China's, though the parse made it a conjunct of "was" inside what China said
    s = one(parse("China said it was opposed to the test and warned North Korea to refrain from more tests."),
            "warned")
    assert s.speaker_mention.text == "China"
    # a conjunct with a subject of its own keeps it
    s = one(parse("China said it was opposed to the test and Russia warned North Korea to stop."), "warned")
    assert s.speaker_mention.text == "Russia"


@pytest.mark.parametrize("text, cue, content", [
    # the words go on after an aside with a phrase of their own
    ("The senator accused the governor, who was born in Ohio, of hiding the funds.", "accused",
     "the governor, who was born in Ohio, of hiding the funds"),
    ("The mayor pledged to put the city, which has not voted for a Republican in decades, in play.", "pledged",
     "to put the city, which has not voted for a Republican in decades, in play"),
    # an aside that closes the sentence is the writer's
    ("The senator accused the governor, who was born in Ohio.", "accused", "the governor"),
])
def test_words_that_resume_after_an_aside(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_a_gerund_read_as_an_adjective_still_lists_with_the_next_gerund(base):
    # spaCy's parse of "mentioned refinancing student loans and forcing universities to spend": the first
    # gerund an adjective of "loans", the second a conjunct of the cue
    rows = [  # word, tag, pos, dep, head
        ("Trump", "NNP", "PROPN", "nsubj", 2), ("has", "VBZ", "AUX", "aux", 2), ("mentioned", "VBN", "VERB", "ROOT", 2),
        ("refinancing", "VBG", "VERB", "amod", 5), ("student", "NN", "NOUN", "compound", 5),
        ("loans", "NNS", "NOUN", "dobj", 2), ("and", "CC", "CCONJ", "cc", 2), ("forcing", "VBG", "VERB", "conj", 2),
        ("universities", "NNS", "NOUN", "dobj", 7), ("to", "TO", "PART", "aux", 10), ("spend", "VB", "VERB", "xcomp", 7),
        (".", ".", "PUNCT", "punct", 2)]
    spaces = [True] * 10 + [False, False]
    lemmas = [w.lower() for w, *_ in rows]
    lemmas[2], lemmas[7] = "mention", "force"
    s = one(spelled_out(base, rows, spaces, lemmas), "mentioned")
    assert s.content.text == "refinancing student loans and forcing universities to spend"
    # an object that is no gerund keeps to itself
    rows[3] = ("cheap", "JJ", "ADJ", "amod", 5)
    s = one(spelled_out(base, rows, spaces, lemmas), "mentioned")
    assert s.content.text == "cheap student loans"


def test_a_number_standing_for_a_thing_that_says(parse):
    s = one(parse("She wrote a series of postings that included one saying that the vote was rigged."), "saying")
    assert (s.content.text, s.speaker_mention.text) == ("that the vote was rigged", "one")


@pytest.mark.parametrize("text, cue, content", [
    ("Pence was also dubbed the debate winner.", "dubbed", "Pence was also dubbed the debate winner"),
    ("Peacekeepers have been accused of hurting civilians.", "accused",
     "Peacekeepers have been accused of hurting civilians"),
])
def test_a_passive_cue_with_words_of_its_own_says_them_of_its_subject(parse, text, cue, content):
    s = one(parse(text), cue)
    assert (s.content.text, s.speaker_mention) == (content, None)


def test_a_passive_that_clause_is_still_only_the_clause(parse):
    assert one(parse("It was reported that the plan failed."), "reported").content.text == "that the plan failed"


def test_a_by_phrase_the_parse_hung_on_the_predicate_names_the_speaker(parse):
    s = one(parse("The senator was called a liar by the mayor."), "called")
    assert s.speaker_mention.text == "the mayor"
    # a by-phrase that names no one: no speaker
    assert one(parse("The senator was called a liar by mistake."), "called").speaker_mention is None


@pytest.mark.parametrize("text, speaker", [
    ("A senior official said the strikes would continue.", "A senior official"),
    ("Officials said the talks would resume next week.", "Officials"),
    ("Two people familiar with the talks said the deal was close.", "Two people familiar with the talks"),
    ("Sources close to the ministry said the minister would resign.", "Sources close to the ministry"),
    ("The minister will resign, sources close to the ministry said.", "sources close to the ministry"),
    ("A senior official told Reuters that the plan was dead.", "A senior official"),
])
def test_an_unnamed_source_is_a_speaker(parse, text, speaker):
    s = one(parse(text), "said" if "said" in text else "told")
    assert s.speaker_mention is not None and s.speaker_mention.text == speaker


def test_an_unnamed_source_is_on_the_side_its_description_names(parse):
    s = one(parse("A Kremlin official said the talks had failed.", actors=[("russia", "Kremlin")]), "said")
    assert (s.speaker_mention.text, s.speaker) == ("A Kremlin official", "russia")


@pytest.mark.parametrize("text, cue, speaker", [
    # a relative clause or a following participle describes the speaker: its naming words
    ("Chris Cox, who runs the union's lobbying arm, said the law would fail.", "said",
     "Chris Cox, who runs the union's lobbying arm"),
    ("Voters whose top issue was health care said they would stay home.", "said",
     "Voters whose top issue was health care"),
    ("Exit polls taken in Ohio showed the senator ahead.", "showed", "Exit polls taken in Ohio"),
    # a relative clause that says something of its own is no part of the name
    ("Barkley, who said he was tired, added that the game was over.", "added", "Barkley"),
    # a bracket the name opens closes in it
    ("Rep. Jane Roe (D-Wis.) said the bill would fail.", "said", "Rep. Jane Roe (D-Wis.)"),
    # and so does a dash
    ("Tom Hale — a farmer from Dover — said the bill would fail.", "said", "Tom Hale — a farmer from Dover —"),
    ("Tom Hale -- a farmer from Dover -- said the bill would fail.", "said", "Tom Hale -- a farmer from Dover --"),
    # a dash that only follows the name is not the name's
    ("The mayor said the bill would fail — and then left.", "said", "The mayor"),
    # a wire dateline opening the paragraph after the headline names no one
    ("Bridge to close for a year.\n\nDOVER, Del. (AP) — Mayor Tom Hale said the bridge would close.", "said",
     "Mayor Tom Hale"),
    ("Bridge to close for a year.\n\nDOVER — The mayor said the bridge would close.", "said", "The mayor"),
    # "only" bounds a number: the source keeps it
    ("Only two of the delegates said they would vote for him.", "said", "Only two of the delegates"),
    # the parse hung a phrase after the verb on the subject: the name stops before its verb
    ("A union of nurses endorsed the mayor for a second term on Friday, another sign of organized labor "
     "rallying behind the incumbent.", "endorsed", "A union of nurses"),
    # an apposition or a phrase before the verb stays part of the name
    ("The mayor, a former teacher, said the schools would reopen.", "said", "The mayor, a former teacher"),
    ("Officials in the ministry said the talks would resume.", "said", "Officials in the ministry"),
])
def test_the_speakers_naming_words(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a title the parse made a second subject of the verb belongs to the name
    ("Former Secretary of State and Democratic presidential frontrunner Jane Roe said the plan was dead.",
     "said", "Former Secretary of State and Democratic presidential frontrunner Jane Roe"),
    # not a clause before a pronoun
    ("Polls in the state he said were wrong.", "said", "he"),
])
def test_a_title_cut_off_the_name_by_the_parse_is_the_names(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("fragment, speaker", [
    # a title the parse made a sentence of its own ("Texas | Lt. Gov. Tom Hale says")
    (True, "Texas Lt. Gov. Tom Hale"),
    (False, "Texas Lt. Gov. Tom Hale"),
])
def test_a_title_fragment_before_the_name_is_the_names(fragment, speaker):
    from newsledger.nlp.statements import find_attributions
    words = ["Texas", "Lt.", "Gov.", "Tom", "Hale", "says", "the", "bridge", "will", "close", "."]
    heads = [0 if fragment else 4, 4, 4, 4, 5, 5, 7, 9, 9, 5, 5]
    deps = ["ROOT" if fragment else "compound"] + ["compound"] * 3 + [
        "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 9 + [False, False],
              tags=["NNP"] * 5 + ["VBZ", "DT", "NN", "MD", "VB", "."],
              pos=["PROPN"] * 5 + ["VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              lemmas=["Texas", "Lt.", "Gov.", "Tom", "Hale", "say", "the", "bridge", "will", "close", "."],
              heads=heads, deps=deps, sent_starts=[True, fragment] + [False] * 9)
    text = doc.text
    [a] = find_attributions(doc, load_lexicon(), QuoteRegions(text), text=text)
    assert text[a.speaker[0]:a.speaker[1]] == speaker


def test_a_sentence_before_the_speaker_is_not_a_title(parse):
    assert one(parse("He left. Tom Hale said the bridge would close."), "said").speaker_mention.text == "Tom Hale"


@pytest.mark.parametrize("text, speaker", [
    # the time of the saying that the parse hung on the name is not the name's
    ("A mayor at the time said the bridge would close.", "A mayor"),
    # a preposition naming more of the speaker stays
    ("The mayor of Dover said the bridge would close.", "The mayor of Dover"),
    # and so does a time inside a description
    ("A poll released on Thursday showed that the mayor was ahead.", "A poll released on Thursday"),
])
def test_a_time_after_the_speaker_is_not_its_name(parse, text, speaker):
    assert [s.speaker_mention.text for s in parse(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a share the parse hung on a verb with no subject is who speaks (poll copy)
    ("About 4 in 10 say they want the next president to change course.", "About 4 in 10"),
    # a count before a verb that has its subject is not
    ("Four times the senator said the plan was dead.", "the senator"),
])
def test_a_share_of_people_before_the_cue_speaks(parse, text, speaker):
    assert [s.speaker_mention.text for s in parse(text)] == [speaker]


def test_a_described_speaker_is_the_actor_named_before_the_description(parse):
    text = "Chris Cox, who runs the National Rifle Association office, said the law would fail."
    s = one(parse(text, actors=[("chris-cox", "Chris Cox"), ("nra", "National Rifle Association")]), "said")
    assert s.speaker == "chris-cox"


@pytest.mark.parametrize("text, speaker", [
    ("Even the senator said the plan was too costly.", "the senator"),
    ("Just 30 percent of the voters said the plan was too costly.", "30 percent of the voters"),
])
def test_a_focus_word_before_the_speaker_is_not_its_name(parse, text, speaker):
    assert one(parse(text), "said").speaker_mention.text == speaker


# ---- acts named without a doer ------------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    # an infinitive or gerund no one is found to do names an act in general, not an attribution
    ("Congress has three ways to seek enforcement of a subpoena.", "seek"),
    ("The mayor was the first Democrat in the state to endorse Sanders.", "endorse"),
])
def test_infinitive_or_gerund_without_a_doer_is_no_statement(parse, text, cue):
    assert not [s for s in parse(text) if cue in s.cue.text]


@pytest.mark.parametrize("text, cue", [
    # a doer found, or a finite passive said by no one named, keeps the statement
    ("Having promised lower taxes, the senator now faces a deficit.", "promised"),
    ("It was reported that the talks had failed.", "reported"),
    ("Trump welcomed the news, saying the governor was right.", "saying"),
])
def test_statement_with_a_doer_or_finite_verb_stays(parse, text, cue):
    assert one(parse(text), cue)


@pytest.mark.parametrize("text", [
    # a credit or contact line at a column's end, and a tabloid label before a headline, name no speaker
    "The council met late into the night.\n\nEMAIL: Write To The City Desk.",
    "The council met late into the night.\n\nTwitter: @janeroe.",
    "The council met late into the night.\n\nBOOM: Mayor Just Fired A Warning At The Council.",
    "The council met late into the night.\n\nCLARIFICATION: The first line was changed to give the date.",
])
def test_editorial_and_contact_labels_are_no_lead_ins(parse, text):
    assert not [s for s in parse(text) if s.cue.text == ":"]


def test_a_speaker_before_a_colon_still_leads_in_after_a_label_line(parse):
    # must not: a name before the colon at a paragraph's start stays a lead-in
    text = "The council met late into the night.\n\nRoe: The budget will pass before the summer."
    assert one(parse(text), ":").speaker_mention.text == "Roe"


@pytest.mark.parametrize("text, speaker", [
    # a name, a colon, a quotation inside a paragraph (colon_names.py): after an ellipsis as after a
    # sentence's end, and with a no-break space before the quotation
    ("The mayor wrote about the storm ... Jane Roe: “We will rebuild the pier by June.”", "Jane Roe"),
    ("The harbor reopened - Tom Baker:\u00a0“We will rebuild the pier by June.”", "Tom Baker"),
])
def test_name_colon_quotation_inside_a_paragraph(parse, text, speaker):
    s = one(parse(text), ":")
    assert s.speaker_mention.text == speaker
    assert s.content.text == "“We will rebuild the pier by June.”"


def test_a_sentence_ending_in_a_colon_after_an_ellipsis_names_no_one(parse):
    # must not: the words before the colon are a clause, not a name
    text = "The mayor paused ... and then he said it plainly: “We will rebuild the pier by June.”"
    assert not [s for s in parse(text) if s.cue.text == ":" and s.speaker_mention is not None
                and "plainly" in s.speaker_mention.text]
