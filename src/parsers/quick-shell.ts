/**
 * The fast path of `parseShell`: scripts made only of plain simple commands — literal words (bare, '…' and
 * "…"), `${NAME}` expansions, `&&`, `||`, `;`, `|`, newlines, line continuations and plain file
 * redirections — are read here, without the full parser (mvdan-sh, a GopherJS build: its start-up alone
 * costs more than the PreToolUse hook's budget, and every parse pays for JS↔Go marshalling). Everything
 * else returns `undefined` and goes to the full parser.
 *
 * The contract is exact equality: for every text this accepts, the result is deep-equal to what the full
 * parser (`parseShellFull` in src/parsers/shell.ts) returns at the same offset — same words, values, raw
 * text, offsets, redirects and pipeline numbering. src/parsers/quick-shell.test.ts checks it against the
 * full parser on the guard's test tables and on generated scripts. When in doubt, this declines: declining
 * is always correct.
 */

import type { ShellRedirect, ShellScript, ShellWord, SimpleCommand } from './shell.js';
import { shellCommandString } from './shell-commands.js';

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
/** `${NAME}`, the only expansion read here (`maskSpans` in src/pipeline/embedded-shell.ts writes such). */
const PARAMETER = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}/;
const MAX_PARAMETER = 256;
const PRINTABLE_ASCII = /^[\t\x20-\x7e]$/;
/** Inside quotes: any character but control characters and unpaired surrogates. */
const QUOTED_CHAR = /^[^\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]$/u;

class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

/**
 * The script the full parser would return for `text` at `offset`, or `undefined` when the text is not a
 * plain script. Offsets are exactly `offset + index` (the full parser's placement of a top-level script).
 */
export function quickParseShell(text: string, offset = 0): ShellScript | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  try {
    return new Reader(text, offset).script();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

type Operator = '&&' | '||' | ';' | '|';

class Reader {
  readonly #text: string;
  readonly #offset: number;
  #at = 0;
  #nextPipeline = 0;
  readonly #commands: SimpleCommand[] = [];

  constructor(text: string, offset: number) {
    this.#text = text;
    this.#offset = offset;
  }

  script(): ShellScript {
    this.#lineBreaks();
    while (this.#at < this.#text.length) {
      this.#pipeline();
      this.#blanks();
      if (this.#at >= this.#text.length) break;
      if (this.#text[this.#at] === '\n') {
        this.#lineBreaks();
        continue;
      }
      const op = this.#operator();
      if (op === undefined || op === '|') decline();
      // A `;` ends its command; `&&` and `||` need a command after them, possibly on a later line.
      if (op === ';') this.#blanks();
      else this.#lineBreaks();
      if (this.#text[this.#at] === '\n') this.#lineBreaks();
      if (this.#at >= this.#text.length && op !== ';') decline();
    }
    for (const command of this.#commands) {
      // `sh -c '…'`: the full parser reads the string as a script too.
      if (shellCommandString(command)?.value !== undefined) decline();
    }
    if (this.#offset !== 0) for (const command of this.#commands) this.#shift(command, this.#offset);
    return { text: this.#text, offset: this.#offset, commands: this.#commands };
  }

  #shift(command: SimpleCommand, by: number): void {
    const word = (w: ShellWord) => {
      w.start += by;
      w.end += by;
    };
    command.words.forEach(word);
    for (const r of command.redirects) {
      if (r.target) word(r.target);
      r.start += by;
      r.end += by;
    }
    command.start += by;
    command.end += by;
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
      this.#lineBreaks();
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
      if (c === undefined || c === ';' || c === '|' || c === '\n' || (c === '&' && this.#text[this.#at + 1] === '&'))
        break;
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
    let value: string | undefined = '';
    /** `#` starts a comment unless it follows an unquoted, unescaped character of the same word. */
    let afterBare = false;
    while (this.#at < text.length) {
      const c = text[this.#at] as string;
      if (BARE.test(c) || (c === '#' && afterBare)) {
        if (value !== undefined) value += c;
        this.#at++;
        afterBare = true;
        continue;
      }
      afterBare = false;
      if (c === '$') {
        this.#at = this.#parameter(this.#at);
        value = undefined;
      } else if (c === "'") {
        const end = text.indexOf("'", this.#at + 1);
        if (end < 0) decline();
        const inner = text.slice(this.#at + 1, end);
        for (const ch of inner) if (!QUOTED_CHAR.test(ch)) decline();
        if (value !== undefined) value += inner;
        this.#at = end + 1;
      } else if (c === '"') {
        const inner = this.#doubleQuoted();
        value = value === undefined || inner === undefined ? undefined : value + inner;
      } else if (c === '\\') {
        const next = text[this.#at + 1];
        if (next === undefined || !PRINTABLE_ASCII.test(next)) decline();
        if (value !== undefined) value += next;
        this.#at += 2;
      } else break;
    }
    if (this.#at === start) decline();
    // `x''2>f`: the full parser may read trailing digits as the redirection's fd number; leave it to it.
    const next = text[this.#at];
    if ((next === '<' || next === '>') && /[0-9]$/.test(text.slice(start, this.#at))) decline();
    return { value, raw: text.slice(start, this.#at), start, end: this.#at };
  }

  /**
   * "…" with no backquote and no `$` but `${NAME}` (which makes the value unknown: `undefined`); `\"`, `\\`,
   * `\$` and `` \` `` are unescaped, other backslashes kept.
   */
  #doubleQuoted(): string | undefined {
    const text = this.#text;
    let value: string | undefined = '';
    let i = this.#at + 1;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '`') decline();
      if (c === '"') break;
      if (c === '$') {
        i = this.#parameter(i);
        value = undefined;
        continue;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined || !PRINTABLE_ASCII.test(next)) decline();
        if (value !== undefined)
          value += next === '"' || next === '\\' || next === '$' || next === '`' ? next : `\\${next}`;
        i += 2;
        continue;
      }
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (!QUOTED_CHAR.test(ch)) decline();
      if (value !== undefined) value += ch;
      i += ch.length;
    }
    this.#at = i + 1;
    return value;
  }

  /** `${NAME}` at `i` (the only expansion read here: CI template masks are such); returns the index after it. */
  #parameter(i: number): number {
    const match = PARAMETER.exec(this.#text.slice(i, i + MAX_PARAMETER));
    if (match === null) decline();
    return i + match[0].length;
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

  /** Blanks and line continuations (a backslash-newline between words is blank). */
  #blanks(): void {
    const text = this.#text;
    for (;;) {
      const c = text[this.#at];
      if (c === ' ' || c === '\t') this.#at++;
      else if (c === '\\' && text[this.#at + 1] === '\n') this.#at += 2;
      else break;
    }
  }

  /** Blanks, newlines and blank lines. */
  #lineBreaks(): void {
    for (;;) {
      this.#blanks();
      if (this.#text[this.#at] !== '\n') break;
      this.#at++;
    }
  }
}
