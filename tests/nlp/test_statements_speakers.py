"""Who speaks when the parse lost the subject (speakers.py with grammar.syntax.stranded_subject), on
sentences we wrote, and sentences whose speaker must stay as it was."""
from __future__ import annotations

import spacy
import pytest

from newsledger.nlp.grammar.syntax import stranded_subject

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse, spans_ok  # noqa: F401  (base and parse are fixtures)


def test_name_hung_as_apposition_of_a_fronted_date_speaks(parse):
    text = ("In a call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, "
            "said that the raid was a combat operation.")
    s = one(parse(text), "said")
    assert s.speaker_mention.text == "Col. Steven H. Warren, a military spokesman in Baghdad"
    spans_ok(text, [s])


def test_name_hung_as_conjunct_of_a_fronted_phrase_speaks(parse):
    text = "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Mr. Sanders."
    s = one(parse(text), "said")
    assert s.speaker_mention.text == "Senator Harry Reid, the minority leader"


def test_loose_finite_verb_after_a_comma_shares_the_subject(parse):
    text = "Clinton paused, then revealed why the activism was important."
    s = one(parse(text), "revealed")
    assert s.speaker_mention.text == "Clinton"


@pytest.mark.parametrize("text, speaker, content", [
    # the cue made a conjunct (or an adverbial clause) of the clause it reports, with no word joining them, and
    # its speaker an apposition inside that clause: the words are the clause up to the speaker's phrase
    ("The refugee agency will pay a cash grant to 85,000 families in Jordan, its representative in the country "
     "said on Tuesday, the same day the cabinet met.", "its representative in the country",
     "The refugee agency will pay a cash grant to 85,000 families in Jordan"),
    ("The World Food Programme will deliver 20,000 tonnes of wheat to families in Sudan, its director in the "
     "country said on Monday.", "its director in the country",
     "The World Food Programme will deliver 20,000 tonnes of wheat to families in Sudan"),
])
def test_cue_hung_on_the_clause_it_reports_with_no_joining_word_speaks_through_the_apposition(parse, text, speaker,
                                                                                              content):
    s = one(parse(text), "said")
    assert (s.speaker_mention.text, s.content.text) == (speaker, content)
    spans_ok(text, [s])


def test_verbs_joined_by_and_or_with_a_subject_keep_it(base):
    # "and" joins two acts of one subject; a verb with a subject of its own lost nothing
    doc = base("He visited the plant, met workers and said the jobs were safe.")
    assert stranded_subject(next(t for t in doc if t.lower_ == "said")) is None


