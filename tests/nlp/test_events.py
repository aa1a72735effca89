"""newsledger_events: CAMEO coding through the parse, on sentences we wrote.

The events component only consumes the ActorIndex, so these tests feed it a small one of their own
(`test_events_actors` below: names -> actors, capitals after "on"/"in" -> places) and do not depend on
the actors component's coverage.
"""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from newsledger.extraction import extract
from newsledger.nlp import events as events_module  # noqa: F401  (registers newsledger_events)
from newsledger.nlp.events import SentenceCoder, load_cameo, load_lexicon
from newsledger.nlp.extensions import ActorIndex
from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.records import Actor, Location

# name -> (id, type, country); written for these tests.
ACTORS = {
    "Russia": ("russia", "country", "RUS"), "Russian": ("russia", "country", "RUS"),
    "Moscow": ("russia", "country", "RUS"), "Ukraine": ("ukraine", "country", "UKR"),
    "Ukrainian": ("ukraine", "country", "UKR"), "Germany": ("germany", "country", "DEU"),
    "France": ("france", "country", "FRA"), "Iran": ("iran", "country", "IRN"),
    "Iraq": ("iraq", "country", "IRQ"), "Iraqi": ("iraq", "country", "IRQ"),
    "Jordan": ("jordan", "country", "JOR"), "Britain": ("united-kingdom", "country", "GBR"),
    "Peru": ("peru", "country", "PER"), "Ecuador": ("ecuador", "country", "ECU"),
    "Turkey": ("turkey", "country", "TUR"), "Serbia": ("serbia", "country", "SRB"),
    "Albania": ("albania", "country", "ALB"), "Japan": ("japan", "country", "JPN"),
    "Egypt": ("egypt", "country", "EGY"), "Egyptian": ("egypt", "country", "EGY"),
    "Israel": ("israel", "country", "ISR"), "Syria": ("syria", "country", "SYR"),
    "Sweden": ("sweden", "country", "SWE"), "Chile": ("chile", "country", "CHL"),
    "Ghana": ("ghana", "country", "GHA"), "Liberians": ("liberia", "country", "LBR"),
    "China": ("china", "country", "CHN"), "India": ("india", "country", "IND"),
    "Kenya": ("kenya", "country", "KEN"), "Pakistan": ("pakistan", "country", "PAK"),
    "Yemen": ("yemen", "country", "YEM"), "Palestinian": ("palestine", "country", "PSE"),
    "Kyiv": ("ukraine", "country", "UKR"), "NATO": ("nato", "alliance", None),
    "the United Nations": ("united-nations", "organization", None),
    "Vladimir Putin": ("vladimir-putin", "person", "RUS"), "Putin": ("vladimir-putin", "person", "RUS"),
    "Donald Trump": ("donald-trump", "person", "USA"), "Trump": ("donald-trump", "person", "USA"),
    "Zelensky": ("volodymyr-zelensky", "person", "UKR"),
    "Xi Jinping": ("xi-jinping", "person", "CHN"), "Narendra Modi": ("narendra-modi", "person", "IND"),
    # people and groups the index knows without a country (as the actors component may)
    "Omar Haddad": ("omar-haddad", "person", None), "Haddad": ("omar-haddad", "person", None),
    "Karen": ("karen", "person", None), "Myanmar": ("myanmar", "country", "MMR"),
    "Afghan": ("afghanistan", "country", "AFG"), "Turkish": ("turkey", "country", "TUR"),
    "Serbian": ("serbia", "country", "SRB"), "South Korea": ("south-korea", "country", "KOR"),
}
PLACES = {"Kyiv": "UKR", "Alaska": "USA", "Tianjin": "CHN", "Basra": "IRQ", "Tokyo": "JPN",
          # places the index could not place in a country
          "Kabul": "AFG", "North Korea": None, "Montenegro province": None, "Juba": None}
# the test index's mention kinds for adjectives of countries
DEMONYMS = frozenset({"Russian", "Ukrainian", "Iraqi", "Egyptian", "Palestinian", "Afghan", "Turkish",
                      "Serbian", "Liberians"})


@Language.factory("test_events_actors")
def _make_test_actors(nlp, name):
    return _TestActors(nlp)


