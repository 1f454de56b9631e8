/**
 * Versions the recipes pin. GitHub Actions are pinned to the full commit SHA of a release (a tag can be
 * moved; a SHA cannot), with the release in a comment so Dependabot/Renovate can bump both together.
 * Images are pinned to an exact tag; their digest is a slot the user fills (see the dockerfile recipe).
 * Update these together, in one commit, and re-run the scaffold tests.
 */

export interface ActionPin {
  uses: string;
  sha: string;
  version: string;
}

const pin = (uses: string, sha: string, version: string): ActionPin => ({ uses, sha, version });

export const ACTIONS = {
  checkout: pin('actions/checkout', '11bd71901bbe5b1630ceea73d27597364c9af683', 'v4.2.2'),
  setupNode: pin('actions/setup-node', '39370e3970a6d050c480ffad4ff0ed4d3fdee5af', 'v4.1.0'),
  setupPython: pin('actions/setup-python', '0b93645e9fea7318ecaed2b359559ac225c90a2b', 'v5.3.0'),
  setupGo: pin('actions/setup-go', '3041bf56c941b39c61721a86cd11f3bb1338122a', 'v5.2.0'),
  setupJava: pin('actions/setup-java', '7a6d8a8234af8eb26422e24e3006232cccaa061b', 'v4.6.0'),
  setupBuildx: pin('docker/setup-buildx-action', 'c47758b77c9736f4b2ef4073d4d51994fabfe349', 'v3.7.1'),
  login: pin('docker/login-action', '9780b0c442fbb1117ed29e0efdff1e18412f7567', 'v3.3.0'),
  metadata: pin('docker/metadata-action', '369eb591f429131d6889c46b94e711f089e6ca96', 'v5.6.1'),
  buildPush: pin('docker/build-push-action', '4f58ea79222b3b9dc2c8bbdd6debcef730109a75', 'v6.9.0'),
  // v0.36.0 pins its own nested setup-trivy by SHA; older releases reference a tag that was deleted.
  trivy: pin('aquasecurity/trivy-action', 'ed142fd0673e97e23eac54620cfb913e5ce36c25', 'v0.36.0'),
  uploadSarif: pin('github/codeql-action/upload-sarif', '48ab28a6f5dbc2a99bf1e0131198dd8f1df78169', 'v3.28.0'),
  awsCredentials: pin('aws-actions/configure-aws-credentials', 'e3dd6a429d7300a6a4c196c26e071d42e0343502', 'v4.0.2'),
  gcpAuth: pin('google-github-actions/auth', '6fc4af4b145ae7821d527454aa9bd537d1f2dc5f', 'v2.1.7'),
} as const;

/** `owner/repo@<sha> # vX.Y.Z` */
export const uses = (a: ActionPin): string => `${a.uses}@${a.sha} # ${a.version}`;

/** Exact image tags used by the recipes (no `latest`, no bare majors). */
export const IMAGES = {
  postgres: 'postgres:16.6-alpine3.20',
  mysql: 'mysql:8.4.3',
  redis: 'redis:7.4.1-alpine3.20',
  prometheus: 'prom/prometheus:v2.55.1',
  alertmanager: 'prom/alertmanager:v0.27.0',
  grafana: 'grafana/grafana:11.3.1',
  trivy: 'aquasec/trivy:0.58.1',
  gitleaks: 'zricethezav/gitleaks:v8.21.2',
  kubectl: 'bitnami/kubectl:1.31.4',
  docker: 'docker:27.4.1',
  dind: 'docker:27.4.1-dind',
  busybox: 'busybox:1.37.0',
} as const;

/** Tool versions pinned inside generated files. */
export const TOOLS = {
  terraform: '1.10.5',
  awsProvider: '5.82.2',
  googleProvider: '6.14.1',
} as const;
