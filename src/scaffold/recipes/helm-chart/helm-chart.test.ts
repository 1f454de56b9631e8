import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

const DIGEST = `sha256:${'c'.repeat(64)}`;

describe('run helm-chart', () => {
  it('default: chart files, per-environment values, schema, tests', () => {
    g = generate('helm-chart');
    expect(problems(g.result)).toEqual([]);
    const dir = 'charts/app';
    expect(g.paths).toEqual(
      [
        '.helmignore',
        'Chart.yaml',
        'templates/NOTES.txt',
        'templates/_helpers.tpl',
        'templates/deployment.yaml',
        'templates/externalsecret.yaml',
        'templates/hpa.yaml',
        'templates/networkpolicy.yaml',
        'templates/pdb.yaml',
        'templates/service.yaml',
        'templates/serviceaccount.yaml',
        'templates/tests/test-connection.yaml',
        'values-prod.yaml',
        'values-staging.yaml',
        'values.schema.json',
        'values.yaml',
      ].map((p) => `${dir}/${p}`),
    );
    expect(parse(g.read(`${dir}/Chart.yaml`))).toMatchObject({
      apiVersion: 'v2',
      name: 'app',
      version: '0.1.0',
      appVersion: '1.0.0',
    });
    const values = parse(g.read(`${dir}/values.yaml`));
    expect(at(values, 'podSecurityContext', 'runAsNonRoot')).toBe(true);
    expect(at(values, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
    expect(at(values, 'image', 'tag')).toBe('1.0.0');
    expect(at(values, 'serviceAccount', 'automount')).toBe(false);
    expect(at(values, 'externalSecret', 'refreshInterval')).toBe('1h');
    const prod = parse(g.read(`${dir}/values-prod.yaml`));
    expect(at(prod, 'replicaCount')).toBe(3);
    expect(at(prod, 'autoscaling', 'minReplicas')).toBe(3);
    expect(at(prod, 'image', 'tag')).toBe(at(parse(g.read(`${dir}/values-staging.yaml`)), 'image', 'tag'));
    const deployment = g.read(`${dir}/templates/deployment.yaml`);
    expect(deployment).toContain('maxUnavailable: 0');
    expect(deployment).toContain('httpGet: { path: {{ .Values.probes.ready }}, port: http }');
    expect(g.read(`${dir}/templates/tests/test-connection.yaml`)).toContain('helm.sh/hook: test');
    expect(g.read(`${dir}/templates/_helpers.tpl`)).toContain('{{- define "app.fullname" -}}');
  });

  it('values.schema.json accepts every values file and rejects unsafe values', () => {
    g = generate('helm-chart', [`digest=${DIGEST}`, 'name=shop']);
    expect(problems(g.result)).toEqual([]);
    const dir = 'charts/shop';
    const validate = new Ajv({ allErrors: true, strict: false }).compile(g.json(`${dir}/values.schema.json`) as object);
    const base = parse(g.read(`${dir}/values.yaml`));
    const merged = (file: string) => {
      const over = parse(g?.read(`${dir}/${file}`) ?? '') as Record<string, Record<string, unknown>>;
      const out = structuredClone(base) as Record<string, unknown>;
      for (const [k, v] of Object.entries(over)) {
        out[k] = typeof v === 'object' && v !== null ? { ...(out[k] as object), ...v } : v;
      }
      return out;
    };
    for (const values of [base, merged('values-staging.yaml'), merged('values-prod.yaml')]) {
      expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(at(merged('values-prod.yaml'), 'image', 'digest')).toBe(DIGEST);
    expect(validate({ ...base, image: { repository: 'x', tag: 'latest' } })).toBe(false);
    expect(validate({ ...base, podSecurityContext: { runAsNonRoot: false } })).toBe(false);
    expect(
      validate({ ...base, securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: true } }),
    ).toBe(false);
  });
});
