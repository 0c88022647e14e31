# syntax=docker/dockerfile:1
# One image for every ORcast service: `docker run orcast run <service>`,
# `docker run orcast topics create`. Configuration comes only from ORCAST_* env.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ORCAST_HTTP_HOST=0.0.0.0 \
    ORCAST_HTTP_PORT=8080 \
    ORCAST_LOG_FORMAT=json \
    ORCAST_DATA_DIR=/var/lib/orcast

WORKDIR /app

# Editable install: the package imports resolve to /app/services, so repo-level
# data next to the code (schemas/) is found exactly as in a checkout.
COPY pyproject.toml README.md ./
COPY services ./services
COPY schemas ./schemas
RUN pip install -e . \
 && python -m compileall -q services \
 && groupadd --system --gid 10001 orcast \
 && useradd --system --uid 10001 --gid orcast --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin orcast \
 && install -d -o orcast -g orcast -m 0750 /var/lib/orcast

# Numeric UID so Kubernetes can verify runAsNonRoot.
USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('ORCAST_HTTP_PORT', '8080'), timeout=4)"]

ENTRYPOINT ["orcast"]
CMD ["--help"]
