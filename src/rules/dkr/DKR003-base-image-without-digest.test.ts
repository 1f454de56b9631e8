import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR003-base-image-without-digest.js';

ruleTester(rule, {
  valid: [
    { name: 'tag and digest', files: { Dockerfile: 'FROM node:20@sha256:0123456789abcdef\n' } },
    { name: 'untagged is DKR002, not this rule', files: { Dockerfile: 'FROM node\n' } },
    { name: 'latest is DKR002, not this rule', files: { Dockerfile: 'FROM node:latest\n' } },
    {
      name: 'scratch and stage references',
      files: { Dockerfile: 'FROM node:20@sha256:abc AS b\nFROM b\nFROM scratch\n' },
    },
  ],
  invalid: [
    {
      name: 'tag only',
      files: { Dockerfile: 'FROM node:20-alpine AS build\n' },
      errors: [
        {
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 20,
          severity: 'info',
          message: 'Base image node:20-alpine is pinned by tag but not by @sha256 digest.',
        },
      ],
    },
    {
      name: 'tag from an ARG default',
      files: { 'Dockerfile.prod': 'ARG PY=3.12\nFROM python:${PY}-slim\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 23, message: /python:3\.12-slim/ }],
    },
  ],
});
