# ./edu test: static checks (typecheck, dependency rules, lint, proto staleness), then vitest against the stack.
# Each static check counts as one test. Last line of output: "N passed, N failed".

TEST_PASSED=0
TEST_FAILED=0
TEST_SUMMARY=()

# check <name> <cmd...>: run one static check, count it
check() {
  local name=$1; shift
  local t0; t0=$(now_ms)
  echo "==> test: $name"
  if "$@"; then
    TEST_PASSED=$((TEST_PASSED + 1)); TEST_SUMMARY+=("$(printf '%-12s PASS (%ss)' "$name" "$(secs_since "$t0")")")
  else
    TEST_FAILED=$((TEST_FAILED + 1)); TEST_SUMMARY+=("$(printf '%-12s FAIL (%ss)' "$name" "$(secs_since "$t0")")")
  fi
}

secs_since() { local d=$(( $(now_ms) - $1 )); printf '%d.%d' $((d / 1000)) $((d % 1000 / 100)); }

check_deps() {
  [[ -f $EDU_ROOT/.dependency-cruiser.cjs ]] || { echo "deps: .dependency-cruiser.cjs is missing" >&2; return 1; }
  npm run -s deps:check
}

# proto staleness: regenerate and compare with what is committed (read-only git queries)
check_proto() {
  npx buf generate proto || return 1
  git diff --exit-code --stat -- libs/contracts/src/gen || { echo "proto: generated code is stale, commit the output of 'npx buf generate proto'" >&2; return 1; }
  local untracked; untracked=$(git ls-files --others --exclude-standard -- libs/contracts/src/gen)
  [[ -z $untracked ]] || { echo "proto: untracked generated files:" >&2; echo "$untracked" >&2; return 1; }
}

run_vitest() {
  local json="$EDU_DIR/vitest.json" rc=0 t0; t0=$(now_ms)
  rm -f "$json"
  echo "==> test: vitest $*"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$json" "$@" || rc=$?
  local counts
  if [[ -s $json ]] && counts=$(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      let failed = r.numFailedTests ?? 0;
      // A file that fails to load has no failed tests but is a failure: count each such file once.
      for (const f of r.testResults ?? []) {
        if (f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")) failed++;
      }
      console.log(`${r.numPassedTests ?? 0} ${failed}`);
    ' "$json"); then
    local p=${counts% *} f=${counts#* }
    (( rc != 0 && f == 0 )) && f=1   # vitest failed without a failing test (e.g. no test files, config error)
    TEST_PASSED=$((TEST_PASSED + p)); TEST_FAILED=$((TEST_FAILED + f))
    TEST_SUMMARY+=("$(printf '%-12s %d passed, %d failed (%ss)' vitest "$p" "$f" "$(secs_since "$t0")")")
  else
    TEST_FAILED=$((TEST_FAILED + 1))
    TEST_SUMMARY+=("$(printf '%-12s CRASHED: exit %d, no %s (%ss)' vitest "$rc" "$json" "$(secs_since "$t0")")")
  fi
}

run_tests() {
  cd "$EDU_ROOT"
  if (( $# == 0 )); then
    check typecheck npx tsc -b
    check deps check_deps
    check lint npm run -s lint
    check proto check_proto
  fi
  run_vitest "$@"
  echo
  echo "==> test: summary"
  printf '  %s\n' "${TEST_SUMMARY[@]}"
  echo "$TEST_PASSED passed, $TEST_FAILED failed"
  (( TEST_FAILED == 0 )) || exit 1   # exit, not return: nothing may print after the totals line
}
