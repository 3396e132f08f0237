#!/usr/bin/env python3
"""What a logged-in GET /{strategy}/api/me costs the pool's nodes, in CPU microseconds per request.

Drives one strategy at a time through the gateway with wrk (a fixed number of connections for a few
seconds) and reads the CPU time of that pool's node processes from /proc/<pid>/stat before and after,
minus the same pool's idle CPU over the same span. Rounds are interleaved; the median is reported.
Give two clusters (--cluster twice) to measure them side by side in one run.

usage: python3 benchmarks/node_cost.py --cluster NAME GATEWAY_URL LAB_URL [--cluster ...]
       python3 benchmarks/node_cost.py --ready NAME "READY gateway=... dashboard=... lab=..." [--ready ...]
       [--strategies local,sticky,redis,jwt] [--rounds 5] [--seconds 5] [--connections 4]
e.g.   python3 benchmarks/node_cost.py --ready main "$(grep -m1 '^READY ' apphost.log)"
       python3 benchmarks/node_cost.py --cluster main http://127.0.0.1:8080 'http://127.0.0.1:18890/?t=<token>'

LAB_URL is the lab= link of the AppHost's READY line: the lab's control API (GET /api/resources, for the node
pids) answers only with the run's control token, which that link carries as ?t= and this script sends as the
X-Control-Token header.
"""
import argparse, http.cookiejar, json, os, re, shutil, subprocess, sys, time, urllib.parse, urllib.request

TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def pool_cpu(pids):
    return sum(cpu_seconds(p) for p in pids)


def parse_ready(line):
    """The gateway and lab URLs of a READY line: READY gateway=<url> dashboard=<url> lab=<url>/?t=<token>."""
    urls = dict(part.split('=', 1) for part in line.split()[1:] if '=' in part)
    if not line.startswith('READY ') or 'gateway' not in urls or 'lab' not in urls:
        sys.exit(f'node_cost: not a READY line: {line!r}')
    return urls['gateway'], urls['lab']


def control_api(lab_url):
    """The lab's /api/resources and the control token from its READY-line link (?t=...)."""
    parts = urllib.parse.urlsplit(lab_url)
    token = urllib.parse.parse_qs(parts.query).get('t', [None])[0]
    if not token:
        sys.exit(f'node_cost: {lab_url} carries no control token: give the lab= link of the READY line (.../?t=<token>)')
    return f'{parts.scheme}://{parts.netloc}/api/resources', token


def pool_pids(lab_url):
    resources_url, token = control_api(lab_url)
    request = urllib.request.Request(resources_url, headers={'X-Control-Token': token, 'Accept': 'application/json'})
    pools = {}
    for resource in json.load(urllib.request.urlopen(request)):
        if resource.get('pool') and resource.get('pid'):
            pools.setdefault(resource['pool'], []).append(resource['pid'])
    return pools


def login(gateway, strategy):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    request = urllib.request.Request(f'{gateway}/{strategy}/api/login', data=b'{"username":"alice","password":"alice-secret"}',
                                     headers={'Content-Type': 'application/json'})
    opener.open(request).read()
    return '; '.join(f'{c.name}={c.value}' for c in jar)


def wrk(url, cookie, seconds, connections):
    out = subprocess.run(['wrk', '-t1', f'-c{connections}', f'-d{seconds}s', '-H', f'Cookie: {cookie}', url],
                         capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r'(\d+) requests in', out).group(1))
    non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    return requests, int(non2xx.group(1)) if non2xx else 0


def measure_once(gateway, pids, strategy, seconds, connections):
    cookie = login(gateway, strategy)
    start, before = time.monotonic(), pool_cpu(pids)
    time.sleep(2)
    idle_rate = (pool_cpu(pids) - before) / (time.monotonic() - start)
    start, before = time.monotonic(), pool_cpu(pids)
    requests, non2xx = wrk(f'{gateway}/{strategy}/api/me', cookie, seconds, connections)
    used = pool_cpu(pids) - before - idle_rate * (time.monotonic() - start)
    return used / requests * 1e6, requests / seconds, non2xx


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--cluster', nargs=3, action='append', default=[], metavar=('NAME', 'GATEWAY', 'LAB'))
    parser.add_argument('--ready', nargs=2, action='append', default=[], metavar=('NAME', 'READY_LINE'))
    parser.add_argument('--strategies', default='local,sticky,redis,jwt')
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--seconds', type=int, default=5)
    parser.add_argument('--connections', type=int, default=4)
    args = parser.parse_args()
    args.cluster += [(name, *parse_ready(line)) for name, line in args.ready]
    if not args.cluster:
        parser.error('give at least one --cluster or --ready')
    if shutil.which('wrk') is None:
        sys.exit('node_cost: wrk is not installed (apt-get install wrk); refusing to guess figures without it')

    strategies = args.strategies.split(',')
    clusters = [(name, gateway.rstrip('/'), pool_pids(lab)) for name, gateway, lab in args.cluster]
    for name, gateway, pids in clusters:  # warm-up: JIT and connection pools, not measured
        for strategy in strategies:
            wrk(f'{gateway}/{strategy}/api/me', login(gateway, strategy), 10, args.connections)

    samples = {}
    for _ in range(args.rounds):
        for strategy in strategies:
            for name, gateway, pids in clusters:
                samples.setdefault((strategy, name), []).append(
                    measure_once(gateway, pids[strategy], strategy, args.seconds, args.connections))

    names = [name for name, _, _ in clusters]
    print('| strategy | ' + ' | '.join(f'{n}: node CPU µs/request (rounds)' for n in names) + ' | ' + ' | '.join(f'{n} req/s' for n in names) + ' | non-2xx |')
    print('|---|' + '---:|' * (2 * len(names) + 1))
    for strategy in strategies:
        medians = [sorted(samples[(strategy, n)])[len(samples[(strategy, n)]) // 2] for n in names]
        cpu = [f"**{m[0]:.0f}** ({', '.join(f'{x[0]:.0f}' for x in samples[(strategy, n)])})" for m, n in zip(medians, names)]
        rps = [f'{m[1]:.0f}' for m in medians]
        print(f"| {strategy} | {' | '.join(cpu)} | {' | '.join(rps)} | {' / '.join(str(m[2]) for m in medians)} |")


if __name__ == '__main__':
    main()
