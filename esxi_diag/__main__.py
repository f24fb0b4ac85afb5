import sys

try:
    import os
    import signal

    from esxi_diag.cli import main
except ImportError as exc:  # a trimmed host Python without a module esxi-diag needs
    sys.stderr.write("esxi-diag: this Python (%s) lacks a module esxi-diag needs: %s\n" % (
        sys.version.split()[0], exc))
    sys.exit(3)


def run():
    """main(), then a quiet end: once the result is printed, Ctrl-C changes nothing, nothing is
    flushed twice (a full or closed stdout was already said once), and the interpreter does not
    wait on thread pools at exit (where a Ctrl-C would print a threading traceback)."""
    try:
        status = main()
    except KeyboardInterrupt:  # between the last handler and here
        status = 3
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # a full or closed stream: its error was already said, or cannot be
            pass
    os._exit(status if isinstance(status, int) else 3)


run()
