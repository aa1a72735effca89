"""The gazetteer (lexicons/gazetteer.py): shipped data, date-bounded roles, and the user file."""
from __future__ import annotations

import datetime as dt

import pycountry
import pytest
import spacy

from newsledger.lexicons import gazetteer as G
from newsledger.nlp.pipeline import DEFAULT_MODEL, make_doc
from newsledger.records import Article

DAY = dt.date(2025, 9, 1)
G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU",
       "ZAF", "KOR", "TUR", "GBR", "USA")


@pytest.fixture(scope="module")
def gaz():
    return G.load_gazetteer(user_path=None)


def test_every_iso_country_is_one_country_actor(gaz):
    for c in pycountry.countries:
        entry = gaz.entry(c.alpha_3)
        assert entry is not None and entry.type == "country" and entry.country == c.alpha_3
    assert gaz.entry("RUS").id == "russia"
    assert gaz.entry("USA").id == "united-states"
    assert gaz.entry("UKR").id == "ukraine"


def test_names_adjectives_and_metonyms(gaz):
    assert gaz.lookup("Russian")[0] == G.Name("russia", "adjective")
    assert gaz.lookup("Ukrainians")[0].entry_id == "ukraine"
    moscow = gaz.lookup("Moscow")[0]
    assert moscow.kind == "metonym" and moscow.entry_id == "russia" and moscow.place_country == "RUS"
    assert gaz.lookup("White House")[0].entry_id == "united-states"
    assert gaz.lookup("SCO")[0].entry_id == "shanghai-cooperation-organisation"
    for spelling in ("Zelensky", "Zelenskyy", "Zelenskiy"):
        assert gaz.lookup(spelling)[0].entry_id == "volodymyr-zelensky"
    assert gaz.lookup("Atlantis") == []


def test_organizations_and_agencies(gaz):
    for name, kind in (("NATO", "alliance"), ("EU", "alliance"), ("UN", "organization"), ("G7", "alliance"),
                       ("BRICS", "alliance"), ("OPEC", "organization"), ("IAEA", "organization")):
        assert gaz.entries[gaz.lookup(name)[0].entry_id].type == kind, name
    state = gaz.entries[gaz.lookup("State Department")[0].entry_id]
    assert state.type == "government" and state.country == "USA"


def test_distinct_shipped_names_are_distinct_actors(gaz):
    # ids are slugs of names, and a slug drops '+': two rows whose names slug alike would merge into one
    # actor, the second's name lost ("OPEC+" into OPEC)
    from newsledger.slug import slugify
    seen: dict[str, str] = {}
    for name in ("countries.tsv", "organizations.tsv", "people.tsv"):
        for row in G.shipped_rows(name):
            if row.get("name"):
                assert seen.setdefault(slugify(row["name"]), row["name"]) == row["name"], (name, row["name"])
    assert gaz.lookup("OPEC+")[0].entry_id != gaz.lookup("OPEC")[0].entry_id


def test_trade_unions_are_actors(gaz):
    for name in ("Unite", "Teamsters", "UAW", "IG Metall"):
        assert gaz.entries[gaz.lookup(name)[0].entry_id].type == "group", name


def test_every_shipped_row_says_where_it_comes_from():
    for name in ("countries.tsv", "organizations.tsv", "people.tsv", "metonyms.tsv"):
        for row in G.shipped_rows(name):
            assert row.get("source"), (name, row)
    for name in ("titles.tsv", "descriptions.tsv", "pronouns.tsv"):
        for row in G.shipped_rows(name):
            assert row.get("example"), (name, row)


def test_rule_targets_exist(gaz):
    assert not gaz.warnings
    for phrase, target in gaz.descriptions.items():
        if target.startswith("@"):
            assert target[1:] in ("alliance", "organization", "group", "country", "union", "agency"), phrase   # union: a body of members; agency: a body named an agency
        elif target.startswith("role:"):
            _, iso, title = target.split(":")
            assert gaz.entry(iso) and title in gaz.titles, phrase
        else:
            assert gaz.entry(target) is not None, phrase


