import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR012-ssh-in-container.js';

ruleTester(rule, {
  valid: [
    { name: 'web port', files: { Dockerfile: 'FROM nginx:1.27\nEXPOSE 80 443\n' } },
    {
      name: 'SSH client for git',
      files: { Dockerfile: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client git\n' },
    },
    { name: 'port 2222 is not 22', files: { Dockerfile: 'FROM gitea/gitea:1.22\nEXPOSE 2222\n' } },
  ],
  invalid: [
    {
      name: 'EXPOSE 22',
      files: { Dockerfile: 'FROM debian:12\nEXPOSE 8080 22/tcp\n' },
      errors: [
        { line: 2, column: 13, endLine: 2, endColumn: 19, message: 'EXPOSE 22 publishes SSH from a container.' },
      ],
    },
    {
      name: 'openssh-server with apt and openssh with apk',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN apt-get install -y openssh-server=1:9.2\nFROM alpine:3.20\nRUN apk add --no-cache openssh\n',
      },
      errors: [
        {
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 44,
          message: 'openssh-server installs an SSH server in the image.',
        },
        { line: 4, column: 24, endLine: 4, endColumn: 31, message: 'openssh installs an SSH server in the image.' },
      ],
    },
  ],
});
