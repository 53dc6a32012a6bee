"""The benchmark harness: a bulk dataset generator and ``make bench`` (docs/benchmarks.md).

A tool beside the runtime, not part of it: production settings do not install this app and
the wheel does not ship it. Its own settings, :mod:`cms.bench.settings` (the project's plus
this app), give it its management commands (``bench_data``, ``bench_probe``,
``bench_run``); the stock Wagtail contender runs with :mod:`cms.bench.stock_settings`
(:mod:`cms.bench.stock` makes its request path Wagtail's own). Two extension points for
plugins:

* ``bench_data`` on a plugin's AppConfig: dotted path of a callable
  ``(BenchContext) -> None`` that adds the plugin's pages in bulk (see :mod:`cms.bench.data`);
* ``bench_endpoints`` on any AppConfig: dotted path of a callable ``() -> [Endpoint]`` that
  adds endpoints to the benchmark (see :mod:`cms.bench.endpoints`).

Both are read with ``getattr`` so the plugin contract in cms/contract.py does not change
until the lead decides they belong there.
"""
