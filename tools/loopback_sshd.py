"""An sshd of its own on 127.0.0.1 for the playbook's test and benchmark (tests/contrib/test_ansible.py,
bench/fleet.py): its own config, host key and authorized key in a folder, a free high port, no PAM,
keys only; started and stopped by the caller. Nothing else on the machine is touched but the
privilege-separation folder /run/sshd, created when root runs it and it is missing."""

import os
import shutil
import socket
import subprocess
import time


class Unavailable(Exception):
    """No sshd here, or it would not start (the message says which)."""


def find_sshd():
    return shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd")
                                         if os.path.exists(p)), None)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True,
                   stdout=subprocess.DEVNULL, timeout=30)


class LoopbackSshd(object):
    """``with LoopbackSshd(folder) as sshd:`` sshd.port, sshd.user, sshd.key (authorized),
    sshd.stranger_key (not authorized), sshd.common_args (for ansible_ssh_common_args)."""

    def __init__(self, folder):
        self.dir = folder
        self.proc = None
        self.log = None

    def __enter__(self):
        sshd = find_sshd()
        if sshd is None or shutil.which("ssh-keygen") is None:
            raise Unavailable("no sshd here (apt-get install openssh-server; .ci/run does)")
        d = self.dir
        os.makedirs(d, exist_ok=True)
        for name in ("host_key", "client_key", "stranger_key"):
            keygen(os.path.join(d, name))
        shutil.copy(os.path.join(d, "client_key.pub"), os.path.join(d, "authorized_keys"))
        self.port = free_port()
        self.user = os.environ.get("USER") or "root"
        self.key = os.path.join(d, "client_key")
        self.stranger_key = os.path.join(d, "stranger_key")
        self.common_args = ("-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
                            "-o ConnectTimeout=5 -o LogLevel=ERROR")
        config = os.path.join(d, "sshd_config")
        with open(config, "w") as handle:
            handle.write("\n".join([
                "Port %d" % self.port, "ListenAddress 127.0.0.1",
                "HostKey %s" % os.path.join(d, "host_key"),
                "PidFile %s" % os.path.join(d, "sshd.pid"),
                "AuthorizedKeysFile %s" % os.path.join(d, "authorized_keys"),
                "PubkeyAuthentication yes", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password",
                "UsePAM no", "StrictModes no", "MaxStartups 300", "MaxSessions 300",
                "LogLevel ERROR", "Subsystem sftp internal-sftp", ""]))
        if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
            os.makedirs("/run/sshd", exist_ok=True)
        self.log = open(os.path.join(d, "sshd.log"), "w")
        self.proc = subprocess.Popen([sshd, "-D", "-e", "-f", config], stdout=self.log,
                                     stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.__exit__()
                    with open(os.path.join(d, "sshd.log")) as handle:
                        raise Unavailable("sshd could not be started: %s" % handle.read()[:300])
                time.sleep(0.05)

    def __exit__(self, *exc):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.log is not None:
            self.log.close()
        return False

    def host_vars(self):
        return {"ansible_host": "127.0.0.1", "ansible_port": self.port,
                "ansible_user": self.user, "ansible_ssh_private_key_file": self.key,
                "ansible_ssh_common_args": self.common_args}
