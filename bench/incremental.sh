#!/usr/bin/env bash
# Incremental-build benchmark (issue 5): a full build of a generated corpus, then R times an edit of one document
# (a figure in its text changes, as an editor would correct a target) followed by an incremental build.
#   bench/incremental.sh [--docs N] [--runs R] [--out DIR]
# Prints the full build's wall time, every incremental build's wall time and pages rendered, the median and the
# ratio median incremental / full. Uses ./policykb with its default JVM options (POLICYKB_JAVA_OPTS to change).
set -euo pipefail
docs=1000
runs=5
out=""
while (( $# )); do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/incremental.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${out:-$repo/bench/out/incremental-$docs}"
make_corpus="${MAKE_CORPUS:-$(cd "$repo/.." && pwd)/shared/bench/make-corpus.py}"
rm -rf "$out" && mkdir -p "$out"
python3 "$make_corpus" --docs "$docs" --out "$out/corpus" >/dev/null
content="$out/corpus/txt"
[[ -d "$content" ]] || content="$out/corpus"
"$repo/policykb" --version >/dev/null 2>&1 || true # builds the jar first, outside the timings

seconds() { # runs a build, prints its wall time in seconds and the pages it rendered
  local start end log="$out/build.log"
  start=$(date +%s.%N)
  "$repo/policykb" build --content "$content" --out "$out/site" >"$log" 2>&1
  end=$(date +%s.%N)
  printf '%.2f %s\n' "$(echo "$end - $start" | bc)" "$(sed -n 's/.*; \([0-9]*\) pages rendered.*/\1/p' "$log")"
}

read -r full _ < <(seconds)
echo "full build: $full s"
# the documents to edit, spread over the corpus, each holding a figure like 80%
mapfile -t targets < <(grep -rlE '[0-9]+%' "$content" | sort | awk -v n="$runs" 'NR % 97 == 1' | head -n "$runs")
times=()
for ((i = 0; i < runs; i++)); do
  file="${targets[$((i % ${#targets[@]}))]}"
  python3 - "$file" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
m = re.search(r"(\d+)%", text)
text = text[:m.start(1)] + str(int(m.group(1)) % 97 + 2) + text[m.end(1):]
open(path, "w", encoding="utf-8").write(text)
PY
  read -r t pages < <(seconds)
  times+=("$t")
  echo "incremental build $((i + 1)) (edited ${file#"$content"/}): $t s, $pages pages rendered"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "median incremental: $median s; full: $full s; ratio $(echo "scale=3; $median / $full" | bc)"
