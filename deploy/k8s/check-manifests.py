#!/usr/bin/env python3
"""Schema check of Minsheng's Kubernetes manifests without a cluster (no kubeconform in Debian).

For every YAML document: a known apiVersion/kind pair, metadata.name, namespace `minsheng` (except the Namespace),
and the fields each kind needs: Deployments with matching selector/labels, image, CPU and memory requests, a memory
limit, a liveness probe and a readiness or startup probe on every container; FlinkDeployment with image, flinkVersion,
JobManager/TaskManager resources and a job (jarURI, entryClass, upgradeMode); ECK Elasticsearch with version and
node sets; Strimzi Kafka/KafkaNodePool/KafkaTopic with listeners, roles, partitions and replicas.

Usage: check-manifests.py FILE...    exit 0 when clean, 1 with one line per problem otherwise
       check-manifests.py --self-test   proves that broken manifests are caught
"""
import re
import sys

import yaml

KINDS = {
    ("v1", "Namespace"), ("v1", "Service"), ("v1", "ServiceAccount"), ("v1", "PersistentVolumeClaim"),
    ("v1", "ConfigMap"), ("v1", "Secret"), ("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"),
    ("flink.apache.org/v1beta1", "FlinkDeployment"),
    ("elasticsearch.k8s.elastic.co/v1", "Elasticsearch"),
    ("kafka.strimzi.io/v1beta2", "Kafka"), ("kafka.strimzi.io/v1beta2", "KafkaNodePool"),
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"),
}
NAMESPACE = "minsheng"
QUANTITY = re.compile(r"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$")
FLINK_MEMORY = re.compile(r"^[0-9]+(m|g|mb|gb)$", re.IGNORECASE)
FLINK_VERSION = re.compile(r"^v[12]_[0-9]+$")


def get(doc, path):
    node = doc
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def require(problems, where, doc, *paths):
    for path in paths:
        value = get(doc, path)
        if value is None or value == "" or value == [] or value == {}:
            problems.append(f"{where}: missing {path}")


def quantity(problems, where, value, what):
    if value is None or not QUANTITY.match(str(value)):
        problems.append(f"{where}: {what} is not a Kubernetes quantity: {value!r}")


def check_container(problems, where, c):
    where = f"{where} container {c.get('name')!r}"
    require(problems, where, c, "name", "image")
    quantity(problems, where, get(c, "resources.requests.cpu"), "resources.requests.cpu")
    quantity(problems, where, get(c, "resources.requests.memory"), "resources.requests.memory")
    quantity(problems, where, get(c, "resources.limits.memory"), "resources.limits.memory")
    if not c.get("livenessProbe"):
        problems.append(f"{where}: no livenessProbe")
    if not (c.get("readinessProbe") or c.get("startupProbe")):
        problems.append(f"{where}: no readinessProbe or startupProbe")
    for name in ("livenessProbe", "readinessProbe", "startupProbe"):
        probe = c.get(name)
        if probe and not any(k in probe for k in ("httpGet", "tcpSocket", "exec", "grpc")):
            problems.append(f"{where}: {name} has no httpGet/tcpSocket/exec/grpc handler")
        if probe and "httpGet" in probe:
            port = probe["httpGet"].get("port")
            names = {p.get("name") for p in c.get("ports", [])} | {p.get("containerPort") for p in c.get("ports", [])}
            if port not in names:
                problems.append(f"{where}: {name} uses port {port!r} that the container does not declare")


def check_workload(problems, where, doc):
    require(problems, where, doc, "spec.selector.matchLabels", "spec.template.metadata.labels",
            "spec.template.spec.containers")
    selector = get(doc, "spec.selector.matchLabels") or {}
    labels = get(doc, "spec.template.metadata.labels") or {}
    for k, v in selector.items():
        if labels.get(k) != v:
            problems.append(f"{where}: selector {k}={v} does not match the pod template's labels")
    for c in get(doc, "spec.template.spec.containers") or []:
        check_container(problems, where, c)


def check_flink(problems, where, doc):
    require(problems, where, doc, "spec.image", "spec.flinkVersion", "spec.serviceAccount",
            "spec.jobManager.resource.cpu", "spec.jobManager.resource.memory",
            "spec.taskManager.resource.cpu", "spec.taskManager.resource.memory",
            "spec.job.jarURI", "spec.job.entryClass", "spec.job.parallelism", "spec.job.upgradeMode",
            "spec.flinkConfiguration")
    if get(doc, "spec.flinkVersion") and not FLINK_VERSION.match(str(get(doc, "spec.flinkVersion"))):
        problems.append(f"{where}: flinkVersion must look like v2_2, was {get(doc, 'spec.flinkVersion')!r}")
    for role in ("jobManager", "taskManager"):
        mem = get(doc, f"spec.{role}.resource.memory")
        if mem is not None and not FLINK_MEMORY.match(str(mem)):
            problems.append(f"{where}: {role}.resource.memory must look like 2048m or 2g, was {mem!r}")
    if get(doc, "spec.job.upgradeMode") not in (None, "stateless", "savepoint", "last-state"):
        problems.append(f"{where}: job.upgradeMode must be stateless, savepoint or last-state")
    conf = get(doc, "spec.flinkConfiguration") or {}
    if not any(k.startswith("execution.checkpointing.dir") or k == "state.checkpoints.dir" for k in conf):
        problems.append(f"{where}: no checkpoint directory in flinkConfiguration")
    if any(not isinstance(v, str) for v in conf.values()):
        problems.append(f"{where}: flinkConfiguration values must be strings")


