#!/usr/bin/env bash
# Validates deploy/ without a container engine or a Kubernetes cluster:
#   1. the compose file with Debian's docker-compose (`config` resolves and checks it; no engine needed),
#   2. YAML syntax and style of compose and Kubernetes files with yamllint,
#   3. a schema check of the Kubernetes manifests (k8s/check-manifests.py), after its self-test proves it catches
#      broken manifests.
# Needs: docker-compose, yamllint, python3-yaml (apt-get install -y docker-compose yamllint).
set -euo pipefail
DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Debian's python3 (with python3-yaml) rather than whatever python3 comes first on PATH.
PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import yaml' 2>/dev/null && PY=/usr/bin/python3

for tool in docker-compose yamllint "$PY"; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "validate: $tool not found (apt-get install -y docker-compose yamllint python3-yaml)" >&2; exit 2; }
done

echo "validate: docker-compose config" >&2
# the build context and usrlib/ need not exist for `config`
docker-compose --project-directory "$DEPLOY/compose" -f "$DEPLOY/compose/docker-compose.yml" config -q

echo "validate: yamllint" >&2
yamllint -s -c "$DEPLOY/.yamllint" "$DEPLOY/compose/docker-compose.yml" "$DEPLOY"/k8s/*.yaml

echo "validate: Kubernetes manifests" >&2
"$PY" "$DEPLOY/k8s/check-manifests.py" --self-test
"$PY" "$DEPLOY/k8s/check-manifests.py" "$DEPLOY"/k8s/*.yaml

echo "validate: deploy/ OK" >&2
