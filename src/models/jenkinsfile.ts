/**
 * The Jenkinsfile model (declarative `pipeline { … }` and scripted `node { … }`): stages with their steps,
 * `when { branch … }` guards, `input` approvals, `environment { … }` assignments, and `sh` scripts parsed
 * as shell with offsets mapped back through the Groovy string (escapes and `${…}` interpolations).
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type GroovyCall,
  type GroovyFile,
  type GroovyString,
  type GroovyToken,
  parseGroovy,
  stringOffsetOf,
  walkCalls,
} from '../parsers/groovy.js';
import type { ShellScript } from '../parsers/shell.js';
import { type ClassifiedCommand, type CommandClass, classifyScript } from '../pipeline/commands.js';
import { fileSpan, parseEmbeddedShell } from '../pipeline/embedded-shell.js';

export interface JenkinsScript {
  /** The string token holding the script. */
  token: GroovyToken;
  string: GroovyString;
  shell: ShellScript;
}

export interface JenkinsActivity extends CommandClass {
  start: number;
  end: number;
  range: Range;
  command?: ClassifiedCommand['command'];
}

export interface JenkinsStep {
  name: string;
  call: GroovyCall;
  range: Range;
  /** `sh` script (POSIX shell), when given as one string literal. */
  script: JenkinsScript | undefined;
  activities: JenkinsActivity[];
  stage: JenkinsStage | undefined;
}

export interface JenkinsStage {
  name: string;
  call: GroovyCall;
  /** `stage('Deploy prod')`: from `stage` to the closing parenthesis. */
  headerRange: Range;
  parent: JenkinsStage | undefined;
  /** Steps inside the stage (not inside a nested stage). */
  steps: JenkinsStep[];
  /** Calls inside the stage's `when { … }` directive. */
  when: GroovyCall | undefined;
  environment: JenkinsAssignment[];
}

/** `NAME = value` in an `environment { … }` block. */
export interface JenkinsAssignment {
  name: string;
  nameRange: Range;
  /** The value tokens. */
  value: GroovyToken[];
  /** The value when it is one string literal. */
  string: GroovyToken | undefined;
  /** The value calls `credentials('id')`. */
  credentials: boolean;
  stage: JenkinsStage | undefined;
}

export interface JenkinsPipeline {
  file: SourceFile;
  groovy: GroovyFile;
  declarative: boolean;
  stages: JenkinsStage[];
  steps: JenkinsStep[];
  environment: JenkinsAssignment[];
  /**
   * Variables that hold Jenkins credentials: bound by `withCredentials([...])` (`variable`, `usernameVariable`,
   * `passwordVariable`, `keyFileVariable` …) or by `NAME = credentials('id')` (plus its `_USR`/`_PSW` parts).
   */
  credentialVariables: string[];
}

const SCRIPT_STEPS = new Set(['sh', 'bat', 'powershell', 'pwsh']);

/** The model of a Jenkinsfile (cached on the file). */
export function jenkinsPipeline(file: SourceFile): JenkinsPipeline {
  return file.cached('jenkinsfile', () => build(file));
}

function build(file: SourceFile): JenkinsPipeline {
  const groovy = parseGroovy(file.text);
  const pipeline: JenkinsPipeline = {
    file,
    groovy,
    declarative: groovy.calls.some((c) => c.name === 'pipeline'),
    stages: [],
    steps: [],
    environment: [],
    credentialVariables: [],
  };
  const visit = (calls: readonly GroovyCall[], stage: JenkinsStage | undefined) => {
    for (const call of calls) {
      if (call.name === 'stage') {
        const child = stageOf(file, call, stage);
        pipeline.stages.push(child);
        visitInner(call, child);
        continue;
      }
      if (call.name === 'environment' && call.block) {
        const list = assignments(file, groovy.tokens, call, stage);
        pipeline.environment.push(...list);
        stage?.environment.push(...list);
      }
      if (call.name === 'when') {
        // A directive, not steps: `branch 'main'` inside it is a condition.
        if (stage && call.parent === stage.call) stage.when = call;
        continue;
      }
      if (call.name !== 'environment') {
        const step = stepOf(file, call, stage);
        pipeline.steps.push(step);
        stage?.steps.push(step);
      }
      visitInner(call, stage);
    }
  };
  const visitInner = (call: GroovyCall, stage: JenkinsStage | undefined) => {
    for (const arg of call.args) visit(arg.calls, stage);
    if (call.block) visit(call.block, stage);
  };
  visit(groovy.calls, undefined);
  pipeline.credentialVariables = credentialVariables(pipeline);
  return pipeline;
}

