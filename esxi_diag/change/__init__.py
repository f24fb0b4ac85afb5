"""The only code that changes a host: tune --apply, --persist, --rollback."""
