#!/usr/bin/env bash
# Fills deploy/compose/usrlib/ with the analysis job and its dependencies for the Flink containers, leaving out the
# jars the Flink image already has in /opt/flink/lib (flink-* runtime, their Scala/Akka/Pekko shading, log4j).
# Run after `./mvnw -B -DskipTests package` from the repository root; needs nothing from the network (-o).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/deploy/compose/usrlib"
rm -rf "$OUT" && mkdir -p "$OUT"
(cd "$ROOT" && ./mvnw -o -B -q -pl analysis dependency:copy-dependencies -DincludeScope=runtime \
  -DexcludeGroupIds=org.apache.flink.shaded,org.apache.logging.log4j -DoutputDirectory="$OUT")
# the Flink distribution provides its own runtime; keep only the connectors the job adds
find "$OUT" -name 'flink-*.jar' ! -name 'flink-connector-kafka-*.jar' ! -name 'flink-connector-files-*.jar' \
  ! -name 'flink-connector-base-*.jar' -delete
cp "$ROOT"/analysis/target/minsheng-analysis-*.jar "$OUT/"
echo "usrlib: $(find "$OUT" -name '*.jar' | wc -l) jars in $OUT"
