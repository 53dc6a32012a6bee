#!/usr/bin/env python3
"""An external site reading Tingsted's API: its networks and their upcoming meetings.

Standard library only, as a partner site's build script might be. It lists the site's
networks (``networks.NetworkPage``) in one language, then, for each, the page's detail with
its body and translations, and its upcoming meetings with their status and speakers from the
network's programme (``/api/v3/networks/{id}/programme/``, the page's ``programme_api_url``).

    python docs/examples/consumer.py --api https://tingsted.example/api \\
        --site dk.tingsted.example --locale da --time-zone Europe/Copenhagen

It sends If-None-Match with the ETag it saw last (kept in --state), so an unchanged API
answers 304 and costs almost nothing; pass --token for a service user's API token.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo


class API:
    def __init__(self, base: str, token: str | None = None, state: Path | None = None):
        self.base = base.rstrip("/")
        self.token = token
        self.state_file = state
        self.etags: dict[str, list] = {}
        if state and state.exists():
            self.etags = json.loads(state.read_text())

    def get(self, path: str, **params) -> dict:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        url = f"{self.base}{path}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if url in self.etags:
            request.add_header("If-None-Match", self.etags[url][0])
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                data = json.load(response)
                if response.headers.get("ETag"):
                    self.etags[url] = [response.headers["ETag"], data]
                return data
        except urllib.error.HTTPError as error:
            if error.code == 304:  # unchanged since last time: reuse what we kept
                return self.etags[url][1]
            problem = json.loads(error.read() or b"{}")
            raise SystemExit(
                f"{url}: HTTP {error.code}: {problem.get('detail') or problem.get('message')}"
            ) from error

    def save(self) -> None:
        if self.state_file:
            self.state_file.write_text(json.dumps(self.etags))


def text_of(block: dict) -> str:
    """A one-line rendering of a body block, for the terminal."""
    value = block["value"]
    kind = block["type"]
    if kind == "heading":
        return f"## {value['text']}"
    if kind == "text":
        import re

        return re.sub(r"<[^>]+>", "", value)
    if kind == "image" and value:
        return f"[image: {value['alt']} ({value['credit']})] {value['renditions'][0]['url']}"
    if kind == "call_to_action":
        return f"-> {value['label']}: {value['url']}"
    return f"[{kind}]"


def meeting_line(meeting: dict, zone: ZoneInfo | None) -> str:
    """One meeting of a programme: when, what, and its status (with the reason, if any).

    The API sends times in UTC (ISO 8601); ``zone`` shows them as the site's readers expect.
    """
    start = datetime.fromisoformat(meeting["start"])
    if zone is not None:
        start = start.astimezone(zone)
    line = f"  - {start:%Y-%m-%d %H:%M} {start.tzname()}  {meeting['title']}"
    line += f"  [{meeting['status_label']}]"
    if meeting.get("status_note"):
        line += f"  {meeting['status_note']}"
    return line


def speaker_display(speaker: dict, people: dict, organisations: dict) -> dict:
    """A speaker's name, affiliation, role and organisation as the site's pages show them.

    A speaker typed in (``person_id`` null) is what was typed. A speaker chosen from the
    people register gives its ``person_id`` and only what the editor typed for the occasion
    (``""`` where nothing was): the person is once in the answer's ``people``, their
    organisation once in its ``organisations`` (docs/api.md, "Changed in issue 18, third
    step"). Each value typed wins; a typed name replaces the person's affiliation too.
    """
    person = None if speaker["person_id"] is None else people[str(speaker["person_id"])]
    if person is None:
        return {key: speaker[key] for key in ("name", "affiliation", "role", "organisation")}
    organisation = (
        None if person["organisation_id"] is None else organisations[str(person["organisation_id"])]
    )
    return {
        "name": speaker["name"] or person["name"],
        "affiliation": speaker["affiliation"] or ("" if speaker["name"] else person["affiliation"]),
        "role": speaker["role"] or person["role"],
        "organisation": speaker["organisation"] or (organisation["name"] if organisation else ""),
    }


def speaker_label(shown: dict) -> str:
    """ "Anna Berg (S), Mayor, Fjordby kommune": a speaker_display() on one line."""
    name = f"{shown['name']} ({shown['affiliation']})" if shown["affiliation"] else shown["name"]
    return ", ".join(part for part in (name, shown["role"], shown["organisation"]) if part)


def speakers_line(meeting: dict, people: dict, organisations: dict) -> str | None:
    """Who speaks at a meeting (its own speakers, then its sessions'), each once."""
    speakers = [*meeting["speakers"], *(s for x in meeting["sessions"] for s in x["speakers"])]
    labels = [speaker_label(speaker_display(s, people, organisations)) for s in speakers]
    return f"      Speakers: {' & '.join(dict.fromkeys(labels))}" if labels else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--api", required=True, help="The API root, e.g. https://host/api")
    parser.add_argument("--site", required=True, help="The site's hostname, e.g. dk.localhost")
    parser.add_argument("--locale", default=None, help="A language code, e.g. da")
    parser.add_argument("--token", default=None, help="A service user's API token")
    parser.add_argument(
        "--time-zone", default=None, help="Show times in this zone, e.g. Europe/Copenhagen"
    )
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--state", type=Path, default=None, help="File keeping ETags between runs")
    args = parser.parse_args(argv)

    zone = ZoneInfo(args.time_zone) if args.time_zone else None
    api = API(args.api, args.token, args.state)
    networks = api.get(
        "/v3/pages/",
        site=args.site,
        locale=args.locale,
        type="networks.NetworkPage",
        limit=args.limit,
    )
    print(f"{networks['count']} networks on {args.site}")
    for item in networks["items"]:
        page = api.get(f"/v3/pages/{item['id']}/", site=args.site)
        print()
        print(f"# {page['title']}  ({page['meta']['locale']})  {page['meta']['html_url']}")
        for block in page.get("body", []):
            print("  " + text_of(block))
        others = ", ".join(f"{t['locale']}: {t['url']}" for t in page.get("translations", []))
        print(f"  Also in: {others or '-'}")
        # The network's own programme (its page's programme_api_url, on its own site):
        # upcoming meetings soonest first, cancelled ones included with their status.
        programme = api.get(f"/v3/networks/{item['id']}/programme/", site=args.site)
        print(f"  Upcoming meetings ({len(programme['upcoming'])}):")
        for meeting in programme["upcoming"]:
            print(meeting_line(meeting, zone))
            line = speakers_line(meeting, programme["people"], programme["organisations"])
            if line:
                print(line)
    api.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
