import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR004-secret-in-env-or-arg.js';

ruleTester(rule, {
  valid: [
    { name: 'ARG with no default', files: { Dockerfile: 'FROM node:20\nARG NPM_TOKEN\n' } },
    {
      name: 'value is a reference',
      files: { Dockerfile: 'FROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\n' },
    },
    { name: 'bare $VAR reference', files: { Dockerfile: 'FROM node:20\nENV API_KEY=$API_KEY\n' } },
    {
      name: '*_FILE points to a secret',
      files: { Dockerfile: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pg\n' },
    },
    { name: 'empty value', files: { Dockerfile: 'FROM node:20\nENV DB_PASSWORD=""\n' } },
    {
      name: 'not a secret-like name',
      files: { Dockerfile: 'FROM node:20\nENV NODE_ENV=production TOKENIZER_MODEL=bert\n' },
    },
    {
      name: 'value composed from variables',
      files: { Dockerfile: 'FROM node:20\nENV DATABASE_PASSWORD_URL=x DB_SECRET=pre${X}\n' },
    },
  ],
  invalid: [
    {
      name: 'ENV key=value with a literal',
      files: { Dockerfile: 'FROM node:20\nENV NODE_ENV=production DB_PASSWORD=supersecret1\n' },
      errors: [
        {
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 49,
          message: 'ENV DB_PASSWORD is set to a literal (supe****): it is readable by anyone who can pull the image.',
        },
      ],
    },
    {
      name: 'legacy ENV form',
      files: { Dockerfile: 'FROM node:20\nENV API_KEY abc123\n' },
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
          message: 'ENV API_KEY is set to a literal (****): it is readable by anyone who can pull the image.',
        },
      ],
    },
    {
      name: 'global ARG default',
      files: { Dockerfile: 'ARG GITHUB_TOKEN=ghp_abcdefghijklmnop\nFROM node:20\n' },
      errors: [
        {
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 38,
          message: /ARG GITHUB_TOKEN is set to a literal \(ghp_\*\*\*\*\)/,
        },
      ],
    },
    {
      name: 'quoted value over a continuation line',
      files: { Dockerfile: 'FROM node:20\nENV A=1 \\\n    SECRET_KEY="hunter22 pw"\n' },
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 29,
          message: /ENV SECRET_KEY is set to a literal \(hunt\*\*\*\*\)/,
        },
      ],
    },
    {
      name: 'reference with a literal default',
      files: { Dockerfile: 'FROM grafana/grafana:11.0.0\nENV GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PW:-admin}\n' },
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 50,
          message: /GF_SECURITY_ADMIN_PASSWORD is set to a literal \(\*\*\*\*\)/,
        },
      ],
    },
  ],
});
