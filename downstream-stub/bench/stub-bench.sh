#!/usr/bin/env bash
# Loads the downstream stub straight (no app in between) with many connections in flight and
# prints p50/p99 latency, errors, the stub's CPU seconds per request and where its CPU went.
#
#   downstream-stub/bench/stub-bench.sh [connections] [delay-ms] [duration-s]
#   (defaults: 10000 connections, 2000 ms, 40 s)
#
# wrk is a closed model: each connection sends its next request as soon as the last is answered,
# so C connections at a delay of D ms arrive at about C * 1000 / D requests per second (500
# connections at 100 ms: ~5,000/s; 200: ~2,000/s), the keep-alive pattern of the apps' pools.
#
# Environment (defaults in brackets):
#   WARMUP_S [15], WARMUP_CONNECTIONS [1000], WARMUP_DELAY_MS [10]  the warm-up wrk run; a JVM
#       needs a minute or more of load before its CPU per request is steady
#   WINDOWS [1]  above 1: steady mode. One wrk run at the measured conditions: its first WARMUP_S
#       seconds warm up (WARMUP_CONNECTIONS and WARMUP_DELAY_MS are then unused), then
#       [duration-s] is cut into this many windows, each with its own rate, CPU per request
#       (stub CPU over the requests the stub itself counted; and its event-loop threads' alone,
#       without JIT, GC and other JVM threads) and the share of the stub's CPU that other
#       processes took; then the medians and ranges. Latency figures cover the whole run.
#   STUB_JAVA_OPTS [-Xms512m -Xmx1g]  the stub's JVM flags (e.g. add -XX:StartFlightRecording=...)
#   STUB_ARGS []  extra Spring Boot arguments for the stub
#   BYTES [128], STUB_CPU [1], LOAD_CPU [0], STAGGER [1]
#
# Builds nothing: expects downstream-stub/target/downstream-stub.jar (./mvnw -pl downstream-stub package).
# Needs wrk (apt-get install -y wrk) and an open-file limit above the connection count.
# The stub runs pinned to CPU $STUB_CPU (default 1), wrk to CPU $LOAD_CPU (default 0); both on
# 127.0.0.1 only. Everything it starts is stopped on exit.
set -euo pipefail

CONNECTIONS=${1:-10000}
DELAY_MS=${2:-2000}
DURATION_S=${3:-40}
BYTES=${BYTES:-128}
STUB_CPU=${STUB_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
WARMUP_S=${WARMUP_S:-15}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-1000}
WARMUP_DELAY_MS=${WARMUP_DELAY_MS:-10}
WINDOWS=${WINDOWS:-1}
STUB_ARGS=${STUB_ARGS:-}
# wrk opens every connection at t=0, so without a stagger all requests move in lock-step waves
# of $CONNECTIONS that measure wrk's connect burst rather than the stub. STAGGER=1 spreads each
# connection's first request uniformly over one delay (steady arrivals, same number in flight).
STAGGER=${STAGGER:-1}
STUB_JAVA_OPTS=${STUB_JAVA_OPTS:--Xms512m -Xmx1g}

here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/downstream-stub.jar"
[[ -f $jar ]] || { echo "missing $jar: run ./mvnw -pl downstream-stub package first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset not found (util-linux)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found: apt-get install -y curl" >&2; exit 2; }

java=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  [[ -x $candidate ]] || continue
  version=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [[ ${version%%.*} -ge 21 ]]; then java=$candidate; break; fi
done
[[ -n $java ]] || { echo "no JDK 21+ found (set JAVA_HOME)" >&2; exit 2; }

# Each connection is one descriptor in wrk and one in the stub; leave room for the JVM's own.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < CONNECTIONS + 1000 )); then
  echo "open-file limit $(ulimit -n) is too low for $CONNECTIONS connections (raise ulimit -n)" >&2; exit 2
fi