class _TestActors:
    def __init__(self, nlp):
        self.matcher = PhraseMatcher(nlp.vocab)
        for text in list(ACTORS) + list(PLACES):
            self.matcher.add(text, [nlp.make_doc(text)])

    def __call__(self, doc):
        index = ActorIndex()
        for key, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            span = doc[start:end]
            text = span.text
            as_place = text in PLACES and (start > 0 and doc[start - 1].lower_ in ("on", "in", "at"))
            if as_place or text not in ACTORS:
                index.places.append(Location(text, (span.start_char, span.end_char), PLACES.get(text)))
                continue
            ident, kind, country = ACTORS[text]
            index.add(Actor(id=ident, name=text, type=kind, country=country))
            index.add_mention(ident, span.start_char, span.end_char,
                              kind="demonym" if text in DEMONYMS else "name")
        doc._.actors = index
        return doc


@pytest.fixture(scope="module")
def enlp():
    nlp = spacy.load(DEFAULT_MODEL)
    for name in ("newsledger_times", "test_events_actors", "newsledger_events"):
        nlp.add_pipe(name)
    return nlp


def events_of(enlp, text, published="2025-09-01"):
    return [e.to_dict() for e in extract(text, published=published, nlp=enlp).events]


def countries_of(enlp, text, published="2025-09-01"):
    """Events as (source's country, target's country): the state each side codes as."""
    record = extract(text, published=published, nlp=enlp).to_dict()
    country = {a["id"]: a["country"] for a in record["actors"]}
    return [(country.get(e["source"]), country.get(e["target"])) for e in record["events"]]


def doc_of(enlp, text):
    from newsledger.nlp.pipeline import make_doc
    from newsledger.records import Article
    return enlp(make_doc(enlp, Article(text=text, published="2025-09-01")))


def roots(events):
    return [e["code"][:2] for e in events]


# --- the tables ----------------------------------------------------------------------------------
def test_cameo_table_has_every_root_and_its_three_digit_codes():
    cameo = load_cameo()
    for root in range(1, 21):
        r = f"{root:02d}"
        assert r in cameo
        children = [c for c in cameo.codes if len(c) == 3 and c.startswith(r)]
        assert f"{r}0" in children and len(children) >= 2, r
    assert cameo.plover("195") == "ASSAULT" and cameo.label("195") == "Employ aerial weapons"
    assert cameo.get("139").plover_2016 == "THREATEN" and cameo.get("193").plover_2016 == "FIGHT"
    assert cameo.plover("010") is None      # public statements are no PLOVER event


def test_counterparts_follow_the_codebook():
    cameo = load_cameo()
    assert cameo.counterpart("0871", "intent") == "0356"    # truce -> intent to de-escalate
    assert cameo.counterpart("042", "reject") == "125"      # visit -> reject proposal to meet
    assert cameo.counterpart("163", "intent") == "1312"     # sanctions -> threaten sanctions
    assert cameo.counterpart("087", "demand") == "1056"
    assert cameo.counterpart("11", "intent") is None


def test_lexicon_codes_exist_and_issue_words_are_coded():
    lex = load_lexicon()
    cameo = load_cameo()
    assert all(e.code is None or e.code in cameo for e in lex.entries)
    assert all(e.example for e in lex.entries)
    assert lex.verbs["meet"].code.startswith("04")
    assert lex.verbs["thank"].code == "051"
    assert lex.verbs["pledge"].code.startswith("03")
    assert lex.verbs["accuse"].code == "112"
    assert lex.verbs["dismiss"].code.startswith("12") and lex.verbs["reject"].code.startswith("12")
    assert lex.nouns["ultimatum"].code == "139"
    assert lex.noun_mod[("aerial", "attack")].code == "195"
    assert lex.verbs["invade"].code.startswith("19")


# --- constructions ---------------------------------------------------------------------------------
def test_active_clause_with_place_and_publication_time(enlp):
    [e] = events_of(enlp, "Putin met Trump in Alaska.")
    assert e["code"].startswith("04") and e["plover"] == "CONSULT"
    assert (e["source"], e["target"]) == ("vladimir-putin", "donald-trump")
    assert e["location"]["name"] == "Alaska" and e["location"]["country"] == "USA"
    assert e["time"] == "2025-09-01" and e["time_precision"] == "publication"
    assert e["trigger"]["text"] == "met"
    assert not e["negated"] and not e["hypothetical"]


