/**
 * GitLab CI pipelines: a `.gitlab-ci.yml` with the local files it includes, its stages, and its jobs
 * resolved the way GitLab resolves them (own keys, then `extends:` templates, then `default:` and the
 * legacy globals; YAML anchors and `<<` merges; `!reference` tags in scripts). Every value keeps the file
 * and range that hold it, so a finding on a job built from a template points into the template's file.
 */
import picomatch from 'picomatch';
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { hasParseError } from '../parsers/index.js';
import type { ShellScript } from '../parsers/shell.js';
import {
  type Document,
  entries,
  getNode,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseYaml,
  resolve,
  scalarString,
  type YAMLSeq,
} from '../parsers/yaml.js';
import { scalarSource } from '../parsers/yaml-scalar.js';
import { type ClassifiedCommand, type CommandClass, classifyScript } from '../pipeline/commands.js';
import { parseEmbeddedShell, type Span } from '../pipeline/embedded-shell.js';

export interface GlcLocated {
  file: SourceFile;
  start: number;
  end: number;
  range: Range;
}

export interface GlcValue extends GlcLocated {
  node: Node;
  doc: Document;
}

/** A job or hidden template as written in one file. */
export interface GlcDefinition extends GlcLocated {
  name: string;
  hidden: boolean;
  node: Node;
  doc: Document;
  keyRange: Range;
}

export interface GlcImage extends GlcLocated {
  value: string;
}

export interface GlcScriptLine extends GlcLocated {
  phase: 'before_script' | 'script' | 'after_script';
  value: string;
  shell: ShellScript;
}

export interface GlcActivity extends CommandClass, GlcLocated {
  command: ClassifiedCommand['command'];
  phase: GlcScriptLine['phase'];
}

export interface GlcEnvironment extends GlcLocated {
  name: string | undefined;
  tier: string | undefined;
  action: string | undefined;
}

export interface GlcJob {
  name: string;
  definition: GlcDefinition;
  file: SourceFile;
  keyRange: Range;
  stage: string;
  /** Position of the stage in the pipeline's stage order (-1 when the stage is not declared). */
  stageIndex: number;
  image: GlcImage | undefined;
  services: GlcImage[];
  scripts: GlcScriptLine[];
  activities: GlcActivity[];
  when: string | undefined;
  /** `when:` of each `rules:` item (undefined where an item has none). */
  rulesWhen: (string | undefined)[];
  environment: GlcEnvironment | undefined;
  /** `needs:` job names; undefined when the job has no `needs:` (it waits for earlier stages). */
  needs: string[] | undefined;
  extends: string[];
}

export type GlcIncludeKind = 'local' | 'template' | 'remote' | 'project' | 'component';

export interface GlcInclude extends GlcLocated {
  kind: GlcIncludeKind;
  value: string;
  /** Local files it brings in (found in the reviewed tree). */
  resolved: SourceFile[];
}

export interface GitlabPipeline {
  root: SourceFile;
  /** The root and every local file it includes, transitively. */
  files: SourceFile[];
  stages: string[];
  includes: GlcInclude[];
  definitions: GlcDefinition[];
  jobs: GlcJob[];
}

const RESERVED = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
  'spec',
]);
/** Keys a job inherits from `default:` (and, for some, from the legacy top-level globals). */
const DEFAULT_KEYS = new Set(['image', 'services', 'before_script', 'after_script', 'cache', 'tags', 'artifacts']);
const LEGACY_GLOBALS = new Set(['image', 'services', 'before_script', 'after_script', 'cache']);
const DEFAULT_STAGES = ['build', 'test', 'deploy'];
const MAX_DEPTH = 11;

/** Every GitLab pipeline of the project: one per `.gitlab-ci.yml` that no other pipeline file includes. */
export function gitlabPipelines(project: Project): GitlabPipeline[] {
  return project.cached('gitlab-pipelines', () => {
    const ciFiles = project.ofKind('gitlab-ci').filter((f) => !hasParseError(f));
    const included = new Set<string>();
    for (const f of ciFiles) {
      for (const inc of includesOf(project, f, new Set([f.path]), 0)) {
        for (const r of inc.resolved) if (r !== f) included.add(r.path);
      }
    }
    return ciFiles.filter((f) => !included.has(f.path)).map((f) => buildPipeline(project, f));
  });
}

interface YamlMapDoc {
  file: SourceFile;
  doc: Document;
  root: Node;
}