@pytest.mark.parametrize("text, cue, speaker", [
    # a subject of its own stays the speaker, whatever phrase comes before it
    ("In a statement on Monday, the ministry said that the talks had failed.", "said", "the ministry"),
    ("Speaking in Ohio, Trump said the plant would reopen.", "said", "Trump"),
    ("Asked about the plan, the senator said it would pass.", "said", "the senator"),
])
def test_speaker_with_a_subject_stays(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


def test_no_stranded_subject_where_the_verb_has_one_or_is_not_finite(base):
    doc = base("After the meeting with Putin, Merkel said the sanctions would stay.")
    said = next(t for t in doc if t.lower_ == "said")
    assert stranded_subject(said) is None           # it has its own subject
    doc = base("Meet the candidates in Iowa, and ask them about trade.")
    assert all(stranded_subject(t) is None for t in doc)   # imperatives name no one


@pytest.mark.parametrize("text, cue, speaker", [
    # object control: the object of "prompt", "lead", "urge" does the infinitive
    ("The attack prompted the senator to declare that the border was closed.", "declare", "the senator"),
    ("The defeat led the governor to announce that she would retire.", "announce", "the governor"),
    # an indefinite pronoun standing alone counts people, who can speak
    ("The sudden closure led some to speculate that the firm had run out of money.", "speculate", "some"),
    ("The long delay left many to wonder whether the bridge would ever open.", "wonder", "many"),
])
def test_object_of_a_control_verb_speaks_the_infinitive(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a reflexive or a thing as the object: the subject still speaks
    ("The mayor allowed himself to say that the plan had failed.", "say", "The mayor"),
    ("The senator spent most of his time to argue that the law works.", "argue", "The senator"),
    ("The group spent millions of dollars to argue that the law works.", "argue", "The group"),
    ("The delay led it to warn that the bridge would close.", "warn", "The delay"),
])
def test_subject_speaks_when_the_object_cannot(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


def test_subject_controls_a_fronted_infinitive_of_purpose(parse):
    text = "To address the growing inequality, the senator has proposed new taxes on banks."
    s = one(parse(text), "address")
    assert s.speaker_mention.text == "the senator"


def test_a_thing_does_not_control_a_fronted_infinitive(parse):
    text = "To alert voters to the change, the message criticized the old rules."
    # (no doer: the infinitive names an act, and rules.doerless_act keeps no statement of it)
    assert all(s.speaker_mention is None for s in parse(text) if "alert" in s.cue.text)


@pytest.mark.parametrize("text, speaker", [
    # a participle's speaker is the clause's subject, not a wire dateline the parse made a second subject
    ("PHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a statement on Monday, "
     "offering “a deep and sincere apology” to Sanders.", "The Democratic National Committee"),
    # one subject: it stays
    ("ATLANTIC CITY — Hillary Clinton spoke at a rally on Wednesday, calling the casino a failure.",
     "Hillary Clinton"),
])
def test_participle_speaker_is_not_a_dateline(parse, text, speaker):
    assert one(parse(text), "offering" if "offering" in text else "calling").speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue", [
    # a placeholder "it" before "be" + predicate: the infinitive or gerund is the subject, no one speaks
    ("It is important to remember that the parties are not democracies.", "remember"),
    ("It's worth noting that the first debate broke the record.", "noting"),
])
def test_placeholder_it_names_no_speaker(parse, text, cue):
    s = one(parse(text), cue)
    assert s.speaker_mention is None
    spans_ok(text, [s])


def test_it_of_a_control_adjective_still_speaks(parse):
    # "eager" is not a predicate that takes a placeholder: "it" is someone (a body named before)
    text = "It was eager to point out that the plan had worked."
    assert one(parse(text), "point out").speaker_mention.text == "It"


def test_demonstrative_subject_names_no_speaker(parse):
    text = "That means admitting that the senator speaks for millions of voters."
    assert one(parse(text), "admitting").speaker_mention is None


@pytest.mark.parametrize("text, cue, speaker", [
    # not a demonstrative standing alone: people, and a relative clause's antecedent
    ("Those who attended said the talks failed.", "said", "Those who attended"),
    ("He cited a poll that shows Clinton ahead in Ohio.", "cited", "He"),
])
def test_pronoun_speakers_that_stay(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a saying without an agent: the text it is said in is its source
    ("As stated in the commentary, there are many questions about the visa.", "stated", "the commentary"),
    ("The sanctions have barely been mentioned in the campaign.", "mentioned", "the campaign"),
    ("The donors are named in a letter to the board.", "named", "a letter to the board"),
])
def test_text_a_saying_is_in_speaks(parse, text, cue, speaker):
    s = one(parse(text), cue)
    assert s.speaker_mention.text == speaker
    spans_ok(text, [s])


@pytest.mark.parametrize("text, cue, speaker", [
    # a place or a time is not a text; an "as" clause with its own subject keeps it
    ("The plan was announced in Washington on Monday.", "announced", None),
    ("The plan was announced in recent weeks.", "announced", None),
    # a verb whose active does not take the text as subject: the "in" phrase is a manner
    ("Donations are typically reported in broad ranges.", "reported", None),
    ("Scott had a gun, as police have said.", "said", "police"),
])
def test_in_phrase_that_is_no_text_names_no_one(parse, text, cue, speaker):
    s = one(parse(text), cue)
    assert (s.speaker_mention.text if s.speaker_mention else None) == speaker


