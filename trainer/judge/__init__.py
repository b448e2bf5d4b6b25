"""The LLM judge's second opinion on a scorecard: the prompt, the request, the quotes checked.

Above `scoring` (which stays pure: the scorecard only carries a `scoring.judgement.Judgement`) and
`trainer.llm` (the client, imported when the judge is asked, so start-up never loads openai).
"""

from trainer.judge.ask import ajudge, judge, judged
from trainer.judge.prompt import prompt
from trainer.judge.quotes import find_quote

__all__ = ["ajudge", "find_quote", "judge", "judged", "prompt"]
