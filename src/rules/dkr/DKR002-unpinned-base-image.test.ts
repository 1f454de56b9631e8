import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR002-unpinned-base-image.js';

ruleTester(rule, {
  valid: [
    { name: 'tagged image', files: { Dockerfile: 'FROM node:20.11-alpine\n' } },
    { name: 'digest only', files: { Dockerfile: 'FROM node@sha256:0123456789abcdef\n' } },
    { name: 'latest pinned by digest', files: { Dockerfile: 'FROM node:latest@sha256:0123456789abcdef\n' } },
    { name: 'scratch', files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM scratch\n' } },
    { name: 'reference to an earlier stage', files: { Dockerfile: 'FROM golang:1.22 AS Builder\nFROM builder\n' } },
    { name: 'ARG default that is pinned', files: { Dockerfile: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' } },
    { name: 'ARG tag that is pinned', files: { Dockerfile: 'ARG V=3.12\nFROM python:$V AS py\n' } },
    { name: 'ARG without a default cannot be judged', files: { Dockerfile: 'ARG BASE\nFROM ${BASE}\n' } },
    { name: 'registry with a port and a tag', files: { Dockerfile: 'FROM registry.local:5000/team/app:1.4\n' } },
    { name: 'platform flag', files: { Dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS b\n' } },
  ],
  invalid: [
    {
      name: 'no tag',
      files: { Dockerfile: 'FROM ubuntu\nRUN true\n' },
      errors: [
        {
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 12,
          message: 'Base image ubuntu has no tag: it resolves to the moving latest.',
        },
      ],
    },
    {
      name: 'latest tag with a registry',
      files: { Dockerfile: 'FROM --platform=linux/amd64 ghcr.io/acme/base:latest AS base\n' },
      errors: [
        {
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 53,
          message: 'Base image ghcr.io/acme/base uses the moving :latest tag.',
        },
      ],
    },
    {
      name: 'ARG default that is unpinned',
      files: { Dockerfile: 'ARG BASE=node\nFROM ${BASE} AS app\n' },
      errors: [
        {
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 13,
          message: 'Base image node (from ARG BASE) has no tag: it resolves to the moving latest.',
        },
      ],
    },
    {
      name: 'second stage unpinned, first fine',
      files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:LATEST\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 19, message: /alpine uses the moving :latest tag/ }],
    },
    {
      name: 'Containerfile',
      files: { 'svc/Containerfile': 'FROM nginx\n' },
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 11 }],
    },
  ],
});
