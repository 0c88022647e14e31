"""The broker keeper's process, as `orcast dev` starts and stops it (`keeper.py` is
what runs in it). Light to import: `orcast dev` starts it before anything else."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from services.common.lifetime import die_with_parent

logger = logging.getLogger(__name__)

KEEPER_GRACE = 40.0  # the keeper waits for the services, then journals the rest


class KeeperFailed(RuntimeError):
    """The broker keeper did not come up (its log is the data dir's `broker.log`)."""


@dataclass
class Keeper:
    process: subprocess.Popen[bytes]
    data_dir: Path
    bootstrap: str = ""  # known once ready
    restored: int = 0

    @classmethod
    def start(cls, data_dir: Path, env: Mapping[str, str], kafka_port: int | None) -> Keeper:
        return cls.spawn(data_dir, env, kafka_port).ready()

    @classmethod
    def spawn(cls, data_dir: Path, env: Mapping[str, str], kafka_port: int | None) -> Keeper:
        """Start the keeper and return at once (`ready()` waits for its broker), so the
        supervisor's own start overlaps the broker's and the journal's restore."""
        command = [sys.executable, "-m", "services.dev.keeper", "--data-dir", str(data_dir)]
        if kafka_port:
            command += ["--kafka-port", str(kafka_port)]
        process = subprocess.Popen(command, env=dict(env), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, start_new_session=True,
                                   preexec_fn=die_with_parent())
        return cls(process, data_dir)

    def ready(self) -> Keeper:
        """Wait for `ready <bootstrap> restored=N`: the journal is restored."""
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode().split()
        if len(line) < 2 or line[0] != "ready":
            self.process.kill()
            self.process.wait()
            raise KeeperFailed(f"the embedded broker did not start (see above and "
                               f"{self.data_dir / 'broker.log'})")
        self.bootstrap = line[1]
        self.restored = int(line[2].split("=")[1]) if len(line) > 2 else 0
        return self

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(line.encode() + b"\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass

    def stop(self) -> None:
        """End of input: the keeper journals the rest, then stops the broker."""
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self.process.wait(KEEPER_GRACE)
        except subprocess.TimeoutExpired:
            logger.error("broker keeper did not stop in %.0f s; killed", KEEPER_GRACE)
            self.process.kill()
            self.process.wait()
