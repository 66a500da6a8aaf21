# syntax=docker/dockerfile:1
#
# career-bot, the image that deploys as it is (README "Operating").
#
# Base: Node 24 (Active LTS; package.json engines stays ">=20" for those who
# run it elsewhere). Pinned by exact version tag, NOT by digest: this image was
# written on a machine that cannot reach Docker Hub, so no digest could be
# read and none is invented here. To pin by digest, resolve it once and write
#   ARG NODE_IMAGE=node:24.11.1-bookworm-slim@sha256:<digest>
# e.g. from `docker buildx imagetools inspect node:24.11.1-bookworm-slim`.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# --- dependencies: cached until package.json or package-lock.json change ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Compilers only for better-sqlite3's fallback build when no prebuilt addon fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: the `prepare` build needs src/, copied later; only
# better-sqlite3's own install (prebuilt addon or compile) is run here.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3

# --- runtime node_modules: production only, no SQLite sources or build leftovers ---
FROM deps AS runtime-deps
COPY deploy/prune-runtime.sh ./deploy/
RUN sh deploy/prune-runtime.sh

# --- compiled code: reruns on a source change, never the install above ---
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

# --- the image: runtime files only, non-root, a tiny init as PID 1 ---
FROM ${NODE_IMAGE}
# tini reaps zombies and forwards SIGTERM to node (with `docker run --init`
# Docker's own init does the same; tini makes it so under Kubernetes too).
# fonts-dejavu-core: the pay charts' text (resvg draws with system fonts; slim has none).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    PORT=3000
WORKDIR /app
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root content ./content
COPY --from=runtime-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# Code stays root-owned and read-only to the bot; only the data folder is its own.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Liveness with what the image has (no curl): Node's fetch against /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The bot stops within 30 s (STOP_DEADLINE_MS) after SIGTERM: give it more.
# `docker stop` waits 10 s by default; use `docker stop -t 40`,
# compose's `stop_grace_period: 40s`, or Kubernetes'
# `terminationGracePeriodSeconds: 45` (deploy/).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/career-bot.js"]
