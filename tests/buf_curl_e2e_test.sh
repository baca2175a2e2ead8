#!/usr/bin/env bash
# End-to-end through an independent gRPC client: `buf curl` (Go, from the npm
# registry) finds the API by server reflection and calls it with a bearer
# token. Usage: buf_curl_e2e_test.sh CASEFILED BUF
set -euo pipefail
casefiled=$1
buf=$2
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
echo "investigator-token-0001 inv1 investigator Investigator One" > "$dir/tokens"
chmod 600 "$dir/tokens"  # casefiled refuses a tokens file others can read
"$casefiled" --data_dir="$dir/data" --tokens_file="$dir/tokens" --listen=127.0.0.1:0 \
  --port_file="$dir/port" 2>"$dir/log" &
pid=$!
for _ in $(seq 300); do [[ -s "$dir/port" ]] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$dir/port")"
curl_() { "$buf" curl --protocol grpc --http2-prior-knowledge "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

methods=$(curl_ --list-methods "$url")
grep -qx "casefile.v1.CaseService/AppendEntry" <<<"$methods" || fail "reflection does not list AppendEntry: $methods"
grep -qx "casefile.v1.ImportService/ImportFolder" <<<"$methods" || fail "reflection does not list ImportFolder"
grep -qx "grpc.health.v1.Health/Check" <<<"$methods" || fail "health service missing"

health=$(curl_ "$url/grpc.health.v1.Health/Check")
grep -q '"status": "SERVING"' <<<"$health" || fail "health: $health"

auth=(-H "authorization: Bearer investigator-token-0001")
created=$(curl_ "${auth[@]}" -d '{"case": {"title": "Ellie WATSON"}, "requestId": "r1"}' \
  "$url/casefile.v1.CaseService/CreateCase")
grep -q '"name": "cases/CF-000001"' <<<"$created" || fail "CreateCase: $created"
entry=$(curl_ "${auth[@]}" -d '{"parent": "cases/CF-000001", "entry": {"kind": "ENTRY_KIND_VISIT", "text": "Home visit."}, "requestId": "r2"}' \
  "$url/casefile.v1.CaseService/AppendEntry")
grep -q '"name": "cases/CF-000001/entries/1"' <<<"$entry" || fail "AppendEntry: $entry"

# No token: UNAUTHENTICATED, and buf curl exits non-zero.
if denied=$(curl_ -d '{}' "$url/casefile.v1.CaseService/ListCases" 2>&1); then fail "ListCases without a token succeeded"; fi
grep -qi "unauthenticated" <<<"$denied" || fail "no token: $denied"
echo "1 passed, 0 failed"
