"""An author's story with `webcare new`: a short interview, then a file that checks clean, plays and tests."""

from __future__ import annotations

import itertools

import pytest

from trainer.cli import main
from trainer.commands.new import interview
from trainer.errors import TrainerError
from trainer.playthrough import run_playthrough
from trainer.scenario.loader import load_scenario
from trainer.scenario.scaffold import Answers, harm_words, id_for, poor_moves, problems, scaffold


def new(tmp_path, name="my-case.yaml", *flags):
    path = tmp_path / name
    return path, main(["new", str(path), "--defaults", *flags])


@pytest.mark.parametrize(("language", "channel"), list(itertools.product(["en", "nl"], ["twitter", "dm", "email", "chat"])))
def test_a_scaffold_in_every_language_and_channel_checks_clean_and_its_playthroughs_pass(
        tmp_path, capsys, language, channel):
    path, status = new(tmp_path, f"case-{language}-{channel}.yaml", "--lang", language, "--channel", channel)
    assert status == 0
    capsys.readouterr()

    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "0 errors, 0 warnings" in out and err == ""

    assert main(["test", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "3 passed, 0 failed" in out

    scenario = load_scenario(path)
    assert (scenario.language, scenario.channel) == (language, channel)
    assert [p.name for p in scenario.playthroughs] == ["exemplary", "mediocre", "poor"]
    for playthrough in scenario.playthroughs:  # strictly: no conversation ends before its script does
        result = run_playthrough(scenario, playthrough)
        assert result.failures == [] and result.unplayed == [], playthrough.name


def test_the_dutch_scaffold_speaks_dutch_and_the_english_one_english(tmp_path):
    nl, _ = new(tmp_path, "nl.yaml", "--lang", "nl")
    en, _ = new(tmp_path, "en.yaml")
    dutch, english = load_scenario(nl), load_scenario(en)
    assert "Je werkt op de social-mediadesk" in dutch.briefing
    assert dutch.lookups["case_file"].label == "Dossier"
    assert "You work on the social-media desk" in english.briefing
    assert "Geschreven door `webcare new`" in nl.read_text("utf-8")


def test_the_answers_end_up_in_the_file_and_it_teaches_the_format(tmp_path):
    path, status = new(tmp_path, "Lost Bag.yaml", "--title", "The bag that flew alone", "--channel", "dm",
                       "--name", "Émile O'Brien", "--mood", "45", "--difficulty", "hard",
                       "--harm", "My bag went to Oslo without me and nobody told me!",
                       "--wants", "Where is my bag now?", "--fix", "Deliver the bag to her home",
                       "--cause", "The transfer desk missed the connection and sent the bag on the next flight.")
    assert status == 0
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# what she says on arriving here" in text  # comments that explain the format
    s = load_scenario(path)
    assert s.id == "lost-bag" and s.title == "The bag that flew alone" and s.audience == "private"
    assert (s.customer.name, s.customer.handle, s.customer.mood, s.customer.patience) == (
        "Émile O'Brien", "@emile_obrien", 45, 4)
    assert s.actions["make_it_right"].label == "Deliver the bag to her home"
    assert s.rubric.harm == ("bag", "oslo")  # the words that name her harm, for acknowledging it
    assert "sorry + bag" in s.intents["acknowledge"].match
    assert s.rubric.questions[0].ask == "Where is my bag now?"
    assert set(s.states) == {"complaint", "telling", "understood"} and set(s.outcomes) == {"resolved", "went_public"}


def test_the_schema_modeline_points_at_a_copy_of_the_schema_beside_the_file(tmp_path):
    from trainer.scenario.library import builtin_dir

    path, _ = new(tmp_path / "drafts", "case.yaml")
    modeline = path.read_text("utf-8").splitlines()[0]
    relative = modeline.split("$schema=", 1)[1]
    assert relative == "schema.json"  # not the installed package's: a Python or venv upgrade moves that
    assert (path.parent / relative).read_bytes() == (builtin_dir() / "schema.json").read_bytes()


def test_an_existing_file_is_kept_unless_forced(tmp_path, capsys):
    path, _ = new(tmp_path)
    path.write_text("# my work\n", "utf-8")
    assert main(["new", str(path), "--defaults"]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert path.read_text("utf-8") == "# my work\n"
    assert main(["new", str(path), "--defaults", "--force"]) == 0
    assert "format: 1" in path.read_text("utf-8")


def test_invalid_answers_are_named_by_their_flag_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "case.yaml"
    status = main(["new", str(path), "--defaults", "--mood", "10", "--title", "Price {x}", "--harm", "It is.",
                   "--handle", "two words"])
    err = capsys.readouterr().err
    assert status == 1 and not path.exists()
    assert "--mood: her mood is a whole number from 20 to 100" in err
    assert "--title: no { or } here" in err
    assert "--harm: name what went wrong in a few real words" in err
    assert "--handle: a handle has no spaces" in err
    assert main(["new", str(path), "--defaults", "--mood", "lots"]) == 1
    assert "--mood: her mood is a whole number" in capsys.readouterr().err


def test_a_file_name_that_makes_no_id_and_a_wrong_suffix_are_refused(tmp_path, capsys):
    assert main(["new", str(tmp_path / "2024.yaml"), "--defaults"]) == 1
    assert "can't be a scenario id" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "case.txt"), "--defaults"]) == 1
    assert "ends in .yaml" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "2024.yaml"), "--defaults", "--id", "case-2024"]) == 0


