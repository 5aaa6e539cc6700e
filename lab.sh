#!/usr/bin/env bash
# The Blocking vs Reactive Lab launcher. Builds what is missing or stale, then runs the lab runner.
#   ./lab.sh compare [--quick] [...]     measure mvc, mvc-vt and webflux (./lab.sh compare --help)
#   ./lab.sh serve <variant>|all         stub + app(s) on the default ports, for curl
#   ./lab.sh size --memory 384Mi ...     how many threads fit in a pod
#   ./lab.sh report <results-dir>        re-render report.html and summary.md
# LAB_SKIP_BUILD=1 skips the staleness check (use the jars as they are).
# (Named lab.sh because the runner's Maven module already occupies the name lab/.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
. "$root/.mvn/find-jdk.sh"

# The runner's module folder: lab/ today; lab-runner/ if it is ever renamed to free the name ./lab.
module=lab
[ -f lab-runner/pom.xml ] && module=lab-runner

# What the launcher runs, and the sources each of them is built from.
artifacts=(downstream-stub/target/downstream-stub.jar mvc-app/target/mvc-app.jar
           webflux-app/target/webflux-app.jar "$module/target/lab.jar")
sources=(pom.xml downstream-stub app-core mvc-app webflux-app gatling k8s "$module")

needs_build() {
  local oldest="" a newer
  for a in "${artifacts[@]}"; do
    [ -f "$a" ] || { echo "missing $a"; return 0; }
    if [ -z "$oldest" ] || [ "$a" -ot "$oldest" ]; then oldest=$a; fi
  done
  [ -d "$module/target/lib" ] || { echo "missing $module/target/lib"; return 0; }
  newer=$(find "${sources[@]}" -name target -prune -o \
               -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$oldest" -print -quit 2>/dev/null || true)
  if [ -n "$newer" ]; then echo "$newer is newer than $oldest"; return 0; fi
  return 1
}

if [ "${LAB_SKIP_BUILD:-0}" != 1 ] && reason=$(needs_build); then
  echo "Building ($reason) ..." >&2
  ./mvnw -q -DskipTests install -pl "downstream-stub,mvc-app,webflux-app,$module" -am >&2
fi

export LAB_HOME="$root"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$module/target/lab.jar:$module/target/lib/*" lab.runner.LabMain "$@"
