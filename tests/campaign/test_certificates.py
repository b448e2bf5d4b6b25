"""A certificate page is self-contained, print-ready and escaped; the commands issue, show and verify it."""

from __future__ import annotations

import re

from tests.campaign.story import at, play_into, row, test_row
from trainer.campaign.certificates import ALPHABET, certificate_html, new_code, normalise
from trainer.campaign.library import find_curriculum
from trainer.campaign.progress import progress
from trainer.cli import main
from trainer.store import open_store

EN = find_curriculum("onboarding-en")
NL = find_curriculum("onboarding-nl")


def _passed(curriculum, trainee="anna"):
    rows = []
    for i, module in enumerate(curriculum.modules):
        rows.append(row(module.test_scenario, at(i), (80, 80, 80), trainee=trainee))
        rows.append(test_row(module.id, at(i, 1), (91, 92, 93), curriculum=curriculum.id, trainee=trainee))
    return progress(curriculum, rows, now=at(9), trainee=trainee)


def test_the_page_escapes_every_name_and_needs_nothing_from_outside():
    evil = '<script>alert("x")</script> & Ann'
    page = certificate_html(_passed(EN, evil), coach="O'Brien <b>", issued_at="2026-03-11T10:00:00Z",
                            code="WCT-ABCD-EFGH-JKLM")
    assert "<script>" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Ann" in page
    assert "O&#39;Brien &lt;b&gt;" in page and "<b>" not in page
    assert not re.search(r"<(link|img|script|iframe)\b|src=|@import|url\(", page)  # self-contained
    assert "@page" in page and "A4 landscape" in page  # print-ready
    assert page.count("<tr>") == 1 + len(EN.modules) and "91" in page and "/ 75" in page
    assert "WCT-ABCD-EFGH-JKLM" in page and "webcare verify WCT-ABCD-EFGH-JKLM" in page and "2026-03-11" in page


def test_a_dutch_curriculum_gets_a_dutch_certificate():
    page = certificate_html(_passed(NL), coach="Kim", issued_at="2026-03-11T10:00:00Z", code="WCT-2345-6789-ABCD")
    assert '<html lang="nl">' in page and "Certificaat" in page and "uitgereikt aan" in page
    assert "loodgieter" in page and "Inwerken bij webcare" in page


def test_codes_are_random_readable_and_typed_any_way():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(re.fullmatch(f"WCT-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}", c) for c in codes)
    assert normalise(" wct abcd efgh jklm ") == normalise("ABCDEFGHJKLM") == "WCT-ABCD-EFGH-JKLM"


def test_the_commands_show_progress_refuse_an_early_certificate_then_issue_and_verify_it(tmp_path, capsys):
    assert main(["curriculum"]) == 0
    assert "onboarding-nl" in capsys.readouterr().out
    out = tmp_path / "anna.html"
    assert main(["certificate", "--curriculum", "onboarding-en", "--trainee", "anna", "--coach", "Kim",
                 "-o", str(out)]) == 1
    assert "anna has not passed every module of onboarding-en yet" in capsys.readouterr().err
    assert not out.exists()

    store = open_store()  # the test's own database (WEBCARE_DB)
    try:
        for module in EN.modules:
            play_into(store, module.test_scenario, "exemplary")
            play_into(store, module.test_scenario, "exemplary", mode="test", curriculum=EN.id, module=module.id)
    finally:
        store.close()
    assert main(["curriculum", "onboarding-en", "--trainee", "anna", "--leaderboard", "on"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("[passed]") == len(EN.modules) and "Ask your coach for your certificate" in shown
    assert "[!!] Crisis calmed without a voucher" in shown

    assert main(["certificate", "--curriculum", "onboarding-en", "--trainee", "anna", "--coach", "Kim",
                 "-o", str(out)]) == 0
    code = re.search(r"Certificate (WCT-[A-Z0-9-]+)", capsys.readouterr().err).group(1)
    assert code in out.read_text("utf-8")
    assert main(["verify", code.lower()]) == 0
    verified = capsys.readouterr().out
    assert f"Valid: certificate {code}" in verified and "anna" in verified and "Kim" in verified
    assert main(["verify", "WCT-2222-3333-4444"]) == 1
    assert "no certificate with the code" in capsys.readouterr().err

    store = open_store()
    try:
        assert store.leaderboard_opt_ins("onboarding-en") == {"anna"}
    finally:
        store.close()
