#!/usr/bin/env python3
"""How long `dotnet run --project AppHost` takes to print READY, and what the running topology costs in memory.

Starts the AppHost (already built: --no-build) in a process group of its own, times the READY line, then sums
the resident memory (RSS, from /proc/<pid>/status) of every process of the run: the AppHost, Aspire's
orchestrator (dcp and its per-resource monitor processes), the Aspire dashboard, Redis, the gateway and the
nodes. Prints one line per kind and the total, then stops the AppHost with SIGTERM and checks nothing is left.

e.g.   python3 benchmarks/apphost_footprint.py            (the default topology: 14 resources)
       python3 benchmarks/apphost_footprint.py --runs 3 -- --Cluster:Strategies=local,redis
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

KINDS = [
    ('nodes', re.compile(r'ClusterSessions\.WebNode\.dll')),
    ('gateway', re.compile(r'ClusterSessions\.Gateway\.dll')),
    ('redis', re.compile(r'redis-server|GarnetServer')),
    ('dashboard', re.compile(r'Aspire\.Dashboard')),
    ('dcp monitors', re.compile(r'/dcp monitor-process')),
    ('dcp', re.compile(r'/dcp (start-apiserver|run-controllers)')),
    ('apphost', re.compile(r'ClusterSessions\.AppHost( |$)|dotnet run --project AppHost')),
]


def processes():
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                cmdline = f.read().replace(b'\0', b' ').decode(errors='replace').strip()
            with open(f'/proc/{pid}/status') as f:
                rss = next((int(line.split()[1]) for line in f if line.startswith('VmRSS:')), 0)
        except OSError:
            continue
        yield int(pid), cmdline, rss


def footprint():
    totals = {name: [0, 0] for name, _ in KINDS}
    for pid, cmdline, rss in processes():
        if pid == os.getpid():
            continue
        for name, pattern in KINDS:
            if pattern.search(cmdline):
                totals[name][0] += 1
                totals[name][1] += rss
                break
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=1)
    parser.add_argument('apphost_args', nargs='*')
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for run in range(args.runs):
        run_directory = tempfile.mkdtemp(prefix='cluster-sessions-footprint-')
        command = ['dotnet', 'run', '--project', 'AppHost', '--no-build', '--', f'--Cluster:RunDirectory={run_directory}', *args.apphost_args]
        started = time.monotonic()
        app = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        ready = None
        for line in app.stdout:
            if line.startswith('READY '):
                ready = time.monotonic() - started
                break
        if ready is None:
            sys.exit(f'the AppHost exited (code {app.wait()}) before READY')
        time.sleep(5)  # let start-up allocations settle
        totals = footprint()
        print(f'run {run + 1}: READY after {ready:.1f} s')
        for name, (count, rss) in totals.items():
            print(f'  {name:13} {count:3} processes {rss / 1024:8.0f} MB')
        print(f'  {"total":13} {sum(c for c, _ in totals.values()):3} processes {sum(r for _, r in totals.values()) / 1024:8.0f} MB')
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=60)
        time.sleep(5)
        left = [cmdline for pid, cmdline, _ in processes() if run_directory in cmdline or 'ClusterSessions.WebNode.dll' in cmdline]
        print(f'  after SIGTERM: {len(left)} processes left' + ''.join(f'\n    {c[:120]}' for c in left))


if __name__ == '__main__':
    main()
