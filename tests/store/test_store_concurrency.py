"""Two trainees on one machine (or a whole class on one server) write at once: nothing is lost or corrupted."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from trainer.store import open_store

WRITER = textwrap.dedent("""
    import sys
    from trainer.playthrough import run_playthrough
    from trainer.scenario.library import find_scenario
    from trainer.store import open_store

    db, trainee, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    scenario = find_scenario("legroom-en")
    result = run_playthrough(scenario, scenario.playthroughs[0])
    store = open_store(db)
    for _ in range(rounds):
        session_id = store.begin(trainee=trainee, scenario=scenario)
        stored = 0
        for i in range(1, len(result.events) + 1):
            stored = store.record(session_id, result.events[:i], stored)
        store.finish(session_id, result.scorecard.to_dict())
    print(len(result.events))
""")


def test_two_processes_writing_one_database_lose_nothing(db_url):
    open_store(db_url).close()  # the schema exists before the race starts
    rounds = 6
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, db_url, name, str(rounds)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("anna", "bram")]
    outputs = [w.communicate(timeout=240) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in outputs]
    per_session = int(outputs[0][0])
    store = open_store(db_url)
    rows = store.sessions()
    assert len(rows) == 2 * rounds and all(r.finished for r in rows)
    assert {store.load(r.id).events.__len__() for r in rows} == {per_session}
    store.close()
