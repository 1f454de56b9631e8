import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GLC003-prod-deploy-without-approval.js';

ruleTester(rule, {
  valid: [
    {
      name: 'manual prod deploy (job level and in rules:)',
      files: {
        '.gitlab-ci.yml':
          'deploy_prod:\n  stage: deploy\n  script: [helm upgrade --install api ./chart -n prod --atomic]\n  environment: production\n  when: manual\nrelease_prod:\n  stage: deploy\n  script: [./release.sh]\n  environment: { name: production }\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n      when: manual\n',
      },
    },
    {
      name: 'production tier environment; staging deploys run automatically',
      files: {
        '.gitlab-ci.yml':
          'deploy-live:\n  script: [kubectl apply -f k8s/]\n  environment:\n    name: live\n    deployment_tier: production\ndeploy-staging:\n  script: [kubectl apply -n staging -f k8s/]\n  environment: staging\n',
      },
    },
    {
      name: 'stopping a prod environment is not a deploy',
      files: {
        '.gitlab-ci.yml':
          'stop_prod:\n  script: [./teardown.sh]\n  environment:\n    name: production\n    action: stop\n',
      },
    },
  ],
  invalid: [
    {
      name: 'automatic prod deploys: by environment name, and by job name with a kubectl target',
      files: {
        '.gitlab-ci.yml':
          'deploy:\n  stage: deploy\n  script: [./deploy.sh]\n  environment: production\nship-prod:\n  script: [kubectl apply -f k8s/]\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          message:
            'Job `deploy` deploys to production (environment `production`) with neither `when: manual` nor a `deployment_tier: production` environment.',
        },
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 10,
          message: /^Job `ship-prod` deploys to production \(job `ship-prod`\)/,
        },
      ],
    },
    {
      name: 'prod target from a template in an included file; the finding is on the job',
      files: {
        '.gitlab-ci.yml': 'include: ci/deploy.yml\nrollout:\n  extends: .kubectl\n',
        'ci/deploy.yml': '.kubectl:\n  script:\n    - kubectl --context shop-production apply -f k8s/\n',
      },
      errors: [
        {
          file: '.gitlab-ci.yml',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 8,
          message: /\(`kubectl apply` targets `shop-production`\)/,
        },
      ],
    },
  ],
});
