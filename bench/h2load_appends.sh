#!/usr/bin/env bash
# The audit trail's cost, measured by a load generator nobody here wrote:
# h2load (Debian nghttp2-client) sends durable AppendEntry calls to casefiled
# with its audit trail on, then to one with it off (benchmark-only flag), and
# grpc.health.v1.Health/Check to the first, each at the same load; it prints
# the rates and the ratios of issue 9 (appends with audit >= 0.9x without,
# appends >= 0.6x the health check). The three loads take turns for ROUNDS
# rounds and the medians are compared, so that a passing disturbance of the
# machine does not decide a ratio.
#
# Usage: bench/h2load_appends.sh [REQUESTS (default 20000)] [CONNECTIONS (4)] [STREAMS per connection (16)] [ROUNDS (3)]
# Needs build/services/casefiled and build/cli/casefile (scripts/build).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20000}
connections=${2:-4}
streams=${3:-16}
rounds=${4:-3}
command -v h2load >/dev/null || { echo "h2load missing: apt-get install nghttp2-client" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
token=h2load-bench-token-000000001
printf '%s bench investigator Bench\n' "$token" > "$work/tokens"
chmod 600 "$work/tokens"

# start NAME [extra casefiled flags...]: starts casefiled, sets $port. Not
# run in a subshell, so that the EXIT trap knows every pid to stop.
start() {
  local name=$1; shift
  build/services/casefiled --data_dir="$work/$name" --tokens_file="$work/tokens" --listen=127.0.0.1:0 \
    --port_file="$work/$name.port" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do [[ -s "$work/$name.port" ]] && break; sleep 0.1; done
  [[ -s "$work/$name.port" ]] || { cat "$work/$name.log" >&2; exit 1; }
  port=$(cat "$work/$name.port")
}

# A gRPC message: the 5-byte prefix (uncompressed, big-endian length), then
# the protobuf AppendEntryRequest {parent: "cases/H2LOAD", entry {kind: NOTE, text: 1000 bytes}}
# with no request_id, so that every call appends.
python3 - "$work" <<'PY'
import struct, sys
def varint(n):
    out = b""
    while True:
        b = n & 0x7f; n >>= 7
        out += bytes([b | (0x80 if n else 0)])
        if not n: return out
def field(num, payload):  # length-delimited
    return varint(num << 3 | 2) + varint(len(payload)) + payload
entry = varint(3 << 3) + varint(1) + field(8, b"x" * 1000)  # kind NOTE, text
request = field(1, b"cases/H2LOAD") + field(2, entry)
open(sys.argv[1] + "/append.bin", "wb").write(b"\0" + struct.pack(">I", len(request)) + request)
open(sys.argv[1] + "/health.bin", "wb").write(b"\0\0\0\0\0")
PY

load() {  # load PORT PATH BODY: prints requests/s
  h2load -n "$requests" -c "$connections" -m "$streams" -d "$work/$3" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $token" \
    "http://127.0.0.1:$1$2" >"$work/h2load.out" 2>&1 || { cat "$work/h2load.out" >&2; exit 1; }
  grep -q " 0 failed, 0 errored" "$work/h2load.out" || { cat "$work/h2load.out" >&2; exit 1; }
  sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$work/h2load.out"
}

version() {  # version PORT: the case's version (how many appends were stored)
  build/cli/casefile --server "127.0.0.1:$1" --token "$token" --json case get H2LOAD |
    sed -n 's/.*"version":"\{0,1\}\([0-9]*\).*/\1/p'
}

start audit-on; on=$port
start audit-off --benchmark_only_disable_audit --benchmark_only_i_know_this_store_is_thrown_away; off=$port
for port in "$on" "$off"; do
  build/cli/casefile --server "127.0.0.1:$port" --token "$token" case create --id H2LOAD --title "h2load bench" >/dev/null
done
echo "h2load: $requests requests, $connections connections x $streams streams = $((connections * streams)) in flight"
load "$on" /casefile.v1.CaseService/AppendEntry append.bin >/dev/null   # warm-up
load "$off" /casefile.v1.CaseService/AppendEntry append.bin >/dev/null
with=() without=() health=()
for _ in $(seq "$rounds"); do
  with+=("$(load "$on" /casefile.v1.CaseService/AppendEntry append.bin)")
  without+=("$(load "$off" /casefile.v1.CaseService/AppendEntry append.bin)")
  health+=("$(load "$on" /grpc.health.v1.Health/Check health.bin)")
done
stored_on=$(version "$on"); stored_off=$(version "$off")
expected=$(((rounds + 1) * requests))
[[ "$stored_on" == "$expected" && "$stored_off" == "$expected" ]] ||
  { echo "appends stored: $stored_on and $stored_off, expected $expected each (gRPC errors?)" >&2; exit 1; }
python3 - "${with[*]}" "${without[*]}" "${health[*]}" <<'PY'
import statistics, sys
on, off, health = ([float(x) for x in arg.split()] for arg in sys.argv[1:])
for name, rates in (("appends/s, audit on", on), ("appends/s, audit off", off), ("health checks/s", health)):
    print(f"{name:22}{statistics.median(rates):10.0f}   (rounds: {', '.join(f'{r:.0f}' for r in rates)})")
on, off, health = statistics.median(on), statistics.median(off), statistics.median(health)
print(f"audit on / off        {on / off:10.2f}x  (target >= 0.9: {'met' if on / off >= 0.9 else 'MISSED'})")
print(f"appends / health      {on / health:10.2f}x  (target >= 0.6: {'met' if on / health >= 0.6 else 'MISSED'})")
PY