def test_passive_clause_takes_the_agent_as_source(enlp):
    [e] = events_of(enlp, "Ukraine was attacked by Russia.")
    assert e["code"].startswith("19")
    assert (e["source"], e["target"]) == ("russia", "ukraine")


def test_nominal_event_with_possessor_and_of_target(enlp):
    [e] = events_of(enlp, "Putin defended Russia's 2022 invasion of Ukraine.")[-1:]
    assert e["code"].startswith("19") and e["trigger"]["text"] == "invasion" or e["code"] == "052"
    events = events_of(enlp, "Analysts recalled Russia's 2022 invasion of Ukraine.")
    invasion = [x for x in events if x["trigger"]["text"] == "invasion"]
    assert invasion and invasion[0]["source"] == "russia" and invasion[0]["target"] == "ukraine"


def test_strike_that_killed_is_linked_to_the_attack_it_belongs_to(enlp):
    events = events_of(enlp, "Russia launched its largest aerial attack on Ukraine, "
                             "including a strike on Kyiv that killed 23 people.")
    attack, strike = events
    assert attack["code"] == "195" and attack["trigger"]["text"] == "aerial attack"
    assert (attack["source"], attack["target"]) == ("russia", "ukraine")
    assert strike["same_as"] == 0 and attack["same_as"] is None
    assert strike["location"]["name"] == "Kyiv" and strike["fatalities"] == 23
    assert attack["fatalities"] == 23          # completed from the linked report
    assert not any(e["trigger"]["text"] == "killed" for e in events)   # not a third event


def test_a_later_nominal_report_of_the_same_event_is_linked(enlp):
    events = events_of(enlp, "Russia invaded Ukraine in 2022. Russia's invasion of Ukraine shocked Europe.")
    assert len(events) == 2 and events[1]["same_as"] == 0


def test_different_attackers_are_not_linked(enlp):
    events = events_of(enlp, "Russia attacked Ukraine. Iran's attack on Iraq followed.")
    assert len(events) == 2 and events[1]["same_as"] is None


def test_coordinated_subjects_give_one_event_each(enlp):
    events = events_of(enlp, "Germany and France have pledged to pressure Moscow to reach a deal.")
    assert [e["source"] for e in events] == ["germany", "france"]
    assert all(e["code"].startswith("03") and e["target"] == "russia" for e in events)
    assert all(e["hypothetical"] for e in events)


def test_members_named_after_including_are_the_actors(enlp):
    events = events_of(enlp, "Western powers, including Germany and France, have pledged to pressure Moscow.")
    assert sorted(e["source"] for e in events) == ["france", "germany"]


def test_threat_is_hypothetical_and_coded_as_a_threat(enlp):
    [e] = events_of(enlp, "Iran threatened to shell Iraqi towns.")
    assert e["code"].startswith("13") and e["hypothetical"] is True
    assert (e["source"], e["target"]) == ("iran", "iraq")


def test_future_action_is_an_intent_never_the_act(enlp):
    [e] = events_of(enlp, "Turkey will withdraw its troops from Syria.")
    assert e["code"].startswith("03") and e["hypothetical"] is True
    [e] = events_of(enlp, "Turkey plans to impose sanctions on Syria.")
    assert e["code"].startswith("13") and e["hypothetical"] is True


def test_negation(enlp):
    [e] = events_of(enlp, "Russia did not attack Ukraine.")
    assert e["code"].startswith("19") and e["negated"] is True
    [e] = events_of(enlp, "Russia attacked Ukraine.")
    assert e["negated"] is False


def test_would_not_meet_is_a_refusal(enlp):
    [e] = events_of(enlp, "Yemen said it would not meet the demands of Iraq.")
    assert e["code"].startswith("12") and e["source"] == "yemen"


def test_ultimatum_with_light_verb(enlp):
    [e] = events_of(enlp, "Peru issued an ultimatum to Ecuador.")
    assert e["code"] == "139" and (e["source"], e["target"]) == ("peru", "ecuador")
    assert e["trigger"]["text"] == "ultimatum"


