import { expect, it } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR009-unpinned-package-install.js';

it('DKR009 is off by default (pinned apt versions vanish from the archives)', () => {
  expect(rule.enabledByDefault).toBe(false);
});

const config = { rules: { DKR009: 'info' } };

ruleTester(rule, {
  valid: [
    {
      name: 'pinned apt, apk, pip and npm',
      config,
      files: {
        Dockerfile:
          'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10 \\\n' +
          ' && apk add --no-cache git=2.45.2-r0 \\\n && pip install requests==2.32.3 \\\n' +
          ' && npm install -g pnpm@9.1.0 @scope/tool@1.0.0\n',
      },
    },
    {
      name: 'requirements and local files',
      config,
      files: { Dockerfile: 'FROM python:3.12\nRUN pip install -r requirements.txt ./dist/app.whl .\n' },
    },
    {
      name: 'constraints file pins everything',
      config,
      files: { Dockerfile: 'FROM python:3.12\nRUN pip install -c constraints.txt flask\n' },
    },
    { name: 'packages in a variable', config, files: { Dockerfile: 'FROM debian:12\nRUN apt-get install -y $PKGS\n' } },
    { name: 'local npm install', config, files: { Dockerfile: 'FROM node:20\nRUN npm install express\n' } },
  ],
  invalid: [
    {
      name: 'each unpinned package is reported',
      config,
      files: { Dockerfile: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl git=1:2.39 jq\n' },
      errors: [
        {
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 50,
          severity: 'info',
          message: 'curl is installed with apt without a version pin.',
        },
        {
          line: 2,
          column: 62,
          endLine: 2,
          endColumn: 64,
          severity: 'info',
          message: 'jq is installed with apt without a version pin.',
        },
      ],
    },
    {
      name: 'apk, python -m pip and npm -g',
      config,
      files: {
        Dockerfile:
          'FROM alpine:3.20\nRUN apk add --virtual .b gcc && python3 -m pip install --upgrade pip && npm i -g npm@latest\n',
      },
      errors: [
        { line: 2, column: 26, endLine: 2, endColumn: 29, message: 'gcc is installed with apk without a version pin.' },
        { line: 2, column: 66, endLine: 2, endColumn: 69, message: 'pip is installed with pip without a version pin.' },
        {
          line: 2,
          column: 82,
          endLine: 2,
          endColumn: 92,
          message: 'npm@latest is installed with npm without a version pin.',
        },
      ],
    },
  ],
});
