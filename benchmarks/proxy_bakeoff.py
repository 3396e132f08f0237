#!/usr/bin/env python3
"""The proxy bake-off: nginx, HAProxy, a plain YARP and this project's gateway in front of the same 3 nodes.

Builds the WebNode, the gateway and benchmarks/PlainYarp (Release, into --artifacts-path or a temp folder), starts
3 WebNode processes (strategy local) as the AppHost does, each with an HTTP/1.1 port and an h2c (HTTP/2 only) port,
and the proxies on free 127.0.0.1 ports, each routing /local/** round-robin to the 3 nodes:
  nginx           HTTP/1.1 to the nodes, upstream keepalive (open-source nginx cannot proxy HTTP/2 to an upstream)
  haproxy         HTTP/1.1, http-reuse always
  haproxy-h2c     HTTP/2 to the nodes' h2c ports (proto h2)
  plain-yarp      YARP as its docs set it up: HTTP/1.1 over http://, the template's logging
  plain-yarp-h2c  YARP with the gateway's settings: h2c to the nodes, the hosting log off
  gateway         this project's gateway as the AppHost runs it: h2c to the nodes (Gateway:NodeProtocol=Http2)
  gateway-http1   the same gateway speaking HTTP/1.1 to the nodes, what h2c is measured against
plus "direct", one node's HTTP/1.1 port, as the ceiling. Then, after a warm-up of each, runs interleaved rounds: in
each round every target in turn gets `wrk -t1 -cCONNECTIONS -dSECONDSs --latency .../local/api/node` while this script
reads the CPU time of the proxy and of the nodes (utime + stime of the processes and their children, from
/proc/<pid>/stat) before and after. Reports requests/s, p50, p99 and the proxy's and the nodes' CPU µs per request per
round, then the medians with the ratios to nginx and the gateway's CPU ratio to plain YARP. For "direct" the CPU is the
node's own. The nodes' column explains the requests/s: on 2 saturated cores a request costs the proxy, the nodes and
wrk together. Every process it started is stopped on exit (Ctrl+C included) and the temp folder is removed.

usage: python3 benchmarks/proxy_bakeoff.py [--rounds 5] [--seconds 5] [--connections 32] [--warmup 15]
       [--artifacts-path DIR]
needs: wrk, nginx, haproxy (apt-get install wrk nginx haproxy) and dotnet on PATH.

Figures are only comparable within one run: another build or test on the machine skews them, so the load average
is printed at start and end.
"""
import argparse, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request

TICK = os.sysconf('SC_CLK_TCK')
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POOL = 'local'
NODES = 3
PATH = f'/{POOL}/api/node'
TOOLS = {'wrk': 'apt-get install wrk', 'nginx': 'apt-get install nginx', 'haproxy': 'apt-get install haproxy',
         'dotnet': 'the .NET 10 SDK, see global.json'}
# What the gateway's ServiceDefaults do without an OTLP exporter: ASP.NET Core's hosting logger off, so no Activity, logging
# scope and traceparent per request (ServiceDefaults/OpenTelemetryExtensions.cs). "plain-yarp" keeps the template's logging,
# as YARP's docs set it up; "plain-yarp-h2c" gets the same switch and protocol, so the gateway's own middleware is what differs.
QUIET_HOSTING_LOG = {'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics': 'None'}
PROJECTS = {'node': ('WebNode/ClusterSessions.WebNode.csproj', 'ClusterSessions.WebNode'),
            'gateway': ('Gateway/ClusterSessions.Gateway.csproj', 'ClusterSessions.Gateway'),
            'plain-yarp': ('benchmarks/PlainYarp/PlainYarp.csproj', 'PlainYarp')}


