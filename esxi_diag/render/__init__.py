"""Presentation: the text and HTML reports, made from the JSON report only."""