def test_must_under_a_reporting_verb_is_a_demand(enlp):
    [e] = events_of(enlp, "Britain reiterated that Iraq must release the prisoners.")
    assert e["code"].startswith("10") and (e["source"], e["target"]) == ("united-kingdom", "iraq")


def test_casualties_on_their_own(enlp):
    [e] = events_of(enlp, "Russian soldiers killed 12 civilians in Kyiv.")
    assert e["code"] == "190"            # violence by armed forces is military force
    assert e["fatalities"] == 12 and e["location"]["name"] == "Kyiv"
    [e] = events_of(enlp, "Russia shelled Kyiv, killing at least a dozen people and wounding 40 others.")
    assert e["code"] == "194" and e["fatalities"] == 12 and e["injured"] == 40


def test_time_expression_of_the_sentence(enlp):
    [e] = events_of(enlp, "Putin met Trump in Alaska last month.")
    assert e["time"] == "2025-08" and e["time_precision"] == "month"


# --- negative cases --------------------------------------------------------------------------------
def test_no_event_from_would_involve_guarantees(enlp):
    assert events_of(enlp, "Trump emphasized that any agreement would involve security guarantees "
                           "without deploying US troops.") == []


def test_possible_talks_are_not_an_event(enlp):
    assert events_of(enlp, "Putin did not clarify whether these discussions would lead to "
                           "direct peace talks with Zelensky.") == []


def test_names_and_modifiers_are_not_events(enlp):
    assert events_of(enlp, "The Asia-Pacific Economic Cooperation forum opened in Tianjin.") == []
    assert events_of(enlp, "Russia's war economy grew last year.") == []
    assert events_of(enlp, "Kenya said the harvest was good.") == []


def test_condition_is_not_reported_as_done(enlp):
    events = events_of(enlp, "Jordan will send troops to help Egypt if Egypt is attacked.")
    assert not any(e["code"][:2] in ("18", "19", "20") for e in events)


def test_uncoded_sentences_are_logged_with_a_reason(enlp):
    doc = doc_of(enlp, "The ministry declined to comment.")
    assert doc._.events == []
    assert doc._.uncoded and "public statement" in doc._.uncoded[0].reason
    doc = doc_of(enlp, "The talks resumed.")
    assert doc._.events == [] and doc._.uncoded
    assert doc.text[slice(*doc._.uncoded[0].trigger)] == "talks"


# --- one sentence per CAMEO root -------------------------------------------------------------------
ROOT_SENTENCES = [
    ("02", "Iraq urged Iran to release the prisoners."),
    ("03", "Jordan and Britain have agreed to hold joint military exercises."),
    ("04", "Putin met Trump in Alaska."),
    ("05", "Putin thanked Xi Jinping and Narendra Modi for their support."),
    ("06", "Ghana extradited the suspect to Britain."),
    ("07", "Japan donated medicine to Iraq."),
    ("08", "Serbia lifted the curfew in Albania."),
    ("09", "Chile is investigating war crimes by the army."),
    ("10", "Egypt demanded a meeting of the United Nations."),
    ("11", "Zelensky accused Russia of seeking to delay negotiations."),
    ("12", "Zelensky has dismissed proposals for a buffer zone."),
    ("13", "Trump gave Russia an ultimatum."),
    ("14", "Thousands of Palestinian students demonstrated against Israel."),
    ("15", "Russia mobilized reservists on the border with Ukraine."),
    ("16", "Egypt expelled two diplomats from Israel."),
    ("17", "Egyptian police arrested twelve activists."),
    ("18", "Rebels in Iraq kidnapped two engineers from Japan."),
    ("19", "Russia shelled Kyiv."),
    ("20", "Serbia engaged in ethnic cleansing in Albania."),
]


@pytest.mark.parametrize("root,sentence", ROOT_SENTENCES)
def test_one_sentence_per_root(enlp, root, sentence):
    assert root in roots(events_of(enlp, sentence)), events_of(enlp, sentence)


def test_root_01_statements_are_not_events(enlp):
    assert events_of(enlp, "Kenya declined to comment on the vote.") == []