# A nationality word before a common noun for people or a business says where the speakers come from;
# the country speaks only through a body or office of its government (speaker resolution in
# statements/component.py with actors.metonymy.demonym_of_origin). Run through the whole pipeline, so
# that the actors component makes the demonym mention.
def _speakers(nlp, text):
    return [(s.speaker_mention.text, s.speaker) for s in nlp(text)._.statements]


@pytest.mark.parametrize("text, words", [
    ("A Danish company said it would open a factory near Hamburg.", "A Danish company"),
    ("Danish fishermen said the new quotas were unfair.", "Danish fishermen"),
    ("Danish farmers said the drought had ruined the harvest.", "Danish farmers"),
    ("A Danish firm said the contract was worth millions.", "A Danish firm"),
    ("Danish students said the fees were too high.", "Danish students"),
    ("A Danish newspaper said the minister had resigned.", "A Danish newspaper"),
])
def test_nationality_of_people_or_a_business_is_not_the_country_speaking(nlp, text, words):
    assert _speakers(nlp, text) == [(words, None)]


@pytest.mark.parametrize("text, words", [
    ("The Danish foreign ministry said the talks had failed.", "The Danish foreign ministry"),
    ("The Danish government said the talks had failed.", "The Danish government"),
    ("The Danish embassy said the talks had failed.", "The Danish embassy"),
    ("Danish officials said the talks had failed.", "Danish officials"),
    ("Denmark said the talks had failed.", "Denmark"),
    ("Copenhagen said the talks had failed.", "Copenhagen"),
])
def test_a_seat_of_power_still_speaks_for_its_country(nlp, text, words):
    assert _speakers(nlp, text) == [(words, "denmark")]


@pytest.mark.parametrize("text, cue, speaker", [
    # a gerund that hangs on a noun through a preposition is done by the subject of the noun's verb
    ("The governor has a long history of blaming the unions for the deficit.", "blaming", "The governor"),
    ("The campaign took the unusual step of criticizing the intelligence agencies.", "criticizing",
     "The campaign"),
    ("In addition to stating that the tax was illegal, the senator vowed to repeal it.", "stating",
     "the senator"),
    ("After months of refusing to offer an apology, the mayor admitted that the contract was a mistake.",
     "refusing", "the mayor"),
])
def test_gerund_of_a_noun_is_done_by_the_verbs_subject(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # the noun's holder or the verb's object still does the gerund
    ("The senator accused Russia of seeking to delay the vote.", "seeking", "Russia"),
    ("Trump welcomed the news, saying the governor was right.", "saying", "Trump"),
])
def test_gerund_with_its_own_doer_keeps_it(parse, text, cue, speaker):
    found = [s for s in parse(text) if cue in s.cue.text]
    assert all(s.speaker_mention is not None and s.speaker_mention.text == speaker for s in found)


