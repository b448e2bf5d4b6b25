"""Scoring conversations from files, outside the game: saved sessions and real transcripts, in batches.

`readers` turns a file into conversations (session JSON, plain text, CSV); `replay` turns a
transcript into the events the scorer reads, through a scenario or the generic rubric of
`generic`; `scorecards` scores one conversation; `results` writes the table, JSON or CSV.
"""
