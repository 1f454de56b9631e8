/**
 * The GitHub Actions model of one file: a workflow (`.github/workflows/*.y?ml`) or a composite action
 * (`action.y?ml`). Triggers, permissions, jobs with their `needs` graph, environments, concurrency, and
 * steps whose `run:` scripts are parsed as shell with every offset mapped back to the file, and whose
 * `${{ }}` expressions carry their exact positions (block scalars included).
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import type { ShellScript } from '../parsers/shell.js';
import {
  type Document,
  entries,
  getKeyNode,
  getNode,
  isMap,
  isScalar,
  isSeq,
  items,
  type Node,
  parseYaml,
  scalarString,
} from '../parsers/yaml.js';
import { scalarSource } from '../parsers/yaml-scalar.js';
import { type ClassifiedCommand, type CommandClass, classifyAction, classifyScript } from '../pipeline/commands.js';
import { fileSpan, type MappedText, parseEmbeddedShell } from '../pipeline/embedded-shell.js';
import { findExpressions } from '../pipeline/github-expressions.js';

/** A span of the file: offsets and the matching range. */
export interface Located {
  start: number;
  end: number;
  range: Range;
}

export interface GhaExpression extends Located {
  /** The text between `${{` and `}}`, trimmed. */
  text: string;
  /** Context paths it reads, normalised (`github.event.issue.title`, `secrets.TOKEN`). */
  refs: string[];
}

/** A scalar value with the expressions inside it. */
export interface GhaText extends Located {
  value: string;
  node: Node;
  expressions: GhaExpression[];
}

export interface GhaScript extends GhaText {
  /** The script parsed as shell (file offsets); undefined for non-POSIX shells (pwsh, python, cmd). */
  shell: ShellScript | undefined;
}

export type GhaRefKind = 'local' | 'docker' | 'action';

/** A `uses:` reference: `owner/repo[/path]@ref`, `./local/path`, `docker://image[:tag][@sha256:…]`. */
export interface GhaActionRef extends Located {
  raw: string;
  kind: GhaRefKind;
  /** `owner/repo[/path]` (lower case) for actions and reusable workflows, the path or image otherwise. */
  name: string;
  /** The ref after `@` (actions), or the image tag (docker). */
  ref: string | undefined;
  /** `sha256:…` of a docker reference. */
  digest: string | undefined;
}

export interface GhaEnvEntry {
  name: string;
  keyRange: Range;
  value: GhaText | undefined;
}

/** Something a step does, from its shell commands, its action, or its name (a step named "Backup"). */
export interface GhaActivity extends CommandClass, Located {
  /** The shell command, when it came from `run:`. */
  command?: ClassifiedCommand['command'];
}

export interface GhaStep extends Located {
  index: number;
  node: Node;
  name: GhaText | undefined;
  id: string | undefined;
  if: GhaText | undefined;
  uses: GhaActionRef | undefined;
  run: GhaScript | undefined;
  /** `with:` inputs by name. */
  with: ReadonlyMap<string, GhaText>;
  env: GhaEnvEntry[];
  activities: GhaActivity[];
}

export interface GhaPermissions {
  keyRange: Range;
  /** The value's range. */
  range: Range;
  /** `write-all`, `read-all` or `{}` when written as a scalar or an empty map. */
  scalar: string | undefined;
  scopes: ReadonlyMap<string, string>;
}

export interface GhaEnvironment {
  keyRange: Range;
  range: Range;
  /** The environment name (`production`); undefined when it is an expression only. */
  name: GhaText | undefined;
}

export interface GhaJob extends Located {
  id: string;
  keyRange: Range;
  node: Node;
  name: GhaText | undefined;
  needs: string[];
  if: GhaText | undefined;
  runsOn: string | undefined;
  environment: GhaEnvironment | undefined;
  concurrency: { keyRange: Range } | undefined;
  permissions: GhaPermissions | undefined;
  env: GhaEnvEntry[];
  steps: GhaStep[];
  /** A job that calls a reusable workflow (`uses: org/repo/.github/workflows/x.yml@ref`). */
  uses: GhaActionRef | undefined;
  with: ReadonlyMap<string, GhaText>;
}

export interface GhaInput {
  name: string;
  /** `string` when not given (GitHub's default). */
  type: string;
}

export interface GhaTrigger {
  event: string;
  keyRange: Range;
  /** `branches:` filter; undefined when the event has none (runs on every branch). */
  branches: string[] | undefined;
  tags: string[] | undefined;
  inputs: GhaInput[];
}

