import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './JNK001-image-build-without-trivy.js';

const pipeline = (stages: string) => `pipeline {\n  agent any\n  stages {\n${stages}  }\n}\n`;
const stage = (name: string, steps: string) => `    stage('${name}') {\n      steps {\n${steps}      }\n    }\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'docker build followed by a trivy image scan',
      files: {
        Jenkinsfile: pipeline(
          `${stage('Build', "        sh 'docker build -t shop/api:$BUILD_NUMBER api'\n")}${stage('Scan', "        sh 'trivy image --exit-code 1 --severity HIGH,CRITICAL shop/api:$BUILD_NUMBER'\n")}`,
        ),
      },
    },
    {
      name: 'docker.build with trivy through docker run (scripted pipeline)',
      files: {
        Jenkinsfile:
          "node {\n  stage('Build') {\n    docker.build(\"shop/web:${env.BUILD_NUMBER}\", 'web')\n  }\n  stage('Scan') {\n    sh \"docker run --rm aquasec/trivy:0.57.1 image shop/web:${env.BUILD_NUMBER}\"\n  }\n}\n",
      },
    },
    {
      name: 'no image build',
      files: { Jenkinsfile: pipeline(stage('Test', "        sh 'npm ci && npm test'\n")) },
    },
  ],
  invalid: [
    {
      name: 'docker build in a triple-quoted script, no scan (a trivy comment does not count)',
      files: {
        Jenkinsfile: pipeline(
          stage(
            'Build',
            "        // sh 'trivy image app'\n        sh '''\n          set -e\n          docker build -t shop/api:latest api\n        '''\n",
          ),
        ),
      },
      errors: [
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 46,
          message: '`docker build` builds an image, but no Trivy stage or step runs.',
        },
      ],
    },
    {
      name: 'docker.build step with no scan',
      files: {
        Jenkinsfile: "node {\n  stage('Build') {\n    def img = docker.build('shop/api')\n    img.push()\n  }\n}\n",
      },
      errors: [{ line: 3, column: 15, endLine: 3, endColumn: 39, message: /^`docker\.build` builds an image/ }],
    },
  ],
});
