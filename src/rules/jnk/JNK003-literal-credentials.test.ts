// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Groovy `${…}` interpolations, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './JNK003-literal-credentials.js';

const pipeline = (body: string) => `pipeline {\n  agent any\n${body}}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'credentials() and withCredentials bindings, shell variables, placeholders',
      files: {
        Jenkinsfile: pipeline(
          "  environment {\n    REGISTRY = credentials('registry')\n    DB_PASSWORD = credentials('db-password')\n    API_TOKEN_FILE = '/run/secrets/api'\n    SMTP_PASSWORD = 'changeme'\n  }\n  stages {\n    stage('Push') {\n      steps {\n        withCredentials([usernamePassword(credentialsId: 'hub', usernameVariable: 'U', passwordVariable: 'REGISTRY_PASSWORD')]) {\n          sh 'true'\n        }\n        withCredentials([usernamePassword(credentialsId: 'hub', usernameVariable: 'U', passwordVariable: 'P')]) {\n          sh 'echo \"$P\" | docker login -u \"$U\" --password-stdin'\n          sh \"curl -u \\\"$U:$P\\\" https://registry.example.com\"\n        }\n      }\n    }\n  }\n",
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'environment literal, docker login -p, --token=, curl -u user:password, a GitHub token in a string',
      files: {
        Jenkinsfile: pipeline(
          "  environment {\n    DB_PASSWORD = 's3cr3t-Pa55word'\n  }\n  stages {\n    stage('Deploy') {\n      steps {\n        sh 'docker login -u deploy -p Hunter2Hunter2 registry.example.com'\n        sh \"\"\"\n          helm upgrade api ./chart --set image.tag=${env.TAG} --token=abcd1234efgh5678\n          curl -u admin:Sup3rS3cret https://nexus.example.com/upload\n        \"\"\"\n        git url: 'https://github.com/shop/infra.git', password: 'gitPassw0rd!'\n        sh 'GITHUB_TOKEN=ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 ./release.sh'\n      }\n    }\n  }\n",
        ),
      },
      errors: [
        {
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 35,
          message: '`DB_PASSWORD` is written literally in the Jenkinsfile; bind it from Jenkins credentials.',
        },
        { line: 9, column: 39, endLine: 9, endColumn: 53, message: /^The `docker -p` password is written literally/ },
        { line: 11, column: 71, endLine: 11, endColumn: 87, message: /^The `--token` value is written literally/ },
        { line: 12, column: 25, endLine: 12, endColumn: 36, message: /^The `curl -u` password is written literally/ },
        { line: 14, column: 66, endLine: 14, endColumn: 78, message: /^`password` is written literally/ },
        { line: 15, column: 26, endLine: 15, endColumn: 66, message: /^`GITHUB_TOKEN` is written literally/ },
      ],
    },
    {
      name: 'withEnv with a literal secret (scripted pipeline)',
      files: {
        Jenkinsfile:
          "node {\n  withEnv(['NPM_TOKEN=npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', 'CI=true']) {\n    sh 'npm publish'\n  }\n}\n",
      },
      errors: [{ line: 2, column: 23, endLine: 2, endColumn: 63, message: /^`NPM_TOKEN` is written literally/ }],
    },
  ],
});