def test_the_interview_asks_in_the_scenarios_language_offers_defaults_and_asks_again_when_wrong(tmp_path, capsys):
    replies = iter(["nl", "", "chat", "", "", "Fleur de Wit", "", "", "fifty", "60",
                    "Mijn fiets is gestolen uit jullie stalling.", "", "", ""])
    asked = []

    def ask(prompt):
        asked.append(prompt)
        return next(replies)

    answers = interview(tmp_path / "fiets.yaml", {"difficulty": "easy"}, ask)
    assert asked[0].startswith("Language of the scenario (en, nl) [en]")  # before the language is known
    assert asked[1].startswith("Titel") and "[De koffer met het kapotte wiel]" in asked[1]
    assert not any(q.startswith("Moeilijkheid") for q in asked)  # given as a flag: not asked
    assert any(q.startswith("Haar handle") and "[@fleur_de_wit]" in q for q in asked)
    assert sum(q.startswith("Haar stemming") for q in asked) == 2  # "fifty" is asked again
    assert "her mood is a whole number from 20 to 100" in capsys.readouterr().err
    assert (answers.language, answers.channel, answers.audience, answers.difficulty, answers.mood) == (
        "nl", "chat", "private", "easy", 60)
    assert answers.harm == "Mijn fiets is gestolen uit jullie stalling."
    assert problems(answers) == {}


def test_the_poor_trainee_ends_exactly_when_she_goes_public():
    base = Answers(id="x").with_defaults()
    assert len(poor_moves(base, ("a",))) == 3            # mood 30: 20, 10, 0 < 10
    assert len(poor_moves(Answers(id="x", mood=100, difficulty="hard").with_defaults(), ("a",))) == 4  # patience
    assert id_for("My Case (v2)") == "my-case-v2" and id_for("2024") == ""
    assert harm_words("I didn't get the seats I paid for on SB 765") == ["seats", "paid"]
    assert harm_words("Mijn koffer kwam uit Lissabon terug met een kapot wiel.") == ["koffer", "lissabon", "kapot"]


def test_every_answer_is_checked_before_writing():
    a = Answers(id="x", language="fr", channel="fax", audience="all", difficulty="brutal").with_defaults()
    found = problems(a)
    assert set(found) >= {"language", "channel", "audience", "difficulty"}
    with pytest.raises(TrainerError):
        interview(__import__("pathlib").Path("Bad Name!.yaml"), {"id": "Bad Name"}, None)
    assert "format: 1" in scaffold(Answers(id="ok").with_defaults())


@pytest.mark.parametrize("answers", [
    Answers(id="a", mood=20, difficulty="easy", channel="chat"),
    Answers(id="b", mood=25, difficulty="hard", language="nl", channel="dm", name="Fleur de Wit",
            harm="Mijn tas kwam pas na een week.", wants="Waarom duurde het zo lang?"),
    Answers(id="c", mood=100, difficulty="hard", channel="email", name="Émile O'Brien",
            harm="You charged my card twice for one ticket!", fix="Refund the second charge",
            cause="A time-out at the payment provider made the shop retry the payment."),
], ids=["livid-easy-chat", "dutch-particle-name", "content-hard-email"])
def test_odd_answers_still_give_playthroughs_that_pass_strictly(answers):
    from trainer.scenario.loader import check_bytes

    scenario, found = check_bytes(scaffold(answers.with_defaults()).encode(), "case.yaml")
    assert scenario is not None, [str(p) for p in found.items]
    for playthrough in scenario.playthroughs:
        result = run_playthrough(scenario, playthrough)
        assert result.failures == [] and result.unplayed == [], playthrough.name