export interface GhaWorkflow {
  file: SourceFile;
  kind: 'workflow' | 'action';
  /** Repository root of the file (`''` or `examples/shop/`): where `./` references resolve. */
  root: string;
  name: GhaText | undefined;
  /** Range of the first line of the file: where workflow-level findings go when nothing is more precise. */
  headRange: Range;
  triggers: GhaTrigger[];
  permissions: GhaPermissions | undefined;
  env: GhaEnvEntry[];
  concurrency: { keyRange: Range } | undefined;
  jobs: GhaJob[];
  doc: Document;
}

/** The model of a workflow or composite action (cached on the file); undefined when it is not one. */
export function githubWorkflow(file: SourceFile): GhaWorkflow | undefined {
  return file.cached('github-actions', () => build(file));
}

const POSIX_SHELL = /^(bash|sh)(\s|$)/;

interface Ctx {
  file: SourceFile;
  doc: Document;
}

function build(file: SourceFile): GhaWorkflow | undefined {
  if (file.kind !== 'github-workflow' && file.kind !== 'github-action') return undefined;
  const d = parseYaml(file).documents[0];
  if (!d || !isMap(d.contents)) return undefined;
  const ctx: Ctx = { file, doc: d.doc };
  const root = d.contents;
  const kind = file.kind === 'github-action' ? 'action' : 'workflow';
  const workflowShell = defaultShell(ctx, root);
  const workflow: GhaWorkflow = {
    file,
    kind,
    root: repoRoot(file.path),
    name: textOf(ctx, getNode(root, 'name', d.doc)),
    headRange: file.lineRange(1),
    triggers: kind === 'workflow' ? triggersOf(ctx, getNode(root, 'on', d.doc) ?? getNode(root, 'true', d.doc)) : [],
    permissions: permissionsOf(ctx, root),
    env: envOf(ctx, getNode(root, 'env', d.doc)),
    concurrency: keyOf(ctx, root, 'concurrency'),
    jobs: [],
    doc: d.doc,
  };
  if (kind === 'workflow') {
    for (const [id, keyNode, value] of entries(getNode(root, 'jobs', d.doc), d.doc)) {
      if (isMap(value)) workflow.jobs.push(jobOf(ctx, id, keyNode, value, workflowShell));
    }
  } else {
    const runs = getNode(root, 'runs', d.doc);
    if (scalarString(getNode(runs, 'using', d.doc)) === 'composite' && runs) {
      const keyNode = getKeyNode(root, 'runs', d.doc) ?? runs;
      const job = jobOf(ctx, workflow.name?.value ?? 'composite', keyNode, runs, 'bash');
      workflow.jobs.push(job);
    }
  }
  return workflow;
}

