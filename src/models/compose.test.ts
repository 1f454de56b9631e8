// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { describe, expect, it } from 'vitest';
import { projectOf } from '../../test/helpers/rule-tester.js';
import { SourceFile } from '../core/source-file.js';
import { composeFile, parseShortPort, repoPath } from './compose.js';
import { composeProjects } from './compose-project.js';
import { dotenvEntries } from './dotenv.js';
import { hasReference, interpolate, variableReferences } from './interpolation.js';

const compose = (text: string, path = 'docker-compose.yml') => composeFile(new SourceFile(path, 'compose', text));

describe('composeFile', () => {
  it('reads services with ranges', () => {
    const m = compose(
      [
        'version: "3.8"',
        'services:',
        '  api:',
        '    build:',
        '      context: ./api',
        '      dockerfile: docker/Dockerfile.prod',
        '    image: ghcr.io/org/api:${TAG:-1.2.3}',
        '    user: "1000"',
        '    environment:',
        '      DB_PASSWORD: ${DB_PASSWORD:?required}',
        '      MODE:',
        '    ports: ["127.0.0.1:8080:80", 9000]',
        '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro", {type: bind, source: ./x, target: /x}]',
        '    networks: [front, back]',
        '    deploy: {resources: {limits: {memory: 256M}}}',
        '    healthcheck: {disable: true}',
        '  db:',
        '    image: postgres',
        '    environment:',
        '      - "POSTGRES_PASSWORD=${P:-admin}"',
        '      - POSTGRES_USER',
        '    env_file: [.env, {path: ./db.env, required: false}]',
        'networks: {front: {}, back: {}}',
        '',
      ].join('\n'),
      'deploy/docker-compose.yml',
    );
    expect(m.version?.range).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 15 });
    const [api, db] = m.services;
    expect(api?.name).toBe('api');
    expect(api?.keyRange).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 6 });
    expect(api?.build?.dockerfile).toBe('deploy/api/docker/Dockerfile.prod');
    expect(api?.image?.value).toBe('ghcr.io/org/api:1.2.3');
    expect(api?.user?.value).toBe('1000');
    expect(api?.environment.map((e) => [e.key, e.value?.raw])).toEqual([
      ['DB_PASSWORD', '${DB_PASSWORD:?required}'],
      ['MODE', undefined],
    ]);
    expect(api?.ports.map(({ hostIp, published, target }) => ({ hostIp, published, target }))).toEqual([
      { hostIp: '127.0.0.1', published: '8080', target: '80' },
      { hostIp: undefined, published: undefined, target: '9000' },
    ]);
    expect(api?.volumes.map((v) => v.source)).toEqual(['/var/run/docker.sock', './x']);
    expect(api?.networks.map((n) => n.name)).toEqual(['front', 'back']);
    expect(api?.limits.map((l) => l.key)).toEqual(['deploy.resources.limits.memory']);
    expect(api?.healthcheck?.disabled?.range).toEqual({ line: 16, column: 28, endLine: 16, endColumn: 32 });
    const [password, user] = db?.environment ?? [];
    expect(password?.keyRange).toEqual({ line: 20, column: 10, endLine: 20, endColumn: 27 });
    expect(password?.value?.range).toEqual({ line: 20, column: 28, endLine: 20, endColumn: 39 });
    expect(password?.value?.value).toBe('admin');
    expect(user?.value).toBeUndefined();
    expect(db?.envFiles.map((f) => [f.path, f.required])).toEqual([
      ['deploy/.env', true],
      ['deploy/db.env', false],
    ]);
    expect(m.networks.map((n) => n.name)).toEqual(['front', 'back']);
  });

  it('follows anchors and merge keys', () => {
    const m = compose(
      'x-common: &common\n  read_only: true\n  cap_drop: [ALL]\nservices:\n  a:\n    <<: *common\n    image: nginx:1\n',
    );
    expect(m.services[0]?.readOnly?.value).toBe(true);
    expect(m.services[0]?.capDrop.map((c) => c.value)).toEqual(['ALL']);
  });

  it('resolves build shorthand and remote contexts', () => {
    const m = compose(
      'services:\n  a:\n    build: .\n  b:\n    build: https://github.com/org/repo.git#main\n  c:\n    build: ../../outside\n',
      'app/docker-compose.yml',
    );
    expect(m.services.map((s) => s.build?.dockerfile)).toEqual(['app/Dockerfile', undefined, undefined]);
    expect(m.services[1]?.build?.remote).toBe(true);
  });
});

