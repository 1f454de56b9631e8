import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP005-no-resource-limits.js';

ruleTester(rule, {
  valid: [
    {
      name: 'deploy limits',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n',
      },
    },
    {
      name: 'legacy keys, one of them in the prod override',
      files: {
        'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    mem_limit: 1g\n',
        'docker-compose.prod.yml': 'services:\n  a:\n    cpus: 1.5\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no limits at all',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' },
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service `web` has no memory and no CPU limit.' },
      ],
    },
    {
      name: 'only reservations, and only a CPU limit',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        reservations:\n          memory: 1g\n  b:\n    image: y:1\n    cpus: 2\n',
      },
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 4, message: 'Service `a` has no memory and no CPU limit.' },
        { line: 8, column: 3, endLine: 8, endColumn: 4, message: 'Service `b` has no memory limit.' },
      ],
    },
  ],
});