def test_lexicon_examples_are_coded(enlp):
    """Each coded verb and noun entry's own example yields an event of its root (nearly all)."""
    lex = load_lexicon()
    entries = [e for e in lex.entries if e.code and e.kind in ("verb", "noun", "verb_obj", "phrasal",
                                                               "noun_mod") and not e.code.startswith("01")]
    coder = SentenceCoder(lex, load_cameo())
    missed = []
    with enlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]):
        docs = list(enlp.pipe(e.example for e in entries))
    uncoded = []
    for entry, doc in zip(entries, docs):
        found = [c.code for sent in doc.sents for c in coder.code_sentence(sent)[0]]
        if not found:
            uncoded.append((entry.pattern, entry.example))
        elif not any(code[:2] == entry.code[:2] for code in found):
            # Examples inside a frame ("agreed to share information") carry the frame's code.
            missed.append((entry.pattern, entry.kind, entry.example, found))
    assert not uncoded, uncoded
    assert len(missed) <= 0.12 * len(entries), missed


# --- the reference article (real pipeline) ----------------------------------------------------------
def test_reference_article_events(shared_dir):
    line = (shared_dir / "corpus/seed/putin-understandings.jsonl").read_text(encoding="utf-8").splitlines()[0]
    obj = json.loads(line)
    record = extract(obj["text"], published=obj["published"], id=obj["id"]).to_dict()
    events = record["events"]
    codes = [e["code"] for e in events]
    for root in ("04", "05", "19", "13", "03", "12", "11", "06"):
        assert any(c.startswith(root) for c in codes), (root, codes)
    aerial = [i for i, e in enumerate(events) if e["code"] == "195"]
    assert aerial
    assert any(e["same_as"] == aerial[0] for e in events)
    pledges = {e["source"] for e in events if e["code"].startswith("03") and e["trigger"]["text"] == "pledged"}
    assert {"germany", "france"} <= pledges
    assert not any("involve" in e["trigger"]["text"] for e in events)
    assert not any(e["hypothetical"] and e["code"][:2] in ("18", "19", "20") for e in events)


def test_their_meeting_takes_the_clause_partners_and_a_definite_mention_links_back(enlp):
    events = events_of(enlp, "Putin reached an understanding with Trump, following their meeting in Alaska. "
                             "After the Alaska meeting, Trump met Zelensky.")
    meetings = [e for e in events if e["trigger"]["text"] == "meeting"]
    assert len(meetings) == 2
    first, again = meetings
    assert (first["source"], first["target"]) == ("vladimir-putin", "donald-trump")
    assert first["location"]["name"] == "Alaska" and first["same_as"] is None
    assert again["same_as"] == events.index(first)
    later = [e for e in events if e["trigger"]["text"] == "met"]
    assert later and later[0]["target"] == "volodymyr-zelensky" and later[0]["same_as"] is None


def test_definite_event_noun_without_an_earlier_event_is_uncoded(enlp):
    doc = doc_of(enlp, "The meeting ended early.")
    assert doc._.events == [] and doc._.uncoded


def test_until_clause_is_a_condition(enlp):
    events = events_of(enlp, "Kenya opposed the deployment until its demands are met.")
    assert not any(e["code"].startswith("04") for e in events)


def test_find_uncoded_rows_for_the_cli(enlp):
    from newsledger.nlp.events.component import find_uncoded
    from newsledger.records import Article
    rows = list(find_uncoded([Article(text="The talks resumed. Putin met Trump.", id="a1")], nlp=enlp))
    assert len(rows) == 1
    row = rows[0]
    assert row["article"] == "a1" and row["trigger"]["text"] == "talks"
    assert row["sentence"]["text"] == "The talks resumed." and row["reason"]


def test_a_doc_without_a_parse_gets_no_events():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsledger_events")
    doc = nlp("Russia attacked Ukraine.")
    assert doc._.events == [] and doc._.uncoded == []


def test_attacks_on_different_places_are_not_linked(enlp):
    events = events_of(enlp, "Russia attacked Ukraine in Kyiv. Russia's attack on Ukraine in Alaska followed.")
    assert len(events) == 2 and events[1]["same_as"] is None


