import { defineRule } from '../../core/rule.js';
import { isRun } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { unwrapCommand } from '../../parsers/shell.js';

export const rule = defineRule({
  id: 'DKR010',
  title: 'sudo used in RUN',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'Build steps run as root until a `USER` instruction, so `sudo` is unnecessary; having it installed and ' +
    'configured in the image lets the runtime user escalate to root, and its TTY/PAM behaviour is unpredictable.',
  fix: 'Drop `sudo`: run the privileged steps before `USER <app>`, or switch with `USER root` … `USER <app>` around them.',
  peers: ['hadolint:DL3004'],
  notes: 'Found through the parsed script, including `env … sudo`, `sh -c "sudo …"` and exec-form `RUN ["sudo", …]`.',
  check(file, ctx) {
    for (const run of dockerfileModel(file).instructions.filter(isRun)) {
      if (run.form === 'exec' && run.exec[0]?.text.replace(/^.*\//, '') === 'sudo') {
        ctx.report({ range: run.exec[0].range, message: 'RUN uses sudo: build steps already run as root.' });
        continue;
      }
      for (const cmd of run.script?.commands ?? []) {
        // sudo is always unwrapped as a wrapper, also when it runs nothing (`sudo -v`).
        const { name, wrappers } = unwrapCommand(cmd);
        const sudo = wrappers.find((w) => w.value?.replace(/^.*\//, '') === 'sudo');
        if (!sudo) continue;
        const what = name ? ` (sudo ${name})` : '';
        ctx.report({
          range: file.range(sudo.start, sudo.end),
          message: `RUN uses sudo${what}: build steps already run as root.`,
        });
      }
    }
  },
});
