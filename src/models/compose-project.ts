/**
 * Compose projects: the compose files of one directory (`docker-compose.yml` + `docker-compose.override.yml`
 * + `docker-compose.prod.yml` …) merged per service, as `docker compose -f base -f override` would.
 * Merged values keep the file and range of the definition that wins, so findings point at the file and
 * line that really hold the value.
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { RuleSettings } from '../core/rule.js';
import type { SourceFile } from '../core/source-file.js';
import {
  type ComposeBuild,
  type ComposeDependency,
  type ComposeEnvEntry,
  type ComposeEnvFile,
  type ComposeFile,
  type ComposeFlag,
  type ComposeHealthcheck,
  type ComposeLabel,
  type ComposeLimit,
  type ComposeName,
  type ComposePort,
  type ComposeService,
  type ComposeText,
  type ComposeVolume,
  composeFile,
} from './compose.js';

export interface MergedService {
  name: string;
  /** Definitions in merge order (base file first). */
  definitions: ComposeService[];
  /** Where the service is first declared: findings about a *missing* value are reported on its key. */
  primary: ComposeService;
  image?: ComposeText;
  build?: ComposeBuild;
  user?: ComposeText;
  privileged?: ComposeFlag;
  readOnly?: ComposeFlag;
  healthcheck?: ComposeHealthcheck;
  restart?: ComposeText;
  command?: ComposeText;
  entrypoint?: ComposeText;
  networkMode?: ComposeText;
  pid?: ComposeText;
  ipc?: ComposeText;
  /** The last definition of each limit key. */
  limits: ComposeLimit[];
  /** Last value per key. */
  environment: ComposeEnvEntry[];
  envFiles: ComposeEnvFile[];
  ports: ComposePort[];
  volumes: ComposeVolume[];
  /** Union by network name. */
  networks: ComposeName[];
  capDrop: ComposeText[];
  securityOpt: ComposeText[];
  profiles: ComposeText[];
  dependsOn: ComposeDependency[];
  /** Last value per key. */
  labels: ComposeLabel[];
}

export interface ComposeProject {
  /** Repo-relative directory ('' for the root). */
  dir: string;
  /** Files in merge order. */
  files: ComposeFile[];
  services: MergedService[];
  /** Top-level network definitions of every file. */
  networks: ComposeName[];
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Base files first, then `*.override.*`, then the other variants by name. */
function mergeRank(path: string): number {
  const base = posix.basename(path).toLowerCase();
  if (BASE_NAMES.includes(base)) return 0;
  if (/\.override\.ya?ml$/.test(base)) return 1;
  return 2;
}

/** Every compose project of the review, built once and cached on the project. */
export function composeProjects(project: Project): ComposeProject[] {
  return project.cached('compose-projects', () => {
    const byDir = new Map<string, SourceFile[]>();
    for (const file of project.ofKind('compose')) {
      const dir = posix.dirname(file.path);
      const key = dir === '.' ? '' : dir;
      byDir.set(key, [...(byDir.get(key) ?? []), file]);
    }
    return [...byDir.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([dir, files]) => {
        const ordered = [...files].sort(
          (a, b) => mergeRank(a.path) - mergeRank(b.path) || a.path.localeCompare(b.path),
        );
        return buildProject(dir, ordered.map(composeFile));
      });
  });
}

/** The compose project a file belongs to. */
export function composeProjectOf(project: Project, file: SourceFile): ComposeProject | undefined {
  return composeProjects(project).find((p) => p.files.some((f) => f.file === file));
}

/** True when any file of the project is a production file (`docker-compose.prod.yml`, `deploy/prod/…`). */
export function isProdComposeProject(compose: ComposeProject, settings: RuleSettings): boolean {
  return compose.files.some((f) => settings.isProd(f.file.path));
}

function buildProject(dir: string, files: ComposeFile[]): ComposeProject {
  const byName = new Map<string, ComposeService[]>();
  for (const f of files) for (const s of f.services) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  return {
    dir,
    files,
    services: [...byName.values()].map(mergeService),
    networks: files.flatMap((f) => f.networks),
  };
}

const LAST_WINS = [
  'image',
  'build',
  'user',
  'privileged',
  'readOnly',
  'healthcheck',
  'restart',
  'command',
  'entrypoint',
  'networkMode',
  'pid',
  'ipc',
] as const;

export function mergeService(definitions: ComposeService[]): MergedService {
  const primary = definitions[0] as ComposeService;
  const merged: MergedService = {
    name: primary.name,
    definitions,
    primary,
    limits: lastByKey(
      definitions.flatMap((d) => d.limits),
      (l) => l.key,
    ),
    environment: lastByKey(
      definitions.flatMap((d) => d.environment),
      (e) => e.key,
    ),
    envFiles: definitions.flatMap((d) => d.envFiles),
    ports: definitions.flatMap((d) => d.ports),
    volumes: definitions.flatMap((d) => d.volumes),
    networks: lastByKey(
      definitions.flatMap((d) => d.networks),
      (n) => n.name,
    ),
    capDrop: definitions.flatMap((d) => d.capDrop),
    securityOpt: definitions.flatMap((d) => d.securityOpt),
    profiles: definitions.flatMap((d) => d.profiles),
    dependsOn: definitions.flatMap((d) => d.dependsOn),
    labels: lastByKey(
      definitions.flatMap((d) => d.labels),
      (l) => l.key,
    ),
  };
  for (const d of definitions) {
    for (const key of LAST_WINS) {
      const value = d[key];
      // Each field keeps its own type; the loop only copies defined values over earlier ones.
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

function lastByKey<T>(list: T[], keyOf: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of list) {
    const key = keyOf(item);
    map.delete(key); // re-insert so the order follows the winning definition
    map.set(key, item);
  }
  return [...map.values()];
}

/** A service's line for messages: `line 12` in the same file, `docker-compose.prod.yml:12` elsewhere. */
export function whereIs(service: ComposeService, from: SourceFile): string {
  return service.file === from ? `line ${service.keyRange.line}` : `${service.file.path}:${service.keyRange.line}`;
}
