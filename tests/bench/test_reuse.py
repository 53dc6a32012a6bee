"""`make bench` reuses a dataset built earlier only when all of it is there."""

from __future__ import annotations

import io

from django.core.management.base import OutputWrapper

from cms.bench.management.commands import bench_run


def test_a_dataset_whose_images_are_missing_is_built_again(bench_command, monkeypatch, tmp_path):
    # The database was reused while its images' files were elsewhere: every rendition of the
    # run failed, and bench_run stopped with a traceback from the first probe.
    command = bench_command("bench_run")
    command.options = {"rebuild": False}
    output = io.StringIO()
    command.stdout = OutputWrapper(output)
    steps: list[str] = []
    manifest = {"pages": 10, "generator": 4, "builders": ["cms"]}
    monkeypatch.setattr(bench_run, "read_remote_manifest", lambda url: {**manifest, "built": 10})
    monkeypatch.setattr(bench_run, "expected_manifest", lambda size: manifest)
    monkeypatch.setattr(bench_run, "drop_database", lambda url: steps.append("drop"))
    monkeypatch.setattr(bench_run, "ensure_database", lambda url: steps.append("create"))
    monkeypatch.setattr(bench_run, "analyze_database", lambda url: None)
    monkeypatch.setattr(command, "child", lambda args, env, timeout=0: steps.append(args[0]))
    built = {"pages": 10, "seconds": 1.0, "timings": {}}
    monkeypatch.setattr(command, "child_json", lambda args, env, timeout=0: built)
    env = {"MEDIA_ROOT": str(tmp_path / "media-10")}

    assert command.prepare(10, "postgres://127.0.0.1/bench_10", env)["reused"] is False
    assert steps == ["drop", "create"]
    assert "images are missing" in output.getvalue()

    images = tmp_path / "media-10" / "original_images"
    images.mkdir(parents=True)
    (images / "bench-1.png").write_bytes(b"\x89PNG")
    steps.clear()
    assert command.prepare(10, "postgres://127.0.0.1/bench_10", env)["reused"] is True
    assert steps == ["migrate"]
