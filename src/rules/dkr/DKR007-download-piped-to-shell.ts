import { defineRule } from '../../core/rule.js';
import { isRun } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { findDownloadsIntoShell } from '../../parsers/shell.js';

export const rule = defineRule({
  id: 'DKR007',
  title: 'Download piped into a shell',
  severity: 'error',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    '`curl … | sh` runs whatever the server returns at build time, unverified: a compromised or hijacked ' +
    'download host owns the image, and the build is not reproducible.',
  fix:
    'Download to a file, verify it (`sha256sum -c`, or a signature), then run it: ' +
    '`curl -fsSLo install.sh <url> && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. ' +
    'Prefer a distro package or a pinned release artifact.',
  peers: ['hadolint:DL4006'],
  notes:
    'The RUN script is parsed, not grepped: `curl -o file` followed by `sh file`, `curl … | tee x`, and ' +
    '`curl … | python3 -c "…"` (stdin is data there) do not fire. Recognised: `curl`/`wget -O-` piped into ' +
    'sh/bash/…/python/perl/ruby/node reading stdin (also through `sudo`, `env`), and `sh -c "$(curl …)"`, ' +
    '`bash <(curl …)`, `eval "$(curl …)"`. Scripts inside `sh -c \'…\'` strings are checked too.',
  check(file, ctx) {
    for (const run of dockerfileModel(file).instructions.filter(isRun)) {
      const script = run.script;
      if (!script) continue;
      for (const found of findDownloadsIntoShell(script)) {
        const url = found.download.words.find((w) => w.raw.includes('://'))?.raw;
        const what = url ? `a download of ${url}` : 'a download';
        ctx.report({
          range: file.range(found.start, found.end),
          message: `RUN pipes ${what} into ${found.shell}: the script runs unverified.`,
        });
      }
    }
  },
});
