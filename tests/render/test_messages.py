"""The message catalogs (render/catalogs/): every language has every message and label of the
English reference, with the same params; every template renders; every message the analysis
produces exists in English and reads as Japanese in Japanese; and no English message is left that
the code never uses."""

import contextlib
import glob
import io
import json
import os
import re
import string

import pytest

from conftest import FIXTURES, ROOT
from esxi_diag.render import messages
from esxi_diag.render.catalogs import en, ja
from esxi_diag.render.messages import finding_text, is_message, render
from esxi_diag.simulator.profile import builtin_names

LANGS = {"en": en, "ja": ja}
NUMERIC = re.compile(r"^[^{}]*[bdoxXeEfFgGn%]$")
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")  # kana and kanji
WORDS = re.compile("[A-Za-z]")

# Templates whose words are the same in every language (numbers and units).
NEUTRAL_MESSAGES = {"reach.ms", "tune.rate-mbytes", "compare.vlan", "compare.setting.rate",
                    "compare.setting.threshold"}
# Labels whose words are the same in every language: severity tokens (FAIL/WARN/INFO/OK, what
# engineers grep for, like the finding IDs), units, and technical names (netstack, MTU, MAC, DF,
# sbMax, vmotion / vSphereProvisioning netstack, DVPort, VMware ESXi ... Update, esxi-diag).
NEUTRAL_LABELS = {
    "sev.fail", "sev.warn", "sev.info", "sev.ok", "verdict.ok", "t.verdict.ok",
    "unit.ms", "unit.mbit", "unit.gbit", "unit.MBps_gbit", "unit.mtu", "t.ms", "t.ms2", "t.rate",
    "t.rate-mbit", "t.uplink-up",
    "head.esxi", "head.product", "version.update", "t.esxi-version", "t.esxi-update", "t.title",
    "diagram.col.netstack", "diagram.netstack", "dp.netstack", "vmk.netstack", "rt.netstack",
    "pr.netstack", "t.col.netstack", "t.pcol.netstack", "re.via", "t.on-netstack",
    "basis.vmotion-netstack", "basis.provisioning-netstack", "t.basis.vmotion-netstack",
    "t.basis.provisioning-netstack",
    "f.id", "nic.name", "nic.mac", "vmk.mtu", "sw.mtu", "nic.mtu", "t.col.mtu", "t.col.vmk",
    "pr.df", "t.pcol.from", "t.dvport", "t.route-ipv6", "t.switch-head", "tu.sbmax", "tu.sbmax_any", "t.sbmax-of",
    "compare.verdict.ok", "compare.verdict.warn", "compare.verdict.fail", "compare.severity.fail",
    "compare.severity.warn", "compare.severity.unknown", "compare.severity.info",
    "compare.severity.ok", "compare.html.id",
}

