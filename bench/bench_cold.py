"""Cold commands: whole `main.py` processes, each figure beside its reference. Prints; asserts nothing.

    .venv/bin/python bench/bench_cold.py [--rounds N] [--imports N]

Each round runs every command once, in a new shuffled order (interleaved, so a busy machine slows
all alike): `python -c pass` (the bare interpreter, the reference of --version), `main.py
--version`, `main.py export NUMBER --format pdf` and `main.py parse` of the 4-page KI-Allianz
print; the figures are medians over the rounds. The export is of the KI-Allianz Stellungnahme
(17/9321, imported from ../shared/samples, or $ZIFFER_SHARED/samples, into a register of its own)
or, without the samples, of the demo register's 17/9486; the parse is skipped without them.

"Cold" is a new process. Like an installed app's, the bytecode of every module is already
compiled (warm-up runs compile it into a pycache folder of this bench, also where
PYTHONDONTWRITEBYTECODE is set), and the hyphenation cache (core/hyphenation.py, in an
XDG_CACHE_HOME of this bench) was built by an earlier run; that first run is shown apart, and so
is the export with PYTHONDONTWRITEBYTECODE=1 and the bytecode there is (in a checkout without
__pycache__ folders, Python compiles Ziffer's own modules in every process). The references
beside the commands are measured in the same run: warm exports and parses in one process
(medians) and the targets of issue 13. Beside each time, the CPU time of the process (user and
system, median): on a shared machine it moves less with the load than the time does. Last,
`-X importtime` of one export and one parse: the imports the program makes itself that cost most
(cumulative; importtime itself adds to them).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(os.environ.get("ZIFFER_SHARED") or ROOT.parent / "shared") / "samples"  # as the tests
SAMPLE_PDF = SAMPLES / "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
PY = sys.executable
MAIN = str(ROOT / "main.py")
BARE, VERSION, PARSE = "python -c pass", "main.py --version", "main.py parse (4-page PDF)"

WARM = """
import statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
what, db, target = sys.argv[2:5]
times = []
if what == "export":
    from core.export import export
    from storage.register import Register
    with Register.open(db) as register, tempfile.TemporaryDirectory() as out:
        doc = register.get_print(register.print_id(target)).doc
        for _ in range(6):
            t = time.perf_counter(); export(doc, "pdf", Path(out)); times.append(time.perf_counter() - t)
else:
    from core.parser import parse_file
    for _ in range(6):
        t = time.perf_counter(); parse_file(target); times.append(time.perf_counter() - t)
print(statistics.median(times[1:]))
"""


def cpu_of_children() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figures
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Seconds the process took, start to end; its CPU seconds appended to `cpu`."""
    before, t = cpu_of_children(), time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    if cpu is not None:
        cpu.append(cpu_of_children() - before)
    return elapsed


