"""A clause of a message, read: its span, mood, time, actor and negations; and the words that fill one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORWARD_SCOPE = 4
"""How many words "no", "without", "geen" negate: a noun phrase ("geen tekeningen of andere inzendingen"),
not the clause."""
FILLERS = frozenset("""and but so ok okay well oh hi hey hello dear yes yeah right also en maar dus oke hoi hallo
    nou ja ook trouwens beste goed""".split())
"""Words that open a clause without being its content ("so", "ok", "nou")."""


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of one sentence with a verb of its own, as far as a chat turn lets us tell."""

    start: int
    end: int
    """Token positions [start, end) in the message."""
    sentence: int
    question: bool = False
    """Asks something: a question form, a question mark, or an indirect request ("tell me")."""
    offer: bool = False
    """An offering question ("shall I …", "would you like …")."""
    request: bool = False
    """Asks her to do something ("please DM us", "could you send …", "stuur ons …")."""
    interrogative: bool = False
    """Has a question's form or mark (not only "tell me …")."""
    asks: bool = False
    """Seeks information: a wh-question or an indirect one ("tell me how …"), not only a yes/no request."""
    rhetorical: bool = False
    """Sarcasm or a rhetorical question: its words do not mean what they say."""
    time: str = "present"
    """past, present or future."""
    actor: str = ""
    """Who acts: speaker (I, we), addressee (you), third (someone else, a team), or unknown."""
    hedged: bool = False
    conditional: bool = False
    """Only a condition ("if you send me the code")."""
    irrealis: bool = False
    """Would / could-have: what might be, not what is or will be."""
    reported: bool = False
    """Someone else's words ("the gate told you it was the weather")."""
    ability: bool = False
    """Tells the addressee what she can do herself ("you can ask at the desk")."""
    elsewhere: bool = False
    """Told of another occasion: a year, "last winter", "years ago"."""
    scheduled: bool = False
    """Names a time that can lie ahead: a weekday, today, an hour ("om 10 uur", "before 5pm", "by 17:00")."""
    third_party: bool = False
    """Names someone or somewhere else anywhere in the clause (a desk, a team, a form)."""
    negations: tuple[tuple[int, bool], ...] = ()
    """Negation triggers as (position, whole clause?): a forward one negates only what follows it."""

    def negated_at(self, position: int, ignore: frozenset[int] = frozenset()) -> bool:
        """Whether a word at `position` falls in the scope of a negation (triggers in `ignore` don't count)."""
        return any(
            p not in ignore and (whole or p < position <= p + FORWARD_SCOPE) for p, whole in self.negations
        )

    @property
    def asserted(self) -> bool:
        """Said as so, by the writer: not sarcastic, reported, conditional, hedged or hypothetical."""
        return not (self.rhetorical or self.reported or self.conditional or self.hedged or self.irrealis)


def revised(c: Clause, **changes: Any) -> Clause:
    """`c` with some fields changed (a clause is frozen)."""
    values = {f: getattr(c, f) for f in Clause.__slots__}
    values.update(changes)
    return Clause(**values)