# Params that the code leaves out (None) when they do not apply, and the messages it puts there
# when they do: the sentence must read correctly both ways. (Keys and params are checked to exist,
# so that a renamed one fails here.)
OPTIONAL = {
    "HOT-NONE.detail": {"disabled": ["HOT-NONE.disabled"]},
    "path.tagged": {"unknown": ["path.maybe-more"]},
    "path.none": {"ignored": ["path.ignored"]},
    "routing.no-address-of-family": {"local": ["routing.only-link-local"]},
    "routing.netstack-gateway": {"how": ["routing.on-own-subnet", "routing.reached-through"]},
    "reach.where": {"label": ["reach.label"]},
    "reach.printed-nothing": {"status": ["reach.exit-status"]},
    "reach.path-mtu": {"uncertain": ["reach.uncertain"], "largest": ["reach.largest"]},
    "PATH-VMK-NO-IPV4.detail": {"local": ["PATH-VMK-NO-IPV4.local"]},
    "NETSTACK-NO-GATEWAY.detail": {"no_own": ["NETSTACK-NO-GATEWAY.no-own"],
                                   "static": ["NETSTACK-NO-GATEWAY.static"],
                                   "offlink": ["NETSTACK-NO-GATEWAY.offlink"]},
    "COLLECT-INCOMPLETE.detail": {"more": ["list.more"]},
    "COLLECT-PARTIAL.detail": {"more": ["list.more"]},
    "TUNE-PEER-DIFFERS.detail": {"recommended": ["TUNE-PEER-DIFFERS.recommended"]},
    "remedy.on-standard-switch": {"which": ["remedy.one-of"]},
    "remedy.on-distributed-switch": {"which": ["remedy.one-of"]},
    "remedy.or-on-distributed-switch": {"which": ["remedy.one-of"]},
    "vm.names": {"more": ["list.more"]},
    "VM-VMOTION-ENCRYPTION.detail": {"encrypted": ["VM-VMOTION-ENCRYPTION.encrypted"],
                                     "unknown": ["VM-VMOTION-ENCRYPTION.unknown"],
                                     "partial": ["VM-VMOTION-ENCRYPTION.partial"]},
    "FIREWALL-RULESET-DISABLED.detail": {"ports": ["FIREWALL-RULESET-DISABLED.ports"]},
    "FIREWALL-RULESET-DISABLED.firewall-off.detail": {"ports": [
        "FIREWALL-RULESET-DISABLED.ports"]},
    "COMPARE-PATH-MISSING.detail": {"reason": ["compare.reason"]},
    "COMPARE-PATH-UNKNOWN.detail": {"reason": ["compare.reason"]},
    "COMPARE-CHECK-FAILED.detail": {"role_part": ["compare.check-role"]},
    "COMPARE-VM-NETWORK-MISSING.detail": {"vlan": ["compare.vlan"]},
    "COMPARE-VM-NETWORK-MISSING.off.detail": {"vlan": ["compare.vlan"]},
    "COMPARE-VLAN-MISMATCH.detail": {"reference": ["compare.reference"]},
    "COMPARE-VLAN-MISMATCH.off.detail": {"reference": ["compare.reference"]},
    "COMPARE-TUNING-DIFFERS.rate.detail": {
        "where": ["compare.lan-pair", "compare.long-pair", "compare.unmeasured-pair"],
        "reference": ["compare.reference"]},
    "COMPARE-TUNING-DIFFERS.threshold.detail": {
        "where": ["compare.lan-pair", "compare.long-pair", "compare.unmeasured-pair"],
        "reference": ["compare.reference"]},
    "COMPARE-TUNING-DIFFERS.sbmax.detail": {
        "where": ["compare.lan-pair", "compare.long-pair", "compare.unmeasured-pair"],
        "reference": ["compare.reference"]},
    # not optional, but always one of these phrases
    "reach.stack-not-configured": {"why": ["reach.stack-wrong-s", "reach.stack-changed"]},
    "TUNE-LINE-RATE-ASSUMED.detail": {"why": ["TUNE-LINE-RATE-ASSUMED.wan",
                                              "TUNE-LINE-RATE-ASSUMED.lan"]},
}


def fields(text):
    """The {param:spec} of a template, as a set of (name, spec)."""
    return set((name, spec or "") for _, name, spec, _ in string.Formatter().parse(text)
               if name is not None)


# Params that hold a message in words of the language (the others: names, addresses, numbers).
WORDY = {"role": ("hot", "ホット"), "roles": ("hot", "ホット"),
         "through": ("the static route's gateway", "静的ルートのゲートウェイ")}


def sample(text, lang="en"):
    """Representative values for a template's params: numbers for numeric specs, words of the
    language for a param that holds them, else a name."""
    return dict((name, 12.5 if NUMERIC.match(spec) and not spec.endswith(("d", "x", "o", "b"))
                 else 12 if NUMERIC.match(spec)
                 else WORDY[name][lang == "ja"] if name in WORDY else "vmk9")
                for name, spec in fields(text))


def literal(text):
    """A template's own words, its params taken out."""
    return "".join(lit for lit, _, _, _ in string.Formatter().parse(text))


