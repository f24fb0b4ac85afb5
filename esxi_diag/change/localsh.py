"""``/etc/rc.local.d/local.sh``: the marked block that ``tune --persist`` keeps there (above the
final ``exit 0``, idempotent) and ``--rollback`` removes. Pure text editing; apply.py writes.
"""


BLOCK_BEGIN = "# BEGIN esxi-diag tune: managed block, 'esxi-diag tune --rollback' removes it"


BLOCK_END = "# END esxi-diag tune"


class LocalShError(ValueError):
    pass


def _find_block(lines):
    begins = [i for i, l in enumerate(lines) if l.strip().startswith("# BEGIN esxi-diag tune")]
    ends = [i for i, l in enumerate(lines) if l.strip() == BLOCK_END]
    if not begins and not ends:
        return None
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise LocalShError("local.sh holds a broken esxi-diag block (its BEGIN/END lines were "
                           "edited by hand); fix or remove it, then run again")
    return begins[0], ends[0]


def block_lines(commands):
    return [BLOCK_BEGIN] + list(commands) + [BLOCK_END]


def with_block(text, commands):
    """local.sh with our block holding ``commands``: replaced in place when present, else just
    above the final ``exit 0`` (or at the end when there is none). Idempotent."""
    lines = text.split("\n")
    trailing = lines and lines[-1] == ""
    if trailing:
        lines = lines[:-1]
    found = _find_block(lines)
    block = block_lines(commands)
    if found is not None:
        lines[found[0]:found[1] + 1] = block
    else:
        exits = [i for i, l in enumerate(lines) if l.strip() == "exit 0"]
        at = exits[-1] if exits and all(not l.strip() for l in lines[exits[-1] + 1:]) else \
            len(lines)
        lines[at:at] = block
    return "\n".join(lines) + ("\n" if trailing or not text else "")


def without_block(text):
    lines = text.split("\n")
    found = _find_block(lines)
    if found is None:
        return text
    del lines[found[0]:found[1] + 1]
    return "\n".join(lines)


def block_commands(text):
    """The commands inside our block, or None when there is no block."""
    lines = text.split("\n")
    found = _find_block(lines)
    if found is None:
        return None
    return [l for l in lines[found[0] + 1:found[1]]]
