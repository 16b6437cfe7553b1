#!/usr/bin/env bash
# Long form of the bad-request corpus (the short form runs in ./mvnw verify): at least 1000 hostile
# requests per service (malformed JSON, wrong types and content types, unknown and oversize fields,
# bodies over the limit, unknown paths and methods, path traversal, odd ids, malformed HTTP) against a
# suite started with `./drivenotes up`, on 127.0.0.1 only, one request at a time. Prints each service's
# figures and, when the suite's process is found, its resident memory before and after; exits 1 unless
# every request got a 4xx problem+json answer and every body over a limit a 413.
#
#   ./drivenotes up &            # ports 8080-8083
#   tools/bad-requests.sh [--port-base 8080] [--per-service 1000] [--seed 1] [--pid PID]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/.mvn/jdk.sh"
JAVA_HOME="$(drivenotes_jdk bad-requests)" || exit 2
export JAVA_HOME

CLASSPATH_FILE="$ROOT/common-platform/target/bad-requests.classpath"
echo "bad-requests: compiling the corpus (common-platform's tests)..." >&2
(cd "$ROOT" && ./mvnw -q -B -pl common-platform -am test-compile dependency:build-classpath \
    -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bad-requests.classpath) >&2

args=("$@")
port_base=8080
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[$i]}" == "--port-base" ]] && port_base="${args[$((i + 1))]}"
done
if [[ " $* " != *" --pid "* ]] && command -v ss >/dev/null; then
  # the process listening on the orchestrator's port: the one JVM of `./drivenotes up`
  pid="$(ss -ltnpH "sport = :$port_base" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
  [[ -n "$pid" ]] && args+=(--pid "$pid")
fi

exec "$JAVA_HOME/bin/java" \
  -cp "$ROOT/common-platform/target/test-classes:$ROOT/common-platform/target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.drivenotes.platform.web.testing.BadRequestFlood "${args[@]}"
