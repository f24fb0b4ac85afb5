"""The host's files, behind one small interface: the live file system, or the simulator's.

esxi-diag writes files only when asked to change the host (``tune --apply``): its journal, and
``/etc/rc.local.d/local.sh`` with ``--persist``. Writes are atomic (temporary name, fsync,
rename), and the default place for the journal is persistent storage: ``/scratch`` when it lives
on a datastore, else a writable datastore; never the ``/tmp`` ramdisk.
"""

import errno
import itertools
import os
import threading

from esxi_diag.names import VOLUMES
from esxi_diag.sources.inputs import JOURNAL_BYTES

STATE_SUBDIR = "esxi-diag"
SCRATCH = "/scratch"
MIN_FREE_BYTES = 1024 * 1024
MAX_SUFFIX = 1000  # name-2 ... name-1000: then the folder is said to be full of namesakes

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def _tmp_name(path):
    with _counter_lock:
        n = next(_counter)
    return os.path.join(os.path.dirname(path) or ".", ".%s.tmp-%d-%d" % (
        os.path.basename(path), os.getpid(), n))


def _write_all(fd, data):
    view = memoryview(data)
    written = 0
    while written < len(data):
        written += os.write(fd, view[written:])


def _write_tmp(path, data, mode):
    """A complete, synced temporary file beside ``path``, created exclusively. Returns its name."""
    tmp = _tmp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)  # whatever the umask
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def numbered(path, n):
    """``dir/name.ext`` -> ``dir/name-n.ext`` (n > 1); ``.redact-map.json`` and ``.tgz`` keep
    their whole suffix."""
    if n <= 1:
        return path
    folder, base = os.path.split(path)
    for suffix in (".tgz", ".json"):
        if base.endswith(suffix):
            return os.path.join(folder, "%s-%d%s" % (base[:-len(suffix)], n, suffix))
    return os.path.join(folder, "%s-%d" % (base, n))


class LiveFiles(object):
    """The real file system."""

    def read(self, path, limit=JOURNAL_BYTES):
        """The text of a file, or None when it does not exist. OSError (EFBIG) when it is larger
        than ``limit``: checked while reading, so that no file can fill the memory."""
        try:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except (IOError, OSError) as exc:
            if exc.errno == errno.ENOENT:
                return None
            raise
        if len(data) > limit:
            raise OSError(errno.EFBIG, "larger than %d bytes: not read" % limit, path)
        return data.decode("utf-8", "replace")

    def write_atomic(self, path, content, mode=None):
        """Write text or bytes under a temporary name in the same folder, fsync, rename: the
        file is either complete or absent. OSError (ENOSPC, EROFS...) leaves nothing behind.
        ``mode`` (e.g. 0o600) is set on the temporary file before any byte is written; without
        it an existing file keeps its mode and a new one gets 0644."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        if mode is None:
            try:
                mode = os.stat(path).st_mode & 0o7777
            except OSError:
                mode = 0o644
        tmp = _write_tmp(path, data, mode)
        try:
            os.rename(tmp, path)
        except BaseException:
            _unlink(tmp)
            raise

    def write_new(self, path, content, mode=0o644):
        """Write a file that did not exist, never replacing one: complete or absent, like
        write_atomic. When ``path`` is taken, ``name-2``, ``name-3``... are tried. Returns the
        path written. OSError as write_atomic (EEXIST when a thousand namesakes exist)."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        tmp = _write_tmp(path, data, mode)
        try:
            for n in range(1, MAX_SUFFIX + 1):
                target = numbered(path, n)
                if _link_or_reserve(tmp, target):
                    return target
            raise OSError(errno.EEXIST, "%d files of that name already exist" % MAX_SUFFIX,
                          path)
        finally:
            _unlink(tmp)

    def create_atomic(self, path, content, mode=0o644):
        """Give ``path`` its complete ``content`` unless it exists (never replacing it, never
        visible half-written where the file system has hard links). False when it exists."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        tmp = _write_tmp(path, data, mode)
        try:
            return _link_or_reserve(tmp, path)
        finally:
            _unlink(tmp)

    def create_new(self, path, content, mode=0o644):
        """Create ``path`` exclusively with ``content`` (O_EXCL): False when it already exists.
        Used for locks and for the first write of a journal."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except (IOError, OSError) as exc:
            if exc.errno == errno.EEXIST:
                return False
            raise
        try:
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
        except BaseException:
            _unlink(path)
            raise
        return True

    def remove(self, path):
        """Remove a file; False when it was not there."""
        try:
            os.unlink(path)
        except (IOError, OSError) as exc:
            if exc.errno == errno.ENOENT:
                return False
            raise
        return True

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


def _link_or_reserve(tmp, target):
    """Give the complete file ``tmp`` the name ``target`` unless that name exists: a hard link
    (atomic, never replaces), or where the file system has none, an exclusive placeholder then
    a rename over it. False when ``target`` exists."""
    try:
        os.link(tmp, target)
        return True
    except (IOError, OSError) as exc:
        if exc.errno == errno.EEXIST:
            return False
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS, errno.EACCES):
            raise
    try:  # no hard links here (VFAT, some NAS): reserve the name, then replace the placeholder
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except (IOError, OSError) as exc:
        if exc.errno == errno.EEXIST:
            return False
        raise
    os.close(fd)
    try:
        os.rename(tmp, target)
    except BaseException:
        _unlink(target)
        raise
    return True


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
