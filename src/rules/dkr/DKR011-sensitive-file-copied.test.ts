import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR011-sensitive-file-copied.js';

ruleTester(rule, {
  valid: [
    {
      name: 'COPY . . with a .dockerignore next to the Dockerfile',
      files: { 'api/Dockerfile': 'FROM node:20\nCOPY . .\n', 'api/.dockerignore': '.env\nnode_modules\n' },
    },
    {
      name: 'per-Dockerfile ignore file',
      files: { 'Dockerfile.web': 'FROM node:20\nCOPY . /app\n', 'Dockerfile.web.dockerignore': '.env\n' },
    },
    {
      name: 'template env file',
      files: { Dockerfile: 'FROM node:20\nCOPY .env.example .env.sample ./\n', '.dockerignore': '' },
    },
    { name: 'public key', files: { Dockerfile: 'FROM node:20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n' } },
    {
      name: 'COPY . from another stage',
      files: { Dockerfile: 'FROM node:20 AS b\nFROM node:20\nCOPY --from=b . .\n' },
    },
    {
      name: '.npmrc whose token is a variable',
      files: {
        Dockerfile: 'FROM node:20\nCOPY .npmrc ./\n',
        '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
      },
    },
    { name: 'ordinary files', files: { Dockerfile: 'FROM node:20\nCOPY package.json src/ ./\n' } },
  ],
  invalid: [
    {
      name: 'dotenv file',
      files: { Dockerfile: 'FROM node:20\nCOPY .env ./\n' },
      errors: [
        {
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 10,
          message: 'COPY puts .env (a dotenv file) into the image, where anyone who can pull it can read it.',
        },
      ],
    },
    {
      name: 'keys, cloud credentials and .env.production',
      files: {
        Dockerfile:
          'FROM node:20\nCOPY certs/server.key .env.production ./\nADD .aws/ /root/.aws/\nCOPY secrets/credentials-prod.json /c.json\n',
      },
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 22, message: /server\.key \(a private key/ },
        { line: 2, column: 23, endLine: 2, endColumn: 38, message: /\.env\.production \(a dotenv file\)/ },
        { line: 3, column: 5, endLine: 3, endColumn: 10, message: /ADD puts \.aws\/ \(a credentials directory\)/ },
        { line: 4, column: 6, endLine: 4, endColumn: 35, message: /credentials-prod\.json/ },
      ],
    },
    {
      name: 'SSH private key',
      files: { Dockerfile: 'FROM node:20\nCOPY id_ed25519 /root/.ssh/\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 16, message: /an SSH private key/ }],
    },
    {
      name: '.npmrc with a literal token',
      files: {
        'web/Dockerfile': 'FROM node:20\nCOPY .npmrc ./\n',
        // Assembled so that the repository itself holds no scannable token.
        'web/.npmrc': `//registry.npmjs.org/:_authToken=${['npm', 'abcdefghijklmnopqrstuvwxyz0123456789'].join('_')}\n`,
        'web/.dockerignore': '',
      },
      errors: [
        { file: 'web/Dockerfile', line: 2, column: 6, endLine: 2, endColumn: 12, message: /an \.npmrc with a token/ },
      ],
    },
    {
      name: 'COPY . . without a .dockerignore',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\n' },
      errors: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
          message: 'COPY . copies the whole build context and there is no .dockerignore next to the Dockerfile.',
        },
      ],
    },
  ],
});
