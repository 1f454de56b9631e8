import { posix } from 'node:path';
import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { FILE_KINDS, type FileKind } from '../../core/types.js';
import { k8sObjects } from '../../models/k8s.js';
import { entries } from '../../parsers/yaml.js';
import { type AssignmentMode, findSecrets, isSopsEncrypted, SECRET_DETECTORS } from '../../secrets/detect.js';

// Kinds whose own rule reports secret-like keys set to literals (DKR004, CMP006, TF004, HLM004, KUS003,
// JNK003): the generic key=literal detector stays quiet there so a literal is reported once.
const DEDICATED_KINDS: ReadonlySet<FileKind> = new Set([
  'dockerfile',
  'compose',
  'terraform',
  'helm-values',
  'kustomization',
  'jenkinsfile',
]);
const QUOTED_KINDS: ReadonlySet<FileKind> = new Set(['json', 'grafana-dashboard', 'terraform-json', 'tfvars']);
// Prose: `password: hunter2` in a README is an example more often than a credential.
const PROSE_EXTENSIONS = new Set(['md', 'markdown', 'mdx', 'txt', 'rst', 'adoc', 'html', 'htm', 'csv', 'log', 'svg']);
const CODE_EXTENSIONS = new Set(
  'c h cc cpp hpp cs fs php rs swift scala groovy gradle kts lua pl pm r dart ex exs erl clj vue svelte'.split(' '),
);
const XML_EXTENSIONS = new Set(['xml', 'config', 'csproj', 'plist']);

/** How `key = literal` assignments are read in a file of this kind (see `AssignmentMode`). */
export function assignmentModeFor(file: SourceFile): AssignmentMode {
  if (DEDICATED_KINDS.has(file.kind)) return 'none';
  if (QUOTED_KINDS.has(file.kind)) return 'quoted';
  if (file.kind === 'source') return 'code';
  if (file.kind !== 'text') return 'all';
  const ext = posix.extname(file.path).slice(1).toLowerCase();
  if (PROSE_EXTENSIONS.has(ext)) return 'none';
  if (CODE_EXTENSIONS.has(ext)) return 'code';
  if (XML_EXTENSIONS.has(ext)) return 'quoted';
  return 'all';
}

/** Offsets of `data`/`stringData` maps of Kubernetes Secrets: SEC003 reports those values. */
function secretDataSpans(file: SourceFile): [number, number][] {
  const spans: [number, number][] = [];
  for (const obj of k8sObjects(file)) {
    if (obj.kind !== 'Secret') continue;
    for (const [key, , value] of entries(obj.node, obj.doc)) {
      const range = (value as { range?: [number, number, number] } | undefined)?.range;
      if ((key === 'data' || key === 'stringData') && range) spans.push([range[0], range[1]]);
    }
  }
  return spans;
}

export const rule = defineRule({
  id: 'SEC001',
  title: 'Hard-coded credential',
  severity: 'error',
  domain: 'secrets',
  kinds: FILE_KINDS,
  rationale:
    'A credential in a repository is readable by everyone with read access, forever: forks, clones, CI logs ' +
    'and git history keep it after the line is deleted. Treat it as leaked.',
  fix:
    'Rotate the credential now (assume it leaked), delete it from the file, and read it at runtime from a ' +
    'secret manager, a CI secret or an environment variable reference (`${VAR}`). Purge it from git history ' +
    'if the repository is shared.',
  peers: ['gitleaks', 'secretlint', 'trivy:secret', 'checkov:CKV_SECRET_*'],
  notes:
    `Detectors: ${SECRET_DETECTORS.map((d) => `\`${d.name}\``).join(', ')}. Each one is a precise pattern ` +
    '(prefix, length, charset) plus checks, never an entropy guess. Not reported: placeholders and documented ' +
    'examples (`AKIAIOSFODNN7EXAMPLE`, `changeme`, `xxx`, `dummy`, `test`, `<token>`), references (`${VAR}`, ' +
    '`${{ secrets.X }}`, `{{ .Values.x }}`, `var.x`, `secretKeyRef`), and SOPS-encrypted files. ' +
    'The generic `password`/`secret`/`token` = literal check (min. 8 characters) runs on YAML, JSON, HCL ' +
    'variables files, .env, properties/ini and code string literals; it stays quiet in Dockerfiles, Compose, ' +
    'Terraform, Helm values, Kustomize and Jenkinsfiles, whose own rules (DKR004, CMP006, TF004, HLM004, ' +
    'KUS003, JNK003) report those, in prose files (Markdown, text), and in Kubernetes Secret `data` ' +
    '(SEC003). The value is shown redacted: its first 4 characters, then `****`.',
  check(file, ctx) {
    if (isSopsEncrypted(file.text)) return;
    let matches = findSecrets(file.text, { assignments: assignmentModeFor(file) });
    if (file.kind === 'k8s' && matches.some((m) => m.detector === 'generic-assignment')) {
      const spans = secretDataSpans(file);
      matches = matches.filter(
        (m) => m.detector !== 'generic-assignment' || !spans.some(([s, e]) => m.start >= s && m.end <= e),
      );
    }
    for (const m of matches) {
      const shown = redactValue(m.value);
      const message =
        m.key !== undefined
          ? `\`${m.key}\` is set to a literal credential (${shown}; detector ${m.detector}).`
          : `Hard-coded ${m.label} ${shown} (detector ${m.detector}).`;
      ctx.report({ range: file.range(m.start, m.end), message });
    }
  },
});
