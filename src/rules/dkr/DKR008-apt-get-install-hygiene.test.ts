import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR008-apt-get-install-hygiene.js';

ruleTester(rule, {
  valid: [
    {
      name: 'no recommends and lists removed',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n' +
          ' && rm -rf /var/lib/apt/lists/*\n',
      },
    },
    {
      name: '-o APT::Install-Recommends=false',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN apt-get update && apt-get -o APT::Install-Recommends=false install -y curl && rm -rf /var/lib/apt/lists\n',
      },
    },
    {
      name: 'cache mount on the lists',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n' +
          '    apt-get update && apt-get install -y --no-install-recommends curl\n',
      },
    },
    {
      name: 'builder stage that is discarded keeps its lists',
      files: {
        Dockerfile:
          'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n' +
          'FROM gcr.io/distroless/cc-debian12\nCOPY --from=build /a /a\n',
      },
    },
    {
      name: 'recommends disabled globally in apt.conf.d earlier',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\n' +
          'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      },
    },
    { name: 'apt-get update alone', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update\n' } },
  ],
  invalid: [
    {
      name: 'missing both',
      files: { Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
      errors: [
        {
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 46,
          message:
            'apt-get install without --no-install-recommends and without rm -rf /var/lib/apt/lists/* in the same RUN.',
        },
      ],
    },
    {
      name: 'lists removed in a later RUN does not count',
      files: {
        Dockerfile:
          'FROM debian:12\nRUN apt-get update && sudo apt install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      },
      errors: [
        {
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 71,
          message: 'apt install without rm -rf /var/lib/apt/lists/* in the same RUN.',
        },
      ],
    },
    {
      name: 'recommends in a builder stage',
      files: {
        Dockerfile: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\n',
      },
      errors: [
        { line: 2, column: 23, endLine: 2, endColumn: 45, message: 'apt-get install without --no-install-recommends.' },
      ],
    },
  ],
});
