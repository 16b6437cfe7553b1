#!/usr/bin/env bash
# The long form of the dependency-outage test. The four services run as separate processes (events
# over the Pub/Sub emulator); for each outage an experiment (6 episodes, autopilot) is submitted over
# REST, dreamer-service is frozen with SIGSTOP for that many seconds, then resumed with SIGCONT, and
# the experiment is followed to its report. Checked: an outage of at most 60 s is ridden out
# (COMPLETED, through retries), one of 600 s or more fails the episodes it stalls
# (COMPLETED_WITH_FAILURES, each with its reason), and no simulation is left open on carla-runner
# (app/src/test/.../DreamerOutageTest; the short form, dreamer-service answering 503 or frozen for
# two seconds and down for good, is the orchestrator's DependencyOutageTest in ./mvnw verify).
#
#   tools/outage-test.sh [OUTAGES]      default "60,600" (seconds, comma-separated)
#
# Prints one line of figures per outage; exits non-zero when a check fails. Everything runs on
# 127.0.0.1; the Maven log is in target/outage-test.log. Needs the Pub/Sub emulator (gcloud).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTAGES="${1:-60,600}"
case "$OUTAGES" in
  ''|*[!0-9,]*) echo "outage-test: OUTAGES is a comma-separated list of seconds (was '$OUTAGES')" >&2; exit 2 ;;
esac

. "$ROOT/.mvn/jdk.sh"
JAVA_HOME="$(drivenotes_jdk outage-test)" || exit 2
export JAVA_HOME

mkdir -p "$ROOT/target"
LOG="$ROOT/target/outage-test.log"
echo "outage-test: dreamer-service frozen for $OUTAGES s in turn; this takes the outages plus a few minutes each" >&2
status=0
(cd "$ROOT" && ./mvnw -B -pl app -am verify -Dspotless.check.skip=true -Djacoco.skip=true \
    -Dtest='DreamerOutageTest#dreamerServiceOutagesLongForm' -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddrivenotes.outage-test.outages="$OUTAGES") >"$LOG" 2>&1 || status=$?

FIGURES="$ROOT/app/target/surefire-reports/dev.drivenotes.app.DreamerOutageTest-output.txt"
if [[ -f "$FIGURES" ]] && grep -q '^OUTAGE TEST' "$FIGURES"; then
  grep '^OUTAGE TEST' "$FIGURES"
else
  echo "outage-test: no figures (the build failed, or the emulator is missing); see $LOG" >&2
fi
exit "$status"