def typography(text, lang, whole=True):
    """What a sentence with a missing optional part (or a bad catalog entry) looks like.
    ``whole``: a text shown as it is (an English fragment starts with the space it needs)."""
    problems = []
    if (whole or lang == "ja") and text != text.strip():
        problems.append("leading or trailing space")
    if "  " in text:
        problems.append("double space")
    if lang == "ja":
        for bad in (" 。", " 、", " ：", " （", " ）", "。 ", "、 ", "： ", "（ ", "） ", "。。", "、、",
                    "（）", "。、", "、。"):
            if bad in text:
                problems.append(repr(bad))
        if re.search("[\u3040-\u309f] [\u3040-\u30ff\u4e00-\u9fff]", text):
            problems.append("a space after a particle (は ホット: a Japanese param after a space)")
    else:
        for bad in (" .", " ,", " :", " ;", "( ", " )", "..", ",,", ";;"):
            if bad in text:
                problems.append(repr(bad))
        if re.search(r"(?<!\w)\(\)", text):  # an empty parenthesis (not a call: sendto())
            problems.append("()")
        if re.search(r"[a-z)][.;,][A-Z]", text):  # "fails.Tagged": a fragment lost its space
            problems.append("no space after a stop")
    return problems


# ---------------------------------------------------------------------------------------------
# the catalogs themselves

def test_japanese_has_every_message_and_no_other():
    assert sorted(set(en.MESSAGES) - set(ja.MESSAGES)) == []
    assert sorted(set(ja.MESSAGES) - set(en.MESSAGES)) == []


def test_japanese_has_every_label():
    assert sorted(set(en.LABELS) - set(ja.LABELS)) == []


def test_japanese_has_no_label_english_lacks():
    if not en.LABELS:
        pytest.skip("en.LABELS is empty: the renderers' words are not in the catalog yet (ja "
                    "translates them ahead)")
    assert sorted(set(ja.LABELS) - set(en.LABELS)) == []


def test_list_separators():
    for module in LANGS.values():
        assert sorted(module.LIST_SEPARATORS) == ["and", "comma", "semicolon"]
        assert module.LIST_SEPARATOR == module.LIST_SEPARATORS["comma"]


@pytest.mark.parametrize("table", ["MESSAGES", "LABELS"])
def test_same_params_and_specs_in_every_language(table):
    english = getattr(en, table)
    wrong = []
    for key, text in sorted(getattr(ja, table).items()):
        if key in english and fields(text) != fields(english[key]):
            wrong.append((key, sorted(fields(english[key])), sorted(fields(text))))
    assert wrong == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_template_renders_with_sample_params(lang):
    catalog = LANGS[lang]
    bad = []
    for table in (catalog.MESSAGES, catalog.LABELS):
        for key, text in sorted(table.items()):
            try:
                out = text.format(**sample(text, lang))
            except (KeyError, IndexError, ValueError) as exc:
                bad.append((key, "%s: %s" % (type(exc).__name__, exc)))
                continue
            if table is catalog.MESSAGES and typography(out, lang, whole=False):
                bad.append((key, typography(out, lang, whole=False), out))
    assert bad == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_optional_parts_read_correctly_with_and_without(lang):
    catalog = LANGS[lang]
    bad = []
    for key, optional in sorted(OPTIONAL.items()):
        text = catalog.MESSAGES[key]
        values = sample(text, lang)
        parts = {}
        for name, fragments in optional.items():
            assert name in values, "%s has no param %s" % (key, name)
            parts[name] = [catalog.MESSAGES[f].format(**sample(catalog.MESSAGES[f], lang))
                           for f in fragments]
        cases = [dict((name, "") for name in optional),  # all left out: None renders as ""
                 dict((name, found[0]) for name, found in parts.items())]
        for name, found in parts.items():
            for fragment in found:
                case = dict((n, "") for n in optional)
                case[name] = fragment
                cases.append(case)
        for case in cases:
            filled = dict(values)
            filled.update(case)
            out = text.format(**filled)
            if typography(out, lang):
                bad.append((key, typography(out, lang), out))
    assert bad == []


def test_japanese_templates_are_japanese():
    """A template with words of its own has Japanese words in the Japanese catalog (not English
    left untranslated)."""
    english = []
    for table, neutral in ((ja.MESSAGES, NEUTRAL_MESSAGES), (ja.LABELS, NEUTRAL_LABELS)):
        reference = en.MESSAGES if table is ja.MESSAGES else en.LABELS
        for key, text in sorted(table.items()):
            has_words = WORDS.search(literal(reference.get(key, text)))
            if key in neutral:
                assert not JAPANESE.search(literal(text)), "%s is not neutral any more" % key
            elif has_words and not JAPANESE.search(literal(text)):
                english.append((key, text))
    assert english == []


