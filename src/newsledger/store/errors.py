"""The one exception the store raises for its users; its message is one line, fit for a CLI."""


class StoreError(Exception):
    """A store that cannot be opened or used: missing file, unreachable server, bad record."""


def first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None) or e
    msg = str(orig).strip().splitlines()
    return msg[0] if msg else type(orig).__name__
