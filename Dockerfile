# syntax=docker/dockerfile:1
# Build stage: full install (compilers for better-sqlite3, TypeScript), build,
# then drop dev dependencies so only production modules are copied on.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm ci` runs the `prepare` script, which compiles src/ to dist/.
RUN npm ci && npm prune --omit=dev

# Runtime stage: production modules, compiled code and content; no compilers.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY content ./content
COPY slack ./slack
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Fails fast on invalid content or configuration; stops cleanly on SIGTERM.
CMD ["node", "bin/career-bot.js"]
