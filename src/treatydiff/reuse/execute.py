"""Where the tasks of a reuse search run: this process, a local Dask scheduler, or a Dask
distributed cluster.

A ``Runner`` maps a task function over items, with one large ``shared`` argument (the
clause index of the verification stage) sent to each worker once, and returns the
results in the order of the items: the result of a search never depends on where or in
which order its tasks ran.

``--scheduler`` names the runner (``runner_for``):

* ``processes`` (the default when Dask is installed): Dask's local multiprocessing
  scheduler, one worker process per core. The tasks are pure Python (import, segmentation,
  index probing) and hold the GIL, so threads do not run them side by side; measured on
  the 2-core benchmark machine, processes are the fastest (benchmarks/README.md).
* ``threads``, ``synchronous``: Dask's other local schedulers.
* ``tcp://HOST:PORT`` (any ``scheme://`` address): the scheduler of a Dask distributed
  cluster, through a ``distributed.Client``. Its workers run treatydiff's task functions:
  they need the same version of treatydiff installed. The sources are sent from here, so
  the workers need not see the files; the cache stays on this machine.

Without Dask (``pip install 'treatydiff[dask]'`` brings it), the default runs the same
task functions in this process, one after the other: a small collection needs no
scheduler, and the core install stays without Dask's dependencies. Naming a scheduler
without Dask installed is a ``ConfigError`` that names the install command.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Protocol, TypeVar

from treatydiff.errors import ConfigError

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")

INSTALL = "pip install 'treatydiff[dask]'"
LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")


class Progress(Protocol):
    """Where a runner reports how far a stage has come (a progress bar on a terminal)."""

    def start(self, label: str, total: int) -> None:
        """A stage of ``total`` tasks starts."""

    def advance(self, done: int) -> None:
        """``done`` more tasks of the stage finished."""

    def finish(self) -> None:
        """The stage is over."""


class Silent:
    """A ``Progress`` that shows nothing."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, done: int) -> None:
        pass

    def finish(self) -> None:
        pass


class Runner:
    """Runs the tasks of a search in this process, one after the other. The base of the
    Dask runners, which run the same functions elsewhere."""

    workers = 1

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress: Progress = progress or Silent()

    def map(
        self, func: Callable[[S, T], R], shared: S, items: Sequence[T], *, label: str
    ) -> list[R]:
        """``[func(shared, item) for item in items]``, wherever the runner runs them."""
        self.progress.start(label, len(items))
        try:
            return self._map(func, shared, items, label)
        finally:
            self.progress.finish()

    def _map(self, func: Callable[[S, T], R], shared: S, items: Sequence[T], label: str) -> list[R]:
        results = []
        for item in items:
            results.append(func(shared, item))
            self.progress.advance(1)
        return results

    def close(self) -> None:
        """Release the runner's resources (a cluster connection)."""

    def __enter__(self) -> Runner:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class LocalDask(Runner):
    """Dask's local ``scheduler`` (processes, threads or synchronous), on ``workers``
    workers; the tasks are ``dask.delayed`` calls. The processes scheduler keeps one pool
    of worker processes for the runner's life: each stage would otherwise start (spawn)
    and import anew."""

    def __init__(self, scheduler: str, progress: Progress | None = None) -> None:
        super().__init__(progress)
        self.scheduler = scheduler
        self.workers = 1 if scheduler == "synchronous" else (os.cpu_count() or 1)
        self._pool: Any = None

    def _map(self, func: Callable[[S, T], R], shared: S, items: Sequence[T], label: str) -> list[R]:
        import dask
        from dask.callbacks import Callback

        keys, tasks = _delayed_calls(func, shared, items, label)
        wanted = set(keys)

        def posttask(key: Any, *_: Any) -> None:
            if key in wanted:
                self.progress.advance(1)

        options: dict[str, Any] = {"num_workers": self.workers}
        if self.scheduler == "processes":
            options["pool"] = self._process_pool()
        with Callback(posttask=posttask):
            results = dask.compute(*tasks, scheduler=self.scheduler, **options)
        return list(results)

    def _process_pool(self) -> Any:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Spawned, as Dask's own pools are: forking a process that holds threads
            # (a progress bar, a library's) may deadlock.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class Distributed(Runner):
    """The scheduler of a Dask distributed cluster at ``address``."""

    def __init__(self, address: str, progress: Progress | None = None) -> None:
        super().__init__(progress)
        from distributed import Client

        try:
            self.client = Client(address, timeout="20s")
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def _map(self, func: Callable[[S, T], R], shared: S, items: Sequence[T], label: str) -> list[R]:
        from distributed import as_completed

        # The data go to the workers directly, not through the scheduler in the graph:
        # the shared argument to every worker, the items spread among them.
        shared_on_workers = self.client.scatter(shared, broadcast=True, hash=False)
        items_on_workers = self.client.scatter(list(items), hash=False)
        _, tasks = _delayed_calls(func, shared_on_workers, items_on_workers, label)
        futures = self.client.compute(tasks)
        for _ in as_completed(futures):
            self.progress.advance(1)
        results: list[R] = self.client.gather(futures)
        self.client.cancel([shared_on_workers, *items_on_workers, *futures])
        return results

    def close(self) -> None:
        self.client.close()


def _delayed_calls(
    func: Callable[[S, T], R], shared: Any, items: Sequence[T], label: str
) -> tuple[list[str], list[Any]]:
    """One ``dask.delayed`` call per item, under keys named by the stage and this run
    (explicit keys: dask need not hash the arguments, and two runs on one cluster never
    share a key)."""
    from dask import delayed

    run = uuid.uuid4().hex[:12]
    shared_node = (
        shared
        if _is_future(shared)
        else delayed(shared, name=f"{label}-{run}-shared", traverse=False)
    )
    keys = [f"{label}-{run}-{n}" for n in range(len(items))]
    call = delayed(func, pure=True)
    tasks = [
        call(shared_node, item, dask_key_name=key) for key, item in zip(keys, items, strict=True)
    ]
    return keys, tasks


def _is_future(value: Any) -> bool:
    return type(value).__name__ == "Future" and type(value).__module__.startswith("distributed")


def has_dask() -> bool:
    """True when dask and distributed can be imported (the ``dask`` extra)."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def runner_for(spec: str | None, progress: Progress | None = None) -> Runner:
    """The runner ``--scheduler spec`` names (see the module's docstring); None is the
    default. Raises ConfigError for an unknown spec, for a named scheduler without Dask
    installed, or for a cluster that cannot be reached."""
    if spec is None:
        return LocalDask("processes", progress) if has_dask() else Runner(progress)
    is_address = "://" in spec
    if not is_address and spec not in LOCAL_SCHEDULERS:
        raise ConfigError(
            f"unknown scheduler {spec!r}: give {', '.join(LOCAL_SCHEDULERS)}, "
            "or a cluster address such as tcp://HOST:PORT"
        )
    if not has_dask():
        raise ConfigError(f"--scheduler {spec} needs Dask: {INSTALL}")
    return Distributed(spec, progress) if is_address else LocalDask(spec, progress)
