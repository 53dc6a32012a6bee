"""What `make bench` measures of the networks plugin (the contract's ``bench_endpoints`` hook).

A rendered network page: its programme of meetings with sessions and speakers. The harness is
imported when the function is called, never at start-up: production does not install it.
"""


def endpoints() -> list:
    from cms.public import BenchEndpoint

    return [
        BenchEndpoint(
            "html-network", "Rendered network page", "html", "ours", "{url:networks.NetworkPage}"
        )
    ]
