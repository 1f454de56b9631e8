import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './JNK002-prod-deploy-without-approval.js';

const pipeline = (stages: string) => `pipeline {\n  agent any\n  stages {\n${stages}  }\n}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'branch guard and input approval on the prod stage',
      files: {
        Jenkinsfile: pipeline(
          "    stage('Deploy prod') {\n      when { branch 'main' }\n      input { message 'Deploy to production?' }\n      steps {\n        sh 'helm upgrade --install api ./chart -n prod --atomic'\n      }\n    }\n",
        ),
      },
    },
    {
      name: 'approval stage just before the deploy; guard with allOf on an enclosing stage',
      files: {
        Jenkinsfile: pipeline(
          "    stage('Release') {\n      when { allOf { branch 'main'; not { changeRequest() } } }\n      stages {\n        stage('Approve') {\n          steps { timeout(time: 1, unit: 'HOURS') { input message: 'Ship it?' } }\n        }\n        stage('Deploy production') {\n          steps { sh 'kubectl apply -f k8s/' }\n        }\n      }\n    }\n",
        ),
      },
    },
    {
      name: 'scripted: deploy inside an if on BRANCH_NAME, with input',
      files: {
        Jenkinsfile:
          "node {\n  if (env.BRANCH_NAME == 'main') {\n    stage('Deploy prod') {\n      input 'Deploy?'\n      sh 'kubectl apply -f k8s/overlays/prod'\n    }\n  }\n}\n",
      },
    },
    {
      name: 'staging deploys need no gate',
      files: {
        Jenkinsfile: pipeline(
          "    stage('Deploy staging') {\n      steps { sh 'kubectl apply -n staging -f k8s/' }\n    }\n",
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'prod stage with neither input nor branch guard',
      files: {
        Jenkinsfile: pipeline(
          "    stage('Deploy prod') {\n      steps {\n        sh 'kubectl apply -f k8s/'\n      }\n    }\n",
        ),
      },
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 25,
          message: 'Production deploy stage `Deploy prod` has no `input` approval and no `when { branch … }` guard.',
        },
      ],
    },
    {
      name: 'input without guard (prod by helm target); guard without input (prod by stage environment)',
      files: {
        Jenkinsfile: pipeline(
          "    stage(\"Ship\") {\n      steps {\n        input message: 'Go?'\n        sh 'helm upgrade api ./chart --kube-context shop-production --atomic'\n      }\n    }\n    stage('Rollout') {\n      when { branch 'main' }\n      environment { TARGET_ENV = 'production' }\n      steps { sh 'argocd app sync shop' }\n    }\n",
        ),
      },
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 18, message: /`Ship` has no `when \{ branch … \}` guard\.$/ },
        { line: 10, column: 5, endLine: 10, endColumn: 21, message: /`Rollout` has no `input` approval\.$/ },
      ],
    },
  ],
});