def check_document(doc, where):
    problems = []
    if not isinstance(doc, dict):
        return [f"{where}: not a mapping"]
    pair = (doc.get("apiVersion"), doc.get("kind"))
    if pair not in KINDS:
        return [f"{where}: unknown apiVersion/kind {pair[0]}/{pair[1]}"]
    where = f"{where} {pair[1]}/{get(doc, 'metadata.name')}"
    require(problems, where, doc, "metadata.name")
    if pair[1] != "Namespace" and get(doc, "metadata.namespace") != NAMESPACE:
        problems.append(f"{where}: metadata.namespace must be {NAMESPACE}")
    kind = pair[1]
    if kind in ("Deployment", "StatefulSet"):
        check_workload(problems, where, doc)
    elif kind == "FlinkDeployment":
        check_flink(problems, where, doc)
    elif kind == "Elasticsearch":
        require(problems, where, doc, "spec.version", "spec.nodeSets")
        for ns in get(doc, "spec.nodeSets") or []:
            require(problems, f"{where} nodeSet {ns.get('name')!r}", ns, "name", "count")
    elif kind == "Kafka":
        require(problems, where, doc, "spec.kafka.listeners")
        if get(doc, "metadata.annotations") is None or \
                get(doc, "metadata.annotations").get("strimzi.io/kraft") != "enabled":
            problems.append(f"{where}: KRaft mode needs annotation strimzi.io/kraft: enabled")
    elif kind == "KafkaNodePool":
        require(problems, where, doc, "spec.replicas", "spec.roles", "spec.storage", "metadata.labels")
        if (get(doc, "metadata.labels") or {}).get("strimzi.io/cluster") is None:
            problems.append(f"{where}: label strimzi.io/cluster missing")
    elif kind == "KafkaTopic":
        require(problems, where, doc, "spec.partitions", "spec.replicas")
        if (get(doc, "metadata.labels") or {}).get("strimzi.io/cluster") is None:
            problems.append(f"{where}: label strimzi.io/cluster missing")
    elif kind == "Service":
        require(problems, where, doc, "spec.selector", "spec.ports")
    elif kind == "PersistentVolumeClaim":
        require(problems, where, doc, "spec.accessModes")
        quantity(problems, where, get(doc, "spec.resources.requests.storage"), "storage request")
    return problems


def check_files(paths):
    problems = []
    kinds = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            try:
                docs = list(yaml.safe_load_all(f))
            except yaml.YAMLError as e:
                problems.append(f"{path}: not YAML: {e}")
                continue
        for i, doc in enumerate(d for d in docs if d is not None):
            problems += check_document(doc, f"{path}#{i}")
            if isinstance(doc, dict):
                kinds.add(doc.get("kind"))
    return problems, kinds


BROKEN = [
    ({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x", "namespace": NAMESPACE},
      "spec": {"selector": {"matchLabels": {"app": "x"}}, "template": {"metadata": {"labels": {"app": "y"}},
               "spec": {"containers": [{"name": "c", "image": "i", "ports": [{"name": "http", "containerPort": 1}],
                                        "readinessProbe": {"httpGet": {"path": "/", "port": "web"}}}]}}}},
     ["does not match", "resources.requests.cpu", "no livenessProbe", "does not declare"]),
    ({"apiVersion": "flink.apache.org/v1beta1", "kind": "FlinkDeployment",
      "metadata": {"name": "f", "namespace": NAMESPACE},
      "spec": {"image": "i", "flinkVersion": "2.2", "jobManager": {"resource": {"cpu": 1, "memory": "2 GB"}},
               "job": {"jarURI": "local:///j.jar", "upgradeMode": "never"}, "flinkConfiguration": {"a": 1}}},
     ["flinkVersion", "memory", "upgradeMode", "taskManager.resource.cpu", "checkpoint directory", "entryClass"]),
    ({"apiVersion": "apps/v1beta1", "kind": "Deployment", "metadata": {"name": "old"}}, ["unknown apiVersion"]),
    ({"apiVersion": "kafka.strimzi.io/v1beta2", "kind": "Kafka", "metadata": {"name": "k", "namespace": "other"},
      "spec": {"kafka": {}}}, ["namespace", "spec.kafka.listeners", "strimzi.io/kraft"]),
]


def self_test():
    failures = 0
    for doc, expected in BROKEN:
        found = "\n".join(check_document(doc, "self-test"))
        for needle in expected:
            if needle not in found:
                print(f"self-test: expected a problem mentioning {needle!r}, got:\n{found}", file=sys.stderr)
                failures += 1
    print(f"self-test: {len(BROKEN)} broken manifests, {failures} missed problems")
    return 1 if failures else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    problems, kinds = check_files(argv)
    for needed in ("FlinkDeployment", "Elasticsearch", "Kafka", "Deployment"):
        if needed not in kinds:
            problems.append(f"no {needed} among the manifests")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"k8s manifests: {len(argv)} files, kinds {sorted(k for k in kinds if k)}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
