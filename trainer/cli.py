"""The `webcare` command: its entry point, and `play` (the other commands are in `trainer.commands`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands.parser import build
from trainer.errors import ScenarioError, TrainerError
from trainer.terminal import shown
from trainer.texts import tr


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        args = parser.parse_args(["play", *(argv or [])])
    from trainer.scenario.shelves import added

    try:
        with added(getattr(args, "scenarios", None) or []):  # --scenarios: this command, and the games it starts
            return args.run(args)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(shown(str(problem)), file=sys.stderr)
        print(f"\n{tr('en', 'count.problem', n=len(exc.problems))}: fix them and try again "
              "(the format: `webcare docs scenario-format`).", file=sys.stderr)
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
    return build(_play)


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
        if args.resume or args.require_saving:
            raise TrainerError(f"{'--resume' if args.resume else '--require-saving'} needs the session store; "
                               "drop --no-save")
        return None, trainee
    try:
        return open_store(args.db), trainee
    except StoreError as exc:
        if args.resume or args.require_saving:
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


def _wait_for_enter(prompt: str) -> None:
    try:
        input(shown(prompt) + " ")
    except EOFError:
        pass


def _play_tui(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from trainer.llm.config import config_path
    from trainer.scenario.library import find_scenario
    from trainer.ui.app import make_app
    from trainer.ui.options import UiOptions

    if args.session_json:
        raise TrainerError("--session-json needs --plain; the TUI keeps every session in the store: "
                           "`webcare export SESSION -o FILE` writes the same file")
    start = found = None
    if args.scenario:
        found = find_scenario(args.scenario)  # a wrong name is told on the terminal, before the screen opens
        start = _start_point(args, found)
    if args.curriculum:
        from trainer.campaign.library import find_curriculum

        find_curriculum(args.curriculum)  # a wrong name is told on the terminal, before the screen opens
    if args.watch and not (args.scenario and Path(args.scenario).is_file()):
        raise TrainerError("--watch needs the path of a scenario file, e.g. `webcare play --watch my-case.yaml`")
    options = UiOptions(scenario=args.scenario, found=None if args.resume else found, language=args.lang, seed=args.seed, mode=args.mode, read_later=True,
                        db=args.db, trainee=args.name, save_sessions=args.save and not args.watch,
                        resume=args.resume, watch=args.watch, curriculum=args.curriculum,
                        typing_speed=args.typing_speed, require_saving=args.require_saving,
                        config=config_path())  # [ui]: the theme, language and name kept from the last time
    if args.require_saving and not options.save_sessions:
        raise TrainerError("--require-saving needs the session store; drop --no-save and --watch")
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
        own = f" · {tr('en', 'picker.own')}" if s.id in library.own else ""
        print(shown(f"  {i}. {s.title}  [{s.language} · {s.channel} · {s.difficulty}{own}]\n     {s.teaser}"))
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
