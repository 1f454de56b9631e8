/**
 * What the repository's pipelines do, across GitHub Actions, GitLab CI and Jenkins, from the same command
 * classification the CI rules use (pipeline/commands.ts): deploys, validation, image builds, Trivy and
 * secret scans, migrations, backups, rollbacks. The hub reports it as evidence; runbooks read the deploy method.
 */
import type { Project } from '../core/project.js';
import { githubWorkflow, jobActivities } from '../models/github-actions.js';
import { gitlabPipelines } from '../models/gitlab-ci.js';
import { jenkinsPipeline } from '../models/jenkinsfile.js';
import { hasParseError } from '../parsers/index.js';
import type { CommandCategory } from '../pipeline/commands.js';

export type CiSystem = 'github-actions' | 'gitlab-ci' | 'jenkins';

export interface CiActivity {
  system: CiSystem;
  file: string;
  /** Job or stage name. */
  job: string;
  category: CommandCategory;
  /** As users write it: `kubectl apply`, `helm upgrade`, `trivy image`. */
  label: string;
  targets: readonly string[];
}

export function ciActivities(project: Project): CiActivity[] {
  return project.cached('hub-ci-activities', () => [...github(project), ...gitlab(project), ...jenkins(project)]);
}

function github(project: Project): CiActivity[] {
  const out: CiActivity[] = [];
  for (const file of project.ofKind('github-workflow', 'github-action')) {
    if (hasParseError(file)) continue;
    const workflow = githubWorkflow(file);
    if (!workflow) continue;
    for (const job of workflow.jobs) {
      for (const a of jobActivities(job)) {
        out.push({
          system: 'github-actions',
          file: file.path,
          job: job.id,
          category: a.category,
          label: a.label,
          targets: a.targets,
        });
      }
    }
  }
  return out;
}

function gitlab(project: Project): CiActivity[] {
  const out: CiActivity[] = [];
  for (const pipeline of gitlabPipelines(project)) {
    for (const job of pipeline.jobs) {
      for (const a of job.activities) {
        out.push({
          system: 'gitlab-ci',
          file: job.file.path,
          job: job.name,
          category: a.category,
          label: a.label,
          targets: a.targets,
        });
      }
    }
  }
  return out;
}

function jenkins(project: Project): CiActivity[] {
  const out: CiActivity[] = [];
  for (const file of project.ofKind('jenkinsfile')) {
    const pipeline = jenkinsPipeline(file);
    for (const step of pipeline.steps) {
      for (const a of step.activities) {
        out.push({
          system: 'jenkins',
          file: file.path,
          job: step.stage?.name ?? 'pipeline',
          category: a.category,
          label: a.label,
          targets: a.targets,
        });
      }
    }
  }
  return out;
}
