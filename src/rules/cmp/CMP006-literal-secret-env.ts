import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import { composeProjects } from '../../models/compose-project.js';
import { dotenvEntries } from '../../models/dotenv.js';
import { hasReference, variableReferences } from '../../models/interpolation.js';
import { isSecretLikeName } from '../../secrets/names.js';

// Flags such as `ALLOW_EMPTY_PASSWORD=yes` have secret-like names but hold no secret.
const FLAG_VALUES = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '0', '1']);

export const rule = defineRule({
  id: 'CMP006',
  title: 'Do not hard-code secrets in Compose environments',
  severity: 'error',
  domain: 'secrets',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'A password written in the compose file (or in a committed env_file, or as a `${VAR:-default}`) is in the ' +
    'repository history for good, shared by every environment, and the value that runs when nobody sets the ' +
    'variable.',
  fix:
    'Use `${VAR:?set VAR}` (fails fast when unset) or Compose `secrets:` with a `*_FILE` variable; keep env files ' +
    'with real values out of git and rotate any credential that was committed.',
  notes:
    'Checked: `environment:` in map and list form, the contents of `env_file:` files that are part of the review ' +
    '(reported in the env file, once per entry), and `${VAR:-default}` / `${VAR-default}` defaults. Fine: `${VAR}`, ' +
    '`${VAR:?msg}`, `$VAR`, empty values, pass-through keys (`- KEY`), and flag values (`true`, `yes`, `0` …). ' +
    'Secret-like names are shared with DKR004/K8S009/SEC001 (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY` …; not ' +
    '`*_FILE`, `*_NAME`, `*_PATH` references). Values are redacted in messages.',
  check(project, ctx) {
    const reportedEnvLines = new Set<string>();
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        for (const def of service.definitions) {
          for (const entry of def.environment) {
            if (!entry.value || !isSecretLikeName(entry.key)) continue;
            const problem = literalSecret(entry.value.raw);
            if (!problem) continue;
            ctx.report({
              file: entry.value.file,
              range: entry.value.range,
              message: `Service \`${service.name}\` ${describe(entry.key, problem)}`,
            });
          }
        }
        for (const envFile of service.envFiles) {
          const file = envFile.path === undefined ? undefined : project.get(envFile.path);
          if (!file) continue;
          for (const entry of dotenvEntries(file)) {
            const key = `${file.path}:${entry.keyRange.line}`;
            if (reportedEnvLines.has(key) || !isSecretLikeName(entry.key)) continue;
            // Single-quoted values are not interpolated by Compose.
            const problem = entry.quote === "'" ? literal(entry.value) : literalSecret(entry.value);
            if (!problem) continue;
            reportedEnvLines.add(key);
            ctx.report({
              file,
              range: entry.valueRange,
              message: `Env file of service \`${service.name}\` ${describe(entry.key, problem)}`,
            });
          }
        }
      }
    }
  },
});

interface SecretProblem {
  kind: 'literal' | 'default';
  value: string;
}

function describe(key: string, problem: SecretProblem): string {
  return problem.kind === 'literal'
    ? `sets secret-like variable \`${key}\` to a literal value (\`${redactValue(problem.value)}\`).`
    : `gives secret-like variable \`${key}\` the literal default \`${redactValue(problem.value)}\`.`;
}

/** A literal value, or a literal `${VAR:-default}` default, in a raw (uninterpolated) value. */
function literalSecret(raw: string): SecretProblem | undefined {
  if (!hasReference(raw)) return literal(raw);
  const defaultValue = literalDefault(raw);
  return defaultValue === undefined ? undefined : { kind: 'default', value: defaultValue };
}

function literal(value: string): SecretProblem | undefined {
  const v = value.replaceAll('$$', '$').trim();
  if (v === '' || FLAG_VALUES.has(v.toLowerCase())) return undefined;
  return { kind: 'literal', value: v };
}

/** The first non-empty literal default of the value's references (nested defaults followed). */
function literalDefault(raw: string): string | undefined {
  for (const ref of variableReferences(raw)) {
    if (ref.operator !== ':-' && ref.operator !== '-') continue;
    const found = hasReference(ref.argument) ? literalDefault(ref.argument) : literal(ref.argument)?.value;
    if (found !== undefined) return found;
  }
  return undefined;
}
