/** An Argo CD Application for the GOP rule tests; `spec` lines are indented by two spaces. */
export function application(name: string, spec: string): string {
  return `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n${spec}`;
}

/** A complete, compliant Application spec for `env`. */
export function goodSpec(env: string, revision = 'v1.4.2'): string {
  return `  project: shop\n  source:\n    repoURL: https://github.com/example/shop.git\n    targetRevision: ${revision}\n    path: deploy/overlays/${env}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: shop-${env}\n  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n    retry:\n      limit: 5\n`;
}
