"""The JSON report contract (schema ``esxi-diag/1``, docs/report.md): building it from an
analysis, and reading reports back."""