class Processes:
    """Every process this run started, each in a process group of its own; stop() ends them all."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.started = []

    def start(self, name, command, cwd=None, env=None):
        log = open(os.path.join(self.log_dir, f'{name}.log'), 'w')
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        self.started.append((name, process, log))
        return process

    def log_tail(self, name, lines=5):
        with open(os.path.join(self.log_dir, f'{name}.log')) as f:
            return ''.join(f.readlines()[-lines:]).strip()

    def stop(self):
        for _, process, _ in self.started:
            signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for _, process, log in self.started:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                signal_group(process, signal.SIGKILL)
                process.wait()
            signal_group(process, signal.SIGKILL)  # anything left in the group (nginx's worker)
            log.close()
        self.started.clear()


def signal_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def missing_tools():
    return [f'proxy_bakeoff: {tool} is not installed ({how})' for tool, how in TOOLS.items() if shutil.which(tool) is None]


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(('127.0.0.1', 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def build(artifacts):
    """dotnet build -c Release of each project into artifacts; the path of each one's dll."""
    dlls = {}
    for name, (project, assembly) in PROJECTS.items():
        print(f'building {project} (Release) ...', flush=True)
        result = subprocess.run(['dotnet', 'build', '-c', 'Release', '-nologo', '-v', 'q', '--disable-build-servers',
                                 '--artifacts-path', artifacts, os.path.join(REPO, project)], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f'proxy_bakeoff: build of {project} failed:\n{result.stdout[-3000:]}{result.stderr[-2000:]}')
        dlls[name] = os.path.join(artifacts, 'bin', assembly, 'release', f'{assembly}.dll')
    return dlls


def dotnet_env(urls=None, **settings):
    """The environment the AppHost gives a node or the gateway: Production, workstation GC, no telemetry export."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(('OTEL_', 'ASPNETCORE_', 'DOTNET_gc', 'Kestrel__'))}
    if urls:
        env['ASPNETCORE_URLS'] = urls
    env.update(ASPNETCORE_ENVIRONMENT='Production', DOTNET_gcServer='0', DOTNET_CLI_TELEMETRY_OPTOUT='1', **settings)
    return env


def start_nodes(processes, dll, ports, h2c_ports):
    """Each node's two Kestrel endpoints as the AppHost sets them (AppHost/Nodes/NodePoolExtensions.cs)."""
    for i, (port, h2c_port) in enumerate(zip(ports, h2c_ports), 1):
        processes.start(f'{POOL}-{i}', ['dotnet', dll], cwd=os.path.dirname(dll), env=dotnet_env(
            Node__Id=f'{POOL}-{i}', Node__PathBase=f'/{POOL}', Session__Strategy=POOL,
            Kestrel__Endpoints__Http__Url=f'http://127.0.0.1:{port}',
            Kestrel__Endpoints__H2c__Url=f'http://127.0.0.1:{h2c_port}', Kestrel__Endpoints__H2c__Protocols='Http2'))


def start_gateway(processes, dll, port, node_ports, name='gateway', protocol='Http2'):
    destinations = {f'Gateway__Pools__{POOL}__Destinations__{POOL}-{i}': f'http://127.0.0.1:{p}/'
                    for i, p in enumerate(node_ports, 1)}
    return processes.start(name, ['dotnet', dll], cwd=os.path.dirname(dll), env=dotnet_env(
        f'http://127.0.0.1:{port}', Node__Id='gateway', Gateway__NodeProtocol=protocol,
        **{f'Gateway__Pools__{POOL}__Affinity': 'false'}, **destinations))


def start_plain_yarp(processes, dll, port, node_ports, name='plain-yarp', **settings):
    destinations = {f'Destinations__{POOL}-{i}': f'http://127.0.0.1:{p}/' for i, p in enumerate(node_ports, 1)}
    return processes.start(name, ['dotnet', dll], cwd=os.path.dirname(dll), env=dotnet_env(
        f'http://127.0.0.1:{port}', Pool=POOL, **destinations, **settings))


def start_nginx(processes, temp, port, node_ports):
    prefix = os.path.join(temp, 'nginx')
    os.makedirs(prefix)
    servers = ''.join(f'        server 127.0.0.1:{p};\n' for p in node_ports)
    temp_paths = ''.join(f'    {kind}_temp_path {prefix}/{kind};\n' for kind in ('client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'))
    user = 'user root;\n' if os.geteuid() == 0 else ''  # as root nginx would run its worker as nobody, locked out of temp
    conf = os.path.join(prefix, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp_paths}    upstream nodes {{
{servers}        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://nodes;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
}}
""")
    return processes.start('nginx', ['nginx', '-p', prefix, '-c', conf, '-g', 'daemon off;'])


def start_haproxy(processes, temp, port, node_ports, name='haproxy', h2c=False):
    # Over h2, HAProxy 2.6 sends :scheme https for an origin-form request, which Kestrel refuses on a cleartext endpoint
    # (PROTOCOL_ERROR, a 502); an absolute URI makes it send the request's own scheme.
    absolute = '    http-request set-uri http://%[req.hdr(host)]%[pathq]\n' if h2c else ''
    servers = ''.join(f'    server {POOL}-{i} 127.0.0.1:{p}{" proto h2" if h2c else ""}\n' for i, p in enumerate(node_ports, 1))
    conf = os.path.join(temp, f'{name}.cfg')
    with open(conf, 'w') as f:
        f.write(f"""global
    nbthread 1
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    http-reuse always
frontend bakeoff
    bind 127.0.0.1:{port}
    default_backend nodes