@pytest.mark.parametrize("text, cue, speaker", [
    # the comma closing the name hangs on the fronted phrase, not on the verb: the name is still found
    ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
     "“The senator believes that cooperation is essential.”", "said", "her senior policy adviser, Jake Sullivan"),
    ("At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's president and "
     "general manager, suggested that the troubles could be blamed on poor management.", "suggested",
     "Jay DiPietro, the club's president and general manager"),
])
def test_name_set_off_by_commas_after_a_fronted_phrase_speaks(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


def test_stranded_subject_not_taken_past_the_verbs_own_subject(base):
    doc = base("In a statement to the Observer, the adviser said the plan would pass.")
    said = next(t for t in doc if t.lower_ == "said")
    assert stranded_subject(said) is None           # "the adviser" is the verb's own subject


# A definite description of a company as the speaker names the company named last before it, as it
# does for a commitment's holder (actors/companies.py, one reading for both); a nationality word in it
# does not make the country speak.
@pytest.mark.parametrize("text, words, actor", [
    ("Volkswagen will close two plants in Saxony next year, the German carmaker said on Monday.",
     "the German carmaker", "volkswagen"),
    ("Siemens will hire 300 engineers in Texas, the company said on Friday.", "the company", "siemens"),
    ("Volkswagen will close two plants. The company said it would keep its Wolfsburg site open.",
     "The company", "volkswagen"),
])
def test_definite_company_description_speaks_for_the_company_named_before(nlp, text, words, actor):
    assert _speakers(nlp, text) == [(words, actor)]


@pytest.mark.parametrize("text, words", [
    ("Volkswagen will close two plants. Mr. Clarke's new company said it would buy one of them.",
     "Mr. Clarke's new company"),
    ("Volkswagen will close two plants. A company said it would buy one of them.", "A company"),
    ("Volkswagen will close two plants. The union said it would strike.", "The union"),
])
def test_other_company_or_no_company_description_is_not_the_one_named_before(nlp, text, words):
    assert [(w, a) for w, a in _speakers(nlp, text) if w == words and a == "volkswagen"] == []
    assert [w for w, _ in _speakers(nlp, text)] == [words]


@pytest.mark.parametrize("text, cue, speaker", [
    # a relative clause whose verb cues elsewhere but reports no words here describes the speaker
    ("Governor Ellen Marsh, who supports the tunnel project, said the state would pay its share.", "said",
     "Governor Ellen Marsh, who supports the tunnel project"),
    # an aside after a bare name the article used before is news about them, not their name
    ("Marsh spoke in Albany on Monday. Marsh, who grew up near the river, said the bridge would reopen.",
     "said", "Marsh"),
    # must not: a relative clause that reports words of its own stays out
    ("Ellen Marsh, who said last week that the tolls were too high, added that the bridge would reopen.", "added",
     "Ellen Marsh"),
    # must not: at a name's first mention the aside stays part of it (and it reports no words)
    ("Marsh, who endorsed the mayor in March, said the bridge would reopen next year.", "said",
     "Marsh, who endorsed the mayor in March"),
    # a participle set off by commas after a thing tells which one it is
    ("The latest city poll, conducted in early May, found that most residents want the bridge rebuilt.", "found",
     "The latest city poll, conducted in early May"),
    ("One such memo, obtained by the newspaper, shows that the mayor knew of the cracks.", "shows",
     "One such memo, obtained by the newspaper"),
    # must not: after a name it tells how the one named was at the time
    ("Roe, surrounded by her aides, said the council had wasted a year.", "said", "Roe"),
])
def test_clause_after_the_name_in_the_speakers_name(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


_HEADLINE = "Bridge to reopen in May.\n\n"


@pytest.mark.parametrize("text, speaker", [
    # a dateline in title case that credits its wire in brackets is no part of the name after it
    (_HEADLINE + "New York (AFP) – Oscar-winning actress Jane Roe, star of the film “Rivers,” said on Monday "
     "that the bridge would reopen.", "Oscar-winning actress Jane Roe, star of the film “Rivers"),
    (_HEADLINE + "Dec 29 (Reuters) - U.S. Democratic presidential candidate Jane Roe said the bridge would reopen.",
     "U.S. Democratic presidential candidate Jane Roe"),
    # a date after the place's comma belongs to the dateline too
    (_HEADLINE + "CLEVELAND, July 19 (UPI) — Former Attorney General Jane Roe said on Tuesday the bridge would "
     "reopen.", "Former Attorney General Jane Roe"),
    # must not: capitalised words without a wire's credit are the name's own
    (_HEADLINE + "New York Mayor Jane Roe said on Monday that the bridge would reopen.", "New York Mayor Jane Roe"),
    (_HEADLINE + "Jane Roe (D-Ohio) said on Monday that the bridge would reopen.", "Jane Roe (D-Ohio)"),
])
def test_wire_dateline_is_no_part_of_the_speakers_name(parse, text, speaker):
    assert one(parse(text), "said").speaker_mention.text == speaker



@pytest.mark.parametrize("text, cue, speaker", [
    # an abbreviated title the tokenizer splits off with its full stop is part of the name it stands before
    ("At the rally, Pres. Hale claimed a new era had begun.", "claimed", "Pres. Hale"),
    ("The priest agreed. Fr. Paul Hale, director of the charity, criticized the plan.", "criticized",
     "Fr. Paul Hale, director of the charity"),
    # must not: a short name that ends the sentence before stays out of the next speaker's name
    ("The council met with Tom Hale. Mary Ruiz said the bridge would reopen.", "said", "Mary Ruiz"),
    ("The plant moved to Iowa. Mary Ruiz said the bridge would reopen.", "said", "Mary Ruiz"),
])
def test_abbreviated_title_before_the_name_in_the_speakers_name(parse, text, cue, speaker):
    statements = parse(text)
    assert one(statements, cue).speaker_mention.text == speaker
    spans_ok(text, statements)


@pytest.mark.parametrize("text, speaker", [
    # a contracted "has" after the subject is no part of its name
    ("Hale's been saying for weeks that the plan is not ready.", "Hale"),
    # must not: a possessive before the noun keeps its ending in a longer name
    ("Hale's aides said the plan is not ready.", "Hale's aides"),
])
def test_contracted_has_is_no_part_of_the_speakers_name(parse, text, speaker):
    assert one(parse(text), "sa").speaker_mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # "'s" before a participle with a clause or object of its own is "has": the subject speaks
    ("He's said he believes the plan will work.", "He"),
    ("Since last year, she's said the same thing at every stop.", "she"),
    # must not: a passive "said to" names no speaker
    ("He's said to be furious about the vote.", None),
])
def test_contracted_has_before_a_cue_participle_keeps_its_subject(parse, text, speaker):
    s = one(parse(text), "said")
    assert (s.speaker_mention.text if s.speaker_mention else None) == speaker


