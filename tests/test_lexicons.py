"""Tests for ``quoteattr._lexicons`` and the script that rebuilds the lexicon files.

The rebuild test needs PolNeAR in ``../shared/data/polnear`` and skips without it.
"""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from quoteattr import _lexicons as lexicons
from quoteattr.errors import QuoteAttrError

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SCRIPT = ROOT / "scripts" / "build_lexicons.py"

# Lexicon name -> number of columns of every row.
COLUMNS = {
    "reporting_verbs": 5,
    "cue_phrases": 2,
    "abbreviations": 2,
    "titles": 2,
    "media_outlets": 2,
    "organization_heads": 2,
    "anonymous_heads": 1,
    "group_heads": 1,
    "evidence_heads": 1,
    "attitude_nouns": 1,
    "media_heads": 1,
    "headline_labels": 1,
    "stance_verbs": 3,
    "pronouns": 5,
    "first_names": 4,
}


def _package_file(name: str) -> bytes:
    return (resources.files("quoteattr") / "lexicons" / "en" / f"{name}.txt").read_bytes()


def _build_script():
    spec = importlib.util.spec_from_file_location("build_lexicons", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_lexicon_loads_from_the_package_with_well_formed_rows(name):
    """Every lexicon ships in the package, is non-empty, and has the same columns on each row."""
    rows = lexicons.read_lexicon(name)
    assert rows
    assert {COLUMNS[name]} == {len(row) for row in rows}
    assert all(row[0] for row in rows)
    assert len(rows) == len({row[0] for row in rows}), "first column is a key"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_lexicon_file_has_a_header_and_sorted_entries(name):
    """Each file opens with a comment header that says what belongs and how it was made."""
    text = _package_file(name).decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# ")
    assert any("Columns (tab-separated)" in line for line in header)
    assert "scripts/build_lexicons.py" in " ".join(header)
    assert text.endswith("\n") and "\r" not in text
    keys = [row[0] for row in lexicons.read_lexicon(name)]
    if name == "reporting_verbs":
        keys = [(row[1], row[0]) for row in lexicons.read_lexicon(name)]
    elif name == "media_outlets":
        keys = [(key.lower(), key) for key in keys]
    assert sorted(keys) == keys


@pytest.mark.parametrize(
    "name",
    ["anonymous_heads", "group_heads", "evidence_heads", "attitude_nouns", "media_heads", "titles",
     "abbreviations"],
)
def test_case_insensitive_lexicons_are_lowercase(name):
    """Entries of case-insensitive lexicons are normalised to lowercase."""
    keys = [row[0] for row in lexicons.read_lexicon(name)]
    assert [key.lower() for key in keys] == keys


def test_reporting_verb_forms_are_consistent():
    """Counts are non-negative, cues never exceed occurrences, precision is their ratio."""
    for form, verb in lexicons.reporting_verbs().items():
        assert form == verb.form
        assert 0 <= verb.cue_count <= verb.text_count or verb.text_count == 0 == verb.cue_count
        expected = verb.cue_count / verb.text_count if verb.text_count else 0.0
        assert math.isclose(expected, verb.precision, abs_tol=5e-5)


def test_said_is_say_with_high_precision():
    """``said`` is a form of *say* and heads a cue more than half the time it occurs."""
    said = lexicons.reporting_verbs()["said"]
    assert "say" == said.lemma
    assert said.precision > 0.5


def test_every_form_of_a_lemma_is_listed_even_if_unseen():
    """Inflection is generated, so rare and irregular forms are present."""
    verbs = lexicons.reporting_verbs()
    assert {"tell", "tells", "told", "telling"} <= set(verbs)
    assert {"write", "writes", "wrote", "written", "writing"} <= set(verbs)
    assert {"deny", "denies", "denied", "denying"} <= set(verbs)
    assert "admitted" in verbs and "admited" not in verbs
    british = ("emphasise", "emphasised", "emphasising")
    assert {"emphasise"} == {verbs[form].lemma for form in british}


def test_non_reporting_verbs_are_kept_out():
    """Stance and perception verbs PolNeAR annotates are not reporting verbs."""
    verbs = lexicons.reporting_verbs()
    assert not {"endorsed", "supported", "seemed", "appears", "declined", "sees"} & set(verbs)


def test_according_to_is_a_cue_phrase():
    """``according to`` is a frequent multi-word cue; auxiliaries plus a verb are not phrases."""
    phrases = lexicons.cue_phrases()
    assert phrases["according to"] > 100
    assert "has said" not in phrases
    assert all(phrase == " ".join(phrase.split()) and " " in phrase for phrase in phrases)


def test_mr_is_a_title_abbreviation():
    """``mr`` precedes names; ``u.s`` and ``inc`` do not; words like ``ill`` are left out."""
    abbreviations = lexicons.abbreviations()
    assert "title" == abbreviations["mr"]
    assert "other" == abbreviations["u.s"] == abbreviations["inc"]
    assert "ill" not in abbreviations and "p.m" not in abbreviations
    assert set(abbreviations.values()) == {"title", "other"}


def test_spokeswoman_is_female():
    """Titles carry the gender they imply, and ``-`` when they imply none."""
    titles = lexicons.titles()
    assert "f" == titles["spokeswoman"]
    assert "m" == titles["spokesman"]
    assert "-" == titles["spokesperson"] == titles["president"]
    assert set(titles.values()) == {"m", "f", "-"}


def test_reuters_maps_to_reuters():
    """Outlet names and short forms map, lowercase, to the canonical name."""
    outlets = lexicons.media_outlets()
    assert "Reuters" == outlets["reuters"]
    assert "Associated Press" == outlets["ap"] == outlets["the associated press"]
    assert "The New York Times" == outlets["the times"]
    assert all(key == key.lower() for key in outlets)


def test_kremlin_is_an_organisation_name():
    """Single-token organisations are ``name``; nouns heading organisation names are ``head``."""
    organizations = lexicons.organization_heads()
    assert "name" == organizations["kremlin"] == organizations["fbi"]
    assert "head" == organizations["ministry"] == organizations["committee"]
    assert set(organizations.values()) == {"head", "name"}


def test_sources_is_anonymous():
    """``sources`` heads anonymous sources; ``spokesman`` is a title, not an anonymous head."""
    assert "sources" in lexicons.anonymous_heads()
    assert "spokesman" not in lexicons.anonymous_heads()
    assert "officials" in lexicons.anonymous_heads()
    assert "officials" not in lexicons.group_heads()


def test_groups_and_evidence_are_separate():
    """People speaking as a group and non-human evidence are different lexicons."""
    assert {"democrats", "voters", "critics"} <= lexicons.group_heads()
    assert {"poll", "polls", "survey", "study", "report"} <= lexicons.evidence_heads()
    assert not lexicons.group_heads() & lexicons.evidence_heads()
    assert not lexicons.group_heads() & lexicons.anonymous_heads()


def test_pronouns_carry_gender_number_person():
    """Pronouns map to their features; object and possessive forms are listed."""
    pronouns = lexicons.pronouns()
    assert ("m", "sg", 3) == (pronouns["he"].gender, pronouns["he"].number, pronouns["he"].person)
    assert ("-", "pl") == (pronouns["they"].gender, pronouns["they"].number)
    assert {"him", "his", "them", "their", "its", "i", "we"} <= set(pronouns)
    assert ("acc", "gen") == pronouns["her"].cases


def test_loaders_return_immutable_cached_objects():
    """Each loader returns the same read-only object on every call."""
    assert lexicons.titles() is lexicons.titles()
    with pytest.raises(TypeError):
        lexicons.titles()["new title"] = "-"  # type: ignore[index]
    assert isinstance(lexicons.anonymous_heads(), frozenset)


def test_unknown_lexicon_raises_a_lookup_error():
    """Asking for a lexicon that does not ship is an error callers can catch as LookupError."""
    with pytest.raises(LookupError, match="reporting_verbs"):
        lexicons.read_lexicon("no_such_lexicon")
    with pytest.raises(QuoteAttrError):
        lexicons.read_lexicon("../en/titles")


def test_importing_reads_nothing():
    """Importing the module reads no file: loading is lazy."""
    code = (
        "import quoteattr._lexicons as m;"
        "assert m.read_lexicon.cache_info().currsize == 0, 'read at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_inflection_rules():
    """The build script's regular morphology covers e-drop, y -> ie, doubling and -es."""
    build = _build_script()
    assert ["argue", "argues", "argued", "arguing"] == build.inflect("argue", {})
    assert ["deny", "denies", "denied", "denying"] == build.inflect("deny", {})
    assert ["dub", "dubs", "dubbed", "dubbing"] == build.inflect("dub", {})
    assert ["stress", "stresses", "stressed", "stressing"] == build.inflect("stress", {})
    assert ["agree", "agrees", "agreed", "agreeing"] == build.inflect("agree", {})
    assert ["tweet", "tweets", "tweeted", "tweeting"] == build.inflect("tweet", {})


def test_script_without_polnear_exits_with_a_clear_message(tmp_path):
    """With no PolNeAR, the script says where it looked and what to pass."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--polnear", str(tmp_path), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert 0 != result.returncode
    assert "--polnear" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    not (POLNEAR / "train").is_dir(), reason="PolNeAR is not in ../shared/data/polnear"
)
def test_rebuilding_from_polnear_reproduces_the_shipped_files(tmp_path):
    """The script, run on PolNeAR train, writes exactly the files that ship."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--polnear", str(POLNEAR), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert 0 == result.returncode, result.stderr
    assert {f"{name}.txt" for name in COLUMNS} == {path.name for path in tmp_path.iterdir()}
    for name in COLUMNS:
        assert _package_file(name) == (tmp_path / f"{name}.txt").read_bytes(), name
