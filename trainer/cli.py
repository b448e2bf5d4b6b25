"""The `webcare` command: play, serve, list, check, test and schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trainer import __version__
from trainer.errors import ScenarioError, TrainerError
from trainer.terminal import shown


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return args.run(args)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(shown(str(problem)), file=sys.stderr)
        print(f"\n{len(exc.problems)} problem(s): fix them and try again "
              "(the format is in docs/scenario-format.md).", file=sys.stderr)
        return 1
    except TrainerError as exc:
        print(shown(f"webcare: {exc}"), file=sys.stderr)  # a file's or a server's words: shown, never obeyed
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="webcare",
        description="Webcare Trainer: answer an irate customer, get scored as facilitator, detective and plumber.",
    )
    parser.add_argument("--version", action="version", version=f"webcare {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play a scenario (the default command)")
    play.add_argument("scenario", nargs="?", help="a scenario id (see `webcare list`) or a path to a .yaml file")
    play.add_argument("--plain", action="store_true",
                      help="plain text, one line per move from standard input (the default when piped)")
    play.add_argument("--lang", choices=["en", "nl"],
                      help="interface language (default: the scenario's)")
    play.add_argument("--seed", type=int, default=0, help="varies the customer's lines (default 0)")
    play.add_argument("--test", dest="mode", action="store_const", const="test", default="practice",
                      help="test mode: no hints (default: practice mode, hints counted)")
    play.add_argument("--scorecard-json", type=Path, metavar="FILE", help="also write the scorecard as JSON")
    play.add_argument("--session-json", type=Path, metavar="FILE",
                      help="also save the session, to score it again later with `webcare score` (with --plain)")
    play.add_argument("--name", metavar="NAME", help="whose session this is (default: WEBCARE_TRAINEE or your account)")
    play.add_argument("--db", help="the session database: a file or a postgresql:// URL (default: "
                                   "WEBCARE_DATABASE_URL, WEBCARE_DB, or the user's data folder)")
    play.add_argument("--no-save", dest="save", action="store_false", help="keep nothing: no session is stored")
    play.add_argument("--resume", action="store_true", help="go on with your latest session that stopped early")
    play.add_argument("--judge", action="store_true",
                      help="add an LLM judge's second opinion to the scorecard (OPENAI_BASE_URL, OPENAI_API_KEY)")
    play.add_argument("--model", help="the model for the live customer and the LLM judge "
                                      "(default: WEBCARE_MODEL, else the config file)")
    play.add_argument("--customer", choices=["auto", "llm", "scripted"], default="auto",
                      help="who writes the customer's lines: a model when an endpoint is configured (auto, the "
                           "default), always a model (llm), or the scenario's script (scripted)")
    play.add_argument("--llm-intents", action="store_true",
                      help="let the model read what you meant (the scenario's patterns stay the fallback)")
    play.add_argument("--from", dest="start", metavar="STATE",
                      help="start part-way: open in this state (its names: `webcare graph SCENARIO`)")
    play.add_argument("--mood", type=int, metavar="N",
                      help="the customer's mood at the start, 0 (livid) to 100 (delighted); default: the scenario's")
    play.add_argument("--facts", metavar="A,B",
                      help="facts the trainee knows from the start, as if found already (comma-separated)")
    play.add_argument("--watch", action="store_true",
                      help="for authors: when the scenario file changes, check it and reload it, replaying "
                           "your moves (full screen only; nothing is saved)")
    play.add_argument("--curriculum", metavar="ID",
                      help="open a curriculum's home screen: your modules, scores and next step (an id or a path; "
                           "`webcare` alone opens the one you are in)")
    play.add_argument("--tui", action="store_true", help=argparse.SUPPRESS)  # `serve` runs it over pipes
    play.set_defaults(run=_play)

    serve = sub.add_parser("serve", help="play in a web browser: serve the game with textual-serve")
    serve.add_argument("scenario", nargs="?", help="a scenario id or a path to a .yaml file (default: the list)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when it differs (a proxy, or --host 0.0.0.0)")
    serve.add_argument("--lang", choices=["en", "nl"], help="interface language (default: the scenario's)")
    serve.add_argument("--seed", type=int, default=0, help="varies the customer's lines (default 0)")
    serve.add_argument("--test", dest="mode", action="store_const", const="test", default="practice",
                       help="test mode: no hints (default: practice mode, hints counted)")
    serve.set_defaults(run=_serve)

    lst = sub.add_parser("list", help="list the built-in scenarios")
    lst.set_defaults(run=_list)

    check = sub.add_parser("check", help="validate and lint scenario files (default: the built-in ones)")
    check.add_argument("paths", nargs="*", type=Path)
    check.add_argument("--watch", action="store_true", help="check again each time a file is saved, until Ctrl+C")
    check.set_defaults(run=_check)

    schema = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.add_argument("kind", nargs="?", choices=["scenario", "curriculum", "badges"], default="scenario",
                        help="which format: scenario (the default), curriculum or badges")
    schema.set_defaults(run=_schema)

    # Commands that live in trainer/commands/ add themselves (argparse only; heavy imports happen in run).
    from trainer.commands import COMMANDS

    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def _play(args: argparse.Namespace) -> int:
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if args.curriculum and (args.plain or args.scenario or not (args.tui or interactive)):
        raise TrainerError("--curriculum opens the full-screen home of a curriculum: run it in a terminal, "
                           "without --plain or a scenario")
    if args.watch and args.plain:
        raise TrainerError("--watch needs the full screen (drop --plain); for plain text, "
                           "keep `webcare check --watch` open beside your editor")
    if (args.start or args.mood is not None or args.facts) and (args.resume or not args.scenario):
        raise TrainerError("--from, --mood and --facts need a scenario to start in, and a new session "
                           "(not --resume)")
    if args.tui or (not args.plain and interactive):
        return _play_tui(args)
    from trainer.plain import PlainPlay, play_plain
    from trainer.scenario.library import find_scenario

    store, trainee = _open_store(args)
    live = _live(args)
    if args.resume:
        scenario, resumed = _resume(store, trainee, args.scenario, live)

        def begin():
            return resumed
    else:
        scenario = find_scenario(args.scenario) if args.scenario else _pick()
        start = _start_point(args, scenario)

        def begin():  # after the briefing is read: the customer's clock starts here
            from trainer.engine.clock import real_clock, untimed
            from trainer.play import Round

            game = Round(scenario, seed=args.seed, clock=real_clock if interactive else untimed, mode=args.mode,
                         customer=live.customer(scenario, args.seed), recogniser=live.intents(scenario),
                         start=start)
            if store is not None:
                game.keep(store, trainee=trainee)
            return game

    play_plain(scenario, _typed_lines() if interactive else sys.stdin, sys.stdout, begin=begin, how=PlainPlay(
        echo=not interactive, ready=_wait_for_enter if interactive else None, judge=_judge(args)[0],
        scorecard_json=args.scorecard_json, session_json=args.session_json))
    return 0


def _live(args: argparse.Namespace):
    """The live customer's settings (--customer, --model, --llm-intents); why not, said on stderr."""
    from trainer.customers.choose import Live

    live = Live.from_args(args.customer, args.model, args.llm_intents)
    if live.problem:
        print(shown(f"webcare: the customer is scripted this time (the game plays on): {live.problem}"), file=sys.stderr)
    elif live.settings is not None and args.customer != "scripted":
        print(f"webcare: live customer: {live.settings.describe()}", file=sys.stderr)
    return live


