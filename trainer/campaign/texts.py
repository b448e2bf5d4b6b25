"""What the campaign says to trainees and coaches, in English and Dutch."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "trade.facilitator": "facilitator",
        "trade.detective": "detective",
        "trade.plumber": "plumber",
        "next.done": "You passed every module of '{curriculum}'. Ask your coach for your certificate.",
        "next.practise": "Practise '{scenario}' (module {n}, {module}): hints are allowed.",
        "next.practise_again": "You did not pass the test of '{module}' yet: practise '{scenario}' again, "
                               "then retake the test.",
        "next.test": "Take the test of '{module}' on '{scenario}': no hints; to pass: {marks}.",
        "next.wait": "The next test of '{module}' opens {when}; practise '{scenario}' meanwhile.",
        "next.empty": "This curriculum has no modules.",
        "when": "on {date} at {time} UTC",
        "status.passed": "passed",
        "status.open": "open",
        "status.locked": "locked",
        "report.attempts": "attempts {attempts}, tests {tests}",
        "report.streak": "Streak: {n} day(s) in a row with a finished case.",
        "cert.title": "Certificate",
        "cert.awarded": "awarded to",
        "cert.for": "for completing the curriculum",
        "cert.module": "Module",
        "cert.focus": "focus",
        "cert.coach": "Coach",
        "cert.date": "Date",
        "cert.code": "Verification code",
        "cert.verify": "Check this certificate with: webcare verify {code}",
    },
    "nl": {
        "trade.facilitator": "facilitator",
        "trade.detective": "detective",
        "trade.plumber": "loodgieter",
        "next.done": "Je hebt elke module van '{curriculum}' gehaald. Vraag je coach om je certificaat.",
        "next.practise": "Oefen '{scenario}' (module {n}, {module}): hints mogen.",
        "next.practise_again": "Je hebt de test van '{module}' nog niet gehaald: oefen '{scenario}' nog eens "
                               "en doe dan de test opnieuw.",
        "next.test": "Doe de test van '{module}' met '{scenario}': geen hints; halen met: {marks}.",
        "next.wait": "De volgende test van '{module}' gaat open {when}; oefen intussen '{scenario}'.",
        "next.empty": "Dit traject heeft geen modules.",
        "when": "op {date} om {time} UTC",
        "status.passed": "gehaald",
        "status.open": "open",
        "status.locked": "op slot",
        "report.attempts": "pogingen {attempts}, tests {tests}",
        "report.streak": "Reeks: {n} dag(en) op rij een case afgerond.",
        "cert.title": "Certificaat",
        "cert.awarded": "uitgereikt aan",
        "cert.for": "voor het afronden van het traject",
        "cert.module": "Module",
        "cert.focus": "centraal",
        "cert.coach": "Coach",
        "cert.date": "Datum",
        "cert.code": "Controlecode",
        "cert.verify": "Controleer dit certificaat met: webcare verify {code}",
    },
}


def text(language: str, key: str, **values: object) -> str:
    table = TEXTS.get(language, TEXTS["en"])
    return table.get(key, TEXTS["en"][key]).format(**values)


def trade_name(language: str, trade: str) -> str:
    return text(language, f"trade.{trade}")


def marks(language: str, pass_mark: dict[str, int]) -> str:
    """`facilitator 75 · detective 60`."""
    return " · ".join(f"{trade_name(language, t)} {m}" for t, m in pass_mark.items())
