import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR006-add-instead-of-copy.js';

ruleTester(rule, {
  valid: [
    { name: 'COPY of files', files: { Dockerfile: 'FROM alpine:3.20\nCOPY src/ /app/\n' } },
    {
      name: 'ADD of a local tar archive',
      files: { Dockerfile: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD vendor.tgz /opt/\n' },
    },
    {
      name: 'ADD of a URL with a checksum',
      files: {
        Dockerfile:
          'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n',
      },
    },
    {
      name: 'ADD of a variable path cannot be judged',
      files: { Dockerfile: 'FROM alpine:3.20\nARG PKG\nADD ${PKG} /tmp/\n' },
    },
    { name: 'ADD heredoc', files: { Dockerfile: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n' } },
  ],
  invalid: [
    {
      name: 'remote URL',
      files: { Dockerfile: 'FROM alpine:3.20\nADD https://example.com/install.sh /tmp/install.sh\n' },
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 35,
          message:
            'ADD downloads https://example.com/install.sh without a checksum: the content can change between builds.',
        },
      ],
    },
    {
      name: 'plain local directory and file',
      files: { Dockerfile: 'FROM alpine:3.20\nADD --chown=app:app src/ config.yaml /app/\n' },
      errors: [
        {
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 25,
          message: 'ADD of src/, which is not a local archive: use COPY.',
        },
        {
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 37,
          message: 'ADD of config.yaml, which is not a local archive: use COPY.',
        },
      ],
    },
    {
      name: 'zip files are not unpacked by ADD',
      files: { Dockerfile: 'FROM alpine:3.20\nADD app.zip /opt/\n' },
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12 }],
    },
  ],
});
