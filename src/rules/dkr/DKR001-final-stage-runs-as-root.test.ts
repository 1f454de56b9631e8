import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR001-final-stage-runs-as-root.js';

ruleTester(rule, {
  valid: [
    { name: 'named unprivileged user', files: { Dockerfile: 'FROM node:20\nUSER node\nCMD ["node", "x.js"]\n' } },
    { name: 'numeric uid:gid', files: { Dockerfile: 'FROM alpine:3.20\nUSER 10001:10001\n' } },
    {
      name: 'root for installs, then back to the app user',
      files: { Dockerfile: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
    },
    {
      name: 'builder stage runs as root, final stage does not',
      files: { Dockerfile: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nUSER 65532\n' },
    },
    {
      name: 'USER inherited through FROM <stage>',
      files: { Dockerfile: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    },
    { name: 'distroless nonroot base', files: { Dockerfile: 'FROM gcr.io/distroless/static:nonroot\nCOPY app /\n' } },
    {
      name: 'USER from an ARG default',
      files: { Dockerfile: 'FROM alpine:3.20\nARG APP_USER=app\nUSER ${APP_USER}\n' },
    },
  ],
  invalid: [
    {
      name: 'no USER at all reports the final FROM',
      files: { Dockerfile: 'FROM node:20\nRUN npm ci\nCMD ["node", "x.js"]\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          message: 'The final stage (FROM node:20) sets no USER: the container runs as root.',
        },
      ],
    },
    {
      name: 'last USER is root',
      files: { Dockerfile: 'FROM debian:12\nUSER app\nUSER root\n' },
      errors: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 10,
          message: 'The final stage runs as USER root: the container runs as root.',
        },
      ],
    },
    {
      name: 'USER 0:0',
      files: { Dockerfile: 'FROM debian:12\nUSER 0:0\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 9, message: /USER 0:0/ }],
    },
    {
      name: 'USER root:wheel',
      files: { Dockerfile: 'FROM debian:12\nUSER root:wheel\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 16 }],
    },
    {
      name: 'builder has a USER but the final stage does not',
      files: {
        Dockerfile: 'FROM golang:1.22 AS build\nUSER nobody\nFROM alpine:3.20 AS final\nCOPY --from=build /a /a\n',
      },
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 26, message: /FROM alpine:3\.20/ }],
    },
    {
      name: 'final scratch stage',
      files: { Dockerfile: 'FROM golang:1.22 AS build\nUSER app\nFROM scratch\n' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 13,
          message: 'The final stage (FROM scratch) sets no USER: the container runs as root.',
        },
      ],
    },
  ],
});
