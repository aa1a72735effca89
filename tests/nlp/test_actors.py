"""The actors component (nlp/actors/) on articles we wrote, and on the reference article.

Every fixture text below was written for these tests; the reference article is read from ../shared.
"""
from __future__ import annotations

import pytest
import spacy

from newsledger.nlp.pipeline import DEFAULT_MODEL, make_doc
from newsledger.records import Article


@pytest.fixture(scope="module")
def nlp_actors():
    """The model plus our actors component only, without the user's own actors file."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsledger_actors", config={"user_file": False})
    return nlp


def run(nlp, text: str, published: str | None = "2025-09-01"):
    doc = nlp(make_doc(nlp, Article(text=text, published=published)))
    return doc._.actors


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def words_of(index, text, actor_id):
    return [text[s:e] for s, e in index.actors[actor_id].mentions]


# ---- a follow-up article of our own -------------------------------------------------------------
FOLLOW_UP = (
    "Ukrainian President Volodymyr Zelenskiy met Norwegian envoy Ingrid Lassen in Kyiv on Tuesday. "
    "Lassen said Oslo would keep funding reconstruction, and she promised more aid before winter.\n"
    "The Kremlin said Moscow would respond. Kremlin spokesman Dmitry Peskov told reporters that the "
    "Russian president had not decided. A Jordanian official said Russian crude was still arriving.\n"
    "Maria Okonkwo, the Nigerian foreign minister, said her government backed the plan. Zelenskyy "
    "thanked her for the support and said he hoped Europe would follow.\n"
    "A drone strike on Kyiv killed four people. Washington officials said the attack showed Moscow "
    "was not serious. Jordan Peterson, a commentator, wrote about it in The Washington Post."
)


@pytest.fixture(scope="module")
def follow_up(nlp_actors):
    return run(nlp_actors, FOLLOW_UP)


def test_spellings_of_one_person_give_one_actor(follow_up):
    ids = [a for a in follow_up.actors if "zelens" in a]
    assert ids == ["volodymyr-zelensky"]
    assert {"Zelenskyy"} <= set(words_of(follow_up, FOLLOW_UP, "volodymyr-zelensky"))


def test_unknown_person_gets_role_and_country_from_title(follow_up):
    lassen = follow_up.actors["ingrid-lassen"]
    assert lassen.type == "person" and lassen.country == "NOR" and "envoy" in lassen.roles
    # The title widens the mention; the short name and "she" join it.
    assert follow_up.at(*span_of(FOLLOW_UP, "Norwegian envoy Ingrid Lassen")) == "ingrid-lassen"
    assert follow_up.at(*span_of(FOLLOW_UP, "Lassen", 1)) == "ingrid-lassen"
    assert follow_up.at(*span_of(FOLLOW_UP, "she")) == "ingrid-lassen"


def test_apposition_gives_role_and_a_title_mention(follow_up):
    okonkwo = follow_up.actors["maria-okonkwo"]
    assert okonkwo.country == "NGA" and "foreign minister" in okonkwo.roles
    assert follow_up.at(*span_of(FOLLOW_UP, "the Nigerian foreign minister")) == "maria-okonkwo"
    assert follow_up.at(*span_of(FOLLOW_UP, "her")) == "maria-okonkwo"


def test_pronoun_respects_gender(follow_up):
    # "he hoped": Zelenskyy, not Maria Okonkwo ("her") who is nearer.
    s, _ = span_of(FOLLOW_UP, "he hoped")
    assert follow_up.at(s, s + 2) == "volodymyr-zelensky"


def test_title_resolves_to_role_holder_on_publication_date(follow_up):
    assert follow_up.at(*span_of(FOLLOW_UP, "the Russian president")) == "vladimir-putin"


def test_kremlin_and_capitals_acting_are_the_country(follow_up):
    assert follow_up.at(*span_of(FOLLOW_UP, "Kremlin")) == "russia"
    assert follow_up.at(*span_of(FOLLOW_UP, "Moscow")) == "russia"
    assert follow_up.at(*span_of(FOLLOW_UP, "Washington")) == "united-states"   # "Washington officials"
    assert follow_up.at(*span_of(FOLLOW_UP, "Kremlin spokesman Dmitry Peskov")) == "dmitry-peskov"


def test_capital_as_a_place_is_a_location_not_a_mention(follow_up):
    for nth in (0, 1):                       # "in Kyiv", "a drone strike on Kyiv"
        s, e = span_of(FOLLOW_UP, "Kyiv", nth)
        assert follow_up.at(s, e) is None
        loc = follow_up.place_at(s, e)
        assert loc is not None and loc.name == "Kyiv" and loc.country == "UKR"


def test_demonyms_point_to_countries(follow_up):
    assert follow_up.at(*span_of(FOLLOW_UP, "Jordanian")) == "jordan"
    s, _ = span_of(FOLLOW_UP, "Russian crude")
    assert follow_up.at(s, s + len("Russian")) == "russia"
    # The indefinite "a Jordanian official" is no title mention of anyone.
    assert follow_up.at(*span_of(FOLLOW_UP, "A Jordanian official")) == "jordan"


def test_names_inside_other_names_are_not_countries(follow_up):
    assert "jordan" not in {m.actor_id for m in follow_up.mentions_in(*span_of(FOLLOW_UP, "Jordan Peterson"))}
    assert follow_up.at(*span_of(FOLLOW_UP, "Washington Post")) == "washington-post"
    assert "united-states" not in {m.actor_id for m in follow_up.mentions_in(*span_of(FOLLOW_UP, "Washington Post"))}


def test_object_it_is_not_resolved(follow_up):
    s, e = span_of(FOLLOW_UP, "about it")
    assert follow_up.at(s + 6, e) is None


# ---- dates, surnames, descriptions, quotes ------------------------------------------------------
ROLES = "The US president said on Monday that talks would continue."


@pytest.mark.parametrize("published, holder", [("2020-06-01", "donald-trump"), ("2022-06-01", "joe-biden")])
def test_date_bounded_roles(nlp_actors, published, holder):
    index = run(nlp_actors, ROLES, published)
    assert index.at(*span_of(ROLES, "The US president")) == holder


FAMILY = ("Jane Smith, a lawyer, met John Smith in Geneva. Smith said he would appeal, and she "
          "agreed to help him.")


def test_surname_joins_nearest_full_name_and_pronouns_follow_gender(nlp_actors):
    index = run(nlp_actors, FAMILY)
    assert index.at(*span_of(FAMILY, "Smith", 2)) == "john-smith"
    s, _ = span_of(FAMILY, "he would")
    assert index.at(s, s + 2) == "john-smith"
    assert index.at(*span_of(FAMILY, "she")) == "jane-smith"
    assert index.at(*span_of(FAMILY, "him")) == "john-smith"
    assert "smith" not in index.actors


ALLIANCE = ("NATO said it would send more troops. The alliance also asked Germany and France for "
            "ships. Both Germany and France said their navies were ready.\n"
            "\"We will not give up,\" the spokesman said. \"I am sure of it.\"")


def test_descriptions_and_anaphora(nlp_actors):
    index = run(nlp_actors, ALLIANCE)
    assert index.at(*span_of(ALLIANCE, "The alliance")) == "nato"
    assert index.at(*span_of(ALLIANCE, "it")) == "nato"


@pytest.mark.parametrize("text, words, actor", [
    # a description spelled with stops in its initials names the same body as without them
    ("The U.N. refugee agency will pay a grant to families in Jordan.", "The U.N. refugee agency", "unhcr"),
    ("Inspectors must return by Friday, the U.N. nuclear watchdog said.", "the U.N. nuclear watchdog",
     "international-atomic-energy-agency"),
    ("Inspectors must return by Friday, the UN nuclear watchdog said.", "the UN nuclear watchdog",
     "international-atomic-energy-agency"),
    # an unnamed minister of a province or a state acts for its government (nlp/actors/regions.py)
    ("Ontario's energy minister said on Tuesday that rates would rise.", "Ontario's energy minister",
     "government-of-ontario"),
    ("Queensland's transport minister said the line would open in May.", "Queensland's transport minister",
     "government-of-queensland"),
    ("VICTORIA — Ontario's housing ministry has ordered the town to adopt zoning by March 31.",
     "Ontario's housing ministry", "government-of-ontario"),
    # one of a country acts for the country, as before
    ("Iraq's oil minister said on Tuesday that exports would rise.", "Iraq", "iraq"),
], ids=["dotted-refugee-agency", "dotted-watchdog", "undotted-watchdog", "province-minister", "state-minister",
        "province-ministry", "country-minister"])
def test_a_description_or_an_unnamed_office_names_its_body(nlp_actors, text, words, actor):
    assert run(nlp_actors, text).at(*span_of(text, words)) == actor


def test_no_single_antecedent_and_quoted_first_person_left_alone(nlp_actors):
    index = run(nlp_actors, ALLIANCE)
    assert index.at(*span_of(ALLIANCE, "their")) is None          # Germany and France together
    assert index.at(*span_of(ALLIANCE, "We")) is None
    assert index.at(*span_of(ALLIANCE, "I")) is None
    assert index.at(*span_of(ALLIANCE, "the spokesman")) is None  # no spokesman named


METONYMY = ("Sanctions on Moscow were extended, and Moscow's response was swift. Flights from Moscow "
            "were cancelled. Washington and Beijing have agreed to talk.")


def test_metonymy_by_role(nlp_actors):
    index = run(nlp_actors, METONYMY)
    assert index.at(*span_of(METONYMY, "Moscow", 0)) == "russia"     # sanctions on the government
    assert index.at(*span_of(METONYMY, "Moscow", 1)) == "russia"     # Moscow's response
    assert index.at(*span_of(METONYMY, "Moscow", 2)) is None         # flights from the city
    assert index.place_at(*span_of(METONYMY, "Moscow", 2)).country == "RUS"
    assert index.at(*span_of(METONYMY, "Washington")) == "united-states"
    assert index.at(*span_of(METONYMY, "Beijing")) == "china"


def test_places_inside_longer_place_names_are_not_countries(nlp_actors):
    text = "New Mexico passed a law on Friday."
    index = run(nlp_actors, text)
    assert "mexico" not in index.actors


def test_statistical_ner_mistakes_are_corrected_by_the_gazetteer(nlp_actors):
    text = ("Officials met President Donald Trump in Ankara. The talks, which Trump reportedly sought "
            "to broker, ended early.")
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Trump", 1)) == "donald-trump"
    assert [a.id for a in index.actors.values() if a.type != "country"] == ["donald-trump"]


# ---- the reference article ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed(nlp_actors, seed_article):
    return seed_article.text, run(nlp_actors, seed_article.text, seed_article.published)


def test_reference_article_one_record_per_actor(seed):
    text, index = seed
    expected = {"vladimir-putin", "donald-trump", "volodymyr-zelensky", "steve-witkoff", "emmanuel-macron",
                "xi-jinping", "narendra-modi", "russia", "ukraine", "united-states", "china", "india",
                "germany", "france", "nato", "shanghai-cooperation-organisation", "the-west"}
    assert expected <= set(index.actors)
    people = {a.id for a in index.actors.values() if a.type == "person"}
    assert people == {"vladimir-putin", "donald-trump", "volodymyr-zelensky", "steve-witkoff",
                      "emmanuel-macron", "xi-jinping", "narendra-modi"}


def test_reference_article_mentions(seed):
    text, index = seed
    putin = set(words_of(index, text, "vladimir-putin"))
    assert {"Putin", "he", "He", "his", "Russian President Vladimir Putin"} <= putin
    assert "President Trump" in words_of(index, text, "donald-trump")
    assert "Moscow" in words_of(index, text, "russia")
    assert "Kyiv" not in words_of(index, text, "ukraine")
    assert index.place_at(*span_of(text, "Kyiv")).country == "UKR"
    assert "the Western military alliance" in words_of(index, text, "nato")
    # The longest mention names the whole phrase; its demonym is still found inside.
    assert index.at(*span_of(text, "Russian President Vladimir Putin")) == "vladimir-putin"
    assert index.at(*span_of(text, "Russian")) == "russia"
    assert index.at(*span_of(text, "US special envoy Steve Witkoff")) == "steve-witkoff"
    # "he had “played President Trump”": Putin, not Macron who speaks, nor Trump.
    s = text.index("he had")
    assert index.at(s, s + 2) == "vladimir-putin"
    # "their purchases" (China and India) is no single actor.
    s, _ = span_of(text, "their purchases")
    assert index.at(s, s + 5) is None


GOVERNMENTS = ("The Russian government said the report was false. The Trump administration disagreed, "
               "and Ukraine's government welcomed the move. The government of the day is another matter.")


def test_a_countrys_government_is_the_country(nlp_actors):
    index = run(nlp_actors, GOVERNMENTS)
    assert index.at(*span_of(GOVERNMENTS, "The Russian government")) == "russia"
    assert index.at(*span_of(GOVERNMENTS, "The Trump administration")) == "united-states"
    assert index.at(*span_of(GOVERNMENTS, "Ukraine's government")) == "ukraine"
    assert index.at(*span_of(GOVERNMENTS, "The government of the day")) is None


def test_honorific_and_a_name_that_is_also_a_title(nlp_actors):
    text = "Mr. King, 82, said the network had changed. Mr. King said he would stay."
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Mr. King")) == "king"
    assert index.at(*span_of(text, "Mr. King", 1)) == "king"
    s = text.index("he would")
    assert index.at(s, s + 2) == "king"


def test_plural_groups_and_their_pronouns(nlp_actors):
    text = "Republicans said the bill was dead. They said it twice. Republican lawmakers agreed."
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Republicans")) == "republicans"
    assert index.at(*span_of(text, "They")) == "republicans"
    assert index.actors["republicans"].type == "group"
    # The adjective makes no second group.
    assert list(index.actors) == ["republicans"]


def test_places_found_by_the_ner_get_their_country(nlp_actors):
    text = "Shelling hit Kharkiv overnight, and aid trucks waited at the border of the Gaza Strip."
    index = run(nlp_actors, text)
    assert index.place_at(*span_of(text, "Kharkiv")).country == "UKR"
    loc = index.place_at(*span_of(text, "Gaza Strip"))
    assert loc is not None and loc.country == "PSE"


def test_ambiguous_country_names_follow_the_article(nlp_actors):
    us = "Voters in Georgia went to the polls for the Senate runoff, and Atlanta counted late."
    index = run(nlp_actors, us)
    assert "georgia" not in index.actors
    assert index.place_at(*span_of(us, "Georgia")).country == "USA"
    caucasus = "Georgia recalled its ambassador, and protesters gathered in Tbilisi."
    index = run(nlp_actors, caucasus)
    assert index.at(*span_of(caucasus, "Georgia")) == "georgia"


def test_longer_and_shorter_forms_of_a_name_join(nlp_actors):
    text = ("Robert Gabriel Mugabe died on Friday. Robert Mugabe led Zimbabwe for decades. "
            "Ranger Leon van Biljon was killed on Tuesday. Van Biljon had raised the lions.")
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Robert Mugabe")) == index.at(*span_of(text, "Robert Gabriel Mugabe"))
    assert index.at(*span_of(text, "Van Biljon")) == index.at(*span_of(text, "Leon van Biljon"))


def test_generational_suffix_does_not_split_a_person(nlp_actors):
    text = ("John James Conyers Jr. was born in Detroit. Former Representative John Conyers died on "
            "Sunday, aged 90.")
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "John Conyers")) == index.at(*span_of(text, "John James Conyers Jr."))


# ---- titles the NER folds into an organisation, bare surnames, coordinated antecedents ------------
HARBOUR = "Harbour Minister Ilse Varnholt said on Monday that the port would reopen. Varnholt added nothing."


@pytest.fixture(scope="module")
def nlp_with_user_actor(tmp_path_factory):
    """The actors component with a user file (as `newsledger actors add` writes it) naming a person
    by her full name only: no surname alias."""
    from newsledger.lexicons import gazetteer as G
    path = tmp_path_factory.mktemp("actors") / "actors.tsv"
    G.add_actor("Ilse Varnholt", country="NOR", roles=["Harbour Minister@2025-01-01/"], gender="f", path=path)
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsledger_actors", config={"user_file": False, "extra_paths": [str(path)]})
    return nlp


def test_title_and_gazetteer_person_tagged_org_is_no_organisation(nlp_with_user_actor):
    index = run(nlp_with_user_actor, HARBOUR)
    # spaCy tags "Harbour Minister Ilse Varnholt" ORG: it is the person with her title, nothing else.
    assert [a.id for a in index.actors.values()] == ["ilse-varnholt"]
    assert index.at(*span_of(HARBOUR, "Harbour Minister Ilse Varnholt")) == "ilse-varnholt"
    assert index.actors["ilse-varnholt"].country == "NOR"


def test_title_and_unknown_person_tagged_org_is_a_person_with_the_role(nlp_actors):
    index = run(nlp_actors, HARBOUR)                  # Varnholt unknown to the gazetteer
    assert [(a.id, a.type) for a in index.actors.values()] == [("ilse-varnholt", "person")]
    assert "minister" in index.actors["ilse-varnholt"].roles
    text = "Harbour Minister Jon Aasen said on Monday that the port would reopen."
    index = run(nlp_actors, text)
    assert [(a.id, a.type) for a in index.actors.values()] == [("jon-aasen", "person")]
    assert "minister" in index.actors["jon-aasen"].roles
    assert index.at(*span_of(text, "Harbour Minister Jon Aasen")) == "jon-aasen"


def test_organisation_named_after_a_title_stays_an_organisation(nlp_actors):
    # Negative: an org word after the title keeps the ORG entity an organisation.
    from newsledger.nlp.actors.component import ner_rules
    assert "university" in ner_rules()["not_name_words"]
    text = "The Minister Varnholt Foundation said on Monday that it would pay for the new pier."
    index = run(nlp_actors, text)
    assert not any(a.type == "person" for a in index.actors.values())
    assert index.actors["minister-varnholt-foundation"].type == "organization"


def test_untagged_surname_of_a_person_named_earlier(nlp_with_user_actor, nlp_actors):
    for nlp in (nlp_with_user_actor, nlp_actors):     # gazetteer person, and one only the NER found
        index = run(nlp, HARBOUR)
        assert index.at(*span_of(HARBOUR, "Varnholt", 1)) == "ilse-varnholt"
    text = "Harbour Minister Jon Aasen said on Monday that the port would reopen. Aasen added nothing."
    assert run(nlp_actors, text).at(*span_of(text, "Aasen", 1)) == "jon-aasen"


def test_surname_rule_leaves_common_words_alone(nlp_actors):
    text = ("Judge Hanna Stone said the case would go on. A stone fell from the roof. "
            "Stone walls were built around the court.")
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "stone")) is None
    assert index.at(*span_of(text, "Stone walls")) is None
    assert words_of(index, text, "hanna-stone") == ["Judge Hanna Stone"]
    # Not before the full name either: a bare surname needs the person named first.
    text = "Varnholt added nothing. Harbour Minister Ilse Varnholt said the port would reopen."
    assert run(nlp_actors, text).at(0, len("Varnholt")) is None


def test_shared_surname_goes_to_the_most_recent_full_name(nlp_actors):
    text = "Anna Lind met Peter Lind in Oslo. Lind added nothing."
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Lind", 2)) == "peter-lind"
    assert words_of(index, text, "anna-lind") == ["Anna Lind"]       # the two stay apart


def test_their_after_coordinated_actors_is_a_joint_mention(nlp_actors):
    text = "China and India remain major buyers of Russian oil, and their purchases have grown."
    index = run(nlp_actors, text)
    s, e = span_of(text, "their")
    assert index.at(s, e) is None                     # no single actor ...
    assert index.members_at(s, e) == ["china", "india"]    # ... but both together
    assert (s, e) in index.actors["china"].mentions and (s, e) in index.actors["india"].mentions
    assert (s, e) not in index.actors["russia"].mentions


def test_their_is_left_alone_when_a_group_could_be_meant_too(nlp_actors):
    text = "Republicans asked China and India to cut their purchases."
    index = run(nlp_actors, text)
    s, e = span_of(text, "their")
    assert index.members_at(s, e) == []
    # Nor is the object of the coordinated subject's own verb the coordination.
    text = "Germany and France asked them to leave."
    index = run(nlp_actors, text)
    assert index.members_at(*span_of(text, "them")) == []


# ---- general NER repairs seen on a news corpus ----------------------------------------------------
def test_possessive_does_not_make_a_second_organisation(nlp_actors):
    text = "The Green Party's leader said on Monday that the vote was rigged. The Green Party will appeal."
    index = run(nlp_actors, text)
    assert list(index.actors) == ["green-party"]
    assert words_of(index, text, "green-party") == ["Green Party", "Green Party"]


def test_word_of_a_title_is_no_organisation(nlp_actors):
    text = "US Secretary of State Ruth Mallory said the talks would resume."
    index = run(nlp_actors, text)                     # the NER tags "State" ORG
    assert "state" not in index.actors
    assert index.actors["ruth-mallory"].roles == ["secretary of state"]
    # Negative: a state agency named on its own stays an organisation.
    text = "The State Fire Brigade said the building was safe."
    assert any(a.type != "person" for a in run(nlp_actors, text).actors.values())


def test_capitalised_common_word_tagged_person_is_no_person(nlp_actors):
    text = "Photographs showed the wreck on the runway. Observers noted the damage."
    index = run(nlp_actors, text)                     # "Photographs" is tagged PERSON (NNS)
    assert not index.actors
    # Negative: a one-word proper name is still a person ("Mr. King" is tested above too).
    text = "Pope Francis said on Sunday that the talks would help."
    assert run(nlp_actors, text).at(*span_of(text, "Pope Francis")) is not None


def test_caption_word_is_not_part_of_a_name(nlp_actors):
    text = "Susan Rice Image: White House. Val Demings Image: U.S. Congress."
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Susan Rice")) == "susan-rice"
    assert not any(a.id.endswith("-image") for a in index.actors.values())


def test_software_and_events_tagged_as_names_are_no_actors(nlp_actors):
    text = "He revealed his plans for a no-deal Brexit by October 31. SpaceX said the launch was delayed."
    index = run(nlp_actors, text)
    assert "brexit" not in index.actors
    assert index.actors["spacex"].type == "organization"


def test_title_words_and_numbers_are_trimmed_from_person_entities(nlp_actors):
    text = "Taoiseach Leo Varadkar agreed, and Cardinal Marc Ouellet prayed. Rose Byrne and Will Smith arrived."
    index = run(nlp_actors, text)
    assert index.actors["leo-varadkar"].roles == ["taoiseach"]
    assert index.actors["marc-ouellet"].roles == ["cardinal"]
    # Negative: given names that are also common words stay in the name.
    assert {"rose-byrne", "will-smith"} <= set(index.actors)


def test_organisation_in_front_of_a_person_entity_stays_apart(nlp_actors):
    text = "Kanye West said he would run. The next day on Twitter West accused his wife of lying."
    index = run(nlp_actors, text)                     # the NER tags "Twitter West" PERSON
    assert index.at(*span_of(text, "Twitter")) == "twitter"
    assert index.at(*span_of(text, "West", 1)) == "kanye-west"
    assert [a.id for a in index.actors.values() if a.type == "person"] == ["kanye-west"]
    # Negative: a country's name that begins a person's name is still the person's.
    text = "Jordan Peterson wrote about it."
    index = run(nlp_actors, text)
    assert index.at(*span_of(text, "Jordan Peterson")) == "jordan-peterson" and "jordan" not in index.actors


# ---- countries in the possessive, places' countries, leaders' governments, peoples -----------------
def _mentions(index, text):
    return {text[m.start:m.end]: index.actors[m.actor_id] for m in index.mentions}


def _places(index):
    return {p.name: p.country for p in index.places}


def test_possessive_country_is_the_country_acting(nlp_actors):
    text = "North Korea's navy seized a boat. The United States' envoy protested."
    found = _mentions(run(nlp_actors, text), text)
    assert found["North Korea"].country == "PRK" and found["North Korea"].type == "country"
    assert found["United States"].country == "USA"


def test_places_carry_the_country_their_name_or_stem_names(nlp_actors):
    text = ("Officials in Khanty-Mansiysk met envoys from Juba. Troops entered Kandahar province, "
            "then Bamiyan province.")
    idx = run(nlp_actors, text)
    places = _places(idx)
    assert places.get("Khanty-Mansiysk") == "RUS"
    assert places.get("Kandahar province") == "AFG"
    # Negative: a province whose stem the gazetteer does not know gets no country.
    assert places.get("Bamiyan province") is None
    found = _mentions(idx, text)
    assert "Khanty-Mansiysk" not in found or found["Khanty-Mansiysk"].type != "organization"


def test_historical_leaders_carry_their_country(nlp_actors):
    text = "Mitterand met Museveni and Akayev in 1991."
    found = _mentions(run(nlp_actors, text, published="1991-06-01"), text)
    assert found["Mitterand"].country == "FRA"           # a common misspelling is an alias
    assert found["Museveni"].country == "UGA"
    assert found["Akayev"].country == "KGZ"


def test_leader_administration_is_the_government_not_the_person(nlp_actors):
    text = "The Bush administration rejected the plan. The Smith administration agreed."
    idx = run(nlp_actors, text, published="2003-01-01")
    found = _mentions(idx, text)
    assert found["The Bush administration"].type == "country"
    assert found["The Bush administration"].country == "USA"
    # Negative: a surname the gazetteer does not know makes no government.
    assert "The Smith administration" not in found


def test_peoples_are_groups_not_people(nlp_actors):
    text = "Karen guerrillas attacked a post and Kurd refugees fled. Karen Miller, a nurse, helped them."
    found = _mentions(run(nlp_actors, text), text)
    assert found["Karen"].type == "group" and found["Karen"].country == "MMR"
    assert found["Kurd"].type == "group" and found["Kurd"].country is None
    # Negative: the given name in a person's full name stays a person.
    assert found["Karen Miller"].type == "person"


def test_unita_alone_is_the_angolan_movement(nlp_actors):
    text = "UNITA rejected the accord."
    found = _mentions(run(nlp_actors, text), text)
    assert found["UNITA"].country == "AGO"


def test_person_takes_country_of_title_phrase_or_of_country(nlp_actors):
    text = ("The Syrian parliament member Ali Haddad spoke. The Kenyan opposition leader Raila Odinga "
            "spoke. President Omar Bongo of Gabon arrived. John Kamau of Nairobi left.")
    found = _mentions(run(nlp_actors, text), text)
    by_name = {a.name: a for a in found.values() if a.type == "person"}
    assert by_name["Ali Haddad"].country == "SYR"
    assert by_name["Raila Odinga"].country == "KEN"
    assert by_name["Omar Bongo"].country == "GAB"
    # Negative: "of <capital>" without a title says where someone is from, not whom they serve.
    assert by_name["John Kamau"].country is None


def test_ethnic_demonym_is_a_people_and_organisations_take_their_place_country(nlp_actors):
    text = ("Ethnic guerrillas aside, ethnic Albanian fighters met Albanian diplomats. Inspectors visited "
            "the Kandahar Water Treatment Works on Monday. The Acme Widget Company hired staff.")
    found = _mentions(run(nlp_actors, text), text)
    assert found["ethnic Albanian"].type == "group" and found["ethnic Albanian"].country is None
    # Negative: the demonym alone is still the state.
    assert found["Albanian"].country == "ALB"
    orgs = {a.name: a for a in found.values() if a.type == "organization"}
    assert orgs["Kandahar Water Treatment Works"].country == "AFG"
    assert orgs["Acme Widget Company"].country is None


def test_serbs_and_croats_are_peoples_while_serbian_is_the_state(nlp_actors):
    text = "Serb forces shelled Croat villages, and the Serbian government protested."
    found = _mentions(run(nlp_actors, text), text)
    assert found["Serb"].type == "group" and found["Serb"].country is None
    assert found["Croat"].type == "group"
    assert found["Serbian"].country == "SRB"


@pytest.mark.parametrize("text, dateline", [
    ("HARARE, Zimbabwe -- The ministry said on Monday it would act.", "HARARE, Zimbabwe --"),
    ("OSLO (Reuters) - The minister resigned.", "OSLO (Reuters) -"),
    ("LIMA: The court ruled on Friday.", "LIMA:"),
    ("(CNN) The president spoke.", "(CNN)"),
    ("The ministry said on Monday it would act.", ""),
    ("UN officials said on Monday they would act.", ""),
])
def test_a_wire_dateline_is_read_off_the_start(nlp_actors, text, dateline):
    from newsledger.nlp.grammar.dateline import dateline_end
    doc = nlp_actors.make_doc(text)
    assert doc[:dateline_end(doc)].text == dateline


def test_a_dateline_names_no_actor(nlp_actors):
    text = "ANKARA, Turkey -- Greece and Bulgaria signed a border agreement on Monday."
    index = run(nlp_actors, text)
    named = {text[m.start:m.end] for m in index.mentions}
    assert "ANKARA" not in named and "Turkey" not in named and "Greece" in named


COMPANIES = ("SEOUL - Hyundai failed to open its battery plant by the end of June, a company spokesman said. "
             "Earlier, Hyundai Motor had promised to open it in the spring.\n"
             "The Treasury Department gave the buyer 30 days. The US Treasury said on Friday the clock had started.")


def test_companies_and_departments_short_and_long_are_one_actor(nlp_actors):
    # a company named bare at a sentence's start, and the long name later, are one actor; so are a US
    # department's two usual names
    index = run(nlp_actors, COMPANIES)
    assert index.at(*span_of(COMPANIES, "Hyundai", 0)) == index.at(*span_of(COMPANIES, "Hyundai Motor")) \
        == "hyundai-motor"
    assert index.at(*span_of(COMPANIES, "Treasury Department")) == index.at(*span_of(COMPANIES, "US Treasury")) \
        == "us-department-of-the-treasury"


# ---- a company by the last word of its name (data/actors/company_names.tsv) ----------------------
@pytest.mark.parametrize("text, name, not_countries", [
    # the NER finds no entity behind the dateline: the mining head word names the company
    ("BAMAKO — Resolute Gold will invest $300 million in Mali's Syama mine by 2027, the company said.",
     "Resolute Gold", ()),
    # the NER takes "Gold Corp" alone: the designator ends a name that starts with "Asante"
    ("ACCRA — Asante Gold Corp will invest $100 million in its two mines by 2027.", "Asante Gold Corp", ()),
    # an adjective inside a company's name names no country
    ("LIMA — Peruvian Copper Mines will invest $400 million in a smelter near Ilo by 2028, the company said.",
     "Peruvian Copper Mines", ("peru",)),
    ("American Airlines said it would add 20 flights to Mexico by June.", "American Airlines", ("united-states",)),
    ("British Airways said it would resume flights to Tel Aviv next month.", "British Airways", ("united-kingdom",)),
    ("Zenith Minerals Ltd said it would expand its mine in Western Australia.", "Zenith Minerals Ltd", ()),
    # a title after the head ends the company's name: its chief executive's, not the name's words
    ("Qatar Airways Chief Executive Akbar al-Baker said the airline would buy 20 jets.", "Qatar Airways",
     ("qatar",)),
], ids=["dateline-gold", "designator", "adjective-mines", "american-airlines", "british-airways", "ltd",
        "title-after"])
def test_a_name_ending_in_a_company_word_is_a_company(nlp_actors, text, name, not_countries):
    index = run(nlp_actors, text)
    [actor] = [a for a in index.actors.values() if a.name == name]
    assert (actor.type, actor.country) == ("organization", None)
    assert words_of(index, text, actor.id)[0] == name
    assert not [a for a in index.actors.values() if a.type == "person" and a.name in text[:text.index(name)]
                + name]
    assert not set(not_countries) & set(index.actors)


@pytest.mark.parametrize("text, actor_id, kind", [
    # an adjective not inside a company's name is the country's
    ("The American ambassador said the embassy would stay open.", "united-states", "country"),
    # "Energy" goes on to a title: a minister, not a company
    ("Energy Minister Chris Bowen said Australia would build ten plants.", "chris-bowen", "person"),
    # a given name in front of "Gold" makes a person
    ("Rachel Gold said the school would reopen in March.", "rachel-gold", "person"),
    # a central bank is read as before (the name of a public body, its country kept)
    ("The Swiss National Bank said it would keep rates on hold.", "swiss-national-bank", "organization"),
    ("The Department of Energy said it would release oil from the reserve.", "us-department-of-energy", "government"),
], ids=["adjective", "energy-minister", "person-gold", "central-bank", "department-of-energy"])
def test_a_company_word_elsewhere_makes_no_company(nlp_actors, text, actor_id, kind):
    index = run(nlp_actors, text)
    assert index.actors[actor_id].type == kind
    if actor_id == "swiss-national-bank":
        assert index.actors[actor_id].country == "CHE"


@pytest.mark.parametrize("text, name, amount_words", [
    # the NER runs a name on into the sum after it ("Tonga NZ$20 million" tagged as one organisation)
    ("WELLINGTON — New Zealand will pay Tonga NZ$20 million to rebuild its power grid, Winston Peters said.",
     "tonga", "NZ$20"),
    ("The bank will lend Acme Widgets $40 million to rebuild the plant.", None, "$40"),
])
def test_a_name_holds_no_sum_of_money(nlp_actors, text, name, amount_words):
    index = run(nlp_actors, text)
    at = text.index(amount_words)
    assert not any(s <= at < e for a in index.actors.values() for s, e in a.mentions), \
        [(a.id, a.mentions) for a in index.actors.values()]
    if name:
        assert name in index.actors
