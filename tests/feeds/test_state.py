from newsledger.feeds.state import FeedState, make_engine


class Clock:
    now = 1000.0

    def __call__(self):
        return self.now


def test_queue_survives_reopening_and_keeps_order(tmp_path):
    db, clock = str(tmp_path / "s.db"), Clock()
    state = FeedState(make_engine(db), clock=clock)
    assert state.enqueue("http://127.0.0.1/b", "feed")
    assert state.enqueue("http://127.0.0.1/a", "feed")
    assert not state.enqueue("http://127.0.0.1/b", "other feed")     # known: not queued again
    state.set("http://127.0.0.1/a", status="fetched", payload="[]")
    reopened = FeedState(make_engine(db), clock=clock)
    # Fetched items first (finish what was in hand), then announcement order.
    assert [i.key for i in reopened.due()] == ["http://127.0.0.1/a", "http://127.0.0.1/b"]


def test_retries_wait_for_their_time_and_done_items_never_come_back(tmp_path):
    clock = Clock()
    state = FeedState(make_engine(str(tmp_path / "s.db")), clock=clock)
    for key in ("u1", "u2", "u3"):
        state.enqueue(key, "feed")
    state.set("u1", status="retry", attempts=1, next_attempt=clock.now + 60)
    state.set("u2", status="done", article_id="x")
    state.set("u3", status="gone")
    assert state.due() == [] and state.pending_count() == 1
    clock.now += 61
    assert [i.key for i in state.due()] == ["u1"]


def test_validators(tmp_path):
    state = FeedState(make_engine(str(tmp_path / "s.db")))
    assert state.validators("http://127.0.0.1/feed") == (None, None)
    state.save_validators("http://127.0.0.1/feed", '"v1"', None)
    state.save_validators("http://127.0.0.1/feed", '"v2"', "Tue, 02 Sep 2025 08:00:00 GMT")
    assert state.validators("http://127.0.0.1/feed") == ('"v2"', "Tue, 02 Sep 2025 08:00:00 GMT")
