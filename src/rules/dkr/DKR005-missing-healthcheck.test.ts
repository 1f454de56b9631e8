import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR005-missing-healthcheck.js';

ruleTester(rule, {
  valid: [
    {
      name: 'exposed port with a healthcheck',
      files: {
        Dockerfile: 'FROM node:20\nEXPOSE 3000\nHEALTHCHECK CMD wget -qO- http://localhost:3000/healthz || exit 1\n',
      },
    },
    { name: 'no exposed port (a worker or a job)', files: { Dockerfile: 'FROM node:20\nCMD ["node", "worker.js"]\n' } },
    {
      name: 'EXPOSE only in a discarded builder stage',
      files: { Dockerfile: 'FROM node:20 AS dev\nEXPOSE 9229\nFROM node:20-slim\nCMD ["node"]\n' },
    },
    {
      name: 'healthcheck inherited through FROM <stage>',
      files: {
        Dockerfile:
          'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nEXPOSE 80\n',
      },
    },
  ],
  invalid: [
    {
      name: 'exposed port without a healthcheck',
      files: { Dockerfile: 'FROM node:20\nEXPOSE 3000/tcp 9090\nCMD ["node", "server.js"]\n' },
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 21,
          severity: 'warning',
          message:
            'The image exposes 3000/tcp, 9090 but defines no HEALTHCHECK: a hung server still counts as healthy.',
        },
      ],
    },
    {
      name: 'HEALTHCHECK NONE is info',
      files: { Dockerfile: 'FROM node:20\nEXPOSE 8080\nHEALTHCHECK NONE\n' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 17,
          severity: 'info',
          message: 'HEALTHCHECK NONE disables health checking for an image that exposes 8080.',
        },
      ],
    },
    {
      name: 'EXPOSE inherited from the stage the final image is built from',
      files: { Dockerfile: 'FROM python:3.12 AS base\nEXPOSE 8000\nFROM base\nRUN pip install x\n' },
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 12, severity: 'warning' }],
    },
  ],
});