def test_coordinated_passive_shares_its_undergoer(enlp):
    events = events_of(enlp, "Zelensky was arrested and banned from the election by Russia.")
    banned = [e for e in events if e["trigger"]["text"] == "banned"]
    assert banned and banned[0]["target"] == "volodymyr-zelensky"


def test_releasing_a_statement_is_not_releasing_prisoners(enlp):
    assert events_of(enlp, "Russia released a statement on Ukraine.") == []
    [e] = events_of(enlp, "Russia released the prisoners from Ukraine.")
    assert e["code"].startswith("084")


def test_killed_and_injured_are_one_event(enlp):
    [e] = events_of(enlp, "Russian soldiers killed twelve people and injured twenty in Kyiv.")
    assert e["fatalities"] == 12 and e["injured"] == 20


# --- actors coded by their state (event data code people and bodies by country) ------------------
def test_a_place_target_gives_its_country_as_a_record_actor(enlp):
    from newsledger.validate import problems
    ledger = extract("NATO agreed to open a research center in Tokyo.", published="2025-09-01", nlp=enlp)
    [e] = [x for x in ledger.events if x.code.startswith("03")]
    assert e.source == "nato" and e.target is not None
    target = next(a for a in ledger.actors if a.id == e.target)
    assert target.type == "country" and target.country == "JPN"
    assert problems(ledger.to_dict()) == []


def test_a_person_without_country_takes_the_state_of_their_noun_phrase(enlp):
    [e] = events_of(enlp, "Syria's envoy Omar Haddad met Trump.")
    assert (e["source"], e["target"]) == ("syria", "donald-trump")


def test_a_person_without_country_takes_the_state_named_with_another_mention(enlp):
    # the person stays the event's side (the words naming them) and codes as Egypt
    events = events_of(enlp, "Omar Haddad of Egypt said on Monday that he would meet Putin.")
    assert events and all(e["source"] == "omar-haddad" for e in events)
    assert all(s == "EGY" for s, _ in countries_of(enlp, "Omar Haddad of Egypt said on Monday that he would meet Putin."))


def test_a_person_without_country_takes_the_one_country_of_the_sentence(enlp):
    [e] = events_of(enlp, "Omar Haddad agreed to resign without returning to Jordan.")
    assert e["source"] == "omar-haddad"
    assert countries_of(enlp, "Omar Haddad agreed to resign without returning to Jordan.")[0][0] == "JOR"


def test_no_state_is_guessed_when_the_sentence_names_several_or_a_foreigner_s(enlp):
    events = events_of(enlp, "Omar Haddad criticized Iran and Iraq.")
    assert events and all(e["source"] == "omar-haddad" for e in events)
    [e] = events_of(enlp, "Omar Haddad gave a warm welcome to Russian leader Putin.")
    assert (e["source"], e["target"]) == ("omar-haddad", "vladimir-putin")


def test_a_person_with_a_country_is_left_as_the_person(enlp):
    [e] = events_of(enlp, "Putin criticized Ukraine.")
    assert e["source"] == "vladimir-putin"


def test_violence_in_the_source_s_own_country_is_domestic(enlp):
    events = events_of(enlp, "Afghan rebels exploded a series of bombs in the capital Kabul.")
    assert any(e["code"][:2] == "18" and (e["source"], e["target"]) == ("afghanistan", "afghanistan")
               for e in events)


def test_the_source_s_own_people_are_a_domestic_target_only_when_nothing_else_is(enlp):
    events = events_of(enlp, "Turkey will allow Turkish refugees to return home.")
    assert events and events[0]["source"] == "turkey" and events[0]["target"] == "turkey"
    [e] = events_of(enlp, "Syria has offered its troops to Egypt.")
    assert (e["source"], e["target"]) == ("syria", "egypt")


def test_a_people_group_used_as_a_modifier_is_its_state_not_a_person(enlp):
    [e] = events_of(enlp, "Myanmar troops captured a Karen guerrilla stronghold.")
    assert (e["source"], e["target"]) == ("myanmar", "myanmar")
    [e] = events_of(enlp, "Karen met Putin.")       # a person called Karen stays a person
    assert e["source"] == "karen"


