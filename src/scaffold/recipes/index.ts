import type { Recipe } from '../types.js';
import { alertsRecipe } from './alerts/index.js';
import { composeRecipe } from './compose/index.js';
import { costGuardrailsRecipe } from './cost-guardrails/index.js';
import { dashboardRecipe } from './dashboard/index.js';
import { dockerfileRecipe } from './dockerfile/index.js';
import { externalSecretsRecipe } from './external-secrets/index.js';
import { githubActionsRecipe } from './github-actions/index.js';
import { gitlabCiRecipe } from './gitlab-ci/index.js';
import { gitopsRecipe } from './gitops/index.js';
import { helmChartRecipe } from './helm-chart/index.js';
import { jenkinsRecipe } from './jenkins/index.js';
import { k8sAppRecipe } from './k8s-app/index.js';
import { monitoringRecipe } from './monitoring/index.js';
import { releaseRecipe } from './release/index.js';
import { terraformBackendRecipe } from './terraform-backend/index.js';
import { terraformModuleRecipe } from './terraform-module/index.js';

/** Every recipe, in `run --list` order. */
export const RECIPES: readonly Recipe[] = [
  dockerfileRecipe,
  composeRecipe,
  monitoringRecipe,
  alertsRecipe,
  dashboardRecipe,
  k8sAppRecipe,
  helmChartRecipe,
  githubActionsRecipe,
  releaseRecipe,
  gitlabCiRecipe,
  jenkinsRecipe,
  terraformModuleRecipe,
  terraformBackendRecipe,
  gitopsRecipe,
  externalSecretsRecipe,
  costGuardrailsRecipe,
];

export function findRecipe(name: string): Recipe | undefined {
  return RECIPES.find((r) => r.name === name);
}
