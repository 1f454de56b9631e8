import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import { isEnvOrArg } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { isPureReference, isSecretLikeName } from '../../secrets/names.js';

export const rule = defineRule({
  id: 'DKR004',
  title: 'Secret set in ENV or ARG',
  severity: 'error',
  domain: 'secrets',
  kinds: ['dockerfile'],
  rationale:
    '`ENV` values are stored in the image config and `ARG` values in its build history: anyone who can pull ' +
    'the image can read them with `docker history` or `docker inspect`.',
  fix:
    'Pass build-time secrets with `RUN --mount=type=secret,id=<name>` and runtime secrets through the ' +
    'orchestrator (environment from a secret store, or a `*_FILE` path to a mounted secret).',
  peers: ['kics:secrets_stored_in_dockerfile'],
  notes:
    'Does not fire on an `ARG` with no default, on values that are references (`${VAR}`, `$VAR`), or on ' +
    'names that point to a secret instead of holding it (`*_FILE`, `*_PATH`, `*_SECRET_NAME`). A ' +
    '`${VAR:-default}` with a literal default fires: the default is baked in.',
  check(file, ctx) {
    for (const instruction of dockerfileModel(file).instructions.filter(isEnvOrArg)) {
      for (const pair of instruction.pairs) {
        if (!isSecretLikeName(pair.key) || pair.value === undefined) continue;
        const literal = literalPart(pair.value);
        if (literal === undefined || literal.trim() === '') continue;
        ctx.report({
          range: pair.range,
          message:
            `${instruction.keyword} ${pair.key} is set to a literal (${redactValue(literal)}): ` +
            'it is readable by anyone who can pull the image.',
        });
      }
    }
  },
});

/** The literal a value bakes in: the value itself, the default of `${VAR:-default}`, or nothing for references. */
function literalPart(value: string): string | undefined {
  if (isPureReference(value)) return undefined;
  const withDefault = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)\}$/s.exec(value.trim());
  if (withDefault) return literalPart(withDefault[1] ?? '');
  // A value built from other variables (`postgres://u:${PW}@db`) holds no literal secret of its own.
  if (/\$\{?[A-Za-z_]/.test(value)) return undefined;
  return value;
}