def test_a_name_after_anti_is_no_actor(enlp):
    events = events_of(enlp, "An anti-Russia journalist was killed in Kyiv.")
    assert events and all(e["target"] != "russia" for e in events)
    # the journalist is the one killed, and not coded as Russia either
    assert any(e["target"] for e in events)
    assert all(t != "RUS" for _, t in countries_of(enlp, "An anti-Russia journalist was killed in Kyiv."))


def test_unnamed_protesters_are_people_of_the_place_but_unnamed_attackers_are_not(enlp):
    events = events_of(enlp, "Hundreds of students blocked roads in Kyiv.")
    assert events and events[0]["code"][:2] == "14"
    assert countries_of(enlp, "Hundreds of students blocked roads in Kyiv.")[0][0] == "UKR"
    # gunmen are a side of their own, never coded as the state they strike in
    events = events_of(enlp, "Gunmen attacked a police station in Kyiv.")
    assert events and all(e["source"] != "ukraine" for e in events)
    assert all(s is None for s, _ in countries_of(enlp, "Gunmen attacked a police station in Kyiv."))


def test_a_place_without_country_named_as_a_country_acts_as_that_country(enlp):
    ledger = extract("South Korea rejected North Korea's demand.", published="2025-09-01", nlp=enlp)
    [e] = ledger.events
    target = next(a for a in ledger.actors if a.id == e.target)
    assert e.source == "south-korea" and target.country == "PRK"


def test_a_country_s_province_is_a_place_in_that_country(enlp):
    events = events_of(enlp, "Russia bombed targets in Montenegro province.")
    assert events and events[0]["source"] == "russia" and events[0]["target"] == "montenegro"
    events = events_of(enlp, "Russia bombed targets in Juba.")      # no country known: no target
    assert events and events[0]["target"] is None


# --- statements -> events (data/statement_events.tsv) ---------------------------------------------------
# These need the statements component and the real actors: the whole pipeline.
@pytest.fixture(scope="module")
def full():
    from newsledger.nlp.pipeline import cached_pipeline
    return cached_pipeline()


def full_events(text, published="2025-09-01"):
    from newsledger.nlp.pipeline import cached_pipeline
    return [e.to_dict() for e in extract(text, published=published, nlp=cached_pipeline()).events]


def test_statement_table_rows_carry_a_reason_and_known_codes():
    from newsledger.lexicons.events import load_statement_events
    table = load_statement_events()
    assert all(row.why for row in table.rows.values())
    assert table.lookup("criticism", ("lambaste",)).code == "111"
    assert table.lookup("demand", ("call on", "call")).code == "020"
    assert table.lookup("claim", ("say",)).code is None


def test_a_criticism_is_a_disapproval_by_its_speaker(full):
    events = [e for e in full_events("Brazil lambasted Argentina over the new tariffs.") if e["code"][:2] == "11"]
    assert [(e["source"], e["target"]) for e in events] == [("brazil", "argentina")]


def test_an_accusation_cue_the_lexicon_lacks_is_an_accusation(full):
    events = full_events("Germany faulted Turkey for the delays.")
    assert any(e["code"].startswith("112") and e["source"] == "germany" and e["target"] == "turkey"
               for e in events)


def test_a_compliment_is_praise(full):
    events = full_events("Japan complimented South Korea on the talks.")
    assert any(e["code"] == "051" and e["source"] == "japan" and e["target"] == "south-korea" for e in events)


def test_a_reported_opinion_is_not_an_accusation(full):
    events = full_events("The minister said Russia was responsible for the attack.")
    assert not any(e["code"][:2] == "11" for e in events)


def test_a_denied_or_adjective_statement_is_no_event(full):
    assert not any(e["code"][:2] == "11" for e in full_events("Germany did not lambaste Turkey."))
    assert not any(e["code"][:2] == "11" for e in full_events("Canada is critical of the plan."))


def test_a_denial_rejects_only_someone_named(full):
    events = full_events("Egypt disputed Israel's account of the raid.")
    assert any(e["code"].startswith("12") and e["target"] == "israel" for e in events)
    events = full_events("India denied that its troops crossed the border.")
    assert not any(e["code"][:2] == "12" for e in events)