describe('helpers', () => {
  it('interpolates like Compose, statically', () => {
    expect(interpolate('${A:-x}-${B-y}-$$C')).toEqual({ value: 'x-y-$C', unresolved: false });
    expect(interpolate('${A:?required}/${B}/$C')).toEqual({ value: '//', unresolved: true });
    expect(interpolate('${A:-${B:-inner}}')).toEqual({ value: 'inner', unresolved: false });
    expect(hasReference('$$literal')).toBe(false);
    expect(variableReferences('p=${P:-${Q:-z}} ${R}').map((r) => [r.name, r.operator, r.argument])).toEqual([
      ['P', ':-', '${Q:-z}'],
      ['R', '', ''],
    ]);
  });

  it.each([
    ['5432:5432', { published: '5432', target: '5432' }],
    ['127.0.0.1:5432:5432/tcp', { hostIp: '127.0.0.1', published: '5432', target: '5432', protocol: 'tcp' }],
    ['[::1]:6379:6379', { hostIp: '::1', published: '6379', target: '6379' }],
    ['8000-8010:8000-8010', { published: '8000-8010', target: '8000-8010' }],
    ['9200', { target: '9200' }],
  ])('port %s', (spec, expected) => {
    expect(parseShortPort(spec)).toEqual(expected);
  });

  it('repoPath stays inside the repository', () => {
    expect(repoPath('', './a/../b')).toBe('b');
    expect(repoPath('x', '../../y')).toBeUndefined();
    expect(repoPath('x', '/etc/passwd')).toBeUndefined();
  });

  it('parses dotenv files', () => {
    const f = new SourceFile('.env', 'dotenv', '# c\nexport A=1\nB="two words" # c\nC=x # note\n');
    expect(dotenvEntries(f).map((e) => [e.key, e.value, e.valueRange.column, e.valueRange.endColumn])).toEqual([
      ['A', '1', 10, 11],
      ['B', 'two words', 4, 13],
      ['C', 'x', 3, 4],
    ]);
  });
});

describe('composeProjects', () => {
  it('merges base and overrides per service, keeping where each value is', () => {
    const project = projectOf({
      'docker-compose.prod.yml': 'services:\n  web:\n    user: "1000"\n    ports: ["80:80"]\n',
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n  db:\n    image: postgres:16\n',
      'compose.override.yaml': 'services:\n  web:\n    image: nginx:1.27-alpine\n',
      'other/compose.yaml': 'services:\n  x:\n    image: redis:7\n',
    });
    const [root, other] = composeProjects(project);
    expect(root?.files.map((f) => f.file.path)).toEqual([
      'docker-compose.yml',
      'compose.override.yaml',
      'docker-compose.prod.yml',
    ]);
    const web = root?.services.find((s) => s.name === 'web');
    expect(web?.primary.file.path).toBe('docker-compose.yml');
    expect(web?.image?.value).toBe('nginx:1.27-alpine');
    expect(web?.image?.file.path).toBe('compose.override.yaml');
    expect(web?.user?.file.path).toBe('docker-compose.prod.yml');
    expect(web?.ports.map((p) => p.raw)).toEqual(['8080:80', '80:80']);
    expect(root?.services.map((s) => s.name)).toEqual(['web', 'db']);
    expect(other?.services.map((s) => s.name)).toEqual(['x']);
  });
});
