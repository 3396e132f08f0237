#!/usr/bin/env python3
"""How many requests a node crash costs the clients of a pool, under load.

A logged-in user's GET /{pool}/api/me is driven through the gateway by wrk (CONNECTIONS connections
for SECONDS); after KILL_AFTER seconds one of the pool's nodes gets SIGKILL (its whole process tree,
pid from the lab's GET /api/resources). wrk's non-2xx count is what the crash cost. The node is then
started again through the lab and the next run waits until the pool is healthy; each run kills the
next node of the pool.

usage: python3 benchmarks/kill_under_load.py GATEWAY_URL LAB_URL [--pool redis] [--runs 3]
       [--seconds 15] [--kill-after 5] [--connections 16]
e.g.   python3 benchmarks/kill_under_load.py http://127.0.0.1:8080 'http://127.0.0.1:18890/?t=TOKEN'
The lab URL is the READY line's (with ?t=<token>: sent as X-Control-Token).
"""
import argparse, json, os, re, shutil, signal, subprocess, sys, time, urllib.error, urllib.parse, urllib.request


class Lab:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.base = f'{parts.scheme}://{parts.netloc}'
        token = urllib.parse.parse_qs(parts.query).get('t', [''])[0]
        self.headers = {'X-Control-Token': token} if token else {}

    def call(self, path, method='GET'):
        request = urllib.request.Request(self.base + path, headers=self.headers, method=method,
                                         data=b'' if method == 'POST' else None)
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            return json.loads(body) if body else None

    def nodes(self, pool):
        return sorted((r for r in self.call('/api/resources') if r.get('pool') == pool and r.get('kind') == 'node'),
                      key=lambda r: r['name'])

    def wait_healthy(self, pool, names, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            states = {r['name']: (r['state'], r['health']) for r in self.nodes(pool)}
            if all(states.get(n) == ('running', 'healthy') for n in names):
                return
            time.sleep(1)
        sys.exit(f'kill_under_load: {pool} nodes not healthy after {timeout} s: {states}')


def descendants(pid):
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    children.setdefault(int(f.read().rsplit(')', 1)[1].split()[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def kill_tree(pid):
    for p in descendants(pid):
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def login(gateway, pool):
    body = b'{"username":"alice","password":"alice-secret"}'
    for _ in range(10):
        request = urllib.request.Request(f'{gateway}/{pool}/api/login', data=body, headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request) as response:
                return '; '.join(h.split(';', 1)[0] for h in response.headers.get_all('Set-Cookie'))
        except urllib.error.HTTPError as error:
            if error.code != 429:
                raise
            time.sleep(int(error.headers.get('Retry-After', '1')))
    sys.exit('kill_under_load: the login kept getting 429')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('gateway')
    parser.add_argument('lab')
    parser.add_argument('--pool', default='redis')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--seconds', type=int, default=15)
    parser.add_argument('--kill-after', type=float, default=5)
    parser.add_argument('--connections', type=int, default=16)
    args = parser.parse_args()
    if shutil.which('wrk') is None:
        sys.exit('kill_under_load: wrk is not installed (apt-get install wrk)')
    gateway, lab = args.gateway.rstrip('/'), Lab(args.lab)
    names = [r['name'] for r in lab.nodes(args.pool) if r['state'] == 'running']  # not the spares

    print(f'| run | killed | requests | non-2xx | socket errors |')
    print('|---:|---|---:|---:|---|')
    for run in range(args.runs):
        lab.wait_healthy(args.pool, names)
        time.sleep(3)  # the gateway's own probes (every 2 s) see a restarted node healthy too
        cookie = login(gateway, args.pool)
        victim = names[run % len(names)]
        wrk = subprocess.Popen(['wrk', '-t2', f'-c{args.connections}', f'-d{args.seconds}s', '-H', f'Cookie: {cookie}',
                                f'{gateway}/{args.pool}/api/me'], stdout=subprocess.PIPE, text=True)
        time.sleep(args.kill_after)
        pid = next(r['pid'] for r in lab.nodes(args.pool) if r['name'] == victim)
        kill_tree(pid)
        out = wrk.communicate()[0]
        requests = int(re.search(r'(\d+) requests in', out).group(1))
        non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
        errors = re.search(r'Socket errors: (.*)', out)
        print(f'| {run + 1} | {victim} (pid {pid}) | {requests} | {non2xx.group(1) if non2xx else 0} | '
              f'{errors.group(1) if errors else "none"} |', flush=True)
        lab.call(f'/api/resources/{victim}/start', method='POST')
    lab.wait_healthy(args.pool, names)


if __name__ == '__main__':
    main()
