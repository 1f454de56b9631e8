import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type CliIO, type Command, oneOf, parse } from './io.js';

/** External tools the practice relies on, and what each is for (shown when one is missing). */
export const EXTERNAL_TOOLS: ReadonlyArray<{ name: string; use: string }> = [
  { name: 'terraform', use: 'terraform validate/plan before apply' },
  { name: 'kubectl', use: 'kubectl diff and --dry-run=server before apply' },
  { name: 'helm', use: 'helm lint/template and --atomic upgrades' },
  { name: 'docker', use: 'image builds and docker compose config' },
  { name: 'trivy', use: 'image, filesystem and secret scans' },
  { name: 'gitleaks', use: 'secret scans of the git history' },
  { name: 'promtool', use: 'promtool check rules/config' },
  { name: 'amtool', use: 'amtool check-config' },
  { name: 'yamllint', use: 'YAML lint' },
  { name: 'claude', use: 'Claude Code (the plugin, claude plugin validate)' },
];

type IntegrationStatus =
  | 'ready'
  | 'missing credentials'
  | 'missing runtime'
  | 'sign in on first use'
  | 'no setup needed';

interface Integration {
  name: string;
  /** Command the plugin's .mcp.json starts it with (remote servers have none). */
  runtime?: 'npx' | 'uvx';
  /** Alternatives, each a set of variables that must all be set. Empty: no credentials. */
  credentials: ReadonlyArray<readonly string[]>;
  /** Variables that tune it but are not required. */
  optional?: readonly string[];
  /** Variables that hold paths of credential files: set and the file exists. */
  files?: readonly string[];
  /** Authenticates in the browser (OAuth) on first use instead of with variables. */
  oauth?: boolean;
}

/** The MCP integrations of brief.md, with the variables of the plugin's .mcp.json (PLUGIN.md). */
export const INTEGRATIONS: readonly Integration[] = [
  { name: 'GitHub', credentials: [['GITHUB_PERSONAL_ACCESS_TOKEN']] },
  {
    name: 'GitLab',
    runtime: 'npx',
    credentials: [['GITLAB_PERSONAL_ACCESS_TOKEN']],
    optional: ['GITLAB_API_URL'],
  },
  {
    name: 'Slack',
    runtime: 'npx',
    credentials: [['SLACK_MCP_XOXP_TOKEN'], ['SLACK_MCP_XOXB_TOKEN'], ['SLACK_MCP_XOXC_TOKEN', 'SLACK_MCP_XOXD_TOKEN']],
    optional: ['SLACK_MCP_ADD_MESSAGE_TOOL'],
  },
  {
    name: 'Google Drive',
    runtime: 'npx',
    credentials: [['GDRIVE_OAUTH_PATH', 'GDRIVE_CREDENTIALS_PATH']],
    files: ['GDRIVE_OAUTH_PATH', 'GDRIVE_CREDENTIALS_PATH'],
  },
  { name: 'Google Workspace', runtime: 'uvx', credentials: [], oauth: true },
  { name: 'Excalidraw', credentials: [] },
  { name: 'Rube (Composio)', credentials: [], oauth: true },
  { name: 'proagent-devops HTTP', credentials: [], optional: ['PROAGENT_MCP_TOKEN'] },
];

/** Where an executable is on PATH, without running it (doctor has no side effects and stays fast). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const isSet = (env: NodeJS.ProcessEnv, name: string) => (env[name] ?? '') !== '';

/** A credential-file variable pointing nowhere is as good as unset, and says so. */
type VariableState = 'set' | 'not set' | 'set, file missing';

export interface DoctorReport {
  tools: Array<{ name: string; found: boolean; path?: string; use: string }>;
  integrations: Array<{ name: string; status: IntegrationStatus; variables: Record<string, VariableState> }>;
}

/** What is available here. Variable values are never read into the report: only whether they are set. */
export function doctor(env: NodeJS.ProcessEnv): DoctorReport {
  const tools = EXTERNAL_TOOLS.map(({ name, use }) => {
    const path = findExecutable(name, env);
    return path ? { name, found: true, path, use } : { name, found: false, use };
  });
  const integrations = INTEGRATIONS.map((i) => {
    const names = [...new Set([...i.credentials.flat(), ...(i.optional ?? [])])];
    const fileOk = (n: string) => !i.files?.includes(n) || existsSync(env[n] as string);
    const state = (n: string): VariableState => (!isSet(env, n) ? 'not set' : fileOk(n) ? 'set' : 'set, file missing');
    const variables = Object.fromEntries(names.map((n) => [n, state(n)]));
    const credentialed =
      i.credentials.length === 0 || i.credentials.some((set) => set.every((n) => state(n) === 'set'));
    const status: IntegrationStatus =
      i.runtime && !findExecutable(i.runtime, env)
        ? 'missing runtime'
        : !credentialed
          ? 'missing credentials'
          : i.oauth
            ? 'sign in on first use'
            : i.credentials.length === 0
              ? 'no setup needed'
              : 'ready';
    return { name: i.name, status, variables };
  });
  return { tools, integrations };
}

function renderText(report: DoctorReport): string {
  const width = Math.max(...report.tools.map((t) => t.name.length), ...report.integrations.map((i) => i.name.length));
  const lines = ['External tools (found on PATH, not run):'];
  for (const t of report.tools) {
    lines.push(`  ${t.found ? 'ok     ' : 'missing'} ${t.name.padEnd(width)}  ${t.found ? t.path : `for ${t.use}`}`);
  }
  lines.push('', 'Integrations (MCP servers of the plugin; variables are checked, never printed):');
  for (const i of report.integrations) {
    const vars = Object.entries(i.variables)
      .map(([n, s]) => `${n} ${s}`)
      .join(', ');
    const runtime = INTEGRATIONS.find((x) => x.name === i.name)?.runtime;
    const extra = i.status === 'missing runtime' ? `needs ${runtime} on PATH` : vars;
    lines.push(`  ${i.name.padEnd(width)}  ${i.status.padEnd(20)} ${extra}`.trimEnd());
  }
  const found = report.tools.filter((t) => t.found).length;
  const ready = report.integrations.filter((i) => i.status !== 'missing credentials' && i.status !== 'missing runtime');
  lines.push(
    '',
    `${found} of ${report.tools.length} tools found; ${ready.length} of ${report.integrations.length} integrations usable.`,
  );
  return `${lines.join('\n')}\n`;
}

/** `proagent-devops doctor [--format text|json]`: informational, exits 0. */
export const doctorCommand: Command = (argv: readonly string[], io: CliIO) => {
  const { values } = parse(argv, { format: { type: 'string' } });
  const format = oneOf(values.format ?? 'text', ['text', 'json'] as const, '--format');
  const report = doctor(io.env);
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
  return 0;
};
