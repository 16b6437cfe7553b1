#!/usr/bin/env bash
# The long form of the kill test. ROUNDS rounds against one data folder: submit an experiment to
# `drivenotes up` (its own JVM) over REST, kill -9 it at a random moment (0.5 to 30.5 s after the
# submit: before, during or after the episodes), start `up` again on the same folder and wait for
# the report. In the end every experiment is checked for exactly-once completion: orchestrator
# state, trajectories, report, DuckDB rows and the reporter's ledger (app/src/test/.../
# KillRecoveryTest and ExactlyOnceCheck; the short form, three kills, runs in ./mvnw verify).
#
#   tools/kill-test.sh [ROUNDS] [SEED]      default 20 rounds, seed 20261124
#
# Prints one line per round and the total; exits non-zero unless every experiment completed
# exactly once. Everything runs on 127.0.0.1; the Maven log is in target/kill-test.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-20}"
SEED="${2:-20261124}"
case "$ROUNDS$SEED" in
  *[!0-9]*) echo "kill-test: ROUNDS and SEED are whole numbers (was '$ROUNDS' '$SEED')" >&2; exit 2 ;;
esac

. "$ROOT/.mvn/jdk.sh"
JAVA_HOME="$(drivenotes_jdk kill-test)" || exit 2
export JAVA_HOME

mkdir -p "$ROOT/target"
LOG="$ROOT/target/kill-test.log"
echo "kill-test: $ROUNDS rounds (seed $SEED); this takes about a minute a round" >&2
status=0
(cd "$ROOT" && ./mvnw -B -pl app -am verify -Dspotless.check.skip=true -Djacoco.skip=true \
    -Dtest='KillRecoveryTest#randomKillsLongForm' -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddrivenotes.kill-test.rounds="$ROUNDS" -Ddrivenotes.kill-test.seed="$SEED") >"$LOG" 2>&1 || status=$?

FIGURES="$ROOT/app/target/surefire-reports/dev.drivenotes.app.KillRecoveryTest-output.txt"
if [[ -f "$FIGURES" ]] && grep -q '^KILL TEST' "$FIGURES"; then
  grep '^KILL TEST' "$FIGURES"
else
  echo "kill-test: no figures (the build failed before the test ran); see $LOG" >&2
fi
exit "$status"
