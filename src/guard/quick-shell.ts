/**
 * A fast path for the guard's shell parsing: command lines made only of plain simple commands — literal
 * words (bare, '…' and "…" without expansions), `&&`, `||`, `;`, `|` and plain file redirections — are read
 * here, without loading the full parser (mvdan-sh, a GopherJS build whose start-up alone costs more than
 * the PreToolUse hook's budget). Everything else returns `undefined` and goes to `parseShell`.
 *
 * The contract is exact equality: for every text this accepts, the result is deep-equal to what
 * `parseShell` (src/parsers/shell.ts) returns — same words, values, raw text, offsets, redirects and
 * pipeline numbering. src/guard/quick-shell.test.ts checks it against the full parser on the guard's test
 * tables and on generated command lines. When in doubt, this declines: declining is always correct.
 */
import {
  parseShell,
  type ShellRedirect,
  type ShellScript,
  type ShellWord,
  type SimpleCommand,
} from '../parsers/shell.js';
import { shellCommandString } from '../parsers/shell-commands.js';

/** Longer lines are left to the full parser (they are rarely plain, and the guard caps their length anyway). */
const MAX_LENGTH = 4096;

/**
 * Words that the full parser reads as syntax when they start a command (`if`, `{`, `time`, `export` …):
 * a command starting with one of them is not a plain simple command.
 */
const RESERVED = new Set([
  '!',
  '{',
  '}',
  '[[',
  ']]',
  'case',
  'coproc',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'select',
  'then',
  'time',
  'until',
  'while',
  'let',
  'declare',
  'export',
  'local',
  'nameref',
  'readonly',
  'typeset',
]);

/** Characters of a plain command name: no quotes, escapes, globs, braces, `=` (an assignment) or `#`. */
const PLAIN_NAME = /^[A-Za-z0-9_./:@%+,~^-]+$/;
/** Characters an unquoted word may hold besides escapes and `#`. */
const BARE = /[A-Za-z0-9_./:@%+,=~^*?[\]{}!-]/;
const DIGITS = /^[0-9]+$/;
const PRINTABLE_ASCII = /^[\t\x20-\x7e]$/;
/** Inside quotes: any character but control characters and unpaired surrogates. */
const QUOTED_CHAR = /^[^\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]$/u;

class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

/** `parseShell(text)`, through the fast path when the text is a plain command line. */
export function parseCommandLine(text: string): ShellScript {
  return quickParseShell(text) ?? parseShell(text);
}