backend nodes
    balance roundrobin
{absolute}{servers}""")
    return processes.start(name, ['haproxy', '-db', '-f', conf])


def wait_ready(processes, name, process, url, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f'proxy_bakeoff: {name} exited with {process.returncode}: {processes.log_tail(name)}')
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f'proxy_bakeoff: {name} did not answer {url} within {timeout}s: {processes.log_tail(name)}')


def process_tree(pid):
    """pid and its descendants (nginx's master and worker)."""
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    ppid = int(f.read().rsplit(')', 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError):
                pass
    tree, pending = [], [pid]
    while pending:
        tree.append(pending.pop())
        pending.extend(children.get(tree[-1], []))
    return tree


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime, all threads
        except OSError:
            pass
    return total / TICK


def latency_ms(text):
    value, unit = re.fullmatch(r'([\d.]+)(us|ms|s)', text).groups()
    return float(value) * {'us': 1e-3, 'ms': 1.0, 's': 1e3}[unit]


def wrk(url, seconds, connections):
    out = subprocess.run(['wrk', '-t1', f'-c{connections}', f'-d{seconds}s', '--latency', url],
                         capture_output=True, text=True, check=True).stdout
    percentile = lambda p: latency_ms(re.search(rf'^\s+{p}%\s+(\S+)', out, re.M).group(1))
    non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    socket_errors = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', out)
    return {'requests': int(re.search(r'(\d+) requests in', out).group(1)),
            'rps': float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1)),
            'p50': percentile(50), 'p99': percentile(99),
            'errors': (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)}


def measure(target, seconds, connections, node_pids):
    pids = process_tree(target['pid'])
    before, nodes_before = cpu_seconds(pids), cpu_seconds(node_pids)
    result = wrk(target['url'], seconds, connections)
    requests = max(result['requests'], 1)
    result['cpu_us'] = (cpu_seconds(pids) - before) / requests * 1e6
    result['nodes_us'] = (cpu_seconds(node_pids) - nodes_before) / requests * 1e6
    return result


def print_round(number, results):
    print(f'round {number} (load {os.getloadavg()[0]:.2f}): ' + '  '.join(
        f"{name} {r['rps']:.0f} rps p50 {r['p50']:.2f} ms p99 {r['p99']:.2f} ms {r['cpu_us']:.0f} µs (nodes {r['nodes_us']:.0f})"
        + (f" ({r['errors']} errors)" if r['errors'] else '') for name, r in results.items()), flush=True)


