import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './SEC002-credential-file-committed.js';

const PEM_BODY = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Xv'.repeat(2);
const PRIVATE_KEY = `-----BEGIN ${'PRIVATE'} KEY-----\n${PEM_BODY}\n-----END ${'PRIVATE'} KEY-----\n`;
const CERTIFICATE = `-----BEGIN CERTIFICATE-----\n${PEM_BODY}\n-----END CERTIFICATE-----\n`;
const at11 = { line: 1, column: 1, endLine: 1, endColumn: 1 };

ruleTester(rule, {
  valid: [
    {
      name: 'dotenv templates',
      files: {
        '.env.example': 'DB_PASSWORD=changeme\n',
        'app/.env.sample': 'TOKEN=\n',
        '.env.template': 'TOKEN=<token>\n',
        '.envrc': 'use flake\n',
      },
    },
    {
      name: 'certificates, public keys and SSH public keys',
      files: {
        'certs/ca.pem': CERTIFICATE,
        'certs/server.key.pub': 'ssh-ed25519 AAAAC3Nza user@host\n',
        'keys/id_ed25519.pub': 'ssh-ed25519 AAAAC3Nza user@host\n',
        'keys/signing.key': `-----BEGIN PUBLIC KEY-----\n${PEM_BODY}\n-----END PUBLIC KEY-----\n`,
      },
    },
    {
      name: '.npmrc and .pypirc that read their tokens from the environment',
      files: {
        '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nsave-exact=true\n',
        '.pypirc': '[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n',
      },
    },
    {
      name: 'SOPS-encrypted dotenv file',
      files: { '.env.prod': 'DB_PASSWORD=ENC[AES256_GCM,data:Zm9v,iv:aXY=,tag:dGFn,type:str]\nsops_version=3.8.1\n' },
    },
    {
      name: 'ordinary files with similar names',
      files: { 'src/env.ts': 'export {}\n', 'docs/credentials.md': '# Credentials\n', 'terraform/main.tf': '' },
    },
  ],
  invalid: [
    {
      name: 'a committed .env (reported at 1:1)',
      files: { '.env': 'DB_PASSWORD=hunter2hunter2\n' },
      errors: [{ ...at11, message: '.env is a dotenv file (environment secrets) and is committed (not gitignored).' }],
    },
    {
      name: 'environment-specific dotenv files',
      files: { 'deploy/.env.production': 'A=1\n', '.env.local': 'B=2\n' },
      errors: [
        { ...at11, file: '.env.local', message: /^\.env\.local is a dotenv file/ },
        { ...at11, file: 'deploy/.env.production', message: /^deploy\/\.env\.production is a dotenv file/ },
      ],
    },
    {
      name: 'private keys, SSH keys and keystores (binary files are reported without being read)',
      files: {
        'certs/tls.key': PRIVATE_KEY,
        'certs/server.pem': PRIVATE_KEY,
        'ops/id_rsa': PRIVATE_KEY,
        'ops/keystore.p12': '',
        'ops/signing.pfx': '',
      },
      errors: [
        {
          ...at11,
          file: 'certs/server.pem',
          message: 'certs/server.pem is a private key file and is committed (not gitignored).',
        },
        { ...at11, file: 'certs/tls.key', message: /^certs\/tls\.key is a private key file/ },
        { ...at11, file: 'ops/id_rsa', message: /^ops\/id_rsa is an SSH private key/ },
        { ...at11, file: 'ops/keystore.p12', message: /^ops\/keystore\.p12 is a PKCS#12 keystore/ },
        { ...at11, file: 'ops/signing.pfx', message: /^ops\/signing\.pfx is a PKCS#12 keystore/ },
      ],
    },
    {
      name: 'cloud credentials, registry tokens and Terraform state',
      files: {
        'gcp/credentials.json': '{}\n',
        '.npmrc': `//registry.npmjs.org/:_authToken=${'0a1b2c3d'}-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n`,
        '.pypirc': `[pypi]\nusername = __token__\npassword = ${'pypi-'}AgEIcHlwaS5vcmcabc\n`,
        'infra/terraform.tfstate': '{"version": 4}\n',
        'infra/terraform.tfstate.backup': '{"version": 4}\n',
      },
      errors: [
        {
          ...at11,
          file: '.npmrc',
          message: '.npmrc is an .npmrc with an auth token and is committed (not gitignored).',
        },
        { ...at11, file: '.pypirc', message: /^\.pypirc is a \.pypirc with a password/ },
        { ...at11, file: 'gcp/credentials.json', message: /^gcp\/credentials\.json is a credentials file/ },
        { ...at11, file: 'infra/terraform.tfstate', message: /^infra\/terraform\.tfstate is Terraform state/ },
        { ...at11, file: 'infra/terraform.tfstate.backup', message: /is Terraform state/ },
      ],
    },
  ],
});
