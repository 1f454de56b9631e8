// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP010-host-access.js';

ruleTester(rule, {
  valid: [
    {
      name: 'named volume and bind mount, bridge network',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: x:1\n    volumes: [data:/data, ./conf:/etc/conf:ro]\n    network_mode: bridge\nvolumes:\n  data: {}\n',
      },
    },
    {
      name: 'network_mode of another service',
      files: {
        'compose.yaml': 'services:\n  a:\n    image: x:1\n  b:\n    image: y:1\n    network_mode: "service:a"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'docker socket, short syntax',
      files: {
        'docker-compose.yml':
          'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      },
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 53,
          message: 'Service `traefik` mounts the container runtime socket `/var/run/docker.sock` (root on the host).',
        },
      ],
    },
    {
      name: 'docker socket, long syntax through a variable default',
      files: {
        'compose.yaml':
          'services:\n  agent:\n    image: x:1\n    volumes:\n      - type: bind\n        source: ${SOCK:-/run/docker.sock}\n        target: /var/run/docker.sock\n',
      },
      errors: [{ line: 5, column: 9, endLine: 7, endColumn: 37, message: /`\/run\/docker\.sock`/ }],
    },
    {
      name: 'host namespaces',
      files: {
        'compose.yaml':
          'services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.2\n    pid: host\n    network_mode: host\n    ipc: "host"\n',
      },
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 14,
          message: "Service `node-exporter` shares the host's PID namespace (`pid: host`).",
        },
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 23,
          message: "Service `node-exporter` shares the host's network namespace (`network_mode: host`).",
        },
        {
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 16,
          message: "Service `node-exporter` shares the host's IPC namespace (`ipc: host`).",
        },
      ],
    },
  ],
});
