"""gunicorn.conf.py: the settings make load and production run with."""

import gc
import importlib.util
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def _conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_worker_freezes_what_it_loaded_so_collections_skip_it():
    conf = _conf()
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        conf.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 10_000  # Django and the application are loaded in this process
    finally:
        gc.unfreeze()


def test_workers_are_recycled_rarely_and_not_all_at_once(monkeypatch):
    """A recycled worker imports the application again and starts cold: make load's three workers restarted
    twice each in two minutes at 1 000 requests. The jitter spreads the restarts."""
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    conf = _conf()
    assert conf.max_requests >= 10_000 and conf.max_requests_jitter >= conf.max_requests // 20
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "500")
    assert _conf().max_requests == 500