def test_live_blog_clock_run_into_the_name_is_no_part_of_it(parse):
    text = "Bridge live updates\n\n9:52PMRoe said the bridge would reopen in May."
    statements = parse(text)
    assert one(statements, "said").speaker_mention.text == "Roe"
    spans_ok(text, statements)


def test_name_after_an_inverted_cue_the_parse_misread(parse):
    # "said Tom Baker, half joking": the parse makes the name the subject of "joking" and takes that
    # for the words; after a quotation the name after the cue speaks, and the quotation is the words
    text = "''I am better with my hands than I am with my head,'' said Tom Baker, half joking."
    s = one(parse(text), "said")
    assert s.speaker_mention.text == "Tom Baker"
    assert s.content.text == "''I am better with my hands than I am with my head,''"


@pytest.mark.parametrize("text, speaker, content", [
    # must not change: a subject before the cue, and an inverted name the parse already read
    ('"We will win," she said.', "she", '"We will win,"'),
    ('"It was cold," said the driver, a man from Ohio.', "the driver, a man from Ohio", '"It was cold,"'),
])
def test_inverted_cues_the_parse_read_are_kept(parse, text, speaker, content):
    s = one(parse(text), "said")
    assert s.speaker_mention.text == speaker and s.content.text == content


@pytest.mark.parametrize("text, cue, speaker", [
    # a cue describing a thing its verb's subject makes or has: the subject speaks, not the thing
    ("The governor wrote a letter urging the council to delay the vote.", "urging", "The governor"),
    ("The mayor posted a reply saying the report was wrong.", "saying", "The mayor"),
    ("The senator has a rare chance to show that he can win the state.", "show", "The senator"),
])
def test_the_maker_of_an_object_speaks_through_its_cue(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # must not: people as the object speak themselves; a thing with no acting subject stays the speaker
    ("The governor sent officials warning that the budget would fail.", "warning", "officials"),
    ("The flood left a report saying that the bridge was unsafe.", "saying", "a report"),
    ("A letter urging the council to delay the vote arrived on Monday.", "urging", "A letter"),
])
def test_the_maker_of_an_object_must_not_replace_people_or_a_subject_thing(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker
