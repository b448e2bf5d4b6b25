"""`webcare` commands that live in a module of their own; the cli registers each, in this order.

Each module's import is light (argparse only); what a command needs is imported when it runs.
"""

from trainer.commands import campaign, doctor, explore, graph, new, passk, review, score, test, trades

COMMANDS = (new, test, graph, explore, score, trades, review, campaign, doctor, passk)
