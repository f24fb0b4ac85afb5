"""Message catalogs, one module per language: ``MESSAGES`` (message ID -> ``str.format``
template), ``LABELS`` (the renderers' fixed words) and ``LIST_SEPARATOR``. English is the
reference: every ID exists in it; tests/render/test_messages.py checks that every language has every ID
and uses every param its English template uses.
"""