# --- material categories by codebook definition -------------------------------------------------------
def test_aid_is_giving_money_goods_arms(full):
    [e] = full_events("Sweden gave 50 million euros to Kenya.")
    assert (e["code"], e["source"], e["target"]) == ("071", "sweden", "kenya")
    assert any(e["code"] == "072" for e in full_events("Iran supplied weapons to Syria."))


def test_with_the_aid_of_is_no_aid(full):
    events = full_events("The rebels took the town with the aid of Russian mercenaries.")
    assert not any(e["code"][:2] == "07" for e in events)


def test_sharing_information_is_cooperation(full):
    events = full_events("Dutch prosecutors shared evidence with Belgium.")
    assert any(e["code"] == "064" and e["target"] == "belgium" for e in events)


def test_a_strike_is_done_by_those_who_go_on_it(full):
    events = full_events("French rail workers went on strike.")
    assert any(e["code"][:2] == "14" and e["source"] == "france" for e in events)


def test_suspending_flights_and_aid_reduces_relations(full):
    [e] = full_events("Russia suspended flights to Georgia.")
    assert (e["code"], e["source"], e["target"]) == ("160", "russia", "georgia")
    assert any(e["code"] == "162" for e in full_events("Sweden announced a suspension of aid to Zambia."))


def test_accepting_demands_yields(full):
    assert any(e["code"] == "083" for e in full_events("Nepal accepted the demands of the strikers."))


def test_coordinated_sides_of_an_agreement_are_each_others_targets(full):
    events = full_events("Chile and Peru agreed to hold joint exercises.")
    assert sorted((e["source"], e["target"]) for e in events) == [("chile", "peru"), ("peru", "chile")]


# --- places as what an event was done to ------------------------------------------------------------
def test_a_place_attacked_stands_for_its_country_and_stays_a_place(enlp):
    text = "Russia launched missile strikes on Kyiv."
    record = extract(text, published="2025-09-01", nlp=enlp)
    [e] = [e for e in record.events if e.code[:2] in ("18", "19", "20")]
    assert (e.source, e.target) == ("russia", "ukraine")
    # the city is where it happened, not a name of Ukraine (the reference article's rule)
    ukraine = next(a for a in record.actors if a.id == "ukraine")
    start = text.index("Kyiv")
    assert (start, start + 4) not in ukraine.mentions
    assert record.events[0].location.name == "Kyiv"


def test_a_place_where_someone_was_met_names_no_one(enlp):
    text = "Putin met Trump in Alaska."
    record = extract(text, published="2025-09-01", nlp=enlp)
    assert [e.target for e in record.events] == ["donald-trump"]
    assert not any(a.country == "USA" and a.type == "country" for a in record.actors)


def test_an_act_in_the_sources_own_country_is_domestic(enlp):
    [e] = events_of(enlp, "Japan agreed to build a hospital in Tokyo.")
    assert e["code"][:2] == "03" and (e["source"], e["target"]) == ("japan", "japan")
    # a meeting is between two sides: no meeting of a state with itself
    events = events_of(enlp, "Japan held talks in Tokyo.")
    assert not any(e["target"] == "japan" for e in events)


def test_a_place_acted_on_is_the_target(enlp):
    text = "Israel suspended humanitarian aid to Basra."
    record = extract(text, published="2025-09-01", nlp=enlp)
    [e] = record.events
    assert (e.code, e.source, e.target) == ("162", "israel", "iraq")
    assert e.location is not None and e.location.name == "Basra"
    # a place whose country is unknown is the side itself: an actor of its own, its mention the place
    record = extract("Israel cut aid to Juba.", published="2025-09-01", nlp=enlp).to_dict()
    [e] = record["events"]
    target = next(a for a in record["actors"] if a["id"] == e["target"])
    assert target["country"] is None and [record["article"]["text"][s:t] for s, t in target["mentions"]] == ["Juba"]


def test_a_court_named_by_its_place_acts_for_the_state(enlp):
    text = "A court in Basra sentenced Omar Haddad to death."
    assert any(s == "IRQ" for s, _ in countries_of(enlp, text))
    # a court named by no place is no one's
    assert not any(s for s, _ in countries_of(enlp, "A court sentenced Omar Haddad to death."))
