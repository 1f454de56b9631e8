/**
 * The Dockerfile model the DKR rules (and CMP001, cross-file) read. Built by parsers/dockerfile.ts;
 * every offset is into the Dockerfile's text and every range is already 1-based.
 */
import type { Range } from '../core/types.js';
import type { ShellScript } from '../parsers/shell.js';

/** A piece of the file: its text (as the rule should read it) and where it is. */
export interface DockerToken {
  text: string;
  start: number;
  end: number;
  range: Range;
}

/** `--name=value` flag of FROM/RUN/COPY/ADD/HEALTHCHECK; `options` splits `type=cache,target=/x`. */
export interface DockerFlag {
  name: string;
  value: string | undefined;
  options: ReadonlyMap<string, string | undefined>;
  range: Range;
}

/** A reference to an image: `registry/name:tag@sha256:…`, after ARG substitution. */
export interface ImageRef {
  /** The reference after substituting global ARG defaults. */
  reference: string;
  /** The token as written in FROM (`${BASE}` when it came from an ARG). */
  written: DockerToken;
  registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/node` is `node` when written so). */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
  /** ARG names substituted into the reference. */
  args: string[];
  /** True when a variable could not be resolved (ARG without default): the rule cannot know the image. */
  unresolved: boolean;
}

export interface KeyValue {
  key: string;
  keyRange: Range;
  /** Value with quotes removed; undefined for `ARG NAME` with no default. */
  value: string | undefined;
  valueRange: Range | undefined;
  /** The whole `KEY=value` pair. */
  range: Range;
}

interface InstructionBase {
  keyword: string;
  /** Whole instruction, continuation lines (and heredoc bodies) included. */
  range: Range;
  keywordRange: Range;
  start: number;
  end: number;
  /** Arguments after the flags, as the parser split them. */
  args: DockerToken[];
  flags: DockerFlag[];
  /** Index of the stage the instruction belongs to; -1 before the first FROM. */
  stage: number;
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  /** The base image; undefined for `scratch` and for stage references. */
  image: ImageRef | undefined;
  scratch: boolean;
  /** Index of the earlier stage named by `FROM <stage>`. */
  stageRef: number | undefined;
  /** `AS name`, lower-cased like BuildKit does. */
  alias: DockerToken | undefined;
  platform: string | undefined;
}

export interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  /** `shell`: `RUN cmd …`; `exec`: `RUN ["a","b"]`; `heredoc`: `RUN <<EOF` (the body is the script). */
  form: 'shell' | 'exec' | 'heredoc';
  /**
   * The parsed shell script; offsets are file offsets. Undefined for exec form (except
   * `["sh", "-c", "…"]`) and after a non-POSIX `SHELL` (PowerShell, cmd).
   */
  script: ShellScript | undefined;
  /** Exec-form words. */
  exec: DockerToken[];
  /** `--mount=` flags as option maps (`type`, `target`, `source` …). */
  mounts: ReadonlyMap<string, string | undefined>[];
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  sources: DockerToken[];
  destination: DockerToken | undefined;
  /** `--from=<stage|image>`. */
  from: string | undefined;
  chown: string | undefined;
  chmod: string | undefined;
  link: boolean;
  /** True for `COPY <<EOF /dest` (the source is inline). */
  heredoc: boolean;
}

export interface EnvInstruction extends InstructionBase {
  keyword: 'ENV' | 'ARG';
  pairs: KeyValue[];
}

export interface UserInstruction extends InstructionBase {
  keyword: 'USER';
  /** `app`, `1000:1000`, `root` … (empty when missing). */
  user: string;
  userRange: Range;
}

export interface ExposedPort {
  text: string;
  /** undefined when the port is a variable or a range. */
  port: number | undefined;
  protocol: string;
  range: Range;
}

export interface ExposeInstruction extends InstructionBase {
  keyword: 'EXPOSE';
  ports: ExposedPort[];
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  mode: 'none' | 'cmd' | 'invalid';
}

export interface OtherInstruction extends InstructionBase {
  keyword: Exclude<string, 'FROM' | 'RUN' | 'COPY' | 'ADD' | 'ENV' | 'ARG' | 'USER' | 'EXPOSE' | 'HEALTHCHECK'>;
}

export type DockerInstruction =
  | FromInstruction
  | RunInstruction
  | CopyInstruction
  | EnvInstruction
  | UserInstruction
  | ExposeInstruction
  | HealthcheckInstruction
  | OtherInstruction;

export interface DockerStage {
  index: number;
  from: FromInstruction;
  /** Lower-cased `AS` name. */
  name: string | undefined;
  /** The stage's instructions after its FROM. */
  instructions: DockerInstruction[];
}

export interface DockerDirective {
  name: string;
  value: string;
  range: Range;
}

export interface DockerfileModel {
  /** `# syntax=` / `# escape=` parser directives. */
  directives: DockerDirective[];
  escape: string;
  /** ARGs before the first FROM (the only ones FROM can use). */
  globalArgs: EnvInstruction[];
  stages: DockerStage[];
  /** Every instruction in file order (global ARGs included). */
  instructions: DockerInstruction[];
}

