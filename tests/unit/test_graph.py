"""An author draws a scenario's story and sees every state, way out and outcome, with dead parts marked."""

from __future__ import annotations

from conftest import ROOT

from trainer.cli import main
from trainer.scenario.graph import dot, edges, mermaid
from trainer.scenario.library import find_scenario
from trainer.scenario.loader import load_scenario

LEGROOM = find_scenario("legroom-en")


def test_the_mermaid_graph_shows_every_state_and_outcome_of_the_legroom_case():
    text = mermaid(LEGROOM)
    assert text.startswith("flowchart TD\n")
    for name in (*LEGROOM.states, *LEGROOM.outcomes):
        assert f'n_{name}[' in text or f'n_{name}(' in text, name
    assert "start(( )) --> n_complaint" in text
    assert '-->|"did log_fault"| n_resolved' in text
    assert "unreachable" not in text.split("classDef unreachable")[1]  # nothing marked


def test_house_rules_come_from_one_node_and_patience_is_told_on_its_outcome():
    text = mermaid(LEGROOM)
    assert 'n_anywhere -.->|"did voucher / said offer_voucher"| n_insulted' in text
    assert "or when patience runs out" in text
    assert not any(e.source == "complaint" and e.dest == "blogged" for e in edges(LEGROOM))


def test_dot_draws_the_same_story():
    text = dot(LEGROOM)
    assert text.startswith('digraph "legroom-en" {') and text.rstrip().endswith("}")
    assert text.count(" -> ") == len(edges(LEGROOM)) + 1  # + the arrow from the start point


def test_a_state_no_one_can_reach_is_marked(tmp_path):
    source = (ROOT / "scenarios" / "legroom-en.yaml").read_text("utf-8")
    limbo = 'states:\n  limbo:\n    lines:\n      any: ["Hello?"]\n    on:\n      - said: ask_contact\n        next: resolved\n'
    path = tmp_path / "limbo.yaml"
    path.write_text(source.replace("states:\n", limbo, 1), "utf-8")
    scenario = load_scenario(path)
    assert "class n_limbo unreachable;" in mermaid(scenario)
    assert 'n_limbo [label="limbo", shape=box, style=dashed, color="#cc3333"];' in dot(scenario)


def test_webcare_graph_prints_or_writes_the_graph(tmp_path, capsys):
    assert main(["graph", "legroom-nl"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    out = tmp_path / "legroom.dot"
    assert main(["graph", "legroom-en", "--format", "dot", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith('digraph "legroom-en"')


def test_webcare_graph_without_a_scenario_says_what_to_do(capsys):
    assert main(["graph"]) == 1
    assert "name a scenario" in capsys.readouterr().err
    assert main(["graph", "no-such-case"]) == 1
    assert "webcare list" in capsys.readouterr().err
