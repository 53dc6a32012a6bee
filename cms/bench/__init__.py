"""The benchmark harness: a bulk dataset generator and ``make bench`` (docs/benchmarks.md).

A tool beside the runtime, not part of it: production settings do not install this app and
the wheel does not ship it. Its own settings, :mod:`cms.bench.settings` (the project's plus
this app), give it its management commands (``bench_data``, ``bench_probe``,
``bench_run``); the stock Wagtail contender runs with :mod:`cms.bench.stock_settings`
(:mod:`cms.bench.stock` makes its request path Wagtail's own). Plugins take part through two
hooks of the plugin contract (cms/contract.py, docs/plugins.md):

* ``bench_data``: a callable ``(BenchContext) -> None`` that adds the plugin's share of the
  dataset in bulk (see :mod:`cms.bench.data`);
* ``bench_endpoints``: a callable ``() -> [Endpoint]`` that adds endpoints to the benchmark
  or replaces built-in ones (see :mod:`cms.bench.endpoints`).

The harness itself builds only what the core owns (media, home page bodies) and measures the
core's endpoints; it names no plugin.
"""
