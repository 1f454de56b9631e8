/**
 * Stop: when artifacts this session changed now have `error` findings, block the stop once with the list,
 * so that Claude fixes them or says why not. Once per set of errors: a second stop with the same errors
 * goes through (with a note to the user), and `stop_hook_active` (Claude is already continuing because of a
 * Stop hook) always goes through. Off with `hooks.stopOnErrors: false`.
 */
import { existsSync } from 'node:fs';
import { countText, findingLines } from './format.js';
import { capText, type HookInput, type HookOutput } from './protocol.js';
import { loadReviewConfig, reviewChangedFiles } from './review-scope.js';
import { loadHookSettings } from './settings.js';
import { blockedOn, changedFiles, type HookEnv, projectDir, recordBlockedOn } from './state.js';

export function stop(input: HookInput, env: HookEnv): HookOutput {
  if (input.stopHookActive === true) return {};
  const root = projectDir(input, env);
  const settings = loadHookSettings(root);
  const note =
    settings.warnings.length > 0 ? { systemMessage: `proagent-devops: ${settings.warnings.join('; ')}` } : {};
  if (!settings.stopOnErrors) return note;
  const changed = changedFiles(env, input.sessionId).filter((f) => existsSync(f));
  if (changed.length === 0) return note;

  const { findings } = reviewChangedFiles(root, changed, loadReviewConfig(root));
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return note;
  const fingerprints = [...new Set(errors.map((f) => f.fingerprint))].sort();
  const already = new Set(blockedOn(env, input.sessionId));
  if (fingerprints.every((fp) => already.has(fp))) {
    return {
      systemMessage: `proagent-devops: files changed in this session still have ${countText(errors)} (listed earlier).`,
    };
  }
  recordBlockedOn(env, input.sessionId, [...already, ...fingerprints]);
  const files = new Set(errors.map((f) => f.file)).size;
  return {
    ...note,
    decision: 'block',
    reason: capText(
      [
        `proagent-devops: ${files === 1 ? 'a file' : `${files} files`} changed in this session ${files === 1 ? 'has' : 'have'} ${countText(errors)}. Fix them, or tell the user why they stay:`,
        ...findingLines(errors),
      ].join('\n'),
    ),
  };
}
