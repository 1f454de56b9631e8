/**
 * Per-language parts of the dockerfile recipe: base images, build steps with cache mounts, what the
 * runtime stage copies, the health probe (a tool the runtime image already has) and the start command.
 */

export const LANGS = ['node', 'python', 'go', 'java'] as const;
export type Lang = (typeof LANGS)[number];

export interface LanguageParts {
  buildImage: string;
  buildTag: string;
  runtimeImage: string;
  runtimeTag: string;
  /** Build stage body (after FROM … AS build). */
  build: string[];
  /** Runtime stage lines before USER (environment, copies). `UID` is replaced by the uid. */
  runtime: string[];
  /** False for distroless runtimes: no shell, no apt, no useradd. */
  debianRuntime: boolean;
  /** Extra runtime apt packages (tini is always installed on Debian/Ubuntu runtimes). */
  aptPackages: string[];
  health: (port: number) => string[];
  command: string[];
  ignore: string[];
}

/** Default base image tags; `--set version=` overrides the language version part. */
export function languageParts(lang: Lang, version: string): LanguageParts {
  switch (lang) {
    case 'node': {
      const tag = `${version || '22.12.0'}-bookworm-slim`;
      return {
        buildImage: 'node',
        buildTag: tag,
        runtimeImage: 'node',
        runtimeTag: tag,
        build: [
          'WORKDIR /src',
          'COPY package.json package-lock.json ./',
          'RUN --mount=type=cache,target=/root/.npm npm ci',
          'COPY . .',
          'RUN npm run build && npm prune --omit=dev',
        ],
        runtime: [
          'ENV NODE_ENV=production',
          'COPY --from=build --chown=UID:UID /src/package.json ./package.json',
          'COPY --from=build --chown=UID:UID /src/node_modules ./node_modules',
          'COPY --from=build --chown=UID:UID /src/dist ./dist',
        ],
        debianRuntime: true,
        aptPackages: [],
        // Node 22 has fetch built in: no curl/wget in the image just for the probe.
        health: (port) => [
          'node',
          '-e',
          `fetch('http://127.0.0.1:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ],
        command: ['node', 'dist/server.js'],
        ignore: ['node_modules', 'dist', 'coverage', 'npm-debug.log*'],
      };
    }
    case 'python': {
      const tag = `${version || '3.12.8'}-slim-bookworm`;
      return {
        buildImage: 'python',
        buildTag: tag,
        runtimeImage: 'python',
        runtimeTag: tag,
        build: [
          'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1',
          'WORKDIR /src',
          'RUN python -m venv /opt/venv',
          'ENV PATH=/opt/venv/bin:$PATH',
          'COPY requirements.txt ./',
          'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
          'COPY . .',
        ],
        runtime: [
          'ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
          'COPY --from=build --chown=UID:UID /opt/venv /opt/venv',
          'COPY --from=build --chown=UID:UID /src/app ./app',
        ],
        debianRuntime: true,
        aptPackages: [],
        health: (port) => [
          'python',
          '-c',
          `import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:${port}/health', timeout=2).status == 200 else 1)`,
        ],
        // `app/__main__.py` starts the HTTP server on $PORT (uvicorn, gunicorn … as the project prefers).
        command: ['python', '-m', 'app'],
        ignore: ['__pycache__', '*.pyc', '.venv', '.pytest_cache', '.mypy_cache', 'htmlcov'],
      };
    }
    case 'go': {
      return {
        buildImage: 'golang',
        buildTag: `${version || '1.23.4'}-bookworm`,
        // Static binary on distroless: no shell, no package manager, nothing to patch but the binary.
        runtimeImage: 'gcr.io/distroless/static-debian12',
        runtimeTag: 'nonroot',
        build: [
          'WORKDIR /src',
          'COPY go.mod go.sum ./',
          'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
          'COPY . .',
          'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\',
          '    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server',
        ],
        runtime: ['COPY --from=build --chown=UID:UID /out/server /app/server'],
        debianRuntime: false,
        aptPackages: [],
        // Distroless has no HTTP client: the binary answers `-healthcheck` by GETting its own /health.
        health: () => ['/app/server', '-healthcheck'],
        command: ['/app/server'],
        ignore: ['bin', 'vendor', '*.test', 'coverage.out'],
      };
    }
    case 'java': {
      const v = version || '21.0.5_11';
      return {
        buildImage: 'eclipse-temurin',
        buildTag: `${v}-jdk-noble`,
        runtimeImage: 'eclipse-temurin',
        runtimeTag: `${v}-jre-noble`,
        build: [
          'WORKDIR /src',
          'COPY .mvn/ .mvn/',
          'COPY mvnw pom.xml ./',
          'RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline',
          'COPY src ./src',
          'RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \\',
          '    && mkdir -p /out && cp target/*.jar /out/app.jar',
        ],
        runtime: [
          'ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"',
          'COPY --from=build --chown=UID:UID /out/app.jar ./app.jar',
        ],
        debianRuntime: true,
        aptPackages: ['wget'],
        health: (port) => ['wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${port}/health`],
        command: ['java', '-jar', 'app.jar'],
        ignore: ['target', '.gradle', 'build', '*.class', '.idea'],
      };
    }
  }
}
