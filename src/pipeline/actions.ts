/**
 * GitHub Actions `uses:` references that build images, scan with Trivy, deploy or validate, so that a
 * step using an action is classified like the command it replaces.
 */
import { SourceFile } from '../core/source-file.js';
import { secretScannerIn } from '../secrets/scanners.js';
import { type CommandClass, commandClass as c } from './command-args.js';

/** Actions that build images, scan with Trivy, deploy or validate, by `owner/repo[/path]` (lower case). */
const ACTIONS: Record<string, (inputs: ActionInputs) => CommandClass[]> = {
  'docker/build-push-action': () => [c('image-build', 'docker/build-push-action')],
  'docker/bake-action': () => [c('image-build', 'docker/bake-action')],
  'redhat-actions/buildah-build': () => [c('image-build', 'redhat-actions/buildah-build')],
  'aquasecurity/trivy-action': () => [c('trivy', 'aquasecurity/trivy-action')],
  'azure/k8s-deploy': (i) => [c('deploy', 'azure/k8s-deploy', targetsOf(i, 'namespace', 'manifests'))],
  'azure/webapps-deploy': (i) => [c('deploy', 'azure/webapps-deploy', targetsOf(i, 'app-name', 'slot-name'))],
  'azure/functions-action': (i) => [c('deploy', 'azure/functions-action', targetsOf(i, 'app-name'))],
  'aws-actions/amazon-ecs-deploy-task-definition': (i) => [
    c('deploy', 'aws-actions/amazon-ecs-deploy-task-definition', targetsOf(i, 'cluster', 'service')),
  ],
  'aws-actions/aws-cloudformation-github-deploy': (i) => [
    c('deploy', 'aws-actions/aws-cloudformation-github-deploy', targetsOf(i, 'name')),
  ],
  'google-github-actions/deploy-cloudrun': (i) => [
    c('deploy', 'google-github-actions/deploy-cloudrun', targetsOf(i, 'service', 'project_id')),
  ],
  'google-github-actions/deploy-appengine': (i) => [
    c('deploy', 'google-github-actions/deploy-appengine', targetsOf(i, 'project_id')),
  ],
  'dflook/terraform-apply': (i) => [c('deploy', 'dflook/terraform-apply', targetsOf(i, 'path', 'workspace'))],
  'dflook/terraform-plan': (i) => [c('validation', 'dflook/terraform-plan', targetsOf(i, 'path', 'workspace'))],
  'dflook/terraform-validate': () => [c('validation', 'dflook/terraform-validate')],
  'azure/k8s-lint': () => [c('validation', 'azure/k8s-lint')],
  'pulumi/actions': (i) =>
    i.command === 'up' || i.command === 'update'
      ? [c('deploy', 'pulumi/actions up', targetsOf(i, 'stack-name'))]
      : i.command === 'preview'
        ? [c('validation', 'pulumi/actions preview', targetsOf(i, 'stack-name'))]
        : [],
};

/** An action's `with:` inputs (literal values; undefined for expressions). */
export type ActionInputs = Readonly<Record<string, string | undefined>>;

function targetsOf(inputs: ActionInputs, ...names: string[]): string[] {
  return names.flatMap((n) => (inputs[n] === undefined ? [] : [inputs[n] as string]));
}

/**
 * The classifications of a `uses:` reference (`docker/build-push-action@v6`), given its inputs. Local
 * (`./…`) and `docker://` references are not classified here.
 */
export function classifyAction(uses: string, inputs: ActionInputs = {}): CommandClass[] {
  const name = (uses.split('@')[0] ?? uses).toLowerCase();
  const out = [...(ACTIONS[name]?.(inputs) ?? [])];
  const scanner = secretScannerIn(new SourceFile('action', 'text', name));
  if (scanner !== undefined) out.push(c('secret-scan', name));
  return out;
}
