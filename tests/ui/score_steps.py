"""Steps the scorecard and rewind stories share: the legroom case played badly, then well."""

from __future__ import annotations

from textual import events

from tests.ui.conftest import _keys

COPY_PASTE = {
    "en": [
        ("Dear Mrs Maduro, thank you for your e-mail. We are sorry to hear that you were not seated in your "
        "preferred seat. I am happy to inform you as follows."),
        "Seats may be reassigned for operational or safety reasons, or in some cases because of an aircraft change.",
        ("We regret any inconvenience this may have caused. I have forwarded your e-mail to the responsible "
        "department."),
        "/do voucher 100",
    ],
    "nl": [
        ("Geachte mevrouw Maduro, Hartelijk dank voor uw e-mail. Het spijt mij te horen dat u niet op uw gewenste "
        "stoel hebt gezeten. Graag informeer ik u als volgt."),
        ("Het kan voorkomen dat stoelen om operationele redenen of veiligheidsredenen opnieuw moeten worden "
        "toegewezen."),
        ("Helaas kan ik de teleurstellende ervaring niet ongedaan maken. Ik zal uw e-mail doorsturen naar de "
        "verantwoordelijke afdeling. Onze excuses voor het eventuele ongemak."),
        "/do voucher 100",
    ],
}
"""The copy-paste e-mail the scenarios teach against, sentence by sentence, and the voucher."""

WELL = [
    "Hi Daniela, so sorry about the legroom you paid for. What happened?",
    "/lookup booking",
    "/lookup seat_record",
    "Our system released your seats after an aircraft change; our mistake.",
    "/do refund_seats 160",
    "I'm logging the fault so it won't happen to other passengers; I'll DM you by Friday.",
    "/do log_fault",
]
"""A good answer to the legroom case from turn 1: ask, look it up, explain, refund, fix."""


async def play(pilot, moves: list[str]) -> None:
    """Send each line or move as a trainee would: a message pasted in as a drafted reply, a move typed as keys
    (typing every key of every message is what test_play_by_keys does; here it only made the stories slow)."""
    for move in moves:
        composer = pilot.app.screen.query_one("#composer")
        composer.focus()
        composer.clear()
        if move.startswith("/"):  # Pilot reads a bare "_" as a pause
            await pilot.press(*("underscore" if key == "_" else key for key in _keys(move)), "enter")
        else:
            pilot.app.post_message(events.Paste(move))  # as the terminal sends a paste
            await pilot.pause()
            await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def paste(pilot, lines: list[str]) -> None:
    """Paste each line into the composer and send it with Enter: the copy-paste way to answer."""
    for line in lines:
        composer = pilot.app.screen.query_one("#composer")
        composer.focus()
        composer.post_message(events.Paste(line))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def finish_badly(pilot, language: str = "en") -> None:
    """From the briefing: start, paste the copy-paste e-mail and give the voucher, open the scorecard."""
    await pilot.press("enter")  # Start
    await pilot.pause()
    await paste(pilot, COPY_PASTE[language])
    assert pilot.app.screen.game.session.outcome == "blogged"
    await pilot.press("enter")  # the conversation is over: the scorecard
    await pilot.pause()


async def focus_evidence(pilot, turn: int) -> None:
    """Move down the evidence until a quote from `turn` has the focus."""
    for _ in range(30):
        evidence = pilot.app.focused.evidence
        if evidence.turn == turn and evidence.quote:
            return
        await pilot.press("down")
    raise AssertionError(f"no quoted evidence from turn {turn}")
