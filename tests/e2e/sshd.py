"""A throwaway OpenSSH server on 127.0.0.1, for running the reader over a real SSH link.

The server listens on loopback only, on a free high port, with a host key and a
client key made for this run in a temporary directory; login is by that key
only. It is stopped by its own pid. Nothing here touches the system's sshd, its
keys, or the user's ``~/.ssh``.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SSHD = Path("/usr/sbin/sshd")
# The variables the client may send and the server accepts (ssh forwards TERM itself).
FORWARDED_ENV = ("LANG", "LC_ALL", "NO_COLOR", "COLORTERM")


class SshdError(RuntimeError):
    """sshd could not be started; the message includes its log."""


def sshd_missing_reason() -> str | None:
    """Why an SSH test cannot run here, or None when it can."""
    if not SSHD.exists():
        return f"{SSHD} is missing (run .ci/install-test-deps to install openssh-server)"
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:  # skips PATH entries this user may not read
            return f"{tool} is missing (run .ci/install-test-deps)"
    if os.geteuid() != 0:
        # Seen with a normal user's sshd: login succeeds, then chown of the session's
        # /dev/pts fails and sshd closes the connection, so no terminal test can run.
        return "an sshd run by a normal user cannot give the session a terminal (run as root)"
    if _account_locked(getpass.getuser()):
        return (
            f"account {getpass.getuser()} is locked; without PAM sshd refuses it (usermod -p '*')"
        )
    return None


def _account_locked(user: str) -> bool:
    """A ``!`` password field (useradd's default) makes sshd without PAM refuse even keys."""
    try:
        lines = Path("/etc/shadow").read_text().splitlines()
    except OSError:
        return False  # not readable (not root): sshd cannot switch users anyway
    return any(line.split(":")[1].startswith("!") for line in lines if line.startswith(f"{user}:"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SshServer:
    """A running sshd and what a client needs to reach it."""

    directory: Path
    port: int
    process: subprocess.Popen[bytes]
    user: str

    @property
    def client_key(self) -> Path:
        return self.directory / "client_ed25519"

    @property
    def known_hosts(self) -> Path:
        return self.directory / "known_hosts"

    @property
    def log(self) -> Path:
        return self.directory / "sshd.log"

    def ssh_argv(
        self,
        remote_argv: Sequence[str],
        *,
        remote_env: Mapping[str, str] | None = None,
        tty: bool = True,
    ) -> list[str]:
        """The ``ssh`` command that runs ``remote_argv`` on this server.

        ``remote_env`` is set on the remote side by prefixing ``env NAME=value``
        (e.g. an isolated HOME): the login shell without PAM has a minimal
        environment and PATH, so callers pass absolute paths. ``TERM`` travels
        with the tty; ``FORWARDED_ENV`` travels by ``SendEnv`` when set locally.
        """
        pairs = (remote_env or {}).items()
        remote = ["env", *(f"{name}={value}" for name, value in pairs), *remote_argv]
        return [
            "ssh",
            "-F",
            "/dev/null",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            f"UserKnownHostsFile={self.known_hosts}",
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            f"SendEnv={' '.join(FORWARDED_ENV)}",
            "-i",
            str(self.client_key),
            "-p",
            str(self.port),
            "-tt" if tty else "-T",
            f"{self.user}@127.0.0.1",
            shlex.join(remote),
        ]

    def stop(self) -> None:
        """Stop this sshd (by its pid) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_sshd(directory: Path, *, timeout: float = 10.0) -> SshServer:
    """Make keys and a config in ``directory`` and start sshd on a free loopback port."""
    reason = sshd_missing_reason()
    if reason:
        raise SshdError(reason)
    directory.mkdir(parents=True, exist_ok=True)
    host_key = directory / "host_ed25519"
    client_key = directory / "client_ed25519"
    for key in (host_key, client_key):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", str(key)],
            check=True,
            capture_output=True,
        )
    authorized = directory / "authorized_keys"
    authorized.write_text(client_key.with_suffix(".pub").read_text())
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)

    port = free_port()
    host_public = host_key.with_suffix(".pub").read_text().split()
    (directory / "known_hosts").write_text(
        f"[127.0.0.1]:{port} {host_public[0]} {host_public[1]}\n"
    )
    config = directory / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"PidFile {directory / 'sshd.pid'}",
                f"AuthorizedKeysFile {authorized}",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                f"AcceptEnv {' '.join(FORWARDED_ENV).replace('LC_ALL', 'LC_*')}",
                "PrintMotd no",
                "PrintLastLog no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                "LogLevel ERROR",
                "",
            ]
        )
    )
    log = directory / "sshd.log"
    process = subprocess.Popen(
        [str(SSHD), "-D", "-f", str(config), "-E", str(log)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = SshServer(directory=directory, port=port, process=process, user=getpass.getuser())
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise SshdError(f"sshd exited with status {process.returncode}: {_read(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                server.stop()
                raise SshdError(f"sshd did not listen on port {port}: {_read(log)}") from None
            time.sleep(0.05)
    return server


def _read(path: Path) -> str:
    return path.read_text(errors="replace").strip() if path.exists() else "(no log)"
