#!/usr/bin/env bash
# Fills deploy/compose/usrlib/ with the analysis job and its dependencies for the Flink containers, leaving out the
# jars the Flink image already has in /opt/flink/lib (flink-* runtime, their Scala/Akka/Pekko shading, log4j).
# Builds what it needs (package, tests skipped); needs nothing from the network (-o).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/deploy/compose/usrlib"
rm -rf "$OUT" && mkdir -p "$OUT"
# package + copy in one reactor run, so the sibling modules (ingest, elasticsearch) resolve to their fresh jars
# (each module copies into its own target/dependency; only the analysis module's set is used)
rm -rf "$ROOT/analysis/target/dependency"
(cd "$ROOT" && ./mvnw -o -B -q -pl analysis -am -DskipTests package dependency:copy-dependencies \
  -DincludeScope=runtime -DexcludeGroupIds=org.apache.flink.shaded,org.apache.logging.log4j)
cp "$ROOT"/analysis/target/dependency/*.jar "$OUT/"
# the Flink distribution provides its own runtime; keep only the connectors the job adds
find "$OUT" -name 'flink-*.jar' ! -name 'flink-connector-kafka-*.jar' ! -name 'flink-connector-files-*.jar' \
  ! -name 'flink-connector-base-*.jar' -delete
# the FlinkDeployment's jarURI names this file
cp "$ROOT"/analysis/target/minsheng-analysis-*.jar "$OUT/minsheng-analysis.jar"
echo "usrlib: $(find "$OUT" -name '*.jar' | wc -l) jars in $OUT"
