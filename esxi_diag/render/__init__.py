"""Presentation: a report (schema esxi-diag/1) as text, JSON or HTML, in a language.

``FORMATS`` names every output format and the module that makes it; ``LANGUAGES`` every language
(render/catalogs/<lang>.py). Adding a format is one entry here and its module; adding a language
is its catalog and one entry in ``LANGUAGES``. Light to import: a format's module is imported when
it is used.
"""

import json

FORMATS = ("text", "json", "html")
LANGUAGES = ("en", "ja")
DEFAULT_LANG = "en"


def language(chosen=None, environ=None):
    """The report's language: ``chosen`` (``--lang``) when given, else Japanese when the locale
    (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them) is ja_JP.* or ja, else English."""
    if chosen:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (environ or {}).get(name)
        if value:
            return "ja" if value.split(".")[0].split("_")[0].lower() == "ja" else DEFAULT_LANG
    return DEFAULT_LANG


def output(reports, fmt="text", command="inspect", lang=DEFAULT_LANG):
    """The text of one report, or of several (``analyze`` of several inputs), in ``fmt``."""
    if isinstance(reports, dict):
        reports = [reports]
    if fmt == "json":
        body = reports[0] if len(reports) == 1 else reports
        return json.dumps(body, indent=2, sort_keys=True) + "\n"
    if fmt == "html":
        from esxi_diag.render.html import render_html_many
        return render_html_many(reports, command, lang)
    from esxi_diag.render import text
    if command == "tune":
        return "".join(text.render_tune(r, lang) for r in reports)
    return ("\n" + "=" * text.WIDTH + "\n\n").join(text.render(r, command, lang)
                                                     for r in reports)


# Beyond this many hosts a comparison's JSON is written compact: the indenting encoder is pure
# Python, 5x slower than the compact one, and 250,000 pairs are read by programs anyway.
COMPARE_INDENT_HOSTS = 100


def compare_output(result, fmt="text", lang=DEFAULT_LANG):
    """The text of a comparison (``compare``, schema esxi-diag-compare/1) in ``fmt``."""
    if fmt == "json":
        if result["summary"]["hosts"] <= COMPARE_INDENT_HOSTS:
            return json.dumps(result, indent=2, sort_keys=True) + "\n"
        return json.dumps(result, sort_keys=True, separators=(",", ":")) + "\n"
    if fmt == "html":
        from esxi_diag.render.compare_html import render_html
        return render_html(result, lang)
    from esxi_diag.render.compare_text import render
    return render(result, lang)
