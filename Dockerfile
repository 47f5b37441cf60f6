# Atrium LMS service: `docker build -t atrium-lms .` then `docker run -p 8080:8080 --env-file atrium.env atrium-lms`.
# See docs/production.md for the settings (ATRIUM_AUTH_MODE=entra, ATRIUM_ALLOWED_ORIGINS, Azure SQL, Graph).

# Build: all dependencies (esbuild compiles dist/), then keep only what production runs.
FROM node:22-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary is reachable.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: the built service and page, production packages, the regions file. No compiler, no dev dependency.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    ATRIUM_AUTH_MODE=entra \
    ATRIUM_DATA_DIR=/var/lib/atrium
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/config/regions.json ./config/regions.json
RUN mkdir -p /var/lib/atrium && chown node:node /var/lib/atrium
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
