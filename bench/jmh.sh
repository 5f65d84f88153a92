#!/usr/bin/env bash
# JMH microbenchmarks of the hot stages (src/jmh/java/org/policykb/bench): builds them with the Maven profile
# jmh into target/jmh, runs them briefly and prints JMH's table; the JSON results go to bench/out/jmh.json.
#   bench/jmh.sh                          all stages on the samples in content/, brief (-wi 2 -i 3 -f 1, 1 s each)
#   bench/jmh.sh render -p content=DIR    any JMH options instead: one stage (a regular expression), another folder
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# The JDK the launcher uses: JAVA_HOME when it is 21 or newer, else the newest under /usr/lib/jvm.
java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v:-0}" | cut -d. -f1
}
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/javac" ]] || (( $(java_major "$JAVA_HOME") < 21 )); then
  JAVA_HOME=""
  best_v=0
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [[ -x "$d/bin/javac" && ! -L "$d" ]] || continue
    v=$(java_major "$d")
    if (( v >= 21 && v > best_v )); then JAVA_HOME="$d"; best_v=$v; fi
  done
  [[ -n "$JAVA_HOME" ]] || { echo "bench/jmh.sh: no JDK 21 or newer (JAVA_HOME, /usr/lib/jvm/*)" >&2; exit 2; }
fi
export JAVA_HOME
# JMH and Maven's Guava use sun.misc.Unsafe, which JDK 23+ warns about; the flag does not exist before.
unsafe=()
if (( $(java_major "$JAVA_HOME") >= 23 )); then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  unsafe=(--sun-misc-unsafe-memory-access=allow)
fi

echo "bench/jmh.sh: building the benchmarks (mvn -Pjmh package into target/jmh)" >&2
mvn -B -q -ntp -Pjmh -Dmaven.test.skip=true package >&2

mkdir -p bench/out
if (( $# == 0 )); then
  set -- -wi 2 -w 1s -i 3 -r 1s -f 1
fi
exec "$JAVA_HOME/bin/java" "${unsafe[@]}" -Xss8m -Dpolicykb.home="$repo" -cp "target/jmh/classes:target/jmh/lib/*" \
  org.openjdk.jmh.Main -rf json -rff bench/out/jmh.json "$@"
