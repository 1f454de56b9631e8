/**
 * Which CI files run a secret scanner (SEC005): gitleaks, trufflehog, secretlint, detect-secrets, ggshield,
 * Nosey Parker, GitLab Secret Detection, trivy with its secret scanner, or pre-commit running one of those.
 */
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import { entries, getNode, items, parseYaml, scalarString } from '../parsers/yaml.js';

/** Tools that scan for secrets whatever their flags. */
const SCANNER_TOOLS: readonly [string, RegExp][] = [
  ['gitleaks', /\bgitleaks\b/i],
  ['trufflehog', /\btrufflehog\b/i],
  ['secretlint', /\bsecretlint\b/i],
  ['detect-secrets', /\bdetect-secrets\b/i],
  ['ggshield', /\bggshield\b|gitguardian\/ggshield/i],
  ['noseyparker', /\bnosey-?parker\b/i],
  ['GitLab Secret Detection', /Secret-Detection(?:\.latest)?\.gitlab-ci\.yml|^secret_detection:/m],
];

/** trivy subcommands whose default scanners include `secret` (vuln,secret). */
const TRIVY_SECRET_BY_DEFAULT = /^(?:fs|filesystem|repo|repository|rootfs)$/;
const TRIVY_SCANNERS_FLAG = /--(?:scanners|security-checks)(?:=|\s+)["']?([\w,]+)/;

/** Comments out of the way (`#` in YAML, `//` and block comments in Groovy); `\`-continued lines joined. */
function codeOf(file: SourceFile): string {
  const text = file.text.replace(/\\\r?\n/g, ' ');
  if (file.kind === 'jenkinsfile') return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  return text.replace(/(^|\s)#.*$/gm, '$1');
}

/** A `trivy` command line that runs the secret scanner. */
function trivyScansSecrets(code: string): boolean {
  for (const m of code.matchAll(/\btrivy\s+(?:--?[\w-]+(?:[= ][^\s-]\S*)?\s+)*([a-z]+)\b([^\n]*)/g)) {
    const sub = m[1] ?? '';
    const flags = TRIVY_SCANNERS_FLAG.exec(m[2] ?? '');
    if (flags) {
      if ((flags[1] ?? '').split(',').includes('secret')) return true;
    } else if (TRIVY_SECRET_BY_DEFAULT.test(sub)) {
      return true;
    }
  }
  return false;
}

/** `aquasecurity/trivy-action` steps: `scanners: secret`, or a fs/repo/rootfs scan with default scanners. */
function trivyActionScansSecrets(file: SourceFile): boolean {
  if (file.kind !== 'github-workflow' || !file.text.includes('trivy-action')) return false;
  for (const d of parseYaml(file).documents) {
    for (const [, , job] of entries(getNode(d.contents, 'jobs', d.doc), d.doc)) {
      for (const step of items(getNode(job, 'steps', d.doc), d.doc)) {
        if (!scalarString(getNode(step, 'uses', d.doc))?.includes('aquasecurity/trivy-action')) continue;
        const input = (name: string) => scalarString(getNode(getNode(step, 'with', d.doc), name, d.doc));
        const scanners = input('scanners');
        if (scanners !== undefined && scanners.trim() !== '') {
          if (scanners.split(',').some((s) => s.trim() === 'secret')) return true;
        } else if (TRIVY_SECRET_BY_DEFAULT.test(input('scan-type') ?? 'image')) {
          return true;
        }
      }
    }
  }
  return false;
}

const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';
const PRE_COMMIT_RUN = /\bpre-commit\s+run\b|pre-commit\/action@|\bprek\s+run\b/;

/** The secret scanner a CI file runs, or undefined. */
export function secretScannerIn(file: SourceFile, project?: Project): string | undefined {
  const code = codeOf(file);
  for (const [tool, pattern] of SCANNER_TOOLS) if (pattern.test(code)) return tool;
  if (/\btrivy\b/.test(code) && trivyScansSecrets(code)) return 'trivy';
  if (trivyActionScansSecrets(file)) return 'trivy-action';
  if (project && PRE_COMMIT_RUN.test(code)) {
    const config = project.get(PRE_COMMIT_CONFIG) ?? project.get('.pre-commit-config.yml');
    const hook = config && SCANNER_TOOLS.find(([, pattern]) => pattern.test(config.text));
    if (hook) return `pre-commit (${hook[0]})`;
  }
  return undefined;
}

/** Where the repository gets secret scanning from (a CI file, or GitHub's secret scanning config), or undefined. */
export function repoSecretScanning(project: Project, ciFiles: readonly SourceFile[]): string | undefined {
  if (project.has('.github/secret_scanning.yml') || project.has('.github/secret_scanning.yaml')) {
    return 'GitHub secret scanning';
  }
  for (const file of ciFiles) {
    const tool = secretScannerIn(file, project);
    if (tool !== undefined) return `${tool} in ${file.path}`;
  }
  return undefined;
}