def _judge(args: argparse.Namespace):
    """--judge's LLM settings and, when it can't judge, why (said on stderr; the game plays on)."""
    from trainer.llm.config import judge_settings

    settings, problem = judge_settings(args.judge, args.model)
    if problem:
        print(shown(f"webcare: no LLM judge this time (the game plays on): {problem}"), file=sys.stderr)
    return settings, problem


def _open_store(args: argparse.Namespace):
    """The session store and the trainee's name; (None, name) when not saving or when it can't be used."""
    from trainer.store import StoreError, open_store
    from trainer.store.location import person

    trainee = args.name or person("WEBCARE_TRAINEE")
    if not args.save:
        if args.resume:
            raise TrainerError("--resume needs the session store; drop --no-save")
        return None, trainee
    try:
        return open_store(args.db), trainee
    except StoreError as exc:
        if args.resume:
            raise
        print(shown(f"webcare: sessions are not being saved: {exc}"), file=sys.stderr)
        return None, trainee


def _resume(store, trainee: str, scenario_ref: str | None, live=None):
    """The latest stopped session of this trainee (of this scenario, if named), replayed to where it was."""
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    wanted = find_scenario(scenario_ref).id if scenario_ref else None
    rows = [r for r in store.unfinished(trainee) if wanted in (None, r.scenario)]  # none that another game plays
    if not rows:
        playing = [r for r in store.unfinished(trainee, held=True) if wanted in (None, r.scenario)]
        raise TrainerError(f"no stopped session of {trainee} to resume" + (f" in {scenario_ref}" if scenario_ref else "")
                           + (f" ({len(playing)} being played in another window right now)" if playing else ""))
    scenario = find_scenario(rows[0].scenario)
    customer = live.customer(scenario, rows[0].seed) if live is not None else None
    return scenario, Round.resume(store, rows[0].id, scenario, customer=customer)


