import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from cms.bench.endpoints import all_endpoints, select
from cms.bench.probe import probe_endpoints, probes_as_json, profile_endpoint


class Command(BaseCommand):
    help = (
        "Internal step of `manage.py bench_run`: resolve each endpoint's address on the "
        "current database, count its SQL queries cold, warm and conditional, and save the "
        "bodies the static ceiling serves. Prints JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--contender", choices=["ours", "stock"], default="ours")
        parser.add_argument("--only", nargs="*", help="Endpoint keys to probe.")
        parser.add_argument("--bodies", type=Path, help="Folder for the static copies.")
        parser.add_argument("--profile", help="Endpoint key to profile with pyinstrument.")
        parser.add_argument("--profile-output", type=Path, help="File for the profile text.")

    def handle(self, *args, contender: str, only, bodies, profile, profile_output, **options):
        chosen = select(all_endpoints(), only)
        copied = {endpoint.copy_of for endpoint in chosen if endpoint.copy_of}
        endpoints = [endpoint for endpoint in chosen if endpoint.contender == contender]
        probes = probe_endpoints(endpoints, bodies_dir=bodies, copied=copied)
        result = {"probes": probes_as_json(probes)}
        if profile:
            target = next((p for p in probes if p.key == profile and p.url), None)
            if target is not None:
                text, areas = profile_endpoint(target.url, target.host)
                if profile_output:
                    profile_output.write_text(text)
                result["profile"] = {"key": profile, "url": target.url, "areas": areas}
        self.stdout.write(json.dumps(result))
