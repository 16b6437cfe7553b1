# Finds a JDK 21 or newer. Sourced (POSIX sh) by ./mvnw, ./drivenotes and .ci/run, so that all three
# pick the same JDK whatever `java` comes first on the PATH.
#
#   JAVA_HOME="$(drivenotes_jdk NAME)" || exit 2
#
# prints the home of the first JDK >= 21 (java and javac present) in this order: $JAVA_HOME; the java
# on the PATH; the newest under /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman/candidates/java,
# ~/.jdks and /Library/Java/JavaVirtualMachines/*/Contents/Home. Where there is none it writes one
# line, starting with NAME, to stderr and returns 2. The functions run in subshells: they change no
# variable or shell option of the script that sources them.

DRIVENOTES_MIN_JAVA=21

# The feature version (17, 21, 25, ...) of the JDK at $1: from its release file, else from java -version.
drivenotes_java_major() (
  if [ -f "$1/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  case $version in 1.*) version=${version#1.} ;; esac
  printf '%s\n' "${version%%[!0-9]*}"
)

# Succeeds when $1 is a JDK (java and javac) of version 21 or newer.
drivenotes_is_jdk() (
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || exit 1
  major=$(drivenotes_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge "$DRIVENOTES_MIN_JAVA" ]
)

drivenotes_jdk() (
  set +f
  if [ -n "${JAVA_HOME:-}" ] && drivenotes_is_jdk "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    exit 0
  fi
  if java=$(command -v java 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")")")
    if drivenotes_is_jdk "$home"; then
      printf '%s\n' "$home"
      exit 0
    fi
  fi
  user_home=${HOME:-/nonexistent}
  best='' best_major=0
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* "$user_home"/.sdkman/candidates/java/* \
    "$user_home"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if drivenotes_is_jdk "$home"; then
      major=$(drivenotes_java_major "$home")
      if [ "$major" -gt "$best_major" ]; then
        best=$home best_major=$major
      fi
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n' "$best"
    exit 0
  fi
  echo "${1:-drivenotes}: no JDK $DRIVENOTES_MIN_JAVA or newer found (looked at JAVA_HOME, java on the PATH," \
    "/usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks, /Library/Java): install one or set JAVA_HOME to it" >&2
  exit 2
)
