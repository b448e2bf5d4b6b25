"""`webcare` commands that live in a module of their own; the parser registers each, in this order.

Each module's import is light (argparse only); what a command needs is imported when it runs.
"""

from trainer.commands import (
    campaign,
    check,
    classroom,
    completion,
    docs,
    doctor,
    explore,
    graph,
    history,
    listing,
    new,
    passk,
    review,
    schema,
    score,
    serve,
    test,
    trades,
)

COMMANDS = (serve, classroom, listing, check, schema, new, test, graph, explore, score, trades, review, history, campaign, doctor, passk, docs, completion)
