"""The deployment files agree with the declared services and topics.

docker-compose.yml, deploy/k8s/*.yaml and the generated Kafka ACL script are
checked against `services.common.topics`, so adding a service or a topic reader
without updating deploy/ fails here.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from services.common import schemas
from services.common.settings import Settings
from services.common.topics import BY_NAME, SERVICES, TOPICS, TopicSpec
from services.registry import RUNNABLE

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
ACL_SCRIPT = K8S / "kafka-acls.sh"
NAMESPACE = "orcast"
NOT_APPLIED = {"kustomization.yaml", "secret.example.yaml"}


def _load_gen() -> ModuleType:
    path = ROOT / "deploy" / "gen_acls.py"
    spec = importlib.util.spec_from_file_location("orcast_gen_acls", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_gen()


def principal(service: str) -> str:
    return f"User:orcast-{service}"


# --- loading -------------------------------------------------------------------------


def load_all(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_all(ROOT / "docker-compose.yml")[0]["services"]


@pytest.fixture(scope="module")
def k8s() -> dict[str, list[dict[str, Any]]]:
    return {p.name: load_all(p) for p in sorted(K8S.glob("*.yaml"))}


def find(docs: list[dict[str, Any]], kind: str, name: str | None = None) -> dict[str, Any]:
    hits = [
        d for d in docs
        if d["kind"] == kind and name in (None, d.get("metadata", {}).get("name"))
    ]
    assert len(hits) == 1, f"expected one {kind} {name or ''}, found {len(hits)}"
    return hits[0]


def env_map(env: dict[str, Any] | list[str] | None) -> dict[str, str]:
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in (env or {}).items()}


def container_env(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in container.get("env", [])}


# --- the ACL script as data ------------------------------------------------------------


@dataclass(frozen=True)
class Acl:
    permission: str  # Allow | Deny
    principal: str
    operation: str
    resource: str  # topic | group
    name: str
    pattern: str  # literal | prefixed


@dataclass(frozen=True)
class AclCommand:
    action: str  # add | remove
    acls: frozenset[Acl]


_VALUED = {"--allow-principal", "--deny-principal", "--operation", "--topic", "--group",
           "--resource-pattern-type"}


def parse_command(argv: list[str]) -> AclCommand:
    """Expand one kafka-acls.sh argument list the way the tool does (a cartesian product)."""
    actions: list[str] = []
    values: dict[str, list[str]] = {flag: [] for flag in _VALUED}
    args = iter(argv)
    for arg in args:
        if arg in ("--add", "--remove"):
            actions.append(arg[2:])
        elif arg == "--force":
            continue
        elif arg in _VALUED:
            values[arg].append(next(args))
        else:
            raise AssertionError(f"unexpected kafka-acls argument {arg!r} in {argv}")
    assert len(actions) == 1, argv
    assert values["--operation"], argv
    pattern = (values["--resource-pattern-type"] or ["literal"])[-1]
    principals = [("Allow", p) for p in values["--allow-principal"]]
    principals += [("Deny", p) for p in values["--deny-principal"]]
    assert principals, argv
    resources = [("topic", t) for t in values["--topic"]]
    resources += [("group", g) for g in values["--group"]]
    assert resources, argv
    acls = frozenset(
        Acl(perm, who, op, kind, name, pattern)
        for (perm, who), op, (kind, name) in itertools.product(
            principals, values["--operation"], resources
        )
    )
    return AclCommand(actions[0], acls)


def script_commands(text: str) -> list[AclCommand]:
    lines = [line for line in text.splitlines() if line.startswith("acl ")]
    return [parse_command(shlex.split(line)[1:]) for line in lines]


def apply(commands: list[AclCommand], state: set[Acl]) -> set[Acl]:
    state = set(state)
    for command in commands:
        if command.action == "add":
            state |= command.acls
        else:
            state -= command.acls
    return state


def allowed(state: set[Acl], who: str, op: str, topic: str) -> bool:
    def matches(acl: Acl) -> bool:
        return (acl.principal == who and acl.resource == "topic" and acl.name == topic
                and acl.pattern == "literal" and acl.operation in (op, "All"))

    return any(a.permission == "Allow" and matches(a) for a in state) and not any(
        a.permission == "Deny" and matches(a) for a in state
    )


EVERY_PRINCIPAL = [principal(s) for s in (*SERVICES, gen.TOPIC_ADMIN)]

# Grants a previous, looser version of the script might have left in the cluster.
STALE = {
    Acl("Allow", who, op, "topic", t.full_name(NAMESPACE), "literal")
    for who in EVERY_PRINCIPAL for op in ("Read", "Write") for t in TOPICS
}


@pytest.fixture(scope="module")
def acl_text() -> str:
    return ACL_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["empty cluster", "stale grants"])
def acl_state(request: pytest.FixtureRequest, acl_text: str) -> set[Acl]:
    start = set() if request.param == "empty cluster" else STALE
    return apply(script_commands(acl_text), start)


# --- ACLs ----------------------------------------------------------------------------


def test_committed_acl_script_is_the_generators_output(acl_text: str) -> None:
    assert acl_text == gen.render(NAMESPACE), (
        "deploy/k8s/kafka-acls.sh is stale: run "
        "`python deploy/gen_acls.py > deploy/k8s/kafka-acls.sh`"
    )


def test_gen_acls_check_flag_detects_drift(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sh"
    fresh.write_text(gen.render(NAMESPACE), encoding="utf-8")
    stale = tmp_path / "stale.sh"
    stale.write_text(gen.render(NAMESPACE).replace("orcast-audit", "orcast-viewer"))
    assert gen.main(["--check", str(fresh)]) == 0
    assert gen.main(["--check", str(stale)]) == 1


def test_every_declared_topic_and_only_those_appear_in_acl_script(acl_text: str) -> None:
    named = {a.name for c in script_commands(acl_text) for a in c.acls if a.resource == "topic"}
    assert named == {t.full_name(NAMESPACE) for t in TOPICS}


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_read_granted_exactly_to_declared_readers(topic: TopicSpec, acl_state: set[Acl]) -> None:
    readers = {
        who for who in EVERY_PRINCIPAL
        if allowed(acl_state, who, "Read", topic.full_name(NAMESPACE))
    }
    assert readers == {principal(s) for s in topic.readers}


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_write_granted_exactly_to_declared_writers(topic: TopicSpec, acl_state: set[Acl]) -> None:
    writers = {
        who for who in EVERY_PRINCIPAL
        if allowed(acl_state, who, "Write", topic.full_name(NAMESPACE))
    }
    assert writers == {principal(s) for s in topic.writers}


def test_phi_topic_readable_only_by_deidentify_and_audit(acl_state: set[Acl]) -> None:
    """Pinned here, not read from topics.py: widening this list must be a visible change."""
    topic = BY_NAME["milestones.submitted"]
    name = topic.full_name(NAMESPACE)
    assert topic.sensitive
    assert set(topic.readers) == {"deidentify", "audit"}
    readers = {who for who in EVERY_PRINCIPAL if allowed(acl_state, who, "Read", name)}
    assert readers == {"User:orcast-deidentify", "User:orcast-audit"}
    # and an explicit deny for everyone else, which beats any broader allow added later
    denied = {a.principal for a in acl_state
              if a.permission == "Deny" and a.operation == "Read" and a.name == name}
    others = {p for p in EVERY_PRINCIPAL if p not in readers}
    assert denied == others


def test_every_topic_has_exactly_one_writer() -> None:
    """Two writers on a topic and its ACL cannot say who said what (issue 18, item 3)."""
    for topic in TOPICS:
        assert len(topic.writers) == 1, f"{topic.name} has writers {topic.writers}"
        assert topic.writers[0] in SERVICES


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_write_granted_to_the_one_writer_only(topic: TopicSpec, acl_state: set[Acl]) -> None:
    name = topic.full_name(NAMESPACE)
    writers = {who for who in EVERY_PRINCIPAL if allowed(acl_state, who, "Write", name)}
    assert writers == {principal(topic.writers[0])}
    granted = {a.principal for a in acl_state
               if a.permission == "Allow" and a.operation == "Write" and a.name == name}
    assert granted == {principal(topic.writers[0])}


def test_every_service_dead_letters_to_its_own_topic() -> None:
    for service in SERVICES:
        spec = BY_NAME[f"deadletter.{service}"]
        assert spec.writers == (service,) and spec.readers == ("audit",) and spec.sensitive


def test_generator_refuses_a_topic_with_two_writers() -> None:
    shared = TopicSpec("x", 1, 1, readers=("audit",), writers=("ingest", "approval"))
    with pytest.raises(ValueError, match="exactly one writer"):
        gen.commands(topics=(shared,))


def test_consumer_groups_are_per_service_prefixes(acl_text: str) -> None:
    groups = {a for c in script_commands(acl_text) for a in c.acls if a.resource == "group"}
    readers = {s for s in SERVICES if any(s in t.readers for t in TOPICS)}
    expected = {
        Acl("Allow", principal(s), op, "group", f"{NAMESPACE}-{s}", "prefixed")
        for s in readers for op in ("Read", "Describe")
    }
    assert groups == expected


def test_topic_setup_principal_may_not_read_or_write(acl_state: set[Acl]) -> None:
    ops = {
        a.operation for a in acl_state
        if a.principal == principal(gen.TOPIC_ADMIN) and a.permission == "Allow"
    }
    assert ops == {"Create", "Describe"}


def test_generator_refuses_unknown_services_and_overlapping_group_prefixes() -> None:
    typo = TopicSpec("x", 1, 1, readers=("deidentfy",), writers=("ingest",))
    with pytest.raises(ValueError, match="deidentfy"):
        gen.commands(topics=(typo,))
    with pytest.raises(ValueError, match="prefix"):
        gen.commands(services=(*SERVICES, "audit-export"))


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_acl_script_runs_the_parsed_commands(acl_text: str, tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    fake = tmp_path / "kafka-acls.sh"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\n')
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "KAFKA_BOOTSTRAP": "broker:9093",
           "KAFKA_COMMAND_CONFIG": "/etc/admin.properties", "KAFKA_ACLS": str(fake)}
    subprocess.run(["bash", str(ACL_SCRIPT)], env=env, check=True, timeout=60)
    calls = log.read_text().splitlines()
    prefix = "--bootstrap-server broker:9093 --command-config /etc/admin.properties "
    assert all(c.startswith(prefix) for c in calls)
    ran = [parse_command(c.removeprefix(prefix).split()) for c in calls]
    assert ran == script_commands(acl_text)


# --- docker-compose.yml ------------------------------------------------------------------


def test_compose_kafka_is_apache_kafka_in_kraft_mode(compose: dict[str, Any]) -> None:
    kafka = compose["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    env = env_map(kafka["environment"])
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{env['KAFKA_NODE_ID']}@")
    assert "CONTROLLER" in env["KAFKA_LISTENERS"]
    assert not any("ZOOKEEPER" in k for k in env)
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert "/opt/kafka/bin/kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])
    assert "ports" not in kafka


def test_compose_postgres(compose: dict[str, Any]) -> None:
    pg = compose["postgres"]
    assert re.match(r"postgres:16(\D|$)", pg["image"])
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert "ports" not in pg


def test_compose_topics_job(compose: dict[str, Any]) -> None:
    topics = compose["topics"]
    assert topics["command"] == ["topics", "create"]
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert "ports" not in topics


def _orcast_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        svc["command"][1]: svc for svc in compose.values()
        if svc.get("command", [None])[0] == "run"
    }


def test_compose_runs_every_service_once(compose: dict[str, Any]) -> None:
    assert sorted(_orcast_services(compose)) == sorted(SERVICES)


@pytest.mark.parametrize("service", SERVICES)
def test_compose_service(service: str, compose: dict[str, Any]) -> None:
    svc = compose[service]
    assert svc["command"] == ["run", service]
    assert svc["build"] in (".", {"context": "."})
    assert "/readyz" in " ".join(svc["healthcheck"]["test"])
    deps = svc["depends_on"]
    assert deps["kafka"]["condition"] == "service_healthy"
    assert deps["postgres"]["condition"] == "service_healthy"
    assert deps["topics"]["condition"] == "service_completed_successfully"
    env = env_map(svc["environment"])
    assert env["ORCAST_HTTP_HOST"] == "0.0.0.0"  # the default 127.0.0.1 is unreachable
    assert env["ORCAST_SECRET"] == "${ORCAST_SECRET:-change-me-dev-only}"
    assert env["ORCAST_DATABASE_URL"].startswith("postgresql://")
    assert env["ORCAST_KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert deps["keys"]["condition"] == "service_completed_successfully"
    assert f"event-keys:{env['ORCAST_EVENT_KEYS_DIR']}:ro" in svc["volumes"]


def test_compose_ports_are_distinct_and_documented(compose: dict[str, Any]) -> None:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    host_ports = {}
    for name, svc in compose.items():
        for mapping in svc.get("ports", []):
            *_, host, container = str(mapping).split(":")
            assert container == "8080", mapping
            host_ports[name] = int(host)
    assert set(host_ports) == set(SERVICES)
    assert sorted(host_ports.values()) == list(range(8081, 8081 + len(SERVICES)))
    for name, port in host_ports.items():
        assert re.search(rf"#\s+{port}\s+{name}\b", text), f"port {port} of {name} not documented"


# --- Kubernetes ------------------------------------------------------------------------


def test_k8s_signin_deployment_serves_sign_in_with_its_own_database(
        k8s: dict[str, list[dict[str, Any]]]) -> None:
    """`/signin` is served by orcast-signin (`orcast run signin`): it needs the session key
    and client secret (orcast-secrets), its own database for the ended sessions, and the
    role mapping; no Kafka principal and no event key (it uses no topic)."""
    docs = k8s["signin.yaml"]
    spec = find(docs, "Deployment", "orcast-signin")["spec"]
    assert spec["replicas"] == 2
    pod = spec["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["run", "signin"]
    env = container_env(container)
    assert env["ORCAST_DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"] == "orcast-db-signin"
    assert not [k for k in env if k.startswith("ORCAST_KAFKA")]
    sources = [(kind, ref["name"]) for s in container["envFrom"] for kind, ref in s.items()]
    assert ("secretRef", "orcast-secrets") in sources
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert volumes[mounts["/etc/orcast/oidc"]]["configMap"]["name"] == "orcast-oidc-role-mapping"
    assert "event-keys" not in volumes
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    find(docs, "Service", "orcast-signin")
    mapping = find(k8s["configmap.yaml"], "ConfigMap", "orcast-oidc-role-mapping")
    rules = json.loads(mapping["data"]["role-mapping.json"])
    assert not schemas.errors("oidc-role-mapping.json", rules)


def _ingress_backend(paths: list[dict[str, Any]], path: str) -> str | None:
    """The Service an Ingress sends `path` to: an Exact match, else the longest Prefix
    match by whole path elements (the Ingress specification's rule)."""
    for rule in paths:
        if rule["pathType"] == "Exact" and rule["path"] == path:
            return str(rule["backend"]["service"]["name"])
    best: tuple[int, str] | None = None
    for rule in paths:
        prefix = rule["path"].rstrip("/")
        if rule["pathType"] == "Prefix" and (path == prefix or path.startswith(prefix + "/")):
            if best is None or len(prefix) > best[0]:
                best = (len(prefix), str(rule["backend"]["service"]["name"]))
    return best[1] if best else None


def test_k8s_ingress_routes_every_path_to_the_deployment_serving_it(
        k8s: dict[str, list[dict[str, Any]]], tmp_path: Path) -> None:
    """Every route of every service's app (as `orcast run` builds it), with `{x}` filled
    in, reaches that service; /signin, /signout and / reach orcast-signin; the probes and
    /metrics are not exposed."""
    from services.dev.supervisor import SHARED_ROUTES
    from services.registry import create_app_for

    ingress = find(k8s["ingress.yaml"], "Ingress", "orcast")
    (rule,) = ingress["spec"]["rules"]
    paths = rule["http"]["paths"]
    settings = Settings(data_dir=tmp_path, secret="x" * 40)
    checked = 0
    for service in RUNNABLE:
        app = create_app_for(service)(settings)
        for resource in app.router.resources():
            if resource.canonical in SHARED_ROUTES:
                continue
            path = re.sub(r"\{[^}]+\}", "x", resource.canonical)
            assert _ingress_backend(paths, path) == f"orcast-{service}", (path, service)
            checked += 1
    assert checked > 30
    for path in ("/signin", "/signin/callback", "/signout", "/", "/assets/common/orcast.js"):
        assert _ingress_backend(paths, path) == "orcast-signin", path
    for path in ("/healthz", "/readyz", "/metrics"):
        assert _ingress_backend(paths, path) is None, path
    backends = {p["backend"]["service"]["name"] for p in paths}
    services = {d["metadata"]["name"] for docs in k8s.values() for d in docs
                if d["kind"] == "Service"}
    assert backends <= services


@pytest.mark.parametrize("service", SERVICES)
def test_k8s_deployment_and_service(service: str, k8s: dict[str, list[dict[str, Any]]]) -> None:
    docs = k8s[f"{service}.yaml"]
    deploy = find(docs, "Deployment", f"orcast-{service}")
    spec = deploy["spec"]
    pod = spec["template"]["spec"]
    labels = spec["template"]["metadata"]["labels"]
    assert spec["selector"]["matchLabels"].items() <= labels.items()
    assert spec["replicas"] == 2 or service == "viewer"

    (container,) = pod["containers"]
    assert container["args"] == ["run", service]
    ports = {p.get("name"): p["containerPort"] for p in container["ports"]}
    assert 8080 in ports.values()

    def probe(kind: str) -> dict[str, Any]:
        get = container[kind]["httpGet"]
        assert get["port"] in (8080, *[n for n, p in ports.items() if p == 8080])
        return get

    assert probe("readinessProbe")["path"] == "/readyz"
    assert probe("livenessProbe")["path"] == "/healthz"

    env = container_env(container)
    assert env["ORCAST_INSTANCE_ID"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    assert env["ORCAST_KAFKA_SASL_USERNAME"]["value"] == f"orcast-{service}"
    assert env["ORCAST_KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == (
        f"orcast-kafka-{service}"
    )
    sources = [(kind, ref["name"]) for s in container["envFrom"] for kind, ref in s.items()]
    assert ("configMapRef", "orcast-config") in sources
    assert ("secretRef", "orcast-secrets") in sources

    resources = container["resources"]
    for bound in ("requests", "limits"):
        assert {"cpu", "memory"} <= resources[bound].keys()

    assert pod["terminationGracePeriodSeconds"] == 30
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]

    annotations = spec["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/path"] == "/metrics"
    assert int(annotations["prometheus.io/port"]) == 8080

    svc = find(docs, "Service", f"orcast-{service}")
    assert svc["spec"]["selector"].items() <= labels.items()
    (port,) = svc["spec"]["ports"]
    assert port["targetPort"] in (8080, *[n for n, p in ports.items() if p == 8080])


def test_k8s_no_unexpected_deployments(k8s: dict[str, list[dict[str, Any]]]) -> None:
    deployments = [d for docs in k8s.values() for d in docs if d["kind"] == "Deployment"]
    assert sorted(d["metadata"]["name"] for d in deployments) == sorted(
        f"orcast-{s}" for s in RUNNABLE
    )
    selectors = [tuple(sorted(d["spec"]["selector"]["matchLabels"].items())) for d in deployments]
    assert len(set(selectors)) == len(selectors), "two Deployments share a selector"


def test_k8s_topics_job(k8s: dict[str, list[dict[str, Any]]]) -> None:
    job = find(k8s["topics-job.yaml"], "Job")
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["topics", "create"]
    env = container_env(container)
    assert env["ORCAST_KAFKA_SASL_USERNAME"]["value"] == f"orcast-{gen.TOPIC_ADMIN}"


def test_k8s_acls_job_runs_the_committed_script(k8s: dict[str, list[dict[str, Any]]]) -> None:
    kustomization = find(k8s["kustomization.yaml"], "Kustomization")
    generated = {g["name"]: g["files"] for g in kustomization.get("configMapGenerator", [])}
    job = find(k8s["acls-job.yaml"], "Job")
    pod = job["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"].startswith("apache/kafka:")
    volumes = {v["name"]: v for v in pod["volumes"]}
    (script_mount,) = [
        m for m in container["volumeMounts"] if "configMap" in volumes[m["name"]]
    ]
    config_map = volumes[script_mount["name"]]["configMap"]["name"]
    assert generated[config_map] == ["kafka-acls.sh"]
    assert kustomization["configMapGenerator"][0]["options"]["disableNameSuffixHash"] is True
    assert container["command"][-1] == f"{script_mount['mountPath']}/kafka-acls.sh"
    assert "KAFKA_BOOTSTRAP" in container_env(container)


def test_k8s_configmap_is_consistent_and_holds_no_secrets(
    k8s: dict[str, list[dict[str, Any]]], acl_text: str
) -> None:
    data = find(k8s["configmap.yaml"], "ConfigMap", "orcast-config")["data"]
    for key in data:
        assert not re.search(r"SECRET|PASSWORD|IDENTIFIER_KEY|DATABASE_URL", key), key
    assert data["ORCAST_HTTP_HOST"] == "0.0.0.0"
    assert data["ORCAST_LOG_FORMAT"] == "json"
    assert f"# Topic namespace: {data['ORCAST_TOPIC_NAMESPACE']}\n" in acl_text


def test_k8s_secret_example_has_placeholders_for_every_referenced_secret(
    k8s: dict[str, list[dict[str, Any]]],
) -> None:
    secrets = {
        d["metadata"]["name"]: d["stringData"]
        for d in k8s["secret.example.yaml"] if d["kind"] == "Secret"
    }
    for data in secrets.values():
        for key, value in data.items():
            assert "CHANGE-ME" in value, f"{key} looks like a real value"
    wanted: set[tuple[str, str | None]] = set()
    for pod in _pod_specs(k8s):
        for c in pod["containers"]:
            wanted |= {(s["secretRef"]["name"], None) for s in c.get("envFrom", [])
                       if "secretRef" in s}
            wanted |= {(e["valueFrom"]["secretKeyRef"]["name"],
                        e["valueFrom"]["secretKeyRef"]["key"])
                       for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})}
        wanted |= {(v["secret"]["secretName"], None) for v in pod.get("volumes", [])
                   if "secret" in v}
    for secret, key in wanted:
        assert secret in secrets, f"secret.example.yaml lacks {secret}"
        assert key is None or key in secrets[secret], f"{secret} lacks key {key}"


