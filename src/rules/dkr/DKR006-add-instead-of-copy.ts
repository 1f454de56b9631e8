import { defineRule } from '../../core/rule.js';
import { isCopyOrAdd } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

/** Archives ADD unpacks (local tar, optionally compressed). `.zip` is not unpacked. */
const LOCAL_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$/i;
const REMOTE = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;

export const rule = defineRule({
  id: 'DKR006',
  title: 'ADD used where COPY or a verified download belongs',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    '`ADD <url>` downloads at build time with no integrity check, so the image content can change without a ' +
    'Dockerfile change. `ADD` of a plain file behaves like `COPY` but unpacks archives implicitly; `COPY` says ' +
    'what it does.',
  fix:
    'Use `COPY` for local files and directories. For downloads use `ADD --checksum=sha256:<sum> <url>` or ' +
    '`RUN curl -fsSLo file <url> && echo "<sum>  file" | sha256sum -c -`.',
  peers: ['hadolint:DL3020', 'hadolint:DL3010'],
  notes:
    'Local tar archives (`.tar`, `.tar.gz`, `.tgz`, …) are what ADD is for and do not fire; nor does a remote ' +
    'URL with `--checksum=`. Sources containing variables cannot be judged and do not fire.',
  check(file, ctx) {
    for (const add of dockerfileModel(file).instructions.filter(isCopyOrAdd)) {
      if (add.keyword !== 'ADD' || add.heredoc) continue;
      const checksum = add.flags.some((f) => f.name === 'checksum');
      for (const source of add.sources) {
        if (source.text.includes('$')) continue;
        if (REMOTE.test(source.text)) {
          if (checksum) continue;
          ctx.report({
            range: source.range,
            message: `ADD downloads ${source.text} without a checksum: the content can change between builds.`,
          });
        } else if (!LOCAL_ARCHIVE.test(source.text)) {
          ctx.report({
            range: source.range,
            message: `ADD of ${source.text}, which is not a local archive: use COPY.`,
            fix: `Replace ADD with COPY for ${source.text}.`,
          });
        }
      }
    }
  },
});
