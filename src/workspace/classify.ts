import { posix } from 'node:path';
import type { FileKind } from '../core/types.js';

/** Extensions never read: binaries and media are not DevOps artifacts and cannot hold reviewable text. */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico webp svgz tiff psd pdf zip gz tgz bz2 xz 7z rar jar war ear class so dylib dll exe bin o a ' +
    'woff woff2 ttf otf eot mp3 mp4 mov avi mkv wav flac ogg webm wasm pyc pyo db sqlite sqlite3 parquet avro orc ' +
    'iso img dmg deb rpm apk msi lock-binary'
  ).split(' '),
);

const SOURCE_EXTENSIONS = new Set([
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'mts',
  'cts',
  'tsx',
  'py',
  'go',
  'java',
  'kt',
  'rb',
]);

/** Directories never descended into, whatever .gitignore says. */
export const ALWAYS_IGNORED_DIRS = new Set(['.git', 'node_modules', '.terraform', '.venv', '__pycache__']);

export function isBinaryByName(path: string): boolean {
  const ext = posix.extname(path).slice(1).toLowerCase();
  return BINARY_EXTENSIONS.has(ext);
}

/**
 * Kind by name alone, or `undefined` when the content decides (YAML and JSON files).
 * `chartDirs` are directories holding a Chart.yaml (Helm files are recognised by their place in a chart).
 */
export function kindByName(path: string, chartDirs: ReadonlySet<string> = new Set()): FileKind | 'by-content' {
  const base = posix.basename(path);
  const lower = base.toLowerCase();
  const ext = posix.extname(lower).slice(1);

  if (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  ) {
    return 'dockerfile';
  }
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore')) return 'dockerignore';
  if (lower === 'jenkinsfile' || lower.startsWith('jenkinsfile.') || lower.endsWith('.jenkinsfile')) {
    return 'jenkinsfile';
  }
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.tf.json')) return 'terraform-json';
  if (lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json')) return 'tfvars';
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'dotenv';

  const chartDir = findChartDir(path, chartDirs);
  if (chartDir !== undefined) {
    const rel = chartDir === '' ? path : path.slice(chartDir.length + 1);
    if (rel === 'Chart.yaml') return 'helm-chart';
    if (rel.startsWith('templates/')) return 'helm-template';
    if (/^values[^/]*\.ya?ml$/i.test(rel)) return 'helm-values';
  }
  if (lower === 'chart.yaml') return 'helm-chart';

  if (ext === 'yml' || ext === 'yaml') {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return 'github-workflow';
    if (lower === 'action.yml' || lower === 'action.yaml') return 'github-action';
    if (lower === '.gitlab-ci.yml' || lower.endsWith('.gitlab-ci.yml')) return 'gitlab-ci';
    if (lower === 'kustomization.yaml' || lower === 'kustomization.yml') return 'kustomization';
    if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(lower)) return 'compose';
    return 'by-content';
  }
  if (lower === 'kustomization') return 'kustomization';
  if (ext === 'json') return 'by-content';
  if (SOURCE_EXTENSIONS.has(ext)) return 'source';
  return 'text';
}

function findChartDir(path: string, chartDirs: ReadonlySet<string>): string | undefined {
  if (chartDirs.size === 0) return undefined;
  let dir = posix.dirname(path);
  for (;;) {
    const key = dir === '.' ? '' : dir;
    if (chartDirs.has(key)) return key;
    if (dir === '.' || dir === '/' || dir === '') return undefined;
    dir = posix.dirname(dir);
  }
}

/** YAML kinds by content: cheap line-anchored probes, no parse. */
export function yamlKindByContent(text: string): FileKind {
  const has = (re: RegExp) => re.test(text);
  if (has(/^kind:\s*["']?PrometheusRule\b/m)) return 'prometheus-rules';
  if (has(/^apiVersion:\s*\S/m) && has(/^kind:\s*\S/m)) return 'k8s';
  if (has(/^groups:\s*$/m) && has(/^\s*-?\s*(alert|record):\s*\S/m)) return 'prometheus-rules';
  if (has(/^scrape_configs:/m) || (has(/^global:/m) && has(/^(rule_files|alerting):/m))) return 'prometheus-config';
  if (has(/^route:/m) && has(/^receivers:/m)) return 'alertmanager-config';
  if (has(/^services:\s*$/m) && has(/^\s{2,}(image|build):/m)) return 'compose';
  if (has(/^["']?on["']?:/m) && has(/^jobs:\s*$/m)) return 'github-workflow';
  if (has(/^stages:\s*$/m) || has(/^\s+script:\s*/m)) {
    if (has(/^[\w.-]+:\s*\n(\s+.*\n)*?\s+script:/m)) return 'gitlab-ci';
  }
  return 'yaml';
}

export function jsonKindByContent(text: string): FileKind {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (/"panels"\s*:/.test(head) && /"(schemaVersion|dashboard|title)"\s*:/.test(head)) return 'grafana-dashboard';
  return 'json';
}

export function classify(path: string, text: string, chartDirs?: ReadonlySet<string>): FileKind {
  const byName = kindByName(path, chartDirs);
  if (byName !== 'by-content') return byName;
  const lower = path.toLowerCase();
  return lower.endsWith('.json') ? jsonKindByContent(text) : yamlKindByContent(text);
}
