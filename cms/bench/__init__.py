"""The benchmark harness: a bulk dataset generator and ``make bench`` (docs/benchmarks.md).

Nothing here runs in a request of a normal deployment. The app only adds management
commands (``bench_data``, ``bench_probe``, ``bench_run``), a settings module for the stock
Wagtail contender (:mod:`cms.bench.stock_settings`) and two extension points for plugins:

* ``bench_data`` on a plugin's AppConfig: dotted path of a callable
  ``(BenchContext) -> None`` that adds the plugin's pages in bulk (see :mod:`cms.bench.data`);
* ``bench_endpoints`` on any AppConfig: dotted path of a callable ``() -> [Endpoint]`` that
  adds endpoints to the benchmark (see :mod:`cms.bench.endpoints`).

Both are read with ``getattr`` so the plugin contract in cms/contract.py does not change
until the lead decides they belong there.
"""
