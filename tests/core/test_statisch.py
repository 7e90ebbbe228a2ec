"""Static files: from the front-end packages only the files the app uses."""

from django.contrib.staticfiles import finders
from django.core.management import call_command

from core.pdf import StaticOnlyURLFetcher

PREFIX = "https://static.opgavenregie.invalid/static/"


def test_only_the_listed_package_files_are_found_and_collected(tmp_path, settings):
    assert finders.find("vendor/noto-sans/noto-sans-latin-400-normal.woff2")
    assert finders.find("vendor/htmx/htmx.min.js")
    assert not finders.find("vendor/noto-sans/noto-sans-cyrillic-400-normal.woff2")
    assert not finders.find("vendor/htmx/htmx.js")

    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", "--noinput", verbosity=0)
    vendor = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "vendor").rglob("*"))
    assert vendor == [
        "vendor/htmx",
        "vendor/htmx/htmx.min.js",
        "vendor/noto-sans",
        "vendor/noto-sans/noto-sans-latin-400-normal.woff2",
        "vendor/noto-sans/noto-sans-latin-700-normal.woff2",
        "vendor/noto-sans/noto-sans-latin-ext-400-normal.woff2",
        "vendor/noto-sans/noto-sans-latin-ext-700-normal.woff2",
        "vendor/utrecht",
        "vendor/utrecht/index.css",
        "vendor/voorbeeld-theme",
        "vendor/voorbeeld-theme/theme.css",
    ]


def test_pdfs_load_the_fonts_in_use_and_no_other_package_file():
    fetcher = StaticOnlyURLFetcher()
    assert fetcher.fetch(PREFIX + "vendor/noto-sans/noto-sans-latin-700-normal.woff2").read()
    for pad in ("vendor/noto-sans/noto-sans-cyrillic-400-normal.woff2", "vendor/htmx/htmx.js"):
        try:
            fetcher.fetch(PREFIX + pad)
        except ValueError:
            continue
        raise AssertionError(f"{pad} was served")
