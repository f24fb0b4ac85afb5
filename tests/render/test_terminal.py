"""Terminal safety: no control character of the input reaches the terminal raw (text reports,
one-line errors, progress)."""
import re

from conftest import fixture_text

# What an attacker (or a noisy terminal log) may paste: a window title, clear screen, BEL, a
# C1 CSI, cursor movement, a right-to-left override.
NASTY = "\x1b]0;pwned\x07\x1b[2J\x1b[H\x9b31m\x08\u202eevil\x0b"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _session(tmp_path):
    """A real session with control sequences in an unrecognised command and in its file name."""
    text = fixture_text("esxi67-blog-session.txt")
    text += "\n# echo " + NASTY + "\nhello\n"
    path = tmp_path / ("session" + NASTY.replace("/", "") + ".txt")
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_text_report_escapes_every_control_character(cli, tmp_path):
    r = cli("analyze", "--transcript", _session(tmp_path))
    assert r.code in (0, 1, 2), r.err
    assert not RAW.search(r.out), repr(RAW.search(r.out))
    # the sequences a terminal acts on (title, clear screen) are taken out of a pasted command
    # line by the transcript reader; what is left is shown for what it is
    assert "echo \\x9b31m\\u202eevil" in r.out
    assert "session\\x1b]0;pwned" in r.out.replace("\n  ", "")  # the Source line (wrapped)


def test_json_output_escapes_them_too(cli, tmp_path):
    r = cli("analyze", "--transcript", _session(tmp_path), "--json")
    assert not RAW.search(r.out) and "\\u001b]0;pwned" in r.out


def test_terminal_safe_keeps_text_and_newlines():
    from esxi_diag.render.safe import terminal_safe
    assert terminal_safe("plain: ok\nnext, é ü 中") == "plain: ok\nnext, é ü 中"
    assert terminal_safe("a\nb", keep_newlines=False) == "a\\x0ab"
    assert terminal_safe("\u202e\x00\x7f") == "\\u202e\\x00\\x7f"
