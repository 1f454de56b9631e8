import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './DKR013-world-writable-chmod.js';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary modes',
      files: { Dockerfile: 'FROM debian:12\nRUN chmod 755 /app/bin && chmod -R 640 /app/conf && chmod +x run.sh\n' },
    },
    {
      name: 'sticky shared temp dir',
      files: { Dockerfile: 'FROM debian:12\nRUN mkdir -p /tmp/cache && chmod 1777 /tmp/cache\n' },
    },
    { name: 'a+w on an app path', files: { Dockerfile: 'FROM debian:12\nRUN chmod a+w /app/uploads\n' } },
    { name: 'COPY --chmod=755', files: { Dockerfile: 'FROM debian:12\nCOPY --chmod=755 run.sh /usr/local/bin/\n' } },
    { name: 'echo of a chmod line', files: { Dockerfile: 'FROM debian:12\nRUN echo "chmod 777 /" > notes.txt\n' } },
  ],
  invalid: [
    {
      name: 'chmod -R 777',
      files: { Dockerfile: 'FROM debian:12\nRUN mkdir /app && chmod -R 777 /app\n' },
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 36, message: 'chmod 777 makes /app world-writable.' }],
    },
    {
      name: 'a+w on a system path',
      files: { Dockerfile: 'FROM debian:12\nRUN chmod a+rwx /etc/nginx\n' },
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 27, message: 'chmod a+rwx makes /etc/nginx world-writable.' },
      ],
    },
    {
      name: '0666 and COPY --chmod=777',
      files: { Dockerfile: 'FROM debian:12\nCOPY --chmod=777 app /app\nRUN chmod 0666 /var/run/app.sock\n' },
      errors: [
        {
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 17,
          message: 'COPY --chmod=777 makes the copied files world-writable.',
        },
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 33,
          message: 'chmod 0666 makes /var/run/app.sock world-writable.',
        },
      ],
    },
  ],
});
