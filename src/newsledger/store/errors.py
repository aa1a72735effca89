"""The one exception the store raises for its users; its message is one line, fit for a CLI."""


class StoreError(Exception):
    """A store that cannot be opened or used: missing file, unreachable server, bad record."""
