"""Generate the Kafka ACL script (`deploy/k8s/kafka-acls.sh`) from the declared topic list.

    python deploy/gen_acls.py > deploy/k8s/kafka-acls.sh     # regenerate
    python deploy/gen_acls.py --check deploy/k8s/kafka-acls.sh  # exit 1 if it drifted

Everything comes from `services.common.topics`: for every topic, each service named in
`readers` gets Read, its one writer gets Write (a list with more or fewer is refused),
and the same commands *remove* Read/Write from every other ORcast principal, so
re-running the script after a reader is dropped from the list actually revokes the
grant. Sensitive topics (PHI, dead letters) also get an explicit DENY Read for every
non-reader: a deny wins over any allow, including a prefixed or wildcard allow someone
adds by hand later.

Principals are `User:orcast-<service>`; consumer groups are `<namespace>-<service>*`
(prefixed, as `services.common.components` names them, so per-instance groups such as
`orcast-viewer-<pod>` are covered too). `User:orcast-topics` is the principal of
`orcast topics create` and may only create (and describe) the declared topics.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

try:
    from services.common.topics import SERVICES, TOPICS, TopicSpec
except ModuleNotFoundError:  # run as a script from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from services.common.topics import SERVICES, TOPICS, TopicSpec

TOPIC_ADMIN = "topics"  # `orcast topics create` authenticates as User:orcast-topics
TOPIC_ADMIN_OPERATIONS = ("Create", "Describe")
GROUP_OPERATIONS = ("Read", "Describe")

Command = list[str]


def principal(service: str) -> str:
    return f"User:orcast-{service}"


def group_prefix(service: str, namespace: str = "orcast") -> str:
    return f"{namespace}-{service}"  # the default group id, see services/common/components.py


def _check(topics: Sequence[TopicSpec], services: Sequence[str], namespace: str) -> None:
    """Refuse lists that would silently grant the wrong thing."""
    known = set(services)
    for topic in topics:
        unknown = (set(topic.readers) | set(topic.writers)) - known
        if unknown:
            raise ValueError(f"topic {topic.name}: unknown services {sorted(unknown)}")
        if len(set(topic.writers)) != 1:
            # two writers on one topic and the ACL can no longer say who said what
            raise ValueError(f"topic {topic.name}: needs exactly one writer, "
                             f"has {sorted(set(topic.writers))}")
    for a in services:
        for b in services:
            mine, theirs = group_prefix(a, namespace), group_prefix(b, namespace)
            if a != b and theirs.startswith(mine):
                # a prefixed group ACL for `a` would also match b's consumer groups
                raise ValueError(f"group prefix {mine!r} also matches {b!r}")
    if TOPIC_ADMIN in known:
        raise ValueError(f"{TOPIC_ADMIN!r} is reserved for the topic-setup principal")


def _principals(flag: str, services: Sequence[str]) -> Command:
    return [arg for s in services for arg in (flag, principal(s))]


def commands(
    namespace: str = "orcast",
    topics: Sequence[TopicSpec] = TOPICS,
    services: Sequence[str] = SERVICES,
) -> list[tuple[str, Command]]:
    """(comment, kafka-acls arguments) pairs, in a stable order."""
    _check(topics, services, namespace)
    out: list[tuple[str, Command]] = []
    for topic in topics:
        name = topic.full_name(namespace)
        readers = [s for s in services if s in topic.readers]
        writers = [s for s in services if s in topic.writers]
        # revokes and denies also cover the topic-setup principal
        everyone = [*services, TOPIC_ADMIN]
        others_r = [s for s in everyone if s not in topic.readers]
        others_w = [s for s in everyone if s not in topic.writers]
        res = ["--topic", name]
        kind = "sensitive, " if topic.sensitive else ""
        out.append((
            f"{name} ({kind}readers: {', '.join(readers)}; writers: {', '.join(writers)})",
            ["--add", *_principals("--allow-principal", readers), "--operation", "Read", *res],
        ))
        out.append(("", ["--add", *_principals("--allow-principal", writers),
                         "--operation", "Write", *res]))
        # a service that becomes a reader must lose an earlier deny (deny beats allow)
        out.append(("", ["--remove", "--force", *_principals("--deny-principal", readers),
                         "--operation", "Read", *res]))
        if others_r:
            out.append(("", ["--remove", "--force", *_principals("--allow-principal", others_r),
                             "--operation", "Read", *res]))
            if topic.sensitive:
                out.append(("", ["--add", *_principals("--deny-principal", others_r),
                                 "--operation", "Read", *res]))
        if others_w:
            out.append(("", ["--remove", "--force", *_principals("--allow-principal", others_w),
                             "--operation", "Write", *res]))
    for service in services:
        if any(service in t.readers for t in topics):
            out.append((
                f"consumer groups {group_prefix(service, namespace)}* for {service}",
                ["--add", "--allow-principal", principal(service),
                 *[a for op in GROUP_OPERATIONS for a in ("--operation", op)],
                 "--resource-pattern-type", "prefixed",
                 "--group", group_prefix(service, namespace)],
            ))
    out.append((
        "topic setup (`orcast topics create`): create the declared topics, nothing else",
        ["--add", "--allow-principal", principal(TOPIC_ADMIN),
         *[a for op in TOPIC_ADMIN_OPERATIONS for a in ("--operation", op)],
         *[a for t in topics for a in ("--topic", t.full_name(namespace))]],
    ))
    return out


HEADER = """\
#!/usr/bin/env bash
# GENERATED by deploy/gen_acls.py from services/common/topics.py -- do not edit by hand.
# Regenerate: python deploy/gen_acls.py --namespace @NAMESPACE@ > deploy/k8s/kafka-acls.sh
#
# Topic namespace: @NAMESPACE@
# Needs: KAFKA_BOOTSTRAP, and KAFKA_COMMAND_CONFIG (client properties of a super user)
# on an authenticated cluster. KAFKA_ACLS=echo prints the commands instead (dry run).
# Idempotent: adding an existing ACL or removing a missing one is a no-op.
set -euo pipefail

: "${KAFKA_BOOTSTRAP:?set KAFKA_BOOTSTRAP to the Kafka bootstrap servers}"
KAFKA_ACLS="${KAFKA_ACLS:-/opt/kafka/bin/kafka-acls.sh}"
common=(--bootstrap-server "$KAFKA_BOOTSTRAP")
if [[ -n "${KAFKA_COMMAND_CONFIG:-}" ]]; then
  common+=(--command-config "$KAFKA_COMMAND_CONFIG")
fi
acl() { "$KAFKA_ACLS" "${common[@]}" "$@"; }
"""


def render(namespace: str = "orcast") -> str:
    lines = [HEADER.replace("@NAMESPACE@", namespace)]
    for comment, args in commands(namespace):
        if comment:
            lines.append(f"\n# {comment}\n")
        lines.append(f"acl {shlex.join(args)}\n")
    return "".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--namespace", default="orcast", help="ORCAST_TOPIC_NAMESPACE")
    parser.add_argument("--check", type=Path, metavar="FILE",
                        help="exit 1 if FILE differs from the generated script")
    args = parser.parse_args(argv)
    script = render(args.namespace)
    if args.check is not None:
        if args.check.read_text(encoding="utf-8") != script:
            sys.stderr.write(f"{args.check} is stale: run deploy/gen_acls.py > {args.check}\n")
            return 1
        return 0
    sys.stdout.write(script)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