export const isFrom = (i: DockerInstruction): i is FromInstruction => i.keyword === 'FROM';
export const isRun = (i: DockerInstruction): i is RunInstruction => i.keyword === 'RUN';
export const isCopyOrAdd = (i: DockerInstruction): i is CopyInstruction => i.keyword === 'COPY' || i.keyword === 'ADD';
export const isEnvOrArg = (i: DockerInstruction): i is EnvInstruction => i.keyword === 'ENV' || i.keyword === 'ARG';
export const isUser = (i: DockerInstruction): i is UserInstruction => i.keyword === 'USER';
export const isExpose = (i: DockerInstruction): i is ExposeInstruction => i.keyword === 'EXPOSE';
export const isHealthcheck = (i: DockerInstruction): i is HealthcheckInstruction => i.keyword === 'HEALTHCHECK';

/** The final stage (the image `docker build` produces without `--target`). */
export function finalStage(model: DockerfileModel): DockerStage | undefined {
  return model.stages[model.stages.length - 1];
}

/** `root`, `0`, `root:*`, `0:*`. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0';
}

export interface FinalStageUser {
  /** The effective user of the final stage; undefined when no USER applies (the base image decides: root). */
  user: string | undefined;
  /** Where that USER is written (possibly in a stage the final one builds `FROM`). */
  range?: Range;
  runsAsRoot: boolean;
}

/**
 * Who the built image runs as: the last USER of the final stage, or of the stages it is built `FROM`
 * (USER carries over through `FROM <stage>`). No USER at all means root.
 */
export function finalStageUser(model: DockerfileModel): FinalStageUser {
  const seen = new Set<number>();
  let stage = finalStage(model);
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    const users = stage.instructions.filter(isUser);
    const last = users[users.length - 1];
    if (last) return { user: last.user, range: last.userRange, runsAsRoot: isRootUser(last.user) };
    const image = stage.from.image;
    // Distroless `:nonroot` / `:debug-nonroot` tags set USER 65532 in the base image itself.
    if (image?.tag !== undefined && /(^|-)nonroot$/.test(image.tag)) {
      return { user: 'nonroot', range: image.written.range, runsAsRoot: false };
    }
    stage = stage.from.stageRef === undefined ? undefined : model.stages[stage.from.stageRef];
  }
  return { user: undefined, runsAsRoot: true };
}

/**
 * The stages whose layers end up in the final image: the final stage and the stages it is built
 * `FROM`. Builder stages used only through `COPY --from` are discarded.
 */
export function shippedStages(model: DockerfileModel): DockerStage[] {
  const out: DockerStage[] = [];
  let stage = finalStage(model);
  while (stage && !out.includes(stage)) {
    out.push(stage);
    stage = stage.from.stageRef === undefined ? undefined : model.stages[stage.from.stageRef];
  }
  return out;
}