def test_hot_none_detail_in_japanese():
    text = render(messages.msg("HOT-NONE.detail", reason="x", disabled=None), "ja")
    assert JAPANESE.search(text) and "x" in text and text.endswith("。")
    with_disabled = render(messages.msg(
        "HOT-NONE.detail", reason="x",
        disabled=messages.msg("HOT-NONE.disabled", vmknics=["vmk1", "vmk2"])), "ja")
    assert with_disabled.startswith(text) and "vmk1、vmk2" in with_disabled


# ---------------------------------------------------------------------------------------------
# the messages of real reports: every profile of the simulator, every transcript fixture

def _run(*argv):
    from esxi_diag.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """(what, report) for inspect, check and tune of every built-in profile (alone and with other
    hosts' reports), check --pmtu of the faulty WAN, and analyze of every transcript fixture and of
    every profile's transcript."""
    found = []
    tmp = tmp_path_factory.mktemp("transcripts")
    peers = []  # other hosts' inspect reports: their tuning and MTUs differ from the host's
    for name in ("lan", "multinic"):
        peers += ["--peer-report", str(tmp / (name + ".json"))]
        (tmp / (name + ".json")).write_text(_run("inspect", "--simulate", name, "--json")[1])
    for profile in builtin_names():
        for argv in (["inspect", "--simulate", profile, "--json"],
                     ["check", "--simulate", profile, "--json", "--quiet"],
                     ["check", "--simulate", profile, "--json", "--quiet"] + peers[2:],
                     ["tune", "--simulate", profile, "--json", "--quiet"],
                     ["tune", "--simulate", profile, "--json", "--quiet"] + peers):
            code, out, err = _run(*argv)
            assert out, (argv, code, err)
            found.append((" ".join(argv), json.loads(out)))
        code, out, err = _run("simulator", "transcript", profile)
        path = tmp / (profile + ".txt")
        path.write_text(out)
        found.append(("analyze " + profile, json.loads(_run(
            "analyze", "--transcript", str(path), "--json")[1])))
    code, out, err = _run("check", "--simulate", "wan-faults", "--pmtu", "--json", "--quiet")
    found.append(("check --pmtu wan-faults", json.loads(out)))
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*", "*.txt"))):
        code, out, err = _run("analyze", "--transcript", path, "--json")
        if out:  # a fixture that is one command's output, not a session, makes no report
            found.append(("analyze " + os.path.basename(path), json.loads(out)))
    return found


def _walk(node, found_messages, found_findings):
    if isinstance(node, dict):
        if "message_id" in node:
            found_findings.append(node)
        elif is_message(node):
            found_messages.append(node)
        for value in node.values():
            _walk(value, found_messages, found_findings)
    elif isinstance(node, list):
        for value in node:
            _walk(value, found_messages, found_findings)


def _contents(reports):
    found_messages, found_findings = [], []
    for _, report in reports:
        _walk(report, found_messages, found_findings)
    return found_messages, found_findings


def strict(message, lang):
    """A message rendered as messages.render does, but a template that does not fit its params
    raises instead of being rendered loosely."""
    if not is_message(message):
        return message
    catalog = LANGS[lang]

    def value(v):
        if is_message(v):
            return strict(v, lang)
        if isinstance(v, list):
            return catalog.LIST_SEPARATOR.join(str(value(x)) for x in v)
        if isinstance(v, dict) and isinstance(v.get("items"), list):
            return catalog.LIST_SEPARATORS[v["join"]].join(str(value(x)) for x in v["items"])
        return "" if v is None else v
    return catalog.MESSAGES[message["id"]].format(
        **dict((k, value(v)) for k, v in message["params"].items()))


def test_reports_cover_the_analysis(reports):
    found_messages, found_findings = _contents(reports)
    assert len(reports) > 30
    assert len(set(m["id"] for m in found_messages)) > 60
    assert len(set(f["message_id"] for f in found_findings)) > 25