def _start_point(args: argparse.Namespace, scenario):
    """Where --from, --mood and --facts open the session (None: at the start); a wrong name is told here."""
    if not (args.start or args.mood is not None or args.facts):
        return None
    from trainer.engine.start import start_at

    return start_at(scenario, args.start, args.mood, (args.facts or "").split(","))


def _wait_for_enter() -> None:
    try:
        input("Press Enter when you have read the briefing; the customer's clock starts then. ")
    except EOFError:
        pass


def _play_tui(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from trainer.scenario.library import find_scenario
    from trainer.ui.app import make_app
    from trainer.ui.options import UiOptions

    if args.session_json:
        raise TrainerError("--session-json needs --plain; the TUI keeps every session in the store: "
                           "`webcare export SESSION -o FILE` writes the same file")
    start = None
    if args.scenario:
        scenario = find_scenario(args.scenario)  # a wrong name is told on the terminal, before the screen opens
        start = _start_point(args, scenario)
    if args.curriculum:
        from trainer.campaign.library import find_curriculum

        find_curriculum(args.curriculum)  # a wrong name is told on the terminal, before the screen opens
    if args.watch and not (args.scenario and Path(args.scenario).is_file()):
        raise TrainerError("--watch needs the path of a scenario file, e.g. `webcare play --watch my-case.yaml`")
    options = UiOptions(scenario=args.scenario, language=args.lang, seed=args.seed, mode=args.mode, read_later=True,
                        db=args.db, trainee=args.name, save_sessions=args.save and not args.watch,
                        resume=args.resume, watch=args.watch, curriculum=args.curriculum)
    if start is not None:
        options = replace(options, start=start.state, start_mood=start.mood, start_facts=start.facts)
    if args.judge:
        judge, problem = _judge(args)
        options = replace(options, judge=judge, judge_problem=problem)
    live = _live(args)
    if live.settings is not None:
        options = replace(options, live=live)
    make_app(options).run()
    return 0


def _serve(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        raise TrainerError("`webcare serve` needs textual-serve: pip install 'webcare-trainer[serve]'") from exc
    from trainer.scenario.library import find_scenario

    if args.scenario:
        find_scenario(args.scenario)  # a wrong name is told here, not in every browser tab
    Server(serve_command(args), host=args.host, port=args.port, title="Webcare Trainer",
           public_url=args.public_url).serve()
    return 0


def serve_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, so the venv's."""
    import shlex

    command = [sys.executable, "-m", "trainer", "play", "--tui", "--seed", str(args.seed)]
    if args.lang:
        command += ["--lang", args.lang]
    if args.mode == "test":
        command.append("--test")
    if args.scenario:
        scenario = Path(args.scenario)
        command.append(str(scenario.resolve()) if scenario.exists() else args.scenario)
    return shlex.join(command)


def _typed_lines():
    """Lines typed at a terminal, with line editing and history."""
    try:
        import readline  # noqa: F401 - gives input() editing keys and history
    except ImportError:  # pragma: no cover - not on every platform
        pass
    while True:
        try:
            yield input("you> ")
        except EOFError:
            print()
            return


def _pick():
    from trainer.scenario.library import load_library

    library = load_library()
    if not library.scenarios:
        raise TrainerError("No scenarios found. Run `webcare check` to see what is wrong.")
    if not sys.stdin.isatty():
        ids = ", ".join(s.id for s in library.scenarios)
        raise TrainerError(f"Name a scenario to play, e.g. `webcare play {library.scenarios[0].id}` ({ids}).")
    print("Scenarios:")
    for i, s in enumerate(library.scenarios, 1):
        print(shown(f"  {i}. {s.title}  [{s.language} · {s.channel} · {s.difficulty}]\n     {s.teaser}"))
    while True:
        answer = input(f"Play which one? [1-{len(library.scenarios)}, Enter for 1] ").strip()
        if not answer:
            return library.scenarios[0]
        if answer.isdigit() and 1 <= int(answer) <= len(library.scenarios):
            return library.scenarios[int(answer) - 1]
        match = library.get(answer)
        if match:
            return match
        print(f"Type a number from 1 to {len(library.scenarios)}.")


def _list(args: argparse.Namespace) -> int:
    from trainer.scenario.library import load_library

    library = load_library()
    for s in library.scenarios:
        print(shown(f"{s.id:<20} {s.language}  {s.channel:<8} {s.audience:<8} {s.difficulty:<7} {s.title}"))
    return 0


def _recognise(scenario, text):
    from trainer.engine.intents import Recogniser

    return Recogniser(scenario.intents, scenario.language).recognise(text)


def _check(args: argparse.Namespace) -> int:
    if getattr(args, "watch", False):
        from trainer.commands.watch import watch_check

        return watch_check(args.paths, lambda: _check(argparse.Namespace(**{**vars(args), "watch": False})))
    from trainer.scenario.library import (
        Library,
        builtin_dir,
        load_library,
        scenario_files,
    )

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise TrainerError(f"No such file or folder: {missing[0]}")
    from trainer.campaign.check import check_campaign, split_paths

    paths, campaign = split_paths(args.paths)  # curricula and badge files (modules:, badges:) are not scenarios
    library = load_library(paths, recognise=_recognise) if paths != [] else Library()
    problems = list(library.problems)
    from trainer.authoring.intents import collisions
    from trainer.authoring.quotes import unearned_quotes

    for s in library.scenarios:
        problems.extend(_weight_problems(s))
        problems.extend(collisions(s))
        problems.extend(unearned_quotes(s))
    campaign_problems, campaign_files = check_campaign(campaign, library.scenarios)
    problems.extend(campaign_problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [p for p in problems if p.severity == "error"]
    files = (len(scenario_files(paths or [builtin_dir()])) if paths != [] else 0) + campaign_files
    print(f"{files} file(s) checked: {len(errors)} error(s), {len(problems) - len(errors)} warning(s).")
    return 1 if errors else 0


def _weight_problems(scenario) -> list:
    """Rubric weights must name the scorer's criteria (only the scorer knows them)."""
    from scoring import criterion_ids
    from trainer.scenario.problems import Problems, did_you_mean

    known = criterion_ids()
    text = scenario.path.read_text("utf-8") if scenario.path else ""
    problems = Problems(scenario.path or "scenario", text)
    lines = text.splitlines()
    for trade, weights in scenario.rubric.weights.items():
        for name in weights:
            if name not in known[trade]:
                line = next((i for i, ln in enumerate(lines) if ln.strip().startswith(f"{name}:")), 0)
                column = len(lines[line]) - len(lines[line].lstrip()) if lines else 0
                problems.add(line, column, f"the scorer has no {trade} criterion '{name}'",
                             did_you_mean(name, known[trade]))
    return problems.items


def _schema(args: argparse.Namespace) -> int:
    from trainer.scenario.schema import json_schema

    if getattr(args, "kind", "scenario") != "scenario":
        from trainer.campaign.schema import json_schema as campaign_schema

        print(json.dumps(campaign_schema(args.kind), indent=2, ensure_ascii=False))
        return 0
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
