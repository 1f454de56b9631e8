import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GLC004-deploy-without-validation.js';

ruleTester(rule, {
  valid: [
    {
      name: 'validation job in an earlier stage',
      files: {
        '.gitlab-ci.yml':
          'stages: [validate, deploy]\nplan:\n  stage: validate\n  script: [terraform plan -out plan.tfplan]\napply:\n  stage: deploy\n  script: [terraform apply plan.tfplan]\n',
      },
    },
    {
      name: 'validation in a needed job, and a diff before the apply in the same job',
      files: {
        '.gitlab-ci.yml':
          'lint:\n  stage: deploy\n  script: [helm lint ./chart]\ndeploy:\n  stage: deploy\n  needs: [lint]\n  script: [helm upgrade api ./chart --atomic]\nk8s:\n  script:\n    - kubectl diff -f k8s/ || true\n    - kubectl apply -f k8s/\n',
      },
    },
  ],
  invalid: [
    {
      name: 'deploy with validation only in a later stage, and with needs: pointing elsewhere',
      files: {
        '.gitlab-ci.yml':
          'stages: [build, deploy, verify]\nbuild:\n  stage: build\n  script: [make]\ndeploy:\n  stage: deploy\n  script: [kubectl apply -f k8s/]\nverify:\n  stage: verify\n  script: [kubectl diff -f k8s/]\nhotfix:\n  stage: verify\n  needs: [build]\n  script: [aws ecs update-service --cluster shop --service api --force-new-deployment]\n',
      },
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 7,
          message: 'Deploy job `deploy` has no validation job or step (plan, diff, dry run, lint) before it.',
        },
        { line: 11, column: 1, endLine: 11, endColumn: 7, message: /^Deploy job `hotfix`/ },
      ],
    },
    {
      name: '`needs: []` starts at once: an earlier validation stage does not run before it',
      files: {
        '.gitlab-ci.yml':
          'stages: [validate, deploy]\nplan:\n  stage: validate\n  script: [terraform plan]\napply:\n  stage: deploy\n  needs: []\n  script: [terraform apply -auto-approve]\n',
      },
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 6, message: /^Deploy job `apply`/ }],
    },
  ],
});