def print_table(samples, rounds):
    median = lambda name, key: statistics.median(r[key] for r in samples[name])
    nginx_rps, nginx_cpu = median('nginx', 'rps'), median('nginx', 'cpu_us')
    print(f'\nmedians of {rounds} rounds (CPU: the proxy process; for "direct", the node. Nodes: the 3 nodes\' CPU per request)')
    print('| target | req/s | p50 ms | p99 ms | CPU µs/request | nodes µs/request | req/s vs nginx | CPU vs nginx | errors |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    for name in samples:
        rps, cpu = median(name, 'rps'), median(name, 'cpu_us')
        cpu_ratio = '—' if name == 'direct' else f'{cpu / nginx_cpu:.2f}×'
        print(f"| {name} | {rps:.0f} | {median(name, 'p50'):.2f} | {median(name, 'p99'):.2f} | {cpu:.0f} | "
              f"{median(name, 'nodes_us'):.0f} | {rps / nginx_rps:.2f}× | {cpu_ratio} | {sum(r['errors'] for r in samples[name])} |")
    print()
    for gateway, baseline, why in (('gateway', 'plain-yarp-h2c', 'the same protocol and logging'),
                                   ('gateway', 'plain-yarp', "YARP's docs setup"),
                                   ('gateway-http1', 'plain-yarp', 'both HTTP/1.1 to the nodes')):
        print(f"{gateway} CPU per request vs {baseline} ({why}): {median(gateway, 'cpu_us') / median(baseline, 'cpu_us'):.2f}×")


def run(args, temp):
    artifacts = args.artifacts_path or os.path.join(temp, 'artifacts')
    dlls = build(os.path.abspath(artifacts))
    processes = Processes(temp)
    try:
        ports = free_ports(2 * NODES)
        node_ports, h2c_ports = ports[:NODES], ports[NODES:]
        start_nodes(processes, dlls['node'], node_ports, h2c_ports)
        for (name, process, _), port in zip(list(processes.started), node_ports):
            wait_ready(processes, name, process, f'http://127.0.0.1:{port}{PATH}')

        node_pids = [process.pid for _, process, _ in processes.started]
        names = ('nginx', 'haproxy', 'haproxy-h2c', 'plain-yarp', 'plain-yarp-h2c', 'gateway', 'gateway-http1')
        proxy_ports = dict(zip(names, free_ports(len(names))))
        started = {'nginx': start_nginx(processes, temp, proxy_ports['nginx'], node_ports),
                   'haproxy': start_haproxy(processes, temp, proxy_ports['haproxy'], node_ports),
                   'haproxy-h2c': start_haproxy(processes, temp, proxy_ports['haproxy-h2c'], h2c_ports,
                                                name='haproxy-h2c', h2c=True),
                   'plain-yarp': start_plain_yarp(processes, dlls['plain-yarp'], proxy_ports['plain-yarp'], node_ports),
                   'plain-yarp-h2c': start_plain_yarp(processes, dlls['plain-yarp'], proxy_ports['plain-yarp-h2c'],
                                                      h2c_ports, name='plain-yarp-h2c', NodeProtocol='Http2',
                                                      **QUIET_HOSTING_LOG),
                   'gateway': start_gateway(processes, dlls['gateway'], proxy_ports['gateway'], h2c_ports),
                   'gateway-http1': start_gateway(processes, dlls['gateway'], proxy_ports['gateway-http1'], node_ports,
                                                  name='gateway-http1', protocol='Http1')}
        targets = {}
        for name, process in started.items():
            url = f"http://127.0.0.1:{proxy_ports[name]}{PATH}"
            wait_ready(processes, name, process, url)
            targets[name] = {'pid': process.pid, 'url': url}
        targets['direct'] = {'pid': processes.started[0][1].pid, 'url': f'http://127.0.0.1:{node_ports[0]}{PATH}'}

        for name, target in targets.items():  # warm-up: JIT, connection pools; not measured
            print(f'warm-up {name} ({args.warmup}s)', flush=True)
            wrk(target['url'], args.warmup, args.connections)

        names = list(targets)
        samples = {name: [] for name in names}
        for number in range(1, args.rounds + 1):
            order = names[number - 1:] + names[:number - 1]  # each round starts with a different target
            results = {name: measure(targets[name], args.seconds, args.connections, node_pids) for name in order}
            for name in order:
                samples[name].append(results[name])
            print_round(number, results)
        print_table(samples, args.rounds)
    finally:
        processes.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--seconds', type=int, default=5)
    parser.add_argument('--connections', type=int, default=32)
    # .NET needs the longer warm-up: its tiered JIT keeps recompiling hot methods for a while under load (perf on a busy
    # machine: 14.5 % of the gateway's CPU samples in libclrjit in the 12 s after a 15 s warm-up, 0.2 % after a 40 s one),
    # and a 5 s warm-up measured the JIT as the gateway's cost. 15 s gives steadier figures; the rounds are interleaved,
    # so each later round runs warmer still.
    parser.add_argument('--warmup', type=int, default=15, help='seconds of wrk per target before the rounds')
    parser.add_argument('--artifacts-path', help='build output folder (kept); default: a temp folder (removed)')
    args = parser.parse_args()
    if missing := missing_tools():
        sys.exit('\n'.join(missing))

    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored (a background job)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit('proxy_bakeoff: terminated'))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit('proxy_bakeoff: hung up'))
    print(f'load average at start: {os.getloadavg()} on {os.cpu_count()} cores', flush=True)
    temp = tempfile.mkdtemp(prefix='proxy-bakeoff-')
    try:
        run(args, temp)
    except KeyboardInterrupt:
        sys.exit('proxy_bakeoff: interrupted; every process it started is stopped')
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        print(f'load average at end: {os.getloadavg()}', flush=True)


if __name__ == '__main__':
    main()
