import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GLC005-only-except.js';

ruleTester(rule, {
  valid: [
    {
      name: 'rules:',
      files: {
        '.gitlab-ci.yml': 'deploy:\n  script: [./deploy.sh]\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'only: and except: on jobs, templates and included files (an anchor is reported once)',
      files: {
        '.gitlab-ci.yml':
          'include: /ci/legacy.yml\n.main_only: &main_only\n  only: [main]\na:\n  <<: *main_only\n  script: [make a]\nb:\n  <<: *main_only\n  script: [make b]\n  except:\n    - tags\n',
        'ci/legacy.yml': 'nightly:\n  script: [make nightly]\n  only:\n    - schedules\n',
      },
      errors: [
        {
          file: '.gitlab-ci.yml',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 7,
          severity: 'info',
          message: '`.main_only` uses deprecated `only:`; use `rules:`.',
        },
        {
          file: '.gitlab-ci.yml',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 9,
          message: '`b` uses deprecated `except:`; use `rules:`.',
        },
        {
          file: 'ci/legacy.yml',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 7,
          message: '`nightly` uses deprecated `only:`; use `rules:`.',
        },
      ],
    },
  ],
});
