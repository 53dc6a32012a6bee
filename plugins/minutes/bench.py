"""What `make bench` measures of the minutes plugin (the contract's ``bench_endpoints`` hook).

A rendered minutes page: its agenda items, attendance and attachments. The harness is
imported when the function is called, never at start-up: production does not install it.
"""


def endpoints() -> list:
    from cms.public import BenchEndpoint

    return [
        BenchEndpoint(
            "html-minutes", "Rendered minutes page", "html", "ours", "{url:minutes.MinutesPage}"
        )
    ]