def test_every_message_of_real_reports_is_in_english(reports):
    found_messages, found_findings = _contents(reports)
    missing = set(m["id"] for m in found_messages if m["id"] not in en.MESSAGES)
    for f in found_findings:
        missing.update(k for k in (f["message_id"] + ".title", f["message_id"] + ".detail")
                       if k not in en.MESSAGES)
    assert sorted(missing) == []


def _left_ids(text):
    return [key for key in en.MESSAGES if key in text]


def _japanese_expected(message_id):
    return message_id not in NEUTRAL_MESSAGES and WORDS.search(literal(en.MESSAGES[message_id]))


def test_real_reports_render_in_japanese(reports):
    found_messages, found_findings = _contents(reports)
    bad = []
    for m in found_messages:
        text = strict(m, "ja")
        if render(m, "ja") != text:
            bad.append((m["id"], "render differs", text))
        if _left_ids(text) or typography(text, "ja"):
            bad.append((m["id"], _left_ids(text), typography(text, "ja"), text))
        if _japanese_expected(m["id"]) and not JAPANESE.search(text):
            bad.append((m["id"], "no Japanese", text))
    for f in found_findings:
        for part in ("title", "detail"):
            text = finding_text(f, part, "ja")
            strict_text = strict({"id": "%s.%s" % (f["message_id"], part),
                                  "params": f["params"]}, "ja")
            if text != strict_text or not JAPANESE.search(text) or _left_ids(text) or \
                    typography(text, "ja"):
                bad.append((f["message_id"], part, typography(text, "ja"), text))
        for step in f.get("remedy_steps") or []:
            if isinstance(step, dict) and "command" in step:
                continue
            text = strict(step, "ja")
            if not JAPANESE.search(text) or _left_ids(text) or typography(text, "ja"):
                bad.append((f["message_id"], "remedy", step["id"], text))
        remedy = finding_text(f, "remedy", "ja")
        if f.get("remedy_steps") and (remedy is None or _left_ids(remedy)):
            bad.append((f["message_id"], "remedy", remedy))
    assert bad == []


def test_real_reports_render_in_english_as_the_report_says(reports):
    """The English catalog renders a report's messages to the English texts the report holds."""
    _, found_findings = _contents(reports)
    for f in found_findings:
        for part in ("title", "detail"):
            assert finding_text(f, part, "en") == f[part]
        assert finding_text(f, "remedy", "en") == f.get("remedy")


# ---------------------------------------------------------------------------------------------
# no English message the code never uses

def _sources():
    texts = []
    for path in glob.glob(os.path.join(ROOT, "esxi_diag", "**", "*.py"), recursive=True):
        if os.sep + "catalogs" + os.sep not in path:
            with io.open(path, encoding="utf-8") as handle:
                texts.append(handle.read())
    return texts


def _used_in(key, sources, prefixes):
    """Whether the code names ``key``: the whole key as a string; a finding ID (and its variant)
    for ``<FID>[.<variant>].title|detail``; a prefix the code adds to a name it chooses
    (``msg("remedy." + name)``) and each '+'-part of that name as a string."""
    if any('"%s"' % key in s for s in sources):
        return True
    parts = key.split(".")
    if parts[-1] in ("title", "detail") and parts[0].upper() == parts[0]:
        variant = ".".join(parts[1:-1])
        for s in sources:
            if '"%s"' % parts[0] in s and (not variant or '"%s"' % variant in s):
                return True
    for prefix in prefixes:
        if key.startswith(prefix):
            names = key[len(prefix):].split("+")
            if all(any('"%s"' % n in s for s in sources) for n in names):
                return True
    return False


def test_every_english_message_is_used(reports):
    sources = _sources()
    prefixes = set(p for s in sources for p in re.findall(r'"([\w-]+\.)"\s*\+', s))
    assert "remedy." in prefixes and "role." in prefixes
    found_messages, found_findings = _contents(reports)
    seen = set(m["id"] for m in found_messages)
    seen.update(f["message_id"] + "." + part for f in found_findings for part in
                ("title", "detail"))
    unused = [key for key in sorted(en.MESSAGES)
              if key not in seen and not _used_in(key, sources, prefixes)]
    assert unused == []
