import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR007-download-piped-to-shell.js';

ruleTester(rule, {
  valid: [
    {
      name: 'download to a file, verify, then run',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN curl -fsSLo install.sh https://get.example.com \\\n' +
          '    && echo "abc  install.sh" | sha256sum -c - \\\n    && sh install.sh\n',
      },
    },
    {
      name: 'curl -O then sh',
      files: { Dockerfile: 'FROM debian:12\nRUN curl -fsSLO https://x.io/i.sh && bash i.sh\n' },
    },
    {
      name: 'download piped into tee',
      files: { Dockerfile: 'FROM debian:12\nRUN curl -fsSL https://x.io/key | tee /etc/apt/k.asc\n' },
    },
    {
      name: 'download piped into tar',
      files: { Dockerfile: 'FROM debian:12\nRUN curl -fsSL https://x.io/a.tgz | tar -xz -C /opt\n' },
    },
    {
      name: 'JSON piped into python -c (stdin is data)',
      files: {
        Dockerfile:
          'FROM python:3.12\nRUN curl -s https://api.x.io/v | python3 -c "import sys,json; print(json.load(sys.stdin))"\n',
      },
    },
    { name: 'wget to a file', files: { Dockerfile: 'FROM debian:12\nRUN wget -q https://x.io/i.sh | sh\n' } },
    { name: 'text mentions curl | sh', files: { Dockerfile: 'FROM debian:12\nRUN echo "never curl x | sh"\n' } },
    {
      name: 'sh running a file argument',
      files: { Dockerfile: 'FROM debian:12\nRUN curl https://x.io/v | sh ./check-version.sh\n' },
    },
  ],
  invalid: [
    {
      name: 'curl | sh',
      files: { Dockerfile: 'FROM debian:12\nRUN curl -fsSL https://get.docker.com | sh\n' },
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 43,
          message: 'RUN pipes a download of https://get.docker.com into sh: the script runs unverified.',
        },
      ],
    },
    {
      name: 'wget -O- | sudo bash over a continuation',
      files: {
        Dockerfile: 'FROM debian:12\nRUN apt-get update && \\\n    wget -qO- https://x.io/setup | sudo -E bash -\n',
      },
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 50,
          message: 'RUN pipes a download of https://x.io/setup into bash: the script runs unverified.',
        },
      ],
    },
    {
      name: 'bash -s -- with arguments',
      files: { Dockerfile: 'FROM debian:12\nRUN curl -sSL https://x.io/i | bash -s -- --yes\n' },
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 48 }],
    },
    {
      name: 'sh -c "$(curl …)"',
      files: { Dockerfile: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x.io/i.sh)"\n' },
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 44, message: /into sh/ }],
    },
    {
      name: 'inside a bash -c string',
      files: { Dockerfile: "FROM debian:12\nRUN bash -c 'curl https://x.io/i | sh'\n" },
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 38 }],
    },
    {
      name: 'heredoc RUN body',
      files: { Dockerfile: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x.io/i | sh\nEOF\n' },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 31 }],
    },
    {
      name: 'exec-form sh -c',
      files: { Dockerfile: 'FROM debian:12\nRUN ["sh", "-c", "curl https://x.io/i | sh"]\n' },
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 43 }],
    },
  ],
});