work=$(mktemp -d)
stub_pid=""
cleanup() {
  if [[ -n $stub_pid ]] && kill -0 "$stub_pid" 2>/dev/null; then
    kill "$stub_pid"; wait "$stub_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
PORTFILE="$work/port" taskset -c "$STUB_CPU" "$java" $STUB_JAVA_OPTS -jar "$jar" \
  --server.port=0 --server.address=127.0.0.1 $STUB_ARGS >"$work/stub.log" 2>&1 &
stub_pid=$!
# A busy machine can take minutes to start a JVM.
for _ in $(seq 360); do [[ -s $work/port ]] && break; sleep 0.5; done
[[ -s $work/port ]] || { echo "stub did not start:" >&2; tail -20 "$work/stub.log" >&2; exit 1; }
port=$(cat "$work/port")
base="http://127.0.0.1:$port"

# Microsecond percentiles: wrk's own --latency table rounds to 10 ms at 2 s.
cat >"$work/report.lua" <<'LUA'
local stagger_ms, first_requests, sent = 0, 0, 0
init = function(args)
  stagger_ms = tonumber(args[1]) or 0
  first_requests = tonumber(args[2]) or 0
  -- Each wrk thread has its own Lua state: seed from its address so threads differ.
  math.randomseed(tonumber(tostring({}):match("0x(%x+)") or "1", 16) % 2147483647)
end
delay = function()
  if sent < first_requests then
    sent = sent + 1
    return math.random(0, stagger_ms)
  end
  return 0
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

# Event-loop lag as the stub sees it: how much later than asked its answers started. Large
# lateness means the stub was short of CPU; latency wrk sees beyond it comes from elsewhere.
lateness() {
  curl -s "$base/actuator/prometheus" | awk '
    /^stub_delay_lateness_seconds_count/ {c = $2} /^stub_delay_lateness_seconds_sum/ {s = $2}
    /^stub_delay_lateness_seconds_max/ {m = $2} END {printf "%s %s %s\n", c + 0, s + 0, m + 0}'
}
cpu_ticks() { awk '{print $14, $15}' "/proc/$stub_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)
# /delay requests the stub has finished counting (every outcome): the denominator of a window.
answered() {
  curl -s "$base/actuator/prometheus" | awk '/^stub_requests_total/ {n += $2} END {printf "%d\n", n}'
}
# Busy ticks of the stub's CPU, whoever used them (/proc/stat: all but idle and iowait): what the
# stub did not use of them was taken by other processes competing with it.
cpu_busy() { awk -v c="cpu$STUB_CPU" '$1 == c {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# CPU ticks of the stub's event-loop threads alone: the per-request work, without the JIT
# compilers (busy for minutes after start), GC and other JVM threads.
loop_ticks() {
  for t in /proc/"$stub_pid"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == reactor-http* ]] && awk '{print $14 + $15}' "$t/stat"
  done 2>/dev/null | awk '{n += $1} END {print n + 0}'
}
# One line per window end: stub user and system ticks, answered requests, busy ticks of its CPU,
# event-loop ticks.
sample_windows() {
  local i
  sleep "$WARMUP_S"
  echo "$(cpu_ticks) $(answered) $(cpu_busy) $(loop_ticks)" >"$work/windows"
  for (( i = 0; i < WINDOWS; i++ )); do
    sleep "$window_s"
    echo "$(cpu_ticks) $(answered) $(cpu_busy) $(loop_ticks)" >>"$work/windows"
  done
}

threads=2
stagger_ms=0
if (( STAGGER )); then stagger_ms=$DELAY_MS; fi
echo "stub pid $stub_pid on CPU $STUB_CPU, port $port; wrk on CPU $LOAD_CPU"
run_s=$DURATION_S
sampler=""
if (( WINDOWS > 1 )); then
  # Steady mode: the apps' pooled connections live for the whole run, so the warm-up is the first
  # part of the same wrk run (same connections, same rate) and the windows follow it.
  window_s=$(( (DURATION_S - 1) / WINDOWS ))
  (( window_s >= 1 )) || { echo "duration too short for $WINDOWS windows" >&2; exit 2; }
  run_s=$(( WARMUP_S + DURATION_S ))
  echo "steady: ${run_s}s, $CONNECTIONS connections, ${DELAY_MS} ms delay, $BYTES bytes, stagger $STAGGER;" \
    "the first ${WARMUP_S}s warm up, then $WINDOWS windows of ${window_s}s"
  sample_windows &
  sampler=$!
else
  echo "warm-up: ${WARMUP_S}s, $WARMUP_CONNECTIONS connections, $WARMUP_DELAY_MS ms delay"
  taskset -c "$LOAD_CPU" wrk -t 2 -c "$WARMUP_CONNECTIONS" -d "${WARMUP_S}s" --timeout "$(( WARMUP_DELAY_MS / 1000 + 10 ))s" \
    "$base/delay?ms=$WARMUP_DELAY_MS&bytes=$BYTES" >/dev/null
  echo "measure: ${DURATION_S}s, $CONNECTIONS connections, ${DELAY_MS} ms delay, $BYTES bytes, stagger $STAGGER"
fi
load_before=$(cut -d' ' -f1 /proc/loadavg)
read -r late_count_before late_sum_before _ <<<"$(lateness)"
read -r user_before sys_before <<<"$(cpu_ticks)"
taskset -c "$LOAD_CPU" wrk -t "$threads" -c "$CONNECTIONS" -d "${run_s}s" --timeout "$(( DELAY_MS / 1000 + 10 ))s" \
  -s "$work/report.lua" "$base/delay?ms=$DELAY_MS&bytes=$BYTES" -- "$stagger_ms" "$(( CONNECTIONS / threads ))" \
  >"$work/wrk.out" 2>&1 || true
read -r user_after sys_after <<<"$(cpu_ticks)"
# CPU seconds since the stub started, by kind of thread: event loops, JIT compilers, GC (Serial GC
# works in the VM thread), the rest.
threads_cpu=$(for t in /proc/"$stub_pid"/task/*; do
    printf '%s\t%s\n' "$(cat "$t/comm")" "$(awk '{print $14 + $15}' "$t/stat")"
  done 2>/dev/null | awk -F'\t' -v hz="$ticks_per_s" '
    $1 ~ /epoll|nio|reactor-http/ {l += $2; next} $1 ~ /Compiler/ {j += $2; next}
    $1 ~ /GC|G1|Conc|Refine|VM Thread/ {g += $2; next} {o += $2}
    END {printf "event loops %.1f s, JIT %.1f s, GC and VM thread %.1f s, other %.1f s", l / hz, j / hz, g / hz, o / hz}')
[[ -z $sampler ]] || wait "$sampler"
load_after=$(cut -d' ' -f1 /proc/loadavg)
read -r late_count_after late_sum_after late_max <<<"$(lateness)"
result=$(grep '^RESULT' "$work/wrk.out") || { cat "$work/wrk.out" >&2; exit 1; }

eval "${result#RESULT }"
errors=$(( connect + read + write + timeout + status ))
awk -v r="$requests" -v p50="$p50_us" -v p99="$p99_us" -v max="$max_us" -v d="$DELAY_MS" \
    -v e="$errors" -v ce="$connect" -v re="$read" -v we="$write" -v te="$timeout" -v se="$status" \
    -v lc="$late_count_before" -v ls="$late_sum_before" -v lc2="$late_count_after" -v ls2="$late_sum_after" -v lm="$late_max" \
    -v lb="$load_before" -v la="$load_after" -v cpus="$(nproc)" -v uticks=$(( user_after - user_before )) -v sticks=$(( sys_after - sys_before )) -v hz="$ticks_per_s" -v dur="$run_s" -v threads="$threads_cpu" 'BEGIN {
  cpu = (uticks + sticks) / hz
  printf "requests         %d (%.0f/s)\n", r, r / dur
  printf "p50              %.1f ms (delay + %.1f ms)\n", p50 / 1000, p50 / 1000 - d
  printf "p99              %.1f ms (delay + %.1f %%)\n", p99 / 1000, (p99 / 1000 - d) * 100 / d
  printf "max              %.1f ms\n", max / 1000
  printf "errors           %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n", e, ce, re, we, te, se
  printf "stub CPU         %.2f s over the run (user %.2f, system %.2f), %.1f us per request\n", cpu, uticks / hz, sticks / hz, (r > 0 ? cpu * 1e6 / r : 0)
  printf "stub threads     %s (since start)\n", threads
  if (lc2 > lc) printf "stub lateness    mean %.2f ms, max %.1f ms (answers started later than asked)\n", (ls2 - ls) * 1000 / (lc2 - lc), lm * 1000
  printf "load average     %s before, %s after (%d CPUs)\n", lb, la, cpus
  # The stub and wrk themselves keep a few threads runnable; well beyond that, others competed.
  if (la > 2 * cpus || lb > 2 * cpus) print "WARNING: other processes competed for the CPUs; latency figures are not trustworthy"
}'
if (( WINDOWS > 1 )); then
  awk -v hz="$ticks_per_s" -v w="$window_s" -v cpu="$STUB_CPU" '
    NR > 1 {
      n = $3 - r; c = ($1 - u + $2 - s) / hz; o = ($4 - b) / hz - c; l = ($5 - e) / hz
      v[NR - 1] = (n > 0 ? c * 1e6 / n : 0); x[NR - 1] = (n > 0 ? l * 1e6 / n : 0)
      printf "window %-2d        %d requests (%.0f/s), stub CPU %.2f s (user %.2f, system %.2f), %.1f us per request (event loops %.1f); others on CPU %s: %.0f %%\n", NR - 1, n, n / w, c, ($1 - u) / hz, ($2 - s) / hz, v[NR - 1], x[NR - 1], cpu, (o > 0 ? o : 0) * 100 / w
    }
    { u = $1; s = $2; r = $3; b = $4; e = $5 }
    END {
      k = NR - 1
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) {
        if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      }
      printf "stub CPU/request median %.1f us over %d windows of %d s (min %.1f, max %.1f); event loops alone %.1f us (min %.1f, max %.1f)\n", (k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2), k, w, v[1], v[k], (k % 2 ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2), x[1], x[k]
    }' "$work/windows"
fi