def test_g20_leaders_known_on_a_date(gaz):
    leader = gaz.titles["leader"]
    for iso in G20:
        assert gaz.holders(leader, iso, DAY), iso
    assert [e.id for e in gaz.holders(gaz.titles["president"], "USA", DAY)] == ["donald-trump"]
    assert [e.id for e in gaz.holders(gaz.titles["president"], "USA", dt.date(2022, 1, 1))] == ["joe-biden"]
    assert [e.id for e in gaz.holders(gaz.titles["chancellor"], "DEU", dt.date(2024, 1, 1))] == ["olaf-scholz"]


def test_people_rows_are_well_formed(gaz):
    people = [e for e in gaz.entries.values() if e.type == "person"]
    assert len(people) >= 150
    for e in people:
        assert e.roles, e.id
        assert e.gender in ("m", "f"), e.id
        for r in e.roles:
            assert r.start is None or r.end is None or r.start < r.end, (e.id, r)


def test_roles_and_titles():
    role = G.Role.parse("President of Russia@2012-05-07/")
    assert role.active(DAY) and not role.active(dt.date(2010, 1, 1)) and role.active(None)
    ended = G.Role.parse("Chancellor of Germany@2005-11-22/2021-12-08")
    assert not ended.active(None) and ended.active(dt.date(2010, 1, 1))
    president = G.Title("president", ("President",))
    assert president.fits("President of France")
    assert not president.fits("Vice President of the United States")
    assert not president.fits("Foreign Policy Aide to the President of Russia")
    assert G.role_head("Secretary of State of the United States") == "Secretary of State"
    # a bare "minister" ("Iraq's oil minister") is no prime minister; a title that names that office fits it
    minister = G.Title("minister", ("Minister", "Secretary"))
    assert minister.fits("Minister of Foreign Affairs of Iraq") and not minister.fits("Prime Minister of Iraq")
    assert G.Title("premier", ("Premier", "Prime Minister")).fits("Prime Minister of Iraq")


# ---- the user file ------------------------------------------------------------------------------
def test_add_alias_merge_round_trip(tmp_path):
    path = tmp_path / "actors.tsv"
    aid = G.add_actor("Aino Virtanen", type="person", country="fin", aliases=["Virtanen"],
                      roles=["Mayor of Tampere@2023-01-01/"], gender="f", source="test", path=path)
    assert aid == "aino-virtanen"
    G.add_alias("aino-virtanen", "A. Virtanen", path=path)
    G.add_actor("Aino Virtanen-Koski", path=path)
    G.merge_actors("aino-virtanen-koski", "aino-virtanen", path=path)
    G.add_alias("vladimir-putin", "V. V. Putin", path=path)

    gaz = G.load_gazetteer(user_path=path)
    e = gaz.entry("aino-virtanen")
    assert e.country == "FIN" and e.gender == "f" and e.roles[0].title == "Mayor of Tampere"
    assert gaz.lookup("A. Virtanen")[0].entry_id == "aino-virtanen"
    # The merged actor is an alias of the target and its id redirects, on every reload.
    assert gaz.entry("aino-virtanen-koski").id == "aino-virtanen"
    assert gaz.lookup("Aino Virtanen-Koski")[0].entry_id == "aino-virtanen"
    assert gaz.lookup("V. V. Putin")[0].entry_id == "vladimir-putin"
    assert "aino-virtanen-koski" not in gaz.entries
    # The shipped gazetteer is untouched when the file is left out.
    assert G.load_gazetteer(user_path=None).entry("aino-virtanen") is None
    header = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == list(G.USER_COLUMNS)