def top_imports(cmd: list[str], env: dict[str, str], n: int) -> list[tuple[float, str]]:
    """The imports one run makes itself (not those a module makes) under -X importtime, costliest
    first (ms, cumulative), after their sum."""
    done = subprocess.run([PY, "-X", "importtime", *cmd[1:]], env=env, cwd=ROOT, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if name.startswith(" ") and not name.startswith("  "):
            rows.append((int(cumulative) / 1000, name.strip()))
    total = sum(ms for ms, _ in rows)
    return [(total, "all of them"), *sorted(rows, reverse=True)[:n]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--imports", type=int, default=10, metavar="N", help="top N imports of export and parse")
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPYCACHEPREFIX=str(work / "pycache"), XDG_CACHE_HOME=str(work / "warmup-cache"))
        db = str(work / "register.db")
        if SAMPLE_PDF.exists():
            run([PY, MAIN, "--db", db, "import", str(SAMPLE_PDF)], env)
            number, what = "17/9321", "the KI-Allianz Stellungnahme"
        else:
            run([PY, MAIN, "--db", db, "demo"], env)
            number, what = "17/9486", f"the demo register's 17/9486 ({SAMPLE_PDF} missing)"
        export = f"main.py export {number} --format pdf"
        uncompiled = f"{export}, PYTHONDONTWRITEBYTECODE=1"
        export_cmd = [PY, MAIN, "--db", db, "export", number, "--format", "pdf", "--out", str(work / "out")]
        commands = {BARE: [PY, "-c", "pass"], VERSION: [PY, MAIN, "--version"], export: export_cmd}
        if SAMPLE_PDF.exists():
            commands[PARSE] = [PY, MAIN, "parse", str(SAMPLE_PDF)]
        for cmd in commands.values():  # compile every module's bytecode, build a hyphenation cache
            run(cmd, env)
            run(cmd, env)
        env["XDG_CACHE_HOME"] = str(work / "cache")  # empty: this run builds the hyphenation cache
        first_export = run(export_cmd, env)
        # Python's and the libraries' bytecode as installed (their __pycache__), Ziffer's as the checkout has it
        envs = {name: env for name in commands}
        envs[uncompiled] = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
        envs[uncompiled]["PYTHONDONTWRITEBYTECODE"] = "1"
        commands[uncompiled] = export_cmd

        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        shuffled = random.Random(13)
        for _ in range(opts.rounds):
            order = list(commands)
            shuffled.shuffle(order)
            for name in order:
                times[name].append(run(commands[name], envs[name], cpus[name]))
        ms = {name: statistics.median(t) * 1000 for name, t in times.items()}
        cpu = {name: f"CPU {statistics.median(t) * 1000:3.0f} ms" for name, t in cpus.items()}

        def warm(kind: str, target: str) -> float:
            done = subprocess.run(
                [PY, "-c", WARM, str(ROOT), kind, db, target], env=env, capture_output=True, text=True, check=True
            )
            return float(done.stdout) * 1000

        print(f"Cold commands: medians of {opts.rounds} interleaved runs of whole processes; export of {what}.")
        print("Bytecode compiled before (as installed); the hyphenation cache built by an earlier run.")
        width = max(map(len, (BARE, VERSION, export, PARSE))) + 2
        bare, version = ms[BARE], ms[VERSION]
        print(f"  {BARE:<{width}}{bare:7.0f} ms   {cpu[BARE]}   the bare interpreter")
        print(
            f"  {VERSION:<{width}}{version:7.0f} ms   {cpu[VERSION]}   target ≤ 2 × bare = {2 * bare:.0f} ms "
            f"({version / bare:.2f} ×)"
        )
        print(
            f"  {export:<{width}}{ms[export]:7.0f} ms   {cpu[export]}   target ≤ 350 ms; warm export in one "
            f"process {warm('export', number):.0f} ms"
        )
        print(f"  {'':<{width}}{first_export * 1000:7.0f} ms   the first export, building the hyphenation cache")
        compiled = "with" if any((ROOT / "core").glob("__pycache__/*.pyc")) else "without"
        print(
            f"  {'':<{width}}{ms[uncompiled]:7.0f} ms   {cpu[uncompiled]}   the export with "
            f"PYTHONDONTWRITEBYTECODE=1 ({compiled} bytecode of Ziffer's modules in the checkout)"
        )
        if PARSE in ms:
            print(
                f"  {PARSE:<{width}}{ms[PARSE]:7.0f} ms   {cpu[PARSE]}   target ≤ 130 ms; warm parse in one process "
                f"{warm('parse', str(SAMPLE_PDF)):.0f} ms"
            )
        if opts.imports:
            shown = [(export, export_cmd)] + ([(PARSE, commands[PARSE])] if PARSE in commands else [])
            for name, cmd in shown:
                print(f"\n-X importtime of {name}: the imports it makes itself (ms, cumulative)")
                for cost, module in top_imports(cmd, env, opts.imports):
                    print(f"  {cost:7.1f}  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
