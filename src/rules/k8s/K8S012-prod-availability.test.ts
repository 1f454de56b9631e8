import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S012-prod-availability.js';

const deployment = (replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n${replicas}  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: app:1}]}\n`;
const pdb =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n';

ruleTester(rule, {
  valid: [
    { name: 'not production', files: { 'staging/deploy.yaml': deployment('  replicas: 1\n') } },
    {
      name: 'prod with 3 replicas and a PDB',
      files: { 'prod/deploy.yaml': deployment('  replicas: 3\n'), 'prod/pdb.yaml': pdb },
    },
    {
      name: 'HPA minReplicas replaces replicas',
      files: {
        'prod/deploy.yaml': deployment(''),
        'prod/pdb.yaml': pdb,
        'prod/hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n',
      },
    },
  ],
  invalid: [
    {
      name: 'single replica and no PDB in a prod path',
      files: { 'k8s/prod/deploy.yaml': deployment('  replicas: 1\n') },
      errors: [
        {
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message: 'No PodDisruptionBudget selects the pods of production Deployment "web".',
        },
        { line: 5, column: 13, endLine: 5, endColumn: 14, message: 'Production Deployment "web" runs 1 replica.' },
      ],
    },
    {
      name: 'prod by kustomize overlay; default replicas; PDB selects other pods',
      files: {
        'base/kustomization.yaml': 'resources: [deploy.yaml, pdb.yaml]\n',
        'base/deploy.yaml': deployment(''),
        'base/pdb.yaml': pdb.replace('app: web', 'app: api'),
        'overlays/production/kustomization.yaml': 'resources: [../../base]\n',
      },
      errors: [
        {
          file: 'base/deploy.yaml',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message: 'No PodDisruptionBudget selects the pods of production Deployment "web".',
        },
        {
          file: 'base/deploy.yaml',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message: 'Production Deployment "web" runs 1 (default) replica.',
        },
      ],
    },
  ],
});
