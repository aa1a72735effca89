"""Web pages and JSON API over a ledger (`newsledger serve`); see app.py."""
from .app import create_app, run_server

__all__ = ["create_app", "run_server"]
