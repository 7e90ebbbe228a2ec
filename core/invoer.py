"""Checks on what people type or send, shared by views, forms, imports and commands."""


def alleen_cijfers(tekst: str) -> bool:
    """Only the digits 0-9, at least one. ``str.isdigit`` also takes superscripts ('²'),
    which ``int()`` refuses (a 500 where an id was expected), and other scripts' digits,
    which it reads as numbers; a KvK number of such digits is none."""
    return tekst.isascii() and tekst.isdigit()
