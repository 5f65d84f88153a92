#!/usr/bin/env bash
# Bytes and time of a first search on a generated corpus of N documents, in Debian's chromium:
#   bench/search-bench.sh N [DIR] [--reexport | --reindex]      (default DIR /tmp/policykb-bench-N)
# Generates the corpus (/work/shared/bench/make-corpus.py), builds it with ./policykb build, then runs
# SearchBench: per query the bytes the server sent (page, script, index files), the requests, the script's
# time from the last data arriving to the results on screen, and whether the top 10 equal the CLI's.
# QUERIES=a,b,... replaces SearchBench's queries. Writes DIR/search-bench.tsv, and DIR/search-bench-files.tsv with
# every file each query fetched.
# --reexport writes search/ again from the index a build left (SearchBench#reexport), to measure a change of the
# export without building the whole site again; --reindex also indexes the content again first (for an index an older
# PolicyKB wrote), still without rendering the pages. MAX_CLASSES=N re-exports with a lower cap on the classes (as a
# larger corpus would need: fewer terms count as common).
set -euo pipefail
n="${1:?number of documents}"
dir="${2:-/tmp/policykb-bench-$n}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
make_corpus="${MAKE_CORPUS:-/work/shared/bench/make-corpus.py}"
[[ -d "$dir/txt" ]] || python3 "$make_corpus" --docs "$n" --out "$dir"
mvn_test() {
  (cd "$home" && JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" mvn -B -q -ntp -Dsurefire.failIfNoSpecifiedTests=false \
    "$@" test 2>&1 | grep -v '^WARNING\|SLF4J')
}
if [[ "${3:-}" == --re* && -d "$dir/.policykb" && -d "$dir/site" ]]; then
  mvn_test -Dtest='SearchBench#reexport' -Dpolicykb.bench.reexport="$dir/site" -Dpolicykb.bench.content="$dir/txt" \
    -Dpolicykb.bench.reindex="$([[ "$3" == --reindex ]] && echo true || echo false)" \
    ${MAX_CLASSES:+-Dpolicykb.bench.maxClasses=$MAX_CLASSES}
elif [[ ! -f "$dir/site/search/meta.json.deflate" ]]; then
  rm -rf "$dir/site" "$dir/.policykb"
  /usr/bin/time -f "build: %e s, max RSS %M KB" "$home/policykb" build --content "$dir/txt" --out "$dir/site"
fi
du -s --apparent-size --block-size=1M "$dir/site/search" "$dir/.policykb" | sed 's/^/MB /'
find "$dir/site/search" -type f | wc -l | sed 's/^/files in search\/: /'
mvn_test -Dtest='SearchBench#firstQueries' -Dpolicykb.bench.site="$dir/site" -Dpolicykb.bench.queries="${QUERIES:-}"
