import { defineRule } from '../../core/rule.js';
import { type JenkinsPipeline, type JenkinsStage, jenkinsPipeline, stageChain } from '../../models/jenkinsfile.js';
import { type GroovyCall, walkCalls } from '../../parsers/groovy.js';

const BRANCH_VARIABLE = /\b(BRANCH_NAME|GIT_BRANCH|TAG_NAME)\b/;
const BRANCH_CONDITIONS = new Set(['branch', 'buildingTag', 'tag']);

export const rule = defineRule({
  id: 'JNK002',
  title: 'Gate production deploy stages',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['jenkinsfile'],
  rationale:
    'A production deploy stage that runs on every build of every branch ships unreviewed code; an `input` step ' +
    'records who approved the release, and a branch guard keeps feature branches out of production.',
  fix:
    "Add `when { branch 'main' }` (or `buildingTag()`) to the stage, and an approval: `input message: 'Deploy to " +
    "production?', submitter: 'release-managers'` (inside `timeout(time: 1, unit: 'HOURS') { … }`).",
  rollback: 'Re-run the last good build’s deploy stage (Replay or “Rebuild”), or roll back with the deploy tool.',
  notes:
    'Deploy stages: stages whose steps run a deploy command (as in GHA006) or the Kubernetes deploy steps, or ' +
    'named “deploy”. Production: the stage name, a deploy target, a stage `environment` value or the file path ' +
    'matches the production pattern. Approval: an `input` step or directive in the stage, an enclosing stage, or ' +
    'the stage just before it. Guard: `when { branch … }`, `buildingTag()`, `tag …` or an `expression` on ' +
    '`BRANCH_NAME`/`GIT_BRANCH` on the stage or an enclosing one; in scripted pipelines an enclosing `if` on those.',
  check(file, ctx) {
    const pipeline = jenkinsPipeline(file);
    for (const stage of pipeline.stages) {
      const deploys = stage.steps.flatMap((s) => s.activities).filter((a) => a.category === 'deploy');
      if (deploys.length === 0 && !/\bdeploy/i.test(stage.name)) continue;
      const isProd = ctx.settings.isProd;
      const prod =
        isProd(stage.name.trim().replace(/\s+/g, '-'), file.path) ||
        deploys.some((d) => d.targets.some((t) => isProd(t))) ||
        stageChain(stage).some((s) => s.environment.some((e) => isProd(e.string?.string?.value)));
      if (!prod) continue;
      const missing = [
        ...(hasApproval(pipeline, stage) ? [] : ['`input` approval']),
        ...(hasBranchGuard(file.text, stage) ? [] : ['`when { branch … }` guard']),
      ];
      if (missing.length === 0) continue;
      ctx.report({
        range: stage.headerRange,
        message: `Production deploy stage \`${stage.name}\` has no ${missing.join(' and no ')}.`,
      });
    }
  },
});

function hasApproval(pipeline: JenkinsPipeline, stage: JenkinsStage): boolean {
  if (stageChain(stage).some((s) => [...walkCalls([s.call])].some((c) => c.name === 'input'))) return true;
  // An approval stage right before the deploy (`stage('Approve') { input … }`).
  const index = pipeline.stages.indexOf(stage);
  const previous = pipeline.stages
    .slice(0, index)
    .reverse()
    .find((s) => s.parent === stage.parent);
  // Only a dedicated approval stage: the input of an earlier deploy stage approves that deploy, not this one.
  return (
    previous !== undefined &&
    [...walkCalls([previous.call])].some((c) => c.name === 'input') &&
    !previous.steps.some((s) => s.activities.some((a) => a.category === 'deploy'))
  );
}

function hasBranchGuard(text: string, stage: JenkinsStage): boolean {
  for (const s of stageChain(stage)) {
    if (!s.when) continue;
    for (const c of walkCalls(s.when.block ?? [])) {
      if (BRANCH_CONDITIONS.has(c.name)) return true;
      if (c.name === 'expression' && BRANCH_VARIABLE.test(text.slice(c.start, c.end))) return true;
    }
  }
  // Scripted pipelines: `if (env.BRANCH_NAME == 'main') { stage(…) { … } }` (the condition, not the body).
  for (let c: GroovyCall | undefined = stage.call.parent; c; c = c.parent) {
    if (c.name === 'if' && BRANCH_VARIABLE.test(text.slice(c.start, c.headEnd))) return true;
  }
  return false;
}
