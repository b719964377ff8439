#!/usr/bin/env python3
"""Where the analyzers' time goes, from a `perf` recording of the cost harness (see bench/README.md, "Profiling").

`perf` samples the CPU at a fixed rate wherever the thread is. The EventPipe sampler (dotnet-trace) instead suspends the
runtime and records each thread at its next safe point, so its time lands on allocation helpers, GC polls and native
transitions (MemberwiseClone, PollGCWorker, GetHashCode) rather than on the code that ran: use this one.

Input: the text of `perf script -F comm,tid,ip,sym` (stacks, leaf first, blank-line separated).

    perf_report.py FILE buckets                 analyzer samples per analyzer, split into graph building and own work
    perf_report.py FILE tree ROOT [DEPTH] [MIN] inclusive tree of the analyzer's own functions under a frame containing ROOT
    perf_report.py FILE leaf ROOT [N]           the deepest analyzer frame and what it called, under ROOT
"""
import collections
import sys

ANALYZERS = "[SocketAnalyzers]"
GRAPH = ("ControlFlowGraphBuilder", "GetControlFlowGraph")
ROOTS = ["ReadFlow+PerCompilation", "SocketLifecycleAnalyzer", "AddressingAndFramingAnalyzer", "SOCK022", "SOCK050",
         "SOCK020", "SOCK021", "SOCK023", "SOCK031", "SOCK012", "SOCK011", "KnownSymbols", "CatalogueIndex::For",
         "SocketApiCatalogue::.cctor", "ByteOrderRule", "StreamFieldTracker"]
# SOCK020 and SOCK021 share ByteOrderRule's body action and StreamFieldTracker's type actions (since eacd442 the
# bodies of types without a writer or reader field run in a compilation action, whose frames name neither rule): their
# samples are bucketed under those two names, not under the rules'.


def samples(path):
    stack = []
    with open(path, errors="replace") as text:
        for line in text:
            if not line.strip():
                if stack:
                    yield stack
                    stack = []
            elif line[0] in " \t":
                parts = line.strip().split(" ", 1)
                stack.append(parts[1] if len(parts) > 1 else "?")
    if stack:
        yield stack


def short(frame):
    frame = frame.split("(")[0]
    if "] " in frame:
        frame = frame.split("] ")[-1]
    return frame.replace("SocketAnalyzers.", "").replace("Microsoft.CodeAnalysis.", "")[-100:]


def is_graph(stack):
    return any(g in f for f in stack for g in GRAPH)


def buckets(path):
    counts = collections.Counter()
    total = binding = 0
    for stack in samples(path):
        ours = [f for f in stack if ANALYZERS in f]
        if not ours:
            if any("MethodCompiler::CompileMethod" in f for f in stack):
                binding += 1
            continue
        total += 1
        root = next((r for f in reversed(ours) for r in ROOTS if r in f), "other")
        counts[(root, "graph" if is_graph(stack) else "own")] += 1
    print(f"analyzer samples {total}; binding samples outside the analyzers (every run, warm-up included) {binding}")
    print(f"| analyzer | samples | own work | building graphs |")
    print(f"|---|---:|---:|---:|")
    per = collections.Counter()
    for (root, _), n in counts.items():
        per[root] += n
    for root, n in per.most_common():
        print(f"| {root} | {n} | {counts[(root, 'own')]} | {counts[(root, 'graph')]} |")
    graph = sum(n for (r, k), n in counts.items() if k == "graph")
    print(f"| all | {total} | {total - graph} ({(total - graph) / max(total, 1):.0%}) | {graph} ({graph / max(total, 1):.0%}) |")


def tree(path, root, depth=4, minimum=2.0):
    counts = collections.Counter()
    total = 0
    for stack in samples(path):
        if is_graph(stack):
            continue
        frames = list(reversed(stack))
        start = next((i for i, f in enumerate(frames) if root in f), None)
        if start is None:
            continue
        total += 1
        chain = []
        for f in frames[start + 1:]:
            if ANALYZERS in f and short(f) not in chain:
                chain.append(short(f))
        for k in range(min(depth, len(chain))):
            counts[tuple(chain[:k + 1])] += 1
    print(f"{root}: {total} samples (graph building left out)")

    def show(prefix, indent):
        children = [(k, n) for k, n in counts.items() if len(k) == len(prefix) + 1 and k[:len(prefix)] == prefix]
        for k, n in sorted(children, key=lambda kv: -kv[1]):
            if n * 100.0 / total >= minimum:
                print(f"{'  ' * indent}{n * 100.0 / total:5.1f}% {k[-1]}")
                show(k, indent + 1)

    show((), 0)


def leaf(path, root, n=30):
    counts = collections.Counter()
    total = 0
    for stack in samples(path):
        if is_graph(stack) or not any(root in f for f in stack):
            continue
        ours = [i for i, f in enumerate(stack) if ANALYZERS in f]
        if not ours:
            continue
        total += 1
        i = ours[0]
        counts[short(stack[i]) + ("" if i == 0 else "  ->  " + short(stack[i - 1]))] += 1
    print(f"{root}: {total} samples (graph building left out)")
    for key, count in counts.most_common(n):
        print(f"{count * 100.0 / total:5.1f}% {count:6d} {key}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    file, mode, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "buckets":
        buckets(file)
    elif mode == "tree":
        tree(file, rest[0], int(rest[1]) if len(rest) > 1 else 4, float(rest[2]) if len(rest) > 2 else 2.0)
    elif mode == "leaf":
        leaf(file, rest[0], int(rest[1]) if len(rest) > 1 else 30)
    else:
        print(__doc__)
        sys.exit(2)
