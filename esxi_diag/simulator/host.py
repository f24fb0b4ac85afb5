"""A simulated ESXi host, described by a JSON profile (docs/simulator.md), answering the command
lines the collector runs, in the real output formats, so the real parsers run.

``SimHost.execute(argv, timeout)`` is a runner backend: the runner records simulated commands
exactly as it records live ones. ``SimHost`` ties the simulator's modules together
(simulator/__init__.py lists them). Here: the profile's faults, the time each command takes
(times the speed), the dispatch of a command line to its answer, the set commands of ``tune
--apply``, and the host as a transcript. A command line is recognised as a kind
(``kinds.recognise``), then answered by that kind's entry in ``records.ANSWERS``: esxcli kinds
give records, which formats.py prints as the line asked (XML or the default formatter); other
programs give their text. vmkping is answered by network.py; the host's files by files.py.
"""

import threading
import time

from esxi_diag import kinds
from esxi_diag.kinds import vms as vmkinds
from esxi_diag.simulator import files as simfiles
from esxi_diag.simulator import formats, records
from esxi_diag.simulator import profile as prof
from esxi_diag.simulator.network import Network
from esxi_diag.simulator.profile import (BUILTIN, DEFAULT_PROFILE, ProfileError,
                                         builtin_names, load_builtin, load_profile,
                                         validate_profile)
from esxi_diag.simulator.files import STATE_SCHEMA
from esxi_diag.sources.runner import CommandResult

# what the cli, tools/ and tests import from here (the profile's names live in profile.py)
__all__ = ["SimHost", "SPEED_ENV", "ESXCLI_DOWN", "STATE_SCHEMA", "BUILTIN", "DEFAULT_PROFILE",
           "ProfileError", "builtin_names", "load_builtin", "load_profile", "validate_profile"]

SPEED_ENV = "ESXI_DIAG_SIM_SPEED"
# Printed by esxcli when hostd does not answer.
ESXCLI_DOWN = "Connect to localhost failed: Connection failure."


