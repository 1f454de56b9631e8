import type { Domain } from '../core/types.js';

/** Display names of the nine domains of the brief, in DOMAINS order. */
export const DOMAIN_TITLES: Readonly<Record<Domain, string>> = {
  cicd: 'CI/CD pipelines',
  containers: 'Containers & orchestration',
  iac: 'Infrastructure as code',
  observability: 'Monitoring & observability',
  incident: 'Incident response',
  cloud: 'Cloud operations',
  secrets: 'Secrets management',
  gitops: 'GitOps',
  cost: 'Cost optimization',
};
