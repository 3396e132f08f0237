#!/usr/bin/env python3
"""A password-guessing storm from one address, and what it does to another user of the same pool.

A watcher (one demo user, logged in before the storm) asks GET /{pool}/api/me every 50 ms, first for a
quiet baseline and then while ATTEMPTS wrong-password logins for USER arrive from this machine, paced
evenly over SECONDS (each on its own connection, sent on time however slowly the gateway answers).
Prints how the storm was answered (status counts), the watcher's latency percentiles quiet and under
the storm, and, given the lab URL, how much CPU the pool's nodes burnt meanwhile (every login that
reaches a node runs one PBKDF2 verification).

usage: python3 benchmarks/login_storm.py GATEWAY_URL [LAB_URL] [--pool redis] [--attempts 200]
       [--seconds 8] [--user alice] [--watcher bob] [--interval 0.05] [--workers 64]
e.g.   python3 benchmarks/login_storm.py http://127.0.0.1:8080 'http://127.0.0.1:18890/?t=TOKEN'
"""
import argparse, collections, concurrent.futures, json, os, sys, threading, time, urllib.error, urllib.parse, urllib.request

TICK = os.sysconf('SC_CLK_TCK')


def request(url, data=None, headers=None, timeout=30):
    """(status, headers, body, seconds); HTTP errors are answers too, a failed connection is status 0."""
    started = time.monotonic()
    req = urllib.request.Request(url, data=data, headers=headers or {}, method='POST' if data is not None else 'GET')
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), time.monotonic() - started
    except OSError:
        return 0, {}, b'', time.monotonic() - started


def login(gateway, pool, user, password):
    """The login cookies, waiting out a 429 from an earlier storm (the gateway says how long)."""
    body = json.dumps({'username': user, 'password': password}).encode()
    for _ in range(10):
        status, headers, _, _ = request(f'{gateway}/{pool}/api/login', body, {'Content-Type': 'application/json'})
        if status == 200:
            cookies = [h.split(';', 1)[0] for h in headers.get_all('Set-Cookie') or []]
            return '; '.join(cookies)
        if status != 429:
            sys.exit(f'login_storm: {user} could not log in on {pool}: {status}')
        time.sleep(int(headers.get('Retry-After', '1')))
    sys.exit(f'login_storm: {user} kept getting 429')


def node_pids(lab, pool):
    if not lab:
        return []
    url = urllib.parse.urlsplit(lab)
    token = urllib.parse.parse_qs(url.query).get('t', [''])[0]
    req = urllib.request.Request(f'{url.scheme}://{url.netloc}/api/resources', headers={'X-Control-Token': token} if token else {})
    return [r['pid'] for r in json.load(urllib.request.urlopen(req)) if r.get('pool') == pool and r.get('pid')]


def cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
        except OSError:
            pass
    return total


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000 if ordered else float('nan')


def watch(url, cookie, interval, stop):
    samples, statuses = [], collections.Counter()
    while not stop.is_set():
        due = time.monotonic() + interval
        status, _, _, seconds = request(url, headers={'Cookie': cookie})
        samples.append(seconds)
        statuses[status] += 1
        time.sleep(max(0.0, due - time.monotonic()))
    return samples, statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('gateway')
    parser.add_argument('lab', nargs='?', help="the lab URL with its token (?t=...): adds the pool's node CPU")
    parser.add_argument('--pool', default='redis')
    parser.add_argument('--attempts', type=int, default=200)
    parser.add_argument('--seconds', type=float, default=8)
    parser.add_argument('--user', default='alice')
    parser.add_argument('--watcher', default='bob')
    parser.add_argument('--interval', type=float, default=0.05)
    parser.add_argument('--workers', type=int, default=64)
    args = parser.parse_args()
    gateway = args.gateway.rstrip('/')
    me = f'{gateway}/{args.pool}/api/me'

    cookie = login(gateway, args.pool, args.watcher, f'{args.watcher}-secret')
    pids = node_pids(args.lab, args.pool)

    stop = threading.Event()
    timer = threading.Timer(2.0, stop.set)
    timer.start()
    quiet, _ = watch(me, cookie, args.interval, stop)

    stop = threading.Event()
    watcher = concurrent.futures.ThreadPoolExecutor(1).submit(watch, me, cookie, args.interval, stop)
    wrong = json.dumps({'username': args.user, 'password': 'not-the-password'}).encode()
    cpu_before, started = cpu_seconds(pids), time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
        attempts = []
        for i in range(args.attempts):
            time.sleep(max(0.0, started + i * args.seconds / args.attempts - time.monotonic()))
            attempts.append(pool.submit(request, f'{gateway}/{args.pool}/api/login', wrong, {'Content-Type': 'application/json'}))
        answers = [a.result() for a in attempts]
    elapsed = time.monotonic() - started
    cpu_used = cpu_seconds(pids) - cpu_before
    stop.set()
    storm, watcher_statuses = watcher.result()

    statuses = collections.Counter(status for status, _, _, _ in answers)
    retry_after = sorted({h.get('Retry-After') for status, h, _, _ in answers if status == 429})
    print(f'storm: {args.attempts} wrong logins for {args.user} on /{args.pool} in {elapsed:.1f} s: '
          + ', '.join(f'{count} x {status or "connection failed"}' for status, count in sorted(statuses.items())))
    if retry_after:
        print(f"  429 Retry-After values: {', '.join(retry_after)} s")
    if pids:
        reached = args.attempts - statuses[429]
        print(f'  {args.pool} nodes CPU during the storm: {cpu_used:.2f} s'
              + (f' ({cpu_used / reached * 1000:.0f} ms per login that reached a node)' if reached else ''))
    print(f'{args.watcher} GET /{args.pool}/api/me every {args.interval * 1000:.0f} ms: '
          f'quiet p50 {percentile(quiet, 50):.1f} ms, p95 {percentile(quiet, 95):.1f} ms, p99 {percentile(quiet, 99):.1f} ms ({len(quiet)} requests); '
          f'during the storm p50 {percentile(storm, 50):.1f} ms, p95 {percentile(storm, 95):.1f} ms, p99 {percentile(storm, 99):.1f} ms '
          f'({len(storm)} requests: ' + ', '.join(f'{c} x {s}' for s, c in sorted(watcher_statuses.items())) + ')')


if __name__ == '__main__':
    main()
