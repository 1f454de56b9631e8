import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  cleanResult,
  PIN_RULE,
  SAMPLE_RULES,
  SECRET_RULE,
  sampleResult,
} from '../../test/fixtures/sarif/sample-review.js';
import { docsUrl } from '../core/rule.js';
import { pascalCase, relativeUri, renderSarif } from './sarif.js';

// ajv-formats is CommonJS with a default export; under NodeNext the namespace's `default` is the function.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * The SARIF 2.1.0 schema as Microsoft ships it with the SARIF Multitool (npm devDependency
 * `@microsoft/sarif-multitool`, platform package `-linux`): JSON Schema 2020-12.
 */
const SARIF_SCHEMA_PATH = createRequire(import.meta.url).resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function expectValidSarif(log: unknown): void {
  const valid = validate(log);
  // Printed in full on failure: the path and keyword of every violation.
  expect(valid ? [] : validate.errors).toEqual([]);
}

function sample() {
  return JSON.parse(renderSarif(sampleResult(), { rules: SAMPLE_RULES, toolVersion: '1.2.3' }));
}

describe('renderSarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expectValidSarif(sample());
    expectValidSarif(JSON.parse(renderSarif(cleanResult(), { rules: SAMPLE_RULES, toolVersion: '1.2.3' })));
  });

  it('the schema check is not vacuous', () => {
    const log = sample();
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level',
        '/runs/0/results/0/locations/0/physicalLocation/region/startLine',
      ]),
    );
  });

  it('describes the run: tool, base URI, column kind, skipped files as notifications', () => {
    const log = sample();
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({
      name: 'proagent-devops',
      version: '1.2.3',
      informationUri: 'https://github.com/proagent/proagent-devops',
    });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'note',
            message: { text: 'Skipped huge.json: larger than 1 MB' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'huge.json', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('generates exactly the rule table passed in, from rule metadata', () => {
    const { rules } = sample().runs[0].tool.driver;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(SAMPLE_RULES.map((r) => r.id));
    const pin = rules.find((r: { id: string }) => r.id === PIN_RULE.id);
    expect(pin).toEqual({
      id: 'XMP001',
      name: 'PinBaseImagesToAVersion',
      shortDescription: { text: 'Pin base images to a version' },
      fullDescription: {
        text: 'latest moves: builds stop being reproducible and rollbacks lose their target.',
        markdown: PIN_RULE.rationale,
      },
      help: {
        text: [
          'Why: latest moves: builds stop being reproducible and rollbacks lose their target.',
          `Fix: ${PIN_RULE.fix}`,
          `Rollback: ${PIN_RULE.rollback}`,
          'Peers: hadolint:DL3007',
          `Docs: ${docsUrl('XMP001')}`,
        ].join('\n\n'),
        markdown: [
          `**Why.** ${PIN_RULE.rationale}`,
          `**Fix.** ${PIN_RULE.fix}`,
          `**Rollback.** ${PIN_RULE.rollback}`,
          '**Peers.** `hadolint:DL3007`',
          `[XMP001 documentation](${docsUrl('XMP001')})`,
        ].join('\n\n'),
      },
      helpUri: docsUrl('XMP001'),
      defaultConfiguration: { enabled: true, level: 'error' },
      properties: { tags: ['containers', 'XMP'], precision: 'high' },
    });
    const secret = rules.find((r: { id: string }) => r.id === SECRET_RULE.id);
    expect(secret.name).toBe('DontCommitTokensKeys');
    expect(secret.defaultConfiguration.level).toBe('warning');
    expect(secret.properties).toEqual({
      tags: ['secrets', 'XMP', 'security'],
      precision: 'high',
      'security-severity': '6.0',
    });
  });

  it('links every result to its rule by index and fingerprint', () => {
    const run = sample().runs[0];
    expect(run.results).toHaveLength(5);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual([
      'error',
      'warning',
      'error',
      'warning',
      'note',
    ]);
    expect(run.results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(
      sampleResult().findings.map((f) => ({ 'proagentFingerprint/v1': f.fingerprint })),
    );
  });

  it('renders a result with its location, context snippet and concrete fix', () => {
    const [pin] = sample().runs[0].results;
    expect(pin).toEqual({
      ruleId: 'XMP001',
      ruleIndex: SAMPLE_RULES.indexOf(PIN_RULE),
      level: 'error',
      message: { text: 'Base image `node` | is unpinned' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 },
            contextRegion: { startLine: 1, endLine: 1, snippet: { text: 'FROM node:latest' } },
          },
        },
      ],
      partialFingerprints: { 'proagentFingerprint/v1': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      properties: { fix: 'Use FROM node:20.11.1' },
    });
  });

  it('marks suppressed findings: inline as inSource, baseline as external', () => {
    const results = sample().runs[0].results;
    expect(results.map((r: { suppressions?: unknown }) => r.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', status: 'accepted', justification: 'fixture token for the tests' }],
      undefined,
      [{ kind: 'external', status: 'accepted', justification: 'accepted in baseline' }],
      undefined,
    ]);
  });

  it('encodes paths as relative URIs', () => {
    const results = sample().runs[0].results;
    expect(results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/my%20app.yaml');
    expect(relativeUri('a b/c#d/e%f/g:h.yaml')).toBe('a%20b/c%23d/e%25f/g%3Ah.yaml');
  });

  it('omits ruleIndex for a finding whose rule is not in the table', () => {
    const log = JSON.parse(renderSarif(sampleResult(), { rules: [PIN_RULE], toolVersion: '1' }));
    expectValidSarif(log);
    expect(log.runs[0].tool.driver.rules).toHaveLength(1);
    expect(log.runs[0].results.map((r: { ruleIndex?: number }) => r.ruleIndex)).toEqual([
      0,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('is deterministic and ends with a newline', () => {
    const a = renderSarif(sampleResult(), { rules: SAMPLE_RULES, toolVersion: '1' });
    expect(a).toBe(renderSarif(sampleResult(), { rules: SAMPLE_RULES, toolVersion: '1' }));
    expect(a.endsWith('}\n')).toBe(true);
  });
});

describe('pascalCase', () => {
  it.each([
    ['File could not be parsed', 'FileCouldNotBeParsed'],
    ['Pin base images to a version', 'PinBaseImagesToAVersion'],
    ['Use `npm ci`, not `npm install`', 'UseNpmCiNotNpmInstall'],
    ['HEALTHCHECK is missing', 'HEALTHCHECKIsMissing'],
  ])('%s → %s', (title, name) => {
    expect(pascalCase(title)).toBe(name);
  });
});
