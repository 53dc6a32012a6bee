"""Print API v3's OpenAPI document, as served at /api/v3/openapi.json (for the snapshot)."""

import json

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print the API v3 OpenAPI schema as sorted JSON (make openapi writes the test snapshot)."

    def add_arguments(self, parser):
        parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2).")

    def handle(self, *args, indent: int, **options):
        from api.openapi import openapi_document

        self.stdout.write(json.dumps(openapi_document(), indent=indent, sort_keys=True))
