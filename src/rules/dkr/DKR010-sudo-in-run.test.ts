import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR010-sudo-in-run.js';

ruleTester(rule, {
  valid: [
    { name: 'privileged steps before USER', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update\nUSER app\n' } },
    {
      name: 'the word sudo as an argument',
      files: { Dockerfile: 'FROM debian:12\nRUN echo sudo > /tmp/x && grep -q sudo /etc/group\n' },
    },
    {
      name: 'installing the sudo package is not running it',
      files: { Dockerfile: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    },
  ],
  invalid: [
    {
      name: 'sudo apt-get',
      files: { Dockerfile: 'FROM debian:12\nRUN sudo apt-get update && sudo -u app make\n' },
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 9,
          message: 'RUN uses sudo (sudo apt-get): build steps already run as root.',
        },
        {
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 32,
          message: 'RUN uses sudo (sudo make): build steps already run as root.',
        },
      ],
    },
    {
      name: 'behind env and inside sh -c',
      files: {
        Dockerfile:
          "FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive /usr/bin/sudo apt-get -y upgrade\nRUN sh -c 'sudo ls'\n",
      },
      errors: [
        { line: 2, column: 40, endLine: 2, endColumn: 53 },
        { line: 3, column: 12, endLine: 3, endColumn: 16 },
      ],
    },
    {
      name: 'exec form',
      files: { Dockerfile: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n' },
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 12, message: 'RUN uses sudo: build steps already run as root.' },
      ],
    },
  ],
});
