"""The meaning layer: a message read once — clauses, negation, mood, time, who acts — for intents and scoring."""