def _pod_specs(k8s: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [
        doc["spec"]["template"]["spec"]
        for name, docs in k8s.items() if name not in NOT_APPLIED
        for doc in docs if "template" in doc.get("spec", {})
    ]


def test_k8s_every_referenced_configmap_exists(k8s: dict[str, list[dict[str, Any]]]) -> None:
    kustomization = find(k8s["kustomization.yaml"], "Kustomization")
    defined = {g["name"] for g in kustomization["configMapGenerator"]}
    defined |= {d["metadata"]["name"] for d in k8s["configmap.yaml"] if d["kind"] == "ConfigMap"}
    for pod in _pod_specs(k8s):
        for c in pod["containers"]:
            for s in c.get("envFrom", []):
                assert s.get("configMapRef", {}).get("name", "orcast-config") in defined
            for e in c.get("env", []):
                ref = e.get("valueFrom", {}).get("configMapKeyRef")
                assert ref is None or ref["name"] in defined
        for v in pod.get("volumes", []):
            assert v.get("configMap", {}).get("name", "orcast-config") in defined


def test_k8s_publisher_credentials_cover_the_example_channel_file(
    k8s: dict[str, list[dict[str, Any]]],
) -> None:
    example = ROOT / "deploy" / "channels.example.yaml"
    if not example.exists():
        pytest.skip("no deploy/channels.example.yaml")
    channels = load_all(example)[0]["channels"]
    needed = {env for ch in channels for env in ch["credentials"].values()}
    secret = find(k8s["secret.example.yaml"], "Secret", "orcast-publisher-credentials")
    assert needed <= secret["stringData"].keys()
    channel_map = find(k8s["configmap.yaml"], "ConfigMap", "orcast-publisher-channels")
    assert "channels" in yaml.safe_load(channel_map["data"]["channels.yaml"])


def test_k8s_kustomization_lists_every_file(k8s: dict[str, list[dict[str, Any]]]) -> None:
    kustomization = find(k8s["kustomization.yaml"], "Kustomization")
    listed = kustomization["resources"]
    assert len(listed) == len(set(listed))
    assert set(listed) == {p.name for p in K8S.glob("*.yaml")} - NOT_APPLIED
    generated = {f for g in kustomization["configMapGenerator"] for f in g["files"]}
    assert generated == {p.name for p in K8S.iterdir() if p.suffix not in (".yaml", ".md")}
    for service in SERVICES:
        assert f"{service}.yaml" in listed
    assert "secret.example.yaml" not in listed  # placeholders must never be applied


def test_k8s_documents_are_namespaced(k8s: dict[str, list[dict[str, Any]]]) -> None:
    for name, docs in k8s.items():
        for doc in docs:
            if doc["kind"] in ("Namespace", "Kustomization"):
                continue
            assert doc["metadata"].get("namespace") == NAMESPACE, f"{name}: {doc['kind']}"


# --- Dockerfile ------------------------------------------------------------------------


def test_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert re.search(r"^RUN pip install\b", text, re.M)
    assert re.search(r'^ENTRYPOINT \["orcast"\]', text, re.M)
    assert re.search(r"^HEALTHCHECK .*\n?.*python.*urllib.*/healthz", text, re.M)
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "var"} <= set(ignored)


