/**
 * PostToolUse `Write|Edit`: reviews the written file when it is a DevOps artifact, and hands the findings to
 * Claude. Errors block (`decision: "block"`: the file is written, Claude must fix it before going on);
 * warnings and info are context. The file is remembered for the Stop hook.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileKind } from '../../core/types.js';
import { classify } from '../../workspace/classify.js';
import { countText, findingLines } from './format.js';
import { capText, type HookInput, type HookOutput, toolString } from './protocol.js';
import { loadReviewConfig, reviewChangedFiles } from './review-scope.js';
import { type HookEnv, projectDir, recordChangedFile } from './state.js';

/** Kinds that are not DevOps artifacts: application code, prose, generic data (SEC001 alone covers them). */
const NOT_ARTIFACTS: ReadonlySet<FileKind> = new Set(['source', 'text', 'yaml', 'json']);

/** The artifact kind of a file on disk, or undefined when it is not one (or cannot be read). */
export function artifactKind(absPath: string, root: string): FileKind | undefined {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
  const rel = relative(root, absPath);
  const path = rel.startsWith('..') || isAbsolute(rel) ? absPath : rel;
  const kind = classify(path.split(sep).join('/'), text);
  return NOT_ARTIFACTS.has(kind) ? undefined : kind;
}

export function postToolUse(input: HookInput, env: HookEnv): HookOutput {
  const filePath = toolString(input, 'file_path');
  if (filePath === undefined) return {};
  const absPath = resolve(input.cwd, filePath);
  const root = projectDir(input, env);
  if (artifactKind(absPath, root) === undefined) return {};
  recordChangedFile(env, input.sessionId, absPath);

  const reviewConfig = loadReviewConfig(root);
  const { findings } = reviewChangedFiles(root, [absPath], reviewConfig);
  const warning = reviewConfig.warning ? { systemMessage: `proagent-devops: ${reviewConfig.warning}` } : {};
  if (findings.length === 0) return warning;

  const rel = findings[0]?.file ?? filePath;
  const errors = findings.filter((f) => f.severity === 'error');
  const others = findings.filter((f) => f.severity !== 'error');
  if (errors.length === 0) {
    const context = capText(
      [`proagent-devops review of ${rel}: ${countText(findings)}.`, ...findingLines(findings)].join('\n'),
    );
    return { ...warning, hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: context } };
  }
  const reason = capText(
    [
      `proagent-devops review: ${rel} now has ${countText(errors)} to fix before going on:`,
      ...findingLines(errors),
    ].join('\n'),
  );
  const rest =
    others.length > 0
      ? {
          hookSpecificOutput: {
            hookEventName: 'PostToolUse' as const,
            additionalContext: capText(
              [`proagent-devops review of ${rel}, also: ${countText(others)}.`, ...findingLines(others)].join('\n'),
            ),
          },
        }
      : {};
  return { ...warning, decision: 'block', reason, ...rest };
}
