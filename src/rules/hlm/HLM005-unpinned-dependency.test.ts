import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { isUnbounded, rule } from './HLM005-unpinned-dependency.js';

const deps = (lines: string) => `apiVersion: v2\nname: shop\nversion: 0.1.0\ndependencies:\n${lines}`;

ruleTester(rule, {
  valid: [
    {
      name: 'exact and bounded versions from HTTPS, OCI and local repositories',
      files: {
        'shop/Chart.yaml': deps(
          '  - name: postgresql\n    version: 15.5.38\n    repository: https://charts.bitnami.com/bitnami\n' +
            '  - name: redis\n    version: ~19.6.0\n    repository: oci://registry-1.docker.io/bitnamicharts\n' +
            '  - name: common\n    version: ">=2.0.0 <3.0.0"\n    repository: file://../common\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'wildcard, unbounded and missing versions; plain HTTP repository',
      files: {
        'shop/Chart.yaml': deps(
          '  - name: postgresql\n    version: "*"\n    repository: http://charts.example.com\n' +
            '  - name: redis\n    version: ">=17.0.0"\n    repository: https://charts.example.com\n' +
            '  - name: common\n    repository: https://charts.example.com\n',
        ),
      },
      errors: [
        {
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 17,
          message: 'Chart dependency `postgresql` version `*` is not pinned (no upper bound).',
        },
        {
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 42,
          message: 'Chart dependency `postgresql` is fetched over plain HTTP (http://charts.example.com).',
        },
        {
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 24,
          message: 'Chart dependency `redis` version `>=17.0.0` is not pinned (no upper bound).',
        },
        { line: 11, column: 11, endLine: 11, endColumn: 17, message: 'Chart dependency `common` has no version.' },
      ],
    },
  ],
});

describe('isUnbounded', () => {
  it.each([
    ['1.2.3', false],
    ['^1.2.0', false],
    ['~1.2', false],
    ['1.x', false],
    ['>=1.2 <2', false],
    ['1.2 - 1.9', false],
    ['*', true],
    ['x', true],
    ['>1.0', true],
    ['1.2.3 || >=2', true],
    ['', true],
  ])('%s → %s', (constraint, unbounded) => {
    expect(isUnbounded(constraint)).toBe(unbounded);
  });
});
