"""The host's files, behind one small interface: the live file system, or the simulator's.

esxi-diag writes files only when asked to change the host (``tune --apply``): its journal, and
``/etc/rc.local.d/local.sh`` with ``--persist``. Writes are atomic (temporary name, fsync,
rename), and the default place for the journal is persistent storage: ``/scratch`` when it lives
on a datastore, else a writable datastore; never the ``/tmp`` ramdisk.
"""

import errno
import os

STATE_SUBDIR = "esxi-diag"
VOLUMES = "/vmfs/volumes"
SCRATCH = "/scratch"
MIN_FREE_BYTES = 1024 * 1024


class LiveFiles(object):
    """The real file system."""

    def read(self, path):
        """The text of a file, or None when it does not exist."""
        try:
            with open(path, "rb") as handle:
                return handle.read().decode("utf-8", "replace")
        except (IOError, OSError) as exc:
            if exc.errno == errno.ENOENT:
                return None
            raise

    def write_atomic(self, path, content):
        """Write text or bytes under a temporary name in the same folder, fsync, rename: the
        file is either complete or absent. OSError (ENOSPC, EROFS...) leaves nothing behind."""
        folder = os.path.dirname(path) or "."
        tmp = os.path.join(folder, ".%s.tmp-%d" % (os.path.basename(path), os.getpid()))
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                written = 0
                while written < len(data):
                    written += os.write(fd, data[written:])
                os.fsync(fd)
            finally:
                os.close(fd)
            mode = os.stat(path).st_mode & 0o7777 if os.path.exists(path) else 0o644
            os.chmod(tmp, mode)
            os.rename(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def makedirs(self, path):
        if not os.path.isdir(path):
            os.makedirs(path)

    def isdir(self, path):
        return os.path.isdir(path)

    def listdir(self, path):
        try:
            return sorted(os.listdir(path))
        except OSError:
            return []

    def realpath(self, path):
        return os.path.realpath(path)

    def writable(self, path):
        return os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK)

    def free_bytes(self, path):
        try:
            st = os.statvfs(path)
        except (OSError, AttributeError):
            return None
        return st.f_bavail * st.f_frsize


def default_state_dir(files):
    """A persistent folder for journals, or None. /scratch when it is on a datastore, else the
    first writable datastore with room; never /tmp."""
    candidates = []
    scratch = files.realpath(SCRATCH)
    if scratch and scratch.startswith(VOLUMES + "/"):
        candidates.append((SCRATCH, scratch))
    for name in files.listdir(VOLUMES):
        path = "%s/%s" % (VOLUMES, name)
        real = files.realpath(path)
        if files.isdir(path) and all(real != c[1] for c in candidates):
            candidates.append((path, real))
    for path, _ in candidates:
        free = files.free_bytes(path)
        if files.writable(path) and (free is None or free >= MIN_FREE_BYTES):
            return "%s/%s" % (path, STATE_SUBDIR)
    return None


def is_ramdisk(path):
    return path == "/tmp" or path.startswith("/tmp/")
