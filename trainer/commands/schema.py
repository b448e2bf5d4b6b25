"""`webcare schema`: the JSON Schema of the scenario format, or of curricula and badge files."""

from __future__ import annotations

import argparse
import json


def add_parser(sub) -> None:
    schema = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.add_argument("kind", nargs="?", choices=["scenario", "curriculum", "badges"], default="scenario",
                        help="which format: scenario (the default), curriculum or badges")
    schema.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.scenario.schema import json_schema

    if getattr(args, "kind", "scenario") != "scenario":
        from trainer.campaign.schema import json_schema as campaign_schema

        print(json.dumps(campaign_schema(args.kind), indent=2, ensure_ascii=False))
        return 0
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