/** `examples/shop/.github/workflows/ci.yml` → `examples/shop/`; a root `action.yml` → its directory. */
export function repoRoot(path: string): string {
  const at = path.indexOf('.github/');
  if (at === 0 || (at > 0 && path[at - 1] === '/')) return path.slice(0, at);
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

function located(file: SourceFile, node: unknown): Located {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  const start = r?.[0] ?? 0;
  const end = r?.[1] ?? start;
  return { start, end, range: file.range(start, end) };
}

function keyOf(ctx: Ctx, map: Node, key: string): { keyRange: Range } | undefined {
  const k = getKeyNode(map, key, ctx.doc);
  return k ? { keyRange: located(ctx.file, k).range } : undefined;
}

/** A scalar's value with its expressions at their file positions. */
function textOf(ctx: Ctx, node: Node | undefined): GhaText | undefined {
  if (!node || !isScalar(node)) return undefined;
  const value = scalarString(node);
  if (value === undefined) return undefined;
  const where = located(ctx.file, node);
  const source = typeof node.value === 'string' ? scalarSource(ctx.file.text, node) : undefined;
  if (!source) return { ...where, value, node, expressions: [] };
  const mapped: MappedText = { value: source.value, offsetOf: (i) => source.offsetOf(i) };
  const expressions = findExpressions(value).map((e) => {
    const span = fileSpan(ctx.file.text, mapped, e.start, e.end);
    return { text: e.text, refs: e.refs, ...span, range: ctx.file.range(span.start, span.end) };
  });
  return { ...where, value, node, expressions };
}

function scriptOf(ctx: Ctx, node: Node | undefined, shell: string): GhaScript | undefined {
  const text = textOf(ctx, node);
  if (!text) return undefined;
  const source = isScalar(node) && typeof node.value === 'string' ? scalarSource(ctx.file.text, node) : undefined;
  if (!source || !POSIX_SHELL.test(shell)) return { ...text, shell: undefined };
  const masks = findExpressions(text.value);
  const parsed = parseEmbeddedShell(ctx.file.text, { value: source.value, offsetOf: (i) => source.offsetOf(i) }, masks);
  return { ...text, shell: parsed };
}

function defaultShell(ctx: Ctx, node: Node): string | undefined {
  return scalarString(getNode(getNode(getNode(node, 'defaults', ctx.doc), 'run', ctx.doc), 'shell', ctx.doc));
}

function stringsOf(ctx: Ctx, node: Node | undefined): string[] {
  if (node === undefined) return [];
  if (isSeq(node)) return items(node, ctx.doc).flatMap((n) => scalarString(n) ?? []);
  const s = scalarString(node);
  return s === undefined ? [] : [s];
}

function triggersOf(ctx: Ctx, node: Node | undefined): GhaTrigger[] {
  if (node === undefined) return [];
  const bare = (n: Node): GhaTrigger[] => {
    const event = scalarString(n);
    if (event === undefined) return [];
    return [{ event, keyRange: located(ctx.file, n).range, branches: undefined, tags: undefined, inputs: [] }];
  };
  if (isScalar(node)) return bare(node);
  if (isSeq(node)) return items(node, ctx.doc).flatMap(bare);
  const out: GhaTrigger[] = [];
  for (const [event, keyNode, value] of entries(node, ctx.doc)) {
    const filter = (key: string) => {
      const n = getNode(value, key, ctx.doc);
      return n === undefined ? undefined : stringsOf(ctx, n);
    };
    const inputs: GhaInput[] = [];
    for (const [name, , spec] of entries(getNode(value, 'inputs', ctx.doc), ctx.doc)) {
      inputs.push({ name, type: scalarString(getNode(spec, 'type', ctx.doc)) ?? 'string' });
    }
    out.push({
      event,
      keyRange: located(ctx.file, keyNode).range,
      branches: filter('branches'),
      tags: filter('tags'),
      inputs,
    });
  }
  return out;
}

function permissionsOf(ctx: Ctx, map: Node): GhaPermissions | undefined {
  const keyNode = getKeyNode(map, 'permissions', ctx.doc);
  const value = getNode(map, 'permissions', ctx.doc);
  if (!keyNode) return undefined;
  const scopes = new Map<string, string>();
  for (const [scope, , v] of entries(value, ctx.doc)) scopes.set(scope, scalarString(v) ?? '');
  const scalar = isMap(value) ? (scopes.size === 0 ? '{}' : undefined) : scalarString(value);
  return {
    keyRange: located(ctx.file, keyNode).range,
    range: located(ctx.file, value ?? keyNode).range,
    scalar,
    scopes,
  };
}

function envOf(ctx: Ctx, node: Node | undefined): GhaEnvEntry[] {
  const out: GhaEnvEntry[] = [];
  for (const [name, keyNode, value] of entries(node, ctx.doc)) {
    out.push({ name, keyRange: located(ctx.file, keyNode).range, value: textOf(ctx, value) });
  }
  return out;
}

function withOf(ctx: Ctx, node: Node | undefined): Map<string, GhaText> {
  const out = new Map<string, GhaText>();
  for (const [name, , value] of entries(node, ctx.doc)) {
    const text = textOf(ctx, value);
    if (text) out.set(name, text);
  }
  return out;
}

function jobOf(ctx: Ctx, id: string, keyNode: Node | undefined, node: Node, workflowShell: string | undefined): GhaJob {
  const { file, doc } = ctx;
  const runsOn = stringsOf(ctx, getNode(node, 'runs-on', doc)).join(',') || undefined;
  const windows = runsOn !== undefined && /windows/i.test(runsOn);
  const shell = defaultShell(ctx, node) ?? workflowShell ?? (windows ? 'pwsh' : 'bash');
  const envNode = getNode(node, 'environment', doc);
  const envKey = getKeyNode(node, 'environment', doc);
  const environment =
    envKey === undefined
      ? undefined
      : {
          keyRange: located(file, envKey).range,
          range: located(file, envNode ?? envKey).range,
          name: textOf(ctx, isMap(envNode) ? getNode(envNode, 'name', doc) : envNode),
        };
  const steps = items(getNode(node, 'steps', doc), doc).map((s, index) => stepOf(ctx, s, index, shell));
  return {
    id,
    keyRange: located(file, keyNode ?? node).range,
    ...located(file, node),
    node,
    name: textOf(ctx, getNode(node, 'name', doc)),
    needs: stringsOf(ctx, getNode(node, 'needs', doc)),
    if: textOf(ctx, getNode(node, 'if', doc)),
    runsOn,
    environment,
    concurrency: keyOf(ctx, node, 'concurrency'),
    permissions: permissionsOf(ctx, node),
    env: envOf(ctx, getNode(node, 'env', doc)),
    steps,
    uses: refOf(ctx, getNode(node, 'uses', doc)),
    with: withOf(ctx, getNode(node, 'with', doc)),
  };
}

function stepOf(ctx: Ctx, node: Node, index: number, jobShell: string): GhaStep {
  const { doc } = ctx;
  const shell = scalarString(getNode(node, 'shell', doc)) ?? jobShell;
  const env = envOf(ctx, getNode(node, 'env', doc));
  const step: GhaStep = {
    index,
    node,
    ...located(ctx.file, node),
    name: textOf(ctx, getNode(node, 'name', doc)),
    id: scalarString(getNode(node, 'id', doc)),
    if: textOf(ctx, getNode(node, 'if', doc)),
    uses: refOf(ctx, getNode(node, 'uses', doc)),
    run: scriptOf(ctx, getNode(node, 'run', doc), shell),
    with: withOf(ctx, getNode(node, 'with', doc)),
    env,
    activities: [],
  };
  step.activities = activitiesOf(ctx, step);
  return step;
}

function activitiesOf(ctx: Ctx, step: GhaStep): GhaActivity[] {
  const out: GhaActivity[] = [];
  if (step.run?.shell) {
    const dockerHost = step.env.find((e) => e.name === 'DOCKER_HOST' || e.name === 'DOCKER_CONTEXT');
    for (const c of classifyScript(step.run.shell, { remoteDocker: dockerHost !== undefined })) {
      const { command, start, end, ...rest } = c;
      out.push({ ...rest, command, start, end, range: ctx.file.range(start, end) });
    }
  }
  if (step.uses?.kind === 'action') {
    const inputs: Record<string, string | undefined> = {};
    for (const [k, v] of step.with) inputs[k] = v.expressions.length > 0 ? undefined : v.value;
    for (const c of classifyAction(step.uses.name, inputs)) {
      out.push({ ...c, start: step.uses.start, end: step.uses.end, range: step.uses.range });
    }
  }
  // The catalog counts "a step named backup/snapshot" as a backup, whatever it runs.
  const label = step.name ?? undefined;
  if (label && /\b(backup|back up|snapshot)/i.test(label.value) && !out.some((a) => a.category === 'backup')) {
    out.push({ category: 'backup', label: `step "${label.value}"`, targets: [], ...pick(label) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function pick(l: Located): Located {
  return { start: l.start, end: l.end, range: l.range };
}

function refOf(ctx: Ctx, node: Node | undefined): GhaActionRef | undefined {
  const text = textOf(ctx, node);
  if (!text) return undefined;
  const raw = text.value.trim();
  const base = { ...pick(text), raw };
  if (raw.startsWith('./') || raw.startsWith('../')) {
    return { ...base, kind: 'local', name: raw, ref: undefined, digest: undefined };
  }
  if (raw.startsWith('docker://')) {
    const image = raw.slice('docker://'.length);
    const [nameTag, digest] = image.split('@') as [string, string | undefined];
    const slash = nameTag.lastIndexOf('/');
    const colon = nameTag.lastIndexOf(':');
    const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
    return { ...base, kind: 'docker', name: image, ref: tag, digest };
  }
  const at = raw.indexOf('@');
  const name = (at < 0 ? raw : raw.slice(0, at)).toLowerCase();
  return { ...base, kind: 'action', name, ref: at < 0 ? undefined : raw.slice(at + 1), digest: undefined };
}

// Questions several rules (and the hub) ask of a workflow

/** The jobs a job depends on, directly or transitively (cycles tolerated). */
export function upstreamJobs(workflow: GhaWorkflow, job: GhaJob): GhaJob[] {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const out: GhaJob[] = [];
  const queue = [...job.needs];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id) || id === job.id) continue;
    seen.add(id);
    const dep = byId.get(id);
    if (!dep) continue;
    out.push(dep);
    queue.push(...dep.needs);
  }
  return out;
}

/** Every activity of a job, in step order. */
export function jobActivities(job: GhaJob): GhaActivity[] {
  return job.steps.flatMap((s) => s.activities);
}

/** True when an `if:` only runs after a failure (`failure()`, `${{ failure() && … }}`). */
export function runsOnFailure(condition: GhaText | undefined): boolean {
  return condition !== undefined && /\bfailure\(\s*\)/.test(condition.value);
}

/** `workflow_dispatch` inputs of type string (free text). */
export function dispatchStringInputs(workflow: GhaWorkflow): Set<string> {
  const out = new Set<string>();
  for (const t of workflow.triggers) {
    if (t.event !== 'workflow_dispatch') continue;
    for (const i of t.inputs) if (i.type === 'string') out.add(i.name);
  }
  return out;
}
