/**
 * Databases: the SQL a client is told to run (`psql -c`, `mysql -e`, a heredoc or a pipe), database-dropping
 * tools, and migrations without a backup (the same classification as GHA010, src/pipeline/commands.ts).
 */
import { classifyCommand } from '../../pipeline/commands.js';
import { positionals } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { type JudgeContext, quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

/** The SQL a client runs: its `-c`/`-e`/`--command`/`--execute` values, sqlite3's statement argument, or stdin. */
function sqlOf(cmd: GuardCommand): string[] {
  const argv = cmd.argv;
  const out: string[] = [];
  const flags =
    cmd.name === 'psql'
      ? { short: '-c', long: '--command' }
      : cmd.name === 'sqlite3'
        ? undefined
        : { short: '-e', long: '--execute' };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === undefined || flags === undefined) continue;
    if (v === flags.short || v === flags.long) out.push(argv[i + 1] ?? '');
    else if (v.startsWith(`${flags.long}=`)) out.push(v.slice(flags.long.length + 1));
    else if (v.startsWith(flags.short) && !v.startsWith('--') && v.length > 2) out.push(v.slice(2));
  }
  if (cmd.name === 'sqlite3') {
    const pos = positionals(argv, new Set(['-cmd', '-separator', '-newline', '-nullvalue']));
    if (pos[1] !== undefined) out.push(pos[1]);
  }
  // Statements with expansions are read as written (`-c "DROP TABLE $T"` still drops a table).
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i];
    if (w?.value === undefined && (cmd.args[i - 1]?.value === flags?.short || cmd.args[i - 1]?.value === flags?.long)) {
      const raw = w?.raw ?? '';
      out.push(/^"(.*)"$/s.test(raw) ? raw.slice(1, -1) : raw);
    }
  }
  if (cmd.stdin !== undefined) out.push(cmd.stdin);
  return out;
}

const SQL_CLIENTS = new Set(['psql', 'mysql', 'mariadb', 'sqlite3']);

export function judgeSqlClient(cmd: GuardCommand): Judgement | undefined {
  if (!SQL_CLIENTS.has(cmd.name ?? '')) return undefined;
  const shown = quote(cmd.shownText);
  let caution: string | undefined;
  for (const sql of sqlOf(cmd)) {
    for (const statement of statements(sql)) {
      const upper = statement.toUpperCase();
      const drop = /^DROP\s+(DATABASE|SCHEMA|TABLE)\b/.exec(upper) ?? /^(TRUNCATE)\b/.exec(upper);
      if (drop) {
        return judgement('GRD008', 'deny', `${shown} runs \`${clip(statement)}\`, which removes data for good.`);
      }
      if (caution !== undefined) continue;
      if (/^(DELETE\s+FROM|UPDATE)\b/.test(upper) && !/\bWHERE\b/.test(upper)) {
        caution = `${shown} runs \`${clip(statement)}\` with no WHERE clause: every row is affected.`;
      } else if (/^DROP\b/.test(upper) || /^ALTER\s+TABLE\b.*\bDROP\b/s.test(upper)) {
        caution = `${shown} runs \`${clip(statement)}\`.`;
      }
    }
  }
  return caution === undefined ? undefined : judgement('GRD019', 'ask', caution);
}

/**
 * SQL statements with comments and string literals blanked (so `INSERT … VALUES ('drop table x')` is data),
 * split on `;`, trimmed; leading `BEGIN`/`EXPLAIN`-free.
 */
export function statements(sql: string): string[] {
  const blanked = sql.replace(
    /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g,
    (m) => (m.startsWith("'") || m.startsWith('$') ? "''" : m.startsWith('-') || m.startsWith('/') ? ' ' : m),
  );
  return blanked
    .split(';')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function clip(statement: string): string {
  return statement.length > 80 ? `${statement.slice(0, 79)}…` : statement;
}

/** Tools that drop a whole database or keyspace. */
export function judgeDropTools(cmd: GuardCommand): Judgement | undefined {
  const shown = quote(cmd.shownText);
  const pos = positionals(cmd.argv);
  const lower = pos.map((p) => p?.toLowerCase());
  switch (cmd.name) {
    case 'dropdb':
      return judgement('GRD008', 'deny', `${shown} drops a PostgreSQL database.`);
    case 'mysqladmin':
    case 'mariadb-admin':
      return lower.includes('drop') ? judgement('GRD008', 'deny', `${shown} drops a MySQL database.`) : undefined;
    case 'redis-cli':
      return lower.includes('flushall') || lower.includes('flushdb')
        ? judgement('GRD008', 'deny', `${shown} deletes every key of the Redis database.`)
        : undefined;
    case 'mongo':
    case 'mongosh': {
      const evals = cmd.argv.filter((_, i) => cmd.argv[i - 1] === '--eval').join(' ');
      return /\.dropDatabase\s*\(|\.drop\s*\(/.test(evals)
        ? judgement('GRD008', 'deny', `${shown} drops a MongoDB database or collection.`)
        : undefined;
    }
  }
  return undefined;
}

/** A migration with no backup earlier in the same command line (the GHA010 lists). */
export function judgeMigration(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const classes = classifyCommand({ words: cmd.words, assignments: [] });
  const migration = classes.find((c) => c.category === 'migration');
  if (migration === undefined) return undefined;
  const backedUp = ctx.prior.some((p) =>
    classifyCommand({ words: p.words, assignments: [] }).some((c) => c.category === 'backup'),
  );
  if (backedUp) {
    return judgement('GRD015', 'allow', `\`${migration.label}\` runs after a backup in the same command.`);
  }
  return judgement('GRD015', 'ask', `\`${migration.label}\` migrates a database with no backup before it.`);
}