/** The script `parseShell(text)` would return, or `undefined` when the text is not a plain command line. */
export function quickParseShell(text: string): ShellScript | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  try {
    return new Reader(text).script();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

type Operator = '&&' | '||' | ';' | '|';

class Reader {
  readonly #text: string;
  #at = 0;
  #nextPipeline = 0;
  readonly #commands: SimpleCommand[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  script(): ShellScript {
    this.#blanks();
    while (this.#at < this.#text.length) {
      this.#pipeline();
      this.#blanks();
      if (this.#at >= this.#text.length) break;
      const op = this.#operator();
      if (op === undefined || op === '|') decline();
      this.#blanks();
      // A trailing `;` ends the line; `&&` and `||` need a command after them.
      if (this.#at >= this.#text.length && op !== ';') decline();
    }
    for (const command of this.#commands) {
      // `sh -c '…'`: the full parser reads the string as a script too.
      if (shellCommandString(command)?.value !== undefined) decline();
    }
    return { text: this.#text, offset: 0, commands: this.#commands };
  }

  /** Simple commands joined by `|`. */
  #pipeline(): void {
    const id = this.#nextPipeline++;
    const members: SimpleCommand[] = [];
    for (;;) {
      members.push(this.#command(id));
      this.#blanks();
      const save = this.#at;
      if (this.#operator() !== '|') {
        this.#at = save;
        break;
      }
      this.#blanks();
    }
    members.forEach((c, index) => {
      c.pipeline = { id, index, length: members.length };
    });
    this.#commands.push(...members);
  }

  #command(id: number): SimpleCommand {
    const words: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    for (;;) {
      this.#blanks();
      const c = this.#text[this.#at];
      if (c === undefined || c === ';' || c === '|' || (c === '&' && this.#text[this.#at + 1] === '&')) break;
      const redirect = this.#redirect();
      if (redirect !== undefined) redirects.push(redirect);
      else words.push(this.#word());
    }
    const first = words[0];
    if (first === undefined || !PLAIN_NAME.test(first.raw) || RESERVED.has(first.raw)) decline();
    const spans = [...words, ...redirects];
    return {
      words,
      assignments: [],
      redirects,
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
      pipeline: { id, index: 0, length: 1 },
      origin: 'script',
    };
  }

  /** `>`, `>>`, `<`, `>&` (each with an optional fd number), `&>`, `&>>`, then the target word. */
  #redirect(): ShellRedirect | undefined {
    const text = this.#text;
    const start = this.#at;
    let i = start;
    while (i < text.length && DIGITS.test(text[i] as string)) i++;
    const fd = i > start ? text.slice(start, i) : undefined;
    let op: string;
    if (text.startsWith('&>>', i) && fd === undefined) op = '&>>';
    else if (text.startsWith('&>', i) && fd === undefined) op = '&>';
    else if (text.startsWith('>>', i)) op = '>>';
    else if (text.startsWith('>&', i)) op = '>&';
    else if (text[i] === '>') op = '>';
    else if (text[i] === '<') op = '<';
    else return undefined;
    const after = text[i + op.length];
    // Here-documents and -strings, `<>`, `<&`, `>|`, process substitution: not plain.
    if (after === '<' || after === '>' || after === '&' || after === '|' || after === '(') decline();
    this.#at = i + op.length;
    this.#blanks();
    const target = this.#word();
    return { op, fd, target, heredoc: undefined, start, end: target.end };
  }

  /** A word: bare text, '…' and "…" parts with no blank between them. */
  #word(): ShellWord {
    const text = this.#text;
    const start = this.#at;
    let value = '';
    /** `#` starts a comment unless it follows an unquoted, unescaped character of the same word. */
    let afterBare = false;
    while (this.#at < text.length) {
      const c = text[this.#at] as string;
      if (BARE.test(c) || (c === '#' && afterBare)) {
        value += c;
        this.#at++;
        afterBare = true;
        continue;
      }
      afterBare = false;
      if (c === "'") {
        const end = text.indexOf("'", this.#at + 1);
        if (end < 0) decline();
        const inner = text.slice(this.#at + 1, end);
        for (const ch of inner) if (!QUOTED_CHAR.test(ch)) decline();
        value += inner;
        this.#at = end + 1;
      } else if (c === '"') {
        value += this.#doubleQuoted();
      } else if (c === '\\') {
        const next = text[this.#at + 1];
        if (next === undefined || !PRINTABLE_ASCII.test(next)) decline();
        value += next;
        this.#at += 2;
      } else break;
    }
    if (this.#at === start) decline();
    // `x''2>f`: the full parser may read trailing digits as the redirection's fd number; leave it to it.
    const next = text[this.#at];
    if ((next === '<' || next === '>') && /[0-9]$/.test(text.slice(start, this.#at))) decline();
    return { value, raw: text.slice(start, this.#at), start, end: this.#at };
  }

  /** "…" with no `$` or backquote; `\"`, `\\`, `\$` and `` \` `` are unescaped, other backslashes kept. */
  #doubleQuoted(): string {
    const text = this.#text;
    let value = '';
    let i = this.#at + 1;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '$' || c === '`') decline();
      if (c === '"') break;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined || !PRINTABLE_ASCII.test(next)) decline();
        value += next === '"' || next === '\\' || next === '$' || next === '`' ? next : `\\${next}`;
        i += 2;
        continue;
      }
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (!QUOTED_CHAR.test(ch)) decline();
      value += ch;
      i += ch.length;
    }
    this.#at = i + 1;
    return value;
  }

  #operator(): Operator | undefined {
    const text = this.#text;
    const c = text[this.#at];
    const next = text[this.#at + 1];
    if (c === '&' && next === '&') {
      this.#at += 2;
      return '&&';
    }
    if (c === '|' && next === '|') {
      this.#at += 2;
      return '||';
    }
    if (c === '|' && next !== '&') {
      this.#at += 1;
      return '|';
    }
    if (c === ';' && next !== ';' && next !== '&') {
      this.#at += 1;
      return ';';
    }
    return undefined;
  }

  #blanks(): void {
    while (this.#text[this.#at] === ' ' || this.#text[this.#at] === '\t') this.#at++;
  }
}
