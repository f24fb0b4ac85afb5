"""Display width: what a text takes on a terminal, and wrapping by it.

East Asian wide and fullwidth characters take two columns, combining marks none, everything else
one (``unicodedata.east_asian_width``; ambiguous characters count one, as terminals configured
for Japanese over SSH usually show them). Wrapping breaks Latin text at blanks only (a command,
an address or an option is never cut) and Japanese text between any two characters, except
before a closing mark (、。）」 ...) or after an opening one (（「 ...): the line-breaking rules
(kinsoku) of Japanese typesetting; a number keeps its unit ("80.3 ms", "2 台") on its
line. ASCII text wraps exactly as ``textwrap`` does.
"""

import textwrap
import unicodedata

# no line starts with these (closing brackets, punctuation, small kana, prolonged sound mark)
_NO_START = set(u"、。，．・：；？！）」』】〕〉》］｝〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
                u",.:;?!)]}%")
# no line ends with these (opening brackets)
_NO_END = set(u"（「『【〔〈《［｛〘〖([{")


def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text):
    """Columns ``text`` takes on a terminal."""
    if _ascii(text):
        return len(text)
    return sum(char_width(ch) for ch in text)


def _ascii(text):
    try:
        text.encode("ascii")
        return True
    except UnicodeEncodeError:
        return False


def ljust(text, columns):
    """``text`` padded with blanks to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def _wide(ch):
    return char_width(ch) == 2


def _tokens(text):
    """Units that are never split: a run of non-wide, non-blank characters (a word, a command, an
    address), a single wide character, or a run of blanks."""
    out = []
    for ch in text:
        if ch == " ":
            kind = "space"
        elif _wide(ch):
            kind = "wide"
        else:
            kind = "word"
        if out and kind != "wide" and out[-1][0] == kind:
            out[-1][1] += ch
        else:
            out.append([kind, ch])
    return out


# a unit or counter that stays on the line of the number before it ("80.3 ms", "2 台", "16 バイト")
_UNITS = set(["ms", "s", "MB/s", "Mb/s", "Mbit/s", "Gbit/s", "KiB", "MiB", "GiB", "MB", "GB",
              "Mbps", "Gbps", "%"])
_COUNTERS = set(u"秒台個件回行分日")


def _katakana(ch):
    return u"\u30a0" <= ch <= u"\u30ff"


def _with_unit(tokens, i, j):
    """The end of the unit group ``tokens[i:j]`` extended over "<blank><unit>" when the group ends
    with a number: a number and its unit are never split over two lines."""
    last = tokens[j - 1][1]
    if tokens[j - 1][0] != "word" or not last[-1:].isdigit() or j + 1 >= len(tokens) or \
            tokens[j][1] != " ":
        return j
    kind, value = tokens[j + 1]
    if kind == "word" and value.rstrip(",.;:)") in _UNITS:
        end = j + 2
    elif kind == "wide" and value in _COUNTERS:
        end = j + 2
    elif kind == "wide" and _katakana(value):  # バイト: the whole katakana word
        end = j + 2
        while end < len(tokens) and tokens[end][0] == "wide" and _katakana(tokens[end][1]):
            end += 1
    else:
        return j
    while end < len(tokens) and tokens[end][0] == "wide" and tokens[end][1] in _NO_START:
        end += 1
    return end


def wrap(text, columns, initial_indent="", subsequent_indent=""):
    """Lines of at most ``columns`` display columns (a single unit longer than that stays whole on
    its own line). An empty text gives no line."""
    if _ascii(text) and _ascii(initial_indent) and _ascii(subsequent_indent):
        return textwrap.wrap(text, columns, initial_indent=initial_indent,
                             subsequent_indent=subsequent_indent, break_on_hyphens=False,
                             break_long_words=False)
    text = text.rstrip()
    stripped = text.lstrip(" ")
    if not stripped:
        return []
    initial_indent += text[:len(text) - len(stripped)]  # a paragraph's leading blanks stay
    text = stripped
    tokens = _tokens(text)
    lines = []
    line, used, indent = [], width(initial_indent), initial_indent
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "space":
            if line:
                line.append(value)
                used += len(value)
            i += 1
            continue
        # keep a unit with the closing marks that follow it and after an opening mark
        j = i + 1
        while j < len(tokens) and tokens[j][0] == "wide" and tokens[j][1] in _NO_START:
            j += 1
        while j < len(tokens) and tokens[j - 1][0] == "wide" and tokens[j - 1][1] in _NO_END:
            j += 1
        j = _with_unit(tokens, i, j)
        group = "".join(t[1] for t in tokens[i:j])
        need = width(group)
        if line and used + need > columns:
            while line and line[-1].isspace():
                used -= width(line.pop())
            lines.append(indent + "".join(line))
            line, indent = [], subsequent_indent
            used = width(indent)
        line.append(group)
        used += need
        i = j
    while line and line[-1].isspace():
        line.pop()
    if line:
        lines.append(indent + "".join(line))
    return lines
