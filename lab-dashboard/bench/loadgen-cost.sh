#!/usr/bin/env bash
# What the dashboard's built-in load generator costs per request (docs/demo.md, "Its cost, measured").
# The dashboard (pinned to CPU $LOAD_CPU) loads the stub (pinned to CPU $STUB_CPU) directly, so the
# other side costs ~0.05 ms per request and cannot be the limit. After a warm-up, each load level runs
# for $SECONDS_PER_LEVEL s; CPU is utime+stime of the whole dashboard JVM from /proc/<pid>/stat,
# requests are the stub's answered /delay calls. Builds nothing: run ./mvnw -q -DskipTests package
# -pl downstream-stub,lab-dashboard -am first. Needs taskset, curl, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
LOAD_CPU=${LOAD_CPU:-0}
STUB_CPU=${STUB_CPU:-1}
SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-30}
LEVELS=${LEVELS:-'{"mode":"rate","rate":1000} {"mode":"rate","rate":2000} {"mode":"rate","rate":4000} {"mode":"users","users":400}'}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

await_port() { for _ in $(seq 120); do [ -s "$1" ] && { cat "$1"; return; }; sleep 1; done; echo "no $1" >&2; exit 1; }

PORTFILE=$work/stub.port taskset -c "$STUB_CPU" "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseG1GC \
  -jar downstream-stub/target/downstream-stub.jar --server.port=0 --server.address=127.0.0.1 \
  > "$work/stub.log" 2>&1 < /dev/null &
pids+=($!)
stub=$(await_port "$work/stub.port")
PORTFILE=$work/dash.port taskset -c "$LOAD_CPU" "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseG1GC \
  -jar lab-dashboard/target/lab-dashboard.jar --server.port=0 \
  --dashboard.targets=stub=http://127.0.0.1:$stub '--dashboard.load.path=/delay?ms=100' \
  > "$work/dash.log" 2>&1 < /dev/null &
dash=$!
pids+=($dash)
port=$(await_port "$work/dash.port")

cpu_ticks() { awk '{print $14+$15}' "/proc/$dash/stat"; }
answered() { curl -s "127.0.0.1:$stub/actuator/prometheus" | awk '/^stub_requests_total/ {s+=$2} END {printf "%d", s}'; }
load() { curl -sf -X PUT -H 'Content-Type: application/json' -d "$1" "127.0.0.1:$port/api/load" > /dev/null; }

echo "dashboard on CPU $LOAD_CPU, stub on CPU $STUB_CPU; load average $(cut -d' ' -f1-3 /proc/loadavg)"
load '{"mode":"rate","rate":2000}'
sleep 25   # warm-up: JIT, connection pool
for level in $LEVELS; do
  load "$level"
  sleep 5
  c0=$(cpu_ticks); n0=$(answered); t0=$(date +%s.%N)
  curl -s -N --max-time "$SECONDS_PER_LEVEL" "127.0.0.1:$port/events" | sed -n 's/^data://p' > "$work/events.json" || true
  c1=$(cpu_ticks); n1=$(answered); t1=$(date +%s.%N)
  python3 - "$level" "$c0" "$c1" "$n0" "$n1" "$t0" "$t1" "$(getconf CLK_TCK)" "$work/events.json" <<'PY'
import json, sys
level = sys.argv[1]
c0, c1, n0, n1, t0, t1, tck = map(float, sys.argv[2:9])
events = [json.loads(l) for l in open(sys.argv[9]) if l.strip()][1:]
client = [e["apps"][0]["client"] for e in events]
gen = [e["loadGenerator"] for e in events]
requests, seconds, cpu = n1 - n0, t1 - t0, (c1 - c0) / tck
p50s = sorted(c["p50Ms"] for c in client if c["p50Ms"] is not None)
print(f"{level:30s} {requests / seconds:7.0f} rps  dashboard CPU {cpu / seconds:.2f} cores, "
      f"{cpu / requests * 1000:.3f} ms/request (stream: "
      f"{sum(g['cpuMsPerRequest'] or 0 for g in gen) / max(1, len(gen)):.3f})  "
      f"p50 {p50s[len(p50s) // 2] if p50s else float('nan'):.1f} ms  "
      f"send lag max {max(g['sendLagMs'] for g in gen):.1f} ms  "
      f"errors {sum(sum(c['errors'].values()) for c in client)}")
PY
done
load '{"mode":"off"}'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