def test_k8s_only_audit_mounts_the_checkpoint_signing_key(
        k8s: dict[str, list[dict[str, Any]]]) -> None:
    def key_mounts(deployment: dict[str, Any]) -> list[str]:
        pod = deployment["spec"]["template"]["spec"]
        secrets = {v["name"] for v in pod.get("volumes", [])
                   if v.get("secret", {}).get("secretName") == "orcast-audit-signing-key"}
        (container,) = pod["containers"]
        return [m["mountPath"] for m in container.get("volumeMounts", [])
                if m["name"] in secrets]

    deployments = {d["metadata"]["name"]: d for docs in k8s.values() for d in docs
                   if d["kind"] == "Deployment"}
    (mount,) = key_mounts(deployments["orcast-audit"])
    (container,) = deployments["orcast-audit"]["spec"]["template"]["spec"]["containers"]
    key_path = container_env(container)["ORCAST_AUDIT_SIGNING_KEY"]["value"]
    assert key_path.startswith(mount + "/")
    assert [n for n, d in deployments.items() if key_mounts(d) and n != "orcast-audit"] == []


def test_k8s_each_service_mounts_only_its_own_event_signing_key(
        k8s: dict[str, list[dict[str, Any]]]) -> None:
    keys_dir = find(k8s["configmap.yaml"], "ConfigMap", "orcast-config")["data"][
        "ORCAST_EVENT_KEYS_DIR"]
    examples = {d["metadata"]["name"]: d for d in k8s["secret.example.yaml"]}
    for service in SERVICES:
        deploy = find(k8s[f"{service}.yaml"], "Deployment", f"orcast-{service}")
        pod = deploy["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        (mount,) = [m for m in container["volumeMounts"] if m["mountPath"] == keys_dir]
        (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
        sources = volume["projected"]["sources"]
        secrets = [s["secret"] for s in sources if "secret" in s]
        assert [(s["name"], [i["path"] for i in s["items"]]) for s in secrets] == [
            (f"orcast-event-key-{service}", [f"{service}.key"])]
        assert [s["configMap"]["name"] for s in sources if "configMap" in s] == [
            "orcast-event-public-keys"]
        assert f"{service}.key" in examples[f"orcast-event-key-{service}"]["stringData"]
    public = examples["orcast-event-public-keys"]["data"]
    assert set(public) == {f"{s}.pub" for s in SERVICES}
