"""Feeds: keep the ledger current from RSS/Atom feeds, sitemaps, URL lists and watched folders.

    watch(sources, store_url, every_seconds, notify=None, once=False)   # `newsledger watch`
    fetch(urls, store_url)                                              # `newsledger fetch`
    parse_duration("15m") -> 900.0                                      # `--every`

Crawl state (seen items, HTTP validators, content fingerprints) lives in the store's database,
in tables of this package's own (feed_items, feed_http, feed_content, feed_lsh): see state.py.
"""
from .duration import parse_duration
from .http import USER_AGENT, FetchError, Fetcher
from .run import fetch, poll, watch
from .state import FeedState
from .watcher import Settings

__all__ = ["watch", "fetch", "poll", "parse_duration", "Settings", "Fetcher", "FetchError",
           "FeedState", "USER_AGENT"]
