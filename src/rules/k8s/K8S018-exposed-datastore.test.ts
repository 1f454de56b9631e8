import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S018-exposed-datastore.js';

const service = (type: string, selector: string, port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: data}\nspec:\n  type: ${type}\n  selector: ${selector}\n  ports: [{port: ${port}}]\n`;
const workload = (image: string, labels: string) =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: wl, namespace: data}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: c, image: ${image}}]}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'ClusterIP in front of postgres',
      files: { 'svc.yaml': service('ClusterIP', '{app: pg}', 5432), 'sts.yaml': workload('postgres:16', '{app: pg}') },
    },
    {
      name: 'a known non-datastore workload on a datastore-looking port',
      files: {
        'svc.yaml': service('LoadBalancer', '{app: sonar}', 9000),
        'd.yaml': workload('sonarqube:10', '{app: sonar}'),
      },
    },
    { name: 'public web service', files: { 'svc.yaml': service('LoadBalancer', '{app: web}', 443) } },
  ],
  invalid: [
    {
      name: 'LoadBalancer selecting a datastore workload (cross-file)',
      files: {
        'svc.yaml': service('LoadBalancer', '{app: cache}', 80),
        'sts.yaml': workload('bitnami/redis:7.2', '{app: cache}'),
      },
      errors: [
        {
          file: 'svc.yaml',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 21,
          message: 'Service "svc" of type LoadBalancer exposes the datastore StatefulSet "wl".',
        },
      ],
    },
    {
      name: 'NodePort on a datastore port with no known workload',
      files: { 'svc.yaml': service('NodePort', '{app: db}', 5432) },
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 17,
          message: 'Service "svc" of type NodePort exposes the datastore port 5432.',
        },
      ],
    },
  ],
});