function mapDocs(file: SourceFile): YamlMapDoc[] {
  return parseYaml(file)
    .documents.filter((d) => isMap(d.contents))
    .map((d) => ({ file, doc: d.doc, root: d.contents as Node }));
}

function locate(file: SourceFile, node: unknown): { start: number; end: number; range: Range } {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  const start = r?.[0] ?? 0;
  const end = r?.[1] ?? start;
  return { start, end, range: file.range(start, end) };
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** The `include:` entries of a file, local ones resolved (recursively) against the pipeline's directory. */
function includesOf(project: Project, file: SourceFile, seen: Set<string>, depth: number, base = dirOf(file.path)) {
  const out: GlcInclude[] = [];
  for (const { doc, root } of mapDocs(file)) {
    const node = getNode(root, 'include', doc);
    const list = isSeq(node) ? (node as YAMLSeq).items.map((i) => resolve(i, doc)) : node ? [node] : [];
    for (const item of list) {
      const entry = includeEntry(item, doc);
      if (!entry) continue;
      const inc: GlcInclude = { file, ...locate(file, item), ...entry, resolved: [] };
      if (inc.kind === 'local' && depth < MAX_DEPTH) {
        for (const target of localTargets(project, base, inc.value)) {
          if (seen.has(target.path) || hasParseError(target)) continue;
          seen.add(target.path);
          inc.resolved.push(target);
          out.push(...includesOf(project, target, seen, depth + 1, base));
        }
      }
      out.push(inc);
    }
  }
  return out;
}

function includeEntry(item: Node | undefined, doc: Document): { kind: GlcIncludeKind; value: string } | undefined {
  const bare = scalarString(item);
  if (bare !== undefined) return { kind: /^https?:\/\//.test(bare) ? 'remote' : 'local', value: bare };
  for (const kind of ['local', 'template', 'remote', 'project', 'component'] as const) {
    const value = scalarString(getNode(item, kind, doc));
    if (value !== undefined) return { kind, value };
  }
  return undefined;
}

function localTargets(project: Project, base: string, value: string): SourceFile[] {
  const rel = `${base}${value.replace(/^\/+/, '')}`;
  if (!/[*?[{]/.test(rel)) {
    const f = project.get(rel);
    return f ? [f] : [];
  }
  const match = picomatch(rel, { dot: true });
  return project.files.filter((f) => match(f.path) && /\.ya?ml$/.test(f.path));
}

// Building a pipeline

class Resolver {
  readonly byName = new Map<string, GlcDefinition[]>();
  readonly defaults: YamlMapDoc[] = [];
  readonly globals: YamlMapDoc[] = [];

  /** The value of `key` for a job, as GitLab resolves it; `seen` guards `extends` cycles. */
  lookup(name: string, key: string, depth = 0, seen = new Set<string>()): GlcValue | undefined {
    if (depth > MAX_DEPTH || seen.has(name)) return undefined;
    seen.add(name);
    const defs = this.byName.get(name) ?? [];
    for (const def of defs) {
      const node = getNode(def.node, key, def.doc);
      if (node !== undefined) return { file: def.file, doc: def.doc, node, ...locate(def.file, node) };
    }
    for (const parent of [...this.extendsOf(name)].reverse()) {
      const found = this.lookup(parent, key, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** With `default:` and legacy globals, for a job (not a template lookup). */
  lookupForJob(name: string, key: string): GlcValue | undefined {
    const own = this.lookup(name, key);
    if (own || !DEFAULT_KEYS.has(key)) return own;
    for (const d of this.defaults) {
      const node = getNode(getNode(d.root, 'default', d.doc), key, d.doc);
      if (node !== undefined) return { file: d.file, doc: d.doc, node, ...locate(d.file, node) };
    }
    if (!LEGACY_GLOBALS.has(key)) return undefined;
    for (const g of this.globals) {
      const node = getNode(g.root, key, g.doc);
      if (node !== undefined) return { file: g.file, doc: g.doc, node, ...locate(g.file, node) };
    }
    return undefined;
  }

  extendsOf(name: string): string[] {
    for (const def of this.byName.get(name) ?? []) {
      const node = getNode(def.node, 'extends', def.doc);
      if (node === undefined) continue;
      return isSeq(node)
        ? (node as YAMLSeq).items.flatMap((i) => scalarString(resolve(i, def.doc)) ?? [])
        : [scalarString(node) ?? ''];
    }
    return [];
  }
}

function buildPipeline(project: Project, root: SourceFile): GitlabPipeline {
  const includes = includesOf(project, root, new Set([root.path]), 0);
  const files = [root, ...includes.flatMap((i) => i.resolved)];
  const resolver = new Resolver();
  const definitions: GlcDefinition[] = [];
  let stages: string[] | undefined;
  // The root file overrides what it includes: its definitions are looked up first.
  for (const file of files) {
    for (const d of mapDocs(file)) {
      resolver.defaults.push(d);
      resolver.globals.push(d);
      for (const [name, keyNode, value] of entries(d.root, d.doc)) {
        if (name === 'stages' && stages === undefined && isSeq(value)) {
          stages = (value as YAMLSeq).items.flatMap((i) => scalarString(resolve(i, d.doc)) ?? []);
        }
        if (RESERVED.has(name) || !isMap(value)) continue;
        const def: GlcDefinition = {
          name,
          hidden: name.startsWith('.'),
          node: value,
          doc: d.doc,
          file,
          ...locate(file, value),
          keyRange: locate(file, keyNode).range,
        };
        definitions.push(def);
        const list = resolver.byName.get(name);
        if (list) list.push(def);
        else resolver.byName.set(name, [def]);
      }
    }
  }
  const stageOrder = ['.pre', ...(stages ?? DEFAULT_STAGES), '.post'];
  const jobs: GlcJob[] = [];
  const done = new Set<string>();
  for (const def of definitions) {
    if (def.hidden || done.has(def.name)) continue;
    done.add(def.name);
    jobs.push(jobOf(resolver, def, stageOrder));
  }
  return { root, files, stages: stageOrder, includes, definitions, jobs };
}

function str(v: GlcValue | undefined): string | undefined {
  return v ? scalarString(v.node) : undefined;
}

function stringList(v: GlcValue | undefined, key?: string): string[] {
  if (!v) return [];
  const list = isSeq(v.node) ? (v.node as YAMLSeq).items.map((i) => resolve(i, v.doc)) : [v.node];
  return list.flatMap((n) => scalarString(key && isMap(n) ? getNode(n, key, v.doc) : n) ?? []);
}

function jobOf(resolver: Resolver, def: GlcDefinition, stageOrder: string[]): GlcJob {
  const get = (key: string) => resolver.lookupForJob(def.name, key);
  const stage = str(get('stage')) ?? 'test';
  const scripts = (['before_script', 'script', 'after_script'] as const).flatMap((phase) =>
    scriptLines(resolver, get(phase), phase, 0),
  );
  const activities: GlcActivity[] = scripts.flatMap((line) =>
    classifyScript(line.shell).map(({ command, start, end, ...rest }) => ({
      ...rest,
      command,
      phase: line.phase,
      file: line.file,
      start,
      end,
      range: line.file.range(start, end),
    })),
  );
  const envValue = get('environment');
  const rules = get('rules');
  return {
    name: def.name,
    definition: def,
    file: def.file,
    keyRange: def.keyRange,
    stage,
    stageIndex: stageOrder.indexOf(stage),
    image: imageOf(get('image')),
    services: servicesOf(get('services')),
    scripts,
    activities,
    when: str(get('when')),
    rulesWhen:
      rules && isSeq(rules.node)
        ? (rules.node as YAMLSeq).items.map((i) => scalarString(getNode(resolve(i, rules.doc), 'when', rules.doc)))
        : [],
    environment: envValue ? environmentOf(envValue) : undefined,
    needs: get('needs') ? stringList(get('needs'), 'job') : undefined,
    extends: resolver.extendsOf(def.name),
  };
}

function imageOf(v: GlcValue | undefined): GlcImage | undefined {
  if (!v) return undefined;
  const node = isMap(v.node) ? getNode(v.node, 'name', v.doc) : v.node;
  const value = scalarString(node);
  if (value === undefined || !node) return undefined;
  return { file: v.file, value, ...locate(v.file, node) };
}

function servicesOf(v: GlcValue | undefined): GlcImage[] {
  if (!v || !isSeq(v.node)) return [];
  return (v.node as YAMLSeq).items.flatMap((i) => imageOf({ ...v, node: resolve(i, v.doc) as Node }) ?? []);
}

function environmentOf(v: GlcValue): GlcEnvironment {
  const field = (key: string) => (isMap(v.node) ? scalarString(getNode(v.node, key, v.doc)) : undefined);
  return {
    file: v.file,
    ...locate(v.file, v.node),
    name: isMap(v.node) ? field('name') : scalarString(v.node),
    tier: field('deployment_tier'),
    action: field('action'),
  };
}

/** Script lines of a phase: strings, a block string, nested lists, and `!reference [job, key]` tags. */
function scriptLines(
  resolver: Resolver,
  v: GlcValue | undefined,
  phase: GlcScriptLine['phase'],
  depth: number,
): GlcScriptLine[] {
  if (!v || depth > MAX_DEPTH) return [];
  const { node, doc, file } = v;
  if (isScalar(node)) {
    const line = scriptLine(file, node, phase);
    return line ? [line] : [];
  }
  if (!isSeq(node)) return [];
  const tag = (node as { tag?: string }).tag;
  if (tag === '!reference') {
    const path = (node as YAMLSeq).items.map((i) => scalarString(resolve(i, doc)) ?? '');
    const [job, key, ...rest] = path;
    if (job === undefined || key === undefined) return [];
    let target = resolver.lookup(job, key);
    for (const step of rest) {
      if (!target) break;
      const n = getNode(target.node, step, target.doc);
      target = n ? { ...target, node: n, ...locate(target.file, n) } : undefined;
    }
    return scriptLines(resolver, target, phase, depth + 1);
  }
  return (node as YAMLSeq).items.flatMap((item) => {
    const n = resolve(item, doc);
    return n ? scriptLines(resolver, { ...v, node: n, ...locate(file, n) }, phase, depth + 1) : [];
  });
}

function scriptLine(file: SourceFile, node: Node, phase: GlcScriptLine['phase']): GlcScriptLine | undefined {
  const source = scalarSource(file.text, node);
  if (!source) return undefined;
  // CI/CD inputs (`$[[ inputs.env ]]`) are substituted before the shell runs.
  const masks: Span[] = [...source.value.matchAll(/\$\[\[[\s\S]*?\]\]/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const shell = parseEmbeddedShell(file.text, { value: source.value, offsetOf: (i) => source.offsetOf(i) }, masks);
  return { file, phase, value: source.value, shell, ...locate(file, node) };
}

/** The jobs a job depends on: its `needs` (transitively), or, without `needs:`, every job of an earlier stage. */
export function upstreamGitlabJobs(pipeline: GitlabPipeline, job: GlcJob): GlcJob[] {
  const byName = new Map(pipeline.jobs.map((j) => [j.name, j]));
  const out = new Set<GlcJob>();
  const visit = (j: GlcJob, depth: number) => {
    if (depth > MAX_DEPTH * 4) return;
    // `needs: []` starts the job at once: it depends on nothing, not on the earlier stages.
    const deps =
      j.needs !== undefined
        ? j.needs.flatMap((n) => byName.get(n) ?? [])
        : pipeline.jobs.filter((o) => o.stageIndex >= 0 && o.stageIndex < j.stageIndex);
    for (const d of deps) {
      if (out.has(d) || d === job) continue;
      out.add(d);
      visit(d, depth + 1);
    }
  };
  visit(job, 0);
  return [...out];
}

/** The job's `when: manual`, at job level or in one of its `rules:`. */
export function isManual(job: GlcJob): boolean {
  return job.when === 'manual' || job.rulesWhen.includes('manual');
}

/** A job that deploys: a deploy command, or an `environment:` that starts a deployment. */
export function isDeployJob(job: GlcJob): boolean {
  if (job.activities.some((a) => a.category === 'deploy')) return true;
  const env = job.environment;
  return env !== undefined && env.name !== undefined && (env.action === undefined || env.action === 'start');
}

/** Why a deploy job counts as production (for messages), or undefined. */
export function prodReasonOf(job: GlcJob, isProd: (...names: (string | undefined)[]) => boolean): string | undefined {
  if (isProd(job.name.trim().replace(/\s+/g, '-'))) return `job \`${job.name}\``;
  if (job.environment?.name !== undefined && isProd(job.environment.name.replace(/\s+/g, '-'))) {
    return `environment \`${job.environment.name}\``;
  }
  for (const a of job.activities) {
    if (a.category !== 'deploy') continue;
    const target = a.targets.find((t) => isProd(t));
    if (target !== undefined) return `\`${a.label}\` targets \`${target}\``;
  }
  if (isProd(job.file.path)) return `file \`${job.file.path}\``;
  return undefined;
}