function credentialVariables(pipeline: JenkinsPipeline): string[] {
  const out = new Set<string>();
  for (const a of pipeline.environment) {
    if (!a.credentials) continue;
    for (const name of [a.name, `${a.name}_USR`, `${a.name}_PSW`]) out.add(name);
  }
  for (const call of walkCalls(pipeline.groovy.calls)) {
    if (call.name !== 'withCredentials') continue;
    for (const binding of call.args.flatMap((a) => a.calls)) {
      for (const arg of binding.args) {
        const value = arg.string?.string?.value;
        if (arg.name !== undefined && /Variable$|^variable$/.test(arg.name) && value !== undefined) out.add(value);
      }
    }
  }
  return [...out];
}

function stageOf(file: SourceFile, call: GroovyCall, parent: JenkinsStage | undefined): JenkinsStage {
  const arg = call.args.find((a) => a.name === undefined || a.name === 'name');
  const name = arg?.string?.string?.value ?? file.text.slice(arg?.start ?? call.nameEnd, arg?.end ?? call.nameEnd);
  return {
    name,
    call,
    headerRange: file.range(call.start, call.headEnd),
    parent,
    steps: [],
    when: undefined,
    environment: [],
  };
}

function stepOf(file: SourceFile, call: GroovyCall, stage: JenkinsStage | undefined): JenkinsStep {
  const step: JenkinsStep = {
    name: call.name,
    call,
    range: file.range(call.start, call.end),
    script: undefined,
    activities: [],
    stage,
  };
  if (SCRIPT_STEPS.has(call.name)) {
    const arg = call.args.find((a) => a.name === 'script') ?? call.args.find((a) => a.name === undefined);
    const token = arg?.string;
    if (token?.string && call.name === 'sh') {
      const s = token.string;
      const shell = parseEmbeddedShell(file.text, { value: s.value, offsetOf: stringOffsetOf(s) }, s.interpolations);
      step.script = { token, string: s, shell };
      for (const c of classifyScript(shell)) {
        const { command, start, end, ...rest } = c;
        step.activities.push({ ...rest, command, start, end, range: file.range(start, end) });
      }
    }
  }
  const groovyActivity = groovyStepActivity(call);
  if (groovyActivity) {
    step.activities.push({
      ...groovyActivity,
      start: call.start,
      end: call.end,
      range: file.range(call.start, call.end),
    });
  }
  return step;
}

/** Pipeline steps that do the same as a shell command (Docker Pipeline plugin, Kubernetes deploy plugins). */
function groovyStepActivity(call: GroovyCall): CommandClass | undefined {
  if (call.name === 'docker.build') return { category: 'image-build', label: 'docker.build', targets: [] };
  if (call.name === 'kubernetesDeploy' || call.name === 'kubeDeploy') {
    return { category: 'deploy', label: call.name, targets: [] };
  }
  return undefined;
}

function assignments(
  file: SourceFile,
  tokens: readonly GroovyToken[],
  block: GroovyCall,
  stage: JenkinsStage | undefined,
): JenkinsAssignment[] {
  const out: JenkinsAssignment[] = [];
  let i = block.blockFrom;
  while (i < block.blockTo) {
    const name = tokens[i];
    const eq = tokens[i + 1];
    if (name?.type !== 'ident' || eq?.type !== 'op' || eq.text !== '=') {
      i++;
      continue;
    }
    // The value runs to the end of the line (brackets may span lines).
    let j = i + 2;
    let depth = 0;
    const value: GroovyToken[] = [];
    while (j < block.blockTo) {
      const t = tokens[j] as GroovyToken;
      if (depth === 0 && value.length > 0 && t.newlineBefore) break;
      if (t.type === 'punct' && '([{'.includes(t.text)) depth++;
      if (t.type === 'punct' && ')]}'.includes(t.text)) depth--;
      value.push(t);
      j++;
    }
    out.push({
      name: name.text,
      nameRange: file.range(name.start, name.end),
      value,
      string: value.length === 1 && value[0]?.type === 'string' ? value[0] : undefined,
      credentials: value.some((t) => t.type === 'ident' && t.text === 'credentials'),
      stage,
    });
    i = j;
  }
  return out;
}

// Helpers the JNK rules share

/** The stage and its ancestors, innermost first. */
export function stageChain(stage: JenkinsStage): JenkinsStage[] {
  const out: JenkinsStage[] = [];
  for (let s: JenkinsStage | undefined = stage; s; s = s.parent) out.push(s);
  return out;
}

/** Every call in a stage (nested stages included). */
export function stageCalls(stage: JenkinsStage): GroovyCall[] {
  return [...walkCalls([stage.call])];
}

/** File span of a script value range. */
export function scriptSpan(file: SourceFile, script: JenkinsScript, start: number, end: number) {
  return fileSpan(file.text, { value: script.string.value, offsetOf: stringOffsetOf(script.string) }, start, end);
}