class SimHost(object):
    """The simulated host. Thread-safe: the collector calls it from a pool."""

    def __init__(self, profile, speed=1.0, state_file=None):
        validate_profile(profile)
        self.profile = profile
        self.speed = speed
        self._stop = threading.Event()
        self.state_file = state_file
        self.files = simfiles.HostFiles(profile, state_file)
        self.network = Network(profile)
        self._file_delays = dict((vm["path"], float(vm.get("vmx_delay_s", 0)))
                                 for vm in prof.vms(profile) if vm["path"])

    @property
    def state(self):
        """What the set commands and file writes changed (files.py)."""
        return self.files.state

    # -- runner backend ------------------------------------------------------------------------

    def which(self, program):
        return True

    def terminate_all(self):
        self._stop.set()

    def execute(self, argv, timeout):
        started = time.time()
        t0 = time.monotonic()
        fault = self._fault(argv)
        delay = float(fault.get("delay_s", self._latency(argv))) * self.speed
        if fault.get("hang"):
            delay = float("inf")
        if delay > timeout:
            self._stop.wait(timeout)
            return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                 timed_out=True)
        if delay > 0:
            self._stop.wait(delay)
        if fault.get("missing"):
            return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                 error="not-found")
        if argv[0] in ("vmkping", "ping") and not fault:
            code, out, err, seconds = self.ping(argv)
            seconds *= self.speed
            if seconds > timeout:
                self._stop.wait(timeout)
                return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                     timed_out=True)
            if self._stop.wait(seconds):  # Ctrl-C: the process was killed mid-way
                return CommandResult(argv, started=started, duration=time.monotonic() - t0,
                                     error="interrupted")
        else:
            code, out, err = self.respond(argv)
        return CommandResult(argv, exit_code=code, stdout=out, stderr=err, started=started,
                             duration=time.monotonic() - t0)

    def respond(self, argv):
        """(exit code, stdout, stderr) with the profile's faults applied, without any delay."""
        fault = self._fault(argv)
        if fault.get("missing"):
            return 127, "", "sh: %s: not found\n" % argv[0]
        if fault.get("hang"):
            return 130, "", ""  # a session where the user gave up with Ctrl-C
        if fault.get("interrupt"):
            raise KeyboardInterrupt()  # the user pressed Ctrl-C while this command ran
        if "exit_code" in fault or "stdout" in fault:
            return fault.get("exit_code", 0), fault.get("stdout", ""), fault.get("stderr", "")
        if fault.get("ignore"):
            return 0, "", ""  # accepted, but nothing changes: a read-back will differ
        if argv[0] in ("vmkping", "ping"):
            return self.ping(argv)[:3]
        changed = self._change(argv)
        if changed is not None:
            return changed
        return self.answer(argv)

    def _latency(self, argv):
        timing = self.profile.get("timing", {})
        if argv[0] in ("esxcli", "localcli"):
            return timing.get("esxcli_s", 0.0)
        return timing.get("other_s", 0.0)

    def _fault(self, argv):
        """The first fault whose 'match' is a part of the command line (faults in the profile)."""
        line = " ".join(argv)
        faults = self.profile.get("faults", {})
        if faults.get("esxcli_down") and argv[0] == "esxcli":
            return {"exit_code": 1, "stdout": "", "stderr": ESXCLI_DOWN + "\n"}
        for fault in faults.get("commands", []):
            if fault.get("match") and fault["match"] in line:
                return fault
        return {}

    # -- the commands that change the host (tune --apply) ---------------------------------------

    def _change(self, argv):
        """The commands that change the host: (exit, stdout, stderr), or None for others."""
        if argv == kinds.AUTO_BACKUP:
            self.files.count_auto_backup()
            return 0, "", ""
        if argv[0] in ("esxcli", "localcli") and argv[1:5] == ["system", "settings", "advanced",
                                                               "set"]:
            opts = dict(zip(argv[5::2], argv[6::2]))
            values = records.advanced_values(self.state, opts.get("-o", ""))
            if values is None:
                return 1, "Error: Unable to find option %s\n" % opts.get("-o"), ""
            path, _, _, lo, hi, _ = values
            try:
                value = int(opts.get("-i", ""))
            except ValueError:
                return 1, "Error: Invalid value for option -i\n", ""
            if not lo <= value <= hi:
                return 1, "Error: Invalid value %d: the range is %d to %d\n" % (value, lo, hi), ""
            self.files.set_value("advanced", path, value)
            return 0, "", ""
        if argv[0] == "vsish" and len(argv) == 5 and argv[1:3] == ["-e", "set"]:
            found = kinds.recognise("vsish -e get %s" % argv[3])
            if found is None or found[0] != "vsish.sbmax":
                return 1, "", "vsish: cannot set %s (simulated)\n" % argv[3]
            stack = found[1]["netstack"]
            if (self.state["sbmax"] or {}).get(stack) is None:
                return 1, "", "vsish: node %s not found (simulated)\n" % argv[3]
            try:
                value = int(argv[4])
            except ValueError:
                return 1, "", "vsish: bad value (simulated)\n"
            self.files.set_value("sbmax", stack, value)
            return 0, "", ""
        return None

    # -- answering: through the table of records.py ----------------------------------------------

    def answer(self, argv):
        """(exit code, stdout, stderr) for one command line."""
        prog = argv[0]
        esxcli = prog in ("esxcli", "localcli")
        found = kinds.recognise(kinds.display(argv))
        if found is None:
            if esxcli:
                words = " ".join(a for a in argv[1:] if not a.startswith("-"))
                return 1, "Error: Unknown command or namespace %s\n" % words, ""
            return 127, "", "sh: %s: not found\n" % prog
        kind, params = found
        answer = records.ANSWERS.get(kind)
        if answer is None:
            return 1, "", "%s: not simulated\n" % prog
        result = answer(self.profile, self.state, params)
        if isinstance(result, records.FileAnswer):
            return self._print_file(argv, result.path)
        if isinstance(result, records.Listing):
            xml = any(a == "--formatter=xml" for a in argv[1:3])
            return 0, formats.esxcli(result.shape, result.type_name, result.records,
                                     result.fields, xml), ""
        return result  # an error, or the text of a program that is not esxcli

    def _print_file(self, argv, path):
        """``cat FILE`` or ``grep ... FILE`` of a file of the host (busybox's wording when it is
        missing; a grep pattern the simulator cannot read says so)."""
        text = self.files.read(path)
        program = argv[0].rsplit("/", 1)[-1]
        if text is None:
            if program == "cat":
                return 1, "", "cat: can't open '%s': No such file or directory\n" % path
            return 2, "", "%s: %s: No such file or directory\n" % (program, path)
        if program == "cat":
            return 0, text, ""
        lines = vmkinds.grep_lines(argv, text)
        if lines is None:
            return 2, "", "%s: this pattern is not simulated\n" % program
        return (0 if lines else 1), lines, ""

    # -- what the profile describes --------------------------------------------------------------

    def vmknics(self):
        return prof.vmknics(self.profile)

    def netstacks(self):
        return prof.netstacks(self.profile)

    def vmx_paths(self):
        """The .vmx paths of the VMs the inventory lists (the ones a transcript reads), bounded
        as the collector bounds them."""
        return [vm["path"] for vm in prof.vms(self.profile)
                if vm["path"] and not vm.get("invalid")][:vmkinds.MAX_VMX_READS]

    def worlds(self):
        """The World IDs of the running VMs whose ports the collector reads (bounded)."""
        return [vm["world_id"] for _, vm in records.running_vms(self.profile)][
            :vmkinds.MAX_PORT_LISTS]

    # -- the network beyond the host -------------------------------------------------------------

    def peers(self):
        return self.network.peers()

    def ping(self, argv):
        """(exit code, stdout, stderr, seconds it takes) of a simulated vmkping."""
        return self.network.ping(argv)

    # -- files (the hostfiles interface) ---------------------------------------------------------

    def read(self, path, limit=None):
        """A file of the host; a VM's .vmx takes the profile's ``timing.file_s`` and its own
        ``vmx_delay_s`` (times the speed) to read."""
        delay = self._file_delays.get(path, 0.0) + (float(
            self.profile.get("timing", {}).get("file_s", 0.0)) if path.endswith(".vmx") else 0)
        if delay > 0 and self.speed > 0:
            self._stop.wait(delay * self.speed)
        return self.files.read(path, limit)

    def write_atomic(self, path, text):
        self.files.write_atomic(path, text)

    def makedirs(self, path):
        self.files.makedirs(path)

    def isdir(self, path):
        return self.files.isdir(path)

    def listdir(self, path):
        return self.files.listdir(path)

    def realpath(self, path):
        return self.files.realpath(path)

    def writable(self, path):
        return self.files.writable(path)

    def free_bytes(self, path):
        return self.files.free_bytes(path)

    # -- transcript ----------------------------------------------------------------------------

    def transcript(self, commands):
        """The host as a pasted shell session: each command typed at the prompt, then its output."""
        prompt = "[root@%s:~] " % self.profile["host"]["hostname"]
        out = []
        for argv in commands:
            code, stdout, stderr = self.respond(argv)
            out.append(prompt + kinds.display(argv))
            text = stdout + stderr
            out.append(text.rstrip("\n") if text.strip() else "")
        out.append(prompt.rstrip())
        return "\n".join(out) + "\n"
