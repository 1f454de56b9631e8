import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

type Step = { name?: string; run?: string; if?: string; env?: Record<string, string> };

describe('run release', () => {
  it('prepare-release: version change on main → compare with v* tags → CHANGELOG gate → annotated tag', () => {
    g = generate('release');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['.github/workflows/prepare-release.yml', '.github/workflows/release.yml']);
    const [prepare] = g.yaml('.github/workflows/prepare-release.yml');
    expect(at(prepare, 'on', 'push')).toEqual({ branches: ['main'], paths: ['package.json', 'CHANGELOG.md'] });
    const steps = at(prepare, 'jobs', 'tag', 'steps') as Step[];
    expect(steps.map((s) => s.name ?? 'checkout')).toEqual([
      'checkout',
      'Secret scan (gitleaks) before anything is released',
      'Read the version',
      'Compare with the latest v* tag',
      'Require a CHANGELOG.md section for the version',
      'Push the annotated tag v${{ steps.version.outputs.version }}',
    ]);
    const push = steps[5];
    expect(push?.env?.RELEASE_TOKEN).toBe('${{ secrets.RELEASE_TOKEN }}');
    expect(push?.run).toContain('git tag -a "v$VERSION" -m "Release v$VERSION"');
    expect(steps[4]?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    const [release] = g.yaml('.github/workflows/release.yml');
    expect(at(release, 'on', 'push', 'tags')).toEqual(['v*']);
    expect(at(release, 'jobs', 'release', 'permissions')).toEqual({ contents: 'write' });
  });

  // The CHANGELOG gate is real shell: run it against a changelog with and without the section.
  it.runIf(spawnSync('bash', ['--version']).status === 0)(
    'the CHANGELOG gate passes with the section and explains when it is missing',
    () => {
      g = generate('release', ['version_from=VERSION']);
      const steps = at(g.yaml('.github/workflows/prepare-release.yml')[0], 'jobs', 'tag', 'steps') as Step[];
      const gate = steps.find((s) => s.name?.startsWith('Require a CHANGELOG'))?.run ?? '';
      const dir = mkdtempSync(join(tmpdir(), 'changelog-gate-'));
      try {
        writeFileSync(
          join(dir, 'CHANGELOG.md'),
          '# Changelog\n\n## [1.4.0] - 2025-01-02\n### Added\n- x\n\n## [1.3.0] - 2024-12-01\n',
        );
        const run = (version: string) =>
          spawnSync('bash', ['-e', '-c', gate], {
            cwd: dir,
            encoding: 'utf8',
            env: { PATH: process.env.PATH, VERSION: version, GITHUB_STEP_SUMMARY: join(dir, 'summary.md') },
          });
        expect(run('1.4.0').status).toBe(0);
        expect(run('1.3.0').status).toBe(0);
        const missing = run('1.4.1');
        expect(missing.status).toBe(1);
        expect(missing.stdout).toContain("::error file=CHANGELOG.md::no '## [1.4.1]' section");
        expect(spawnSync('cat', [join(dir, 'summary.md')], { encoding: 'utf8' }).stdout).toContain(
          '## Release v1.4.1 blocked: CHANGELOG.md has no section for it',
        );
        // 1.4.0 must not match 1.4.01 or 1x4x0: the dots are literal.
        writeFileSync(join(dir, 'CHANGELOG.md'), '## [1x4x0]\n');
        expect(run('1.4.0').status).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
