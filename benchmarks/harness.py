"""Timing helpers shared by the benchmarks, and the line each result prints."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    name: str
    figure: str
    within_floor: bool

    def line(self) -> str:
        verdict = "ok" if self.within_floor else "MISSES THE FLOOR"
        return f"{self.name:<48} {self.figure}  [{verdict}]"


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def medians_in_turn(actions: list[Callable[[], object]], repeats: int) -> list[float]:
    """Median seconds of each action, after an untimed run of each (disk and bytecode caches),
    their runs taken in turn so that whatever else the machine is doing weighs on all alike."""
    timings: list[list[float]] = [[] for _ in actions]
    for action in actions:
        action()
    for _ in range(repeats):
        for action, times in zip(actions, timings, strict=True):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
    return [statistics.median(times) for times in timings]


def process_environment(data_dir: Path) -> dict[str, str]:
    """The environment a timed process runs in: the diary in `data_dir`, and Python free to cache
    compiled bytecode, as it does for an installed app (the untimed first run writes the cache)."""
    env = {**os.environ, "WORKDIARY_DATA_DIR": str(data_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_process(argv: list[str], data_dir: Path) -> None:
    subprocess.run(argv, env=process_environment(data_dir), check=True, stdout=subprocess.DEVNULL)


def process_seconds(argv: list[str], data_dir: Path, repeats: int) -> float:
    """Median wall time of a whole process, after one untimed run to warm the disk cache."""
    run_process(argv, data_dir)
    return median_seconds(lambda: run_process(argv, data_dir), repeats)


PYTHON = sys.executable
