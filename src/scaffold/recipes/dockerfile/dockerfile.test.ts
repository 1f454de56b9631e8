import { afterEach, describe, expect, it } from 'vitest';
import { type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('run dockerfile', () => {
  it('default: node, two stages, non-root uid, health check, tini, digest slots marked', () => {
    g = generate('dockerfile');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['.dockerignore', 'Dockerfile']);
    const df = g.read('Dockerfile');
    expect(df.match(/^FROM .*$/gm)).toEqual([
      'FROM node:22.12.0-bookworm-slim AS build',
      'FROM node:22.12.0-bookworm-slim AS runtime',
    ]);
    expect(df).toContain('RUN --mount=type=cache,target=/root/.npm npm ci');
    expect(df).toContain('useradd --system --uid 10001 --gid app');
    expect(df).toContain('COPY --from=build --chown=10001:10001 /src/dist ./dist');
    expect(df).toMatch(/^USER 10001:10001$/m);
    expect(df).toMatch(/^HEALTHCHECK .*\n {2}CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:8080\/health'\)/m);
    expect(df).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(df).toContain('org.opencontainers.image.source="https://github.com/example/app"');
    // Two open digest slots, each suppressed with its reason (visible in the review as suppressed).
    expect(g.result.validation.suppressed.map((f) => [f.ruleId, f.line])).toEqual([
      ['DKR003', 9],
      ['DKR003', 20],
    ]);
    expect(g.result.next.fill?.[0]).toMatch(/^digest slots: docker buildx imagetools inspect/);
    expect(g.read('.dockerignore').split('\n')).toEqual(
      expect.arrayContaining(['.env', '.env.*', '!.env.example', 'node_modules']),
    );
  });

  it('go with digests: distroless, no shell steps, exec-form entrypoint, no suppression left', () => {
    g = generate('dockerfile', ['lang=go', `digest=${DIGEST}`, `build_digest=${DIGEST}`, 'port=9000', 'uid=20000']);
    expect(problems(g.result)).toEqual([]);
    const df = g.read('Dockerfile');
    expect(df.match(/^FROM .*$/gm)).toEqual([
      `FROM golang:1.23.4-bookworm@${DIGEST} AS build`,
      `FROM gcr.io/distroless/static-debian12:nonroot@${DIGEST} AS runtime`,
    ]);
    expect(df).not.toContain('proagent-devops-ignore');
    expect(df).not.toContain('apt-get');
    expect(df).toMatch(/^USER 20000:20000$/m);
    expect(df).toMatch(/^EXPOSE 9000$/m);
    expect(df).toContain('ENTRYPOINT ["/app/server"]');
    expect(df).toContain('CMD ["/app/server", "-healthcheck"]');
    expect(g.result.validation.suppressed).toEqual([]);
    expect(g.read('.dockerignore')).toContain('vendor');
  });

  it('python and java runtimes install only tini (and wget for java) without recommends', () => {
    for (const lang of ['python', 'java']) {
      g = generate('dockerfile', [`lang=${lang}`]);
      expect(problems(g.result), lang).toEqual([]);
      const df = g.read('Dockerfile');
      expect(df).toContain(`apt-get install -y --no-install-recommends tini${lang === 'java' ? ' wget' : ''}`);
      expect(df).toContain('--mount=type=cache,target=/var/lib/apt/lists,sharing=locked');
      g.cleanup();
      g = undefined;
    }
  });

  it('refuses a malformed digest', () => {
    expect(() => generate('dockerfile', ['digest=sha256:abc'])).toThrow(
      '--set digest="sha256:abc": must be sha256:<64 hex digits>',
    );
  });
});
