/**
 * The Docker Compose model of one file: services with every field the CMP rules read, each value
 * carrying the file and range that hold it (so cross-file checks report where the value really is).
 * Multi-file projects (base + overrides) are merged in compose-project.ts.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getKeyNode,
  getNode,
  isMap,
  items,
  type Node,
  parseYaml,
  scalarString,
} from '../parsers/yaml.js';
import {
  buildOf,
  composeText,
  dependencies,
  envFiles,
  environment,
  flag,
  healthcheckOf,
  labels,
  limits,
  listOrScalar,
  networkRefs,
  port,
  rangeOf,
  spanOf,
  volume,
} from './compose-fields.js';

export { composeText, parseShortPort, rangeOf, repoPath } from './compose-fields.js';

/** A value and where it is. */
export interface Located {
  file: SourceFile;
  range: Range;
}

/** A scalar (or a sequence joined by spaces) with its raw text and its interpolated value. */
export interface ComposeText extends Located {
  raw: string;
  /** `${VAR:-default}` resolved to the default; references with no default become ''. */
  value: string;
  /** True when a reference without a default took part (the real value is only known at deploy time). */
  unresolved: boolean;
}

export interface ComposeFlag extends Located {
  value: boolean;
}

export interface ComposeEnvEntry extends Located {
  key: string;
  keyRange: Range;
  /** Absent for pass-through entries (`KEY:` with no value, or `- KEY`). */
  value?: ComposeText;
}

export interface ComposeEnvFile extends Located {
  /** Repo-relative POSIX path (undefined when it leaves the repository). */
  path: string | undefined;
  raw: string;
  required: boolean;
}

export interface ComposePort extends Located {
  raw: string;
  hostIp?: string;
  /** Published host port or range; absent when Docker picks an ephemeral one. */
  published?: string;
  target?: string;
  protocol?: string;
}

export interface ComposeVolume extends Located {
  raw: string;
  type?: string;
  source?: string;
  target?: string;
}

export interface ComposeName extends Located {
  name: string;
}

export interface ComposeBuild extends Located {
  context: string;
  /** Repo-relative path of the Dockerfile when it is local (not a remote context, not inline). */
  dockerfile?: string;
  inline: boolean;
  remote: boolean;
  /** `build.target`: the stage that is built instead of the last one. */
  target?: string;
}

export interface ComposeHealthcheck extends Located {
  /** Where the healthcheck is turned off (`disable: true` or `test: ["NONE"]`). */
  disabled?: Located;
}

export interface ComposeLimit extends Located {
  kind: 'memory' | 'cpus';
  /** The key that set it: `deploy.resources.limits.memory`, `mem_limit`, `cpus`, `cpu_quota`. */
  key: string;
}

export interface ComposeDependency extends Located {
  service: string;
  condition?: string;
}

export interface ComposeLabel extends Located {
  key: string;
  value: string;
}

/** One service as declared in one file. Lists are empty when the key is absent. */
export interface ComposeService {
  name: string;
  file: SourceFile;
  keyRange: Range;
  image?: ComposeText;
  build?: ComposeBuild;
  user?: ComposeText;
  privileged?: ComposeFlag;
  readOnly?: ComposeFlag;
  healthcheck?: ComposeHealthcheck;
  limits: ComposeLimit[];
  restart?: ComposeText;
  command?: ComposeText;
  entrypoint?: ComposeText;
  profiles: ComposeText[];
  dependsOn: ComposeDependency[];
  environment: ComposeEnvEntry[];
  envFiles: ComposeEnvFile[];
  ports: ComposePort[];
  volumes: ComposeVolume[];
  /** Networks the service joins (`networks:` list or map keys). */
  networks: ComposeName[];
  networkMode?: ComposeText;
  pid?: ComposeText;
  ipc?: ComposeText;
  capDrop: ComposeText[];
  securityOpt: ComposeText[];
  labels: ComposeLabel[];
}

export interface ComposeFile {
  file: SourceFile;
  services: ComposeService[];
  /** The `services:` key. */
  servicesKey?: Located;
  /** Top-level network definitions. */
  networks: ComposeName[];
  /** The obsolete top-level `version:` entry (key through value). */
  version?: ComposeText;
}

/** The compose model of a file, parsed once and cached on the file. */
export function composeFile(file: SourceFile): ComposeFile {
  return file.cached('compose-model', () => buildComposeFile(file));
}

function buildComposeFile(file: SourceFile): ComposeFile {
  const first = parseYaml(file).documents[0];
  const out: ComposeFile = { file, services: [], networks: [] };
  if (!first || !isMap(first.contents)) return out;
  const { doc } = first;
  const root = first.contents;
  const at = (node: unknown): Located => ({ file, range: rangeOf(file, node) });

  const servicesKey = getKeyNode(root, 'services', doc);
  if (servicesKey) out.servicesKey = at(servicesKey);
  for (const [name, keyNode, value] of entries(getNode(root, 'services', doc), doc)) {
    out.services.push(buildService(file, doc, name, keyNode, value));
  }
  for (const [name, keyNode] of entries(getNode(root, 'networks', doc), doc)) {
    out.networks.push({ name, ...at(keyNode) });
  }
  for (const [key, keyNode, value] of entries(root, doc)) {
    if (key !== 'version') continue;
    const raw = scalarString(value) ?? '';
    out.version = { file, range: spanOf(file, keyNode, value ?? keyNode), raw, value: raw, unresolved: false };
  }
  return out;
}

function buildService(
  file: SourceFile,
  doc: Document,
  name: string,
  keyNode: Node | undefined,
  node: Node | undefined,
): ComposeService {
  const get = (key: string) => getNode(node, key, doc);
  const text = (n: unknown) => composeText(file, doc, n);
  const svc: ComposeService = {
    name,
    file,
    keyRange: rangeOf(file, keyNode),
    limits: [],
    profiles: items(get('profiles'), doc).flatMap((n) => text(n) ?? []),
    dependsOn: dependencies(file, doc, get('depends_on')),
    environment: environment(file, doc, get('environment')),
    envFiles: envFiles(file, doc, get('env_file')),
    ports: items(get('ports'), doc).flatMap((n) => port(file, doc, n) ?? []),
    volumes: items(get('volumes'), doc).flatMap((n) => volume(file, doc, n) ?? []),
    networks: networkRefs(file, doc, get('networks')),
    capDrop: listOrScalar(doc, get('cap_drop')).flatMap((n) => text(n) ?? []),
    securityOpt: listOrScalar(doc, get('security_opt')).flatMap((n) => text(n) ?? []),
    labels: labels(file, doc, get('labels')),
  };
  const textFields = [
    ['image', 'image'],
    ['user', 'user'],
    ['restart', 'restart'],
    ['command', 'command'],
    ['entrypoint', 'entrypoint'],
    ['network_mode', 'networkMode'],
    ['pid', 'pid'],
    ['ipc', 'ipc'],
  ] as const;
  for (const [key, field] of textFields) {
    const value = text(get(key));
    if (value) svc[field] = value;
  }
  const privileged = flag(file, get('privileged'));
  if (privileged) svc.privileged = privileged;
  const readOnly = flag(file, get('read_only'));
  if (readOnly) svc.readOnly = readOnly;
  const build = buildOf(file, doc, get('build'));
  if (build) svc.build = build;
  const healthcheck = healthcheckOf(file, doc, get('healthcheck'));
  if (healthcheck) svc.healthcheck = healthcheck;
  svc.limits = limits(file, doc, node);
  return svc;
}