def test_user_file_errors(tmp_path):
    path = tmp_path / "actors.tsv"
    with pytest.raises(G.GazetteerError):
        G.add_actor("Somebody", type="wizard", path=path)
    with pytest.raises(G.GazetteerError):
        G.add_actor("Somebody", country="XXX", path=path)
    with pytest.raises(G.GazetteerError):
        G.add_alias("no-such-actor", "Nobody", path=path)
    with pytest.raises(G.GazetteerError):
        G.merge_actors("russia", "no-such-actor", path=path)
    with pytest.raises(ValueError):
        G.add_actor("Somebody", roles=["Mayor@not-a-date/"], path=path)
    assert not path.exists()


def test_unknown_rows_warn_instead_of_failing(tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text("\t".join(G.USER_COLUMNS) + "\n" + "ghost\t\t\t\tBoo\t\t\t\t\ttest\n", encoding="utf-8")
    gaz = G.load_gazetteer([path], user_path=None)
    assert any("ghost" in w for w in gaz.warnings)


def test_user_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSLEDGER_ACTORS", raising=False)
    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    assert G.user_actors_path() == tmp_path / "actors.tsv"
    monkeypatch.setenv("NEWSLEDGER_ACTORS", str(tmp_path / "mine.tsv"))
    assert G.user_actors_path() == tmp_path / "mine.tsv"
    monkeypatch.delenv("NEWSLEDGER_ACTORS")
    monkeypatch.delenv("NEWSLEDGER_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert G.user_actors_path() == tmp_path / "xdg" / "newsledger" / "actors.tsv"


def test_pipeline_reads_extra_gazetteer_files(tmp_path):
    path = tmp_path / "actors.tsv"
    G.add_actor("Aino Virtanen", country="FIN", aliases=["Virtanen"], gender="f",
                roles=["Mayor of Tampere@2023-01-01/"], path=path)
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    nlp.add_pipe("newsledger_actors", config={"extra_paths": [str(path)], "user_file": False})
    text = "Aino Virtanen opened the bridge. Virtanen said she was proud of it."
    doc = nlp(make_doc(nlp, Article(text=text, published="2025-09-01")))
    index = doc._.actors
    assert index.at(0, 13) == "aino-virtanen"
    s = text.index("Virtanen said")
    assert index.at(s, s + 8) == "aino-virtanen"
    assert index.actors["aino-virtanen"].roles == ["Mayor of Tampere"]


def test_places_carry_their_country(gaz):
    assert gaz.places["Gaza Strip"] == "PSE"
    assert gaz.places["Kharkiv"] == "UKR"
    assert "Georgia" not in gaz.places          # a country as well as a US state
    for name, iso in gaz.places.items():
        assert pycountry.countries.get(alpha_3=iso), name


def test_armed_groups_and_peoples_are_groups_with_their_state_when_one(gaz):
    def entry(surface):
        return gaz.entries[gaz.lookup(surface)[0].entry_id]
    assert (entry("UNITA").type, entry("UNITA").country) == ("group", "AGO")
    assert (entry("RUF").type, entry("RUF").country) == ("group", "SLE")
    assert (entry("Kurd").type, entry("Kurd").country) == ("group", None)     # several states
    assert entry("Karen").country == "MMR"
    # Negative: the bare abbreviation "ETA" (estimated time of arrival) names nobody.
    assert gaz.lookup("ETA") == []


def test_world_capitals_are_metonyms_with_their_country(gaz):
    for capital, iso in (("Abidjan", "CIV"), ("Juba", "SSD"), ("Freetown", "SLE"), ("Kampala", "UGA")):
        names = gaz.lookup(capital)
        assert names and names[0].kind == "metonym" and names[0].place_country == iso


def test_historical_roles_are_date_bounded(gaz):
    reagan = gaz.entry("ronald-reagan")
    assert reagan.country == "USA"
    assert reagan.roles_at(dt.date(1985, 1, 1)) and not reagan.roles_at(dt.date(1995, 1, 1))
