# Sourced by ./mvnw, ./lab and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: an existing JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, then the newest
# JDK 21+ under /usr/lib/jvm (or LAB_JVM_DIRS). Fails with a clear message when there is none.
lab_java_feature() { # prints the feature release of the java binary $1 (17, 21, 25...), or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}
lab_is_jdk21() { # $1 = a JDK home; true if it has javac and is 21+
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(lab_java_feature "$1/bin/java"); [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null
}
lab_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && lab_is_jdk21 "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    h=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if lab_is_jdk21 "$h"; then JAVA_HOME=$h; export JAVA_HOME; return 0; fi
  fi
  best=""; bestv=0
  for d in ${LAB_JVM_DIRS:-/usr/lib/jvm /usr/local/lib/jvm /opt/java}; do
    for h in "$d"/*; do
      [ -d "$h" ] && lab_is_jdk21 "$h" || continue
      v=$(lab_java_feature "$h/bin/java"); v=${v%%.*}
      if [ "$v" -gt "$bestv" ]; then best=$h; bestv=$v; fi
    done
  done
  if [ -n "$best" ]; then JAVA_HOME=$best; export JAVA_HOME; return 0; fi
  echo "ERROR: the lab needs a JDK 21 or newer and found none (JAVA_HOME='${JAVA_HOME:-}', PATH java: $(command -v java || echo none), searched ${LAB_JVM_DIRS:-/usr/lib/jvm /usr/local/lib/jvm /opt/java})." >&2
  echo "       Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
  return 1
}
lab_find_jdk || exit 1
PATH="$JAVA_HOME/bin:$PATH"; export PATH
