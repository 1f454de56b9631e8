/**
 * docs/guard.md, rendered from the rule table so the page cannot drift from the code (a test compares them;
 * regenerate with `npx tsx -e "import('./src/guard/docs.ts').then(m => m.writeGuardDocs())"`).
 */
import { writeFileSync } from 'node:fs';
import { GUARD_RULES } from './rules.js';

const INTRO = `# Command guard

\`proagent-devops guard -- '<command>'\`, the PreToolUse \`Bash\` hook and the MCP tool \`guard_check\` judge a
shell command line before it runs. Each verdict is \`allow\`, \`ask\` (a human confirms) or \`deny\`, with a
\`GRD\` rule ID, the reason, what to validate first and how to roll back.

## How a command line is read

The line is parsed with a real shell parser (mvdan/sh), never searched as text, so words inside quoted data
(\`echo "terraform destroy"\`, commit messages, heredocs written to files, comments) never trigger. Every
simple command is judged:

- through \`&&\`, \`||\`, \`;\`, pipes, subshells, \`{ …; }\`, \`if\`/\`for\` bodies, functions, \`$(…)\` and backticks;
- through wrappers: \`sudo\`, \`doas\`, \`env VAR=…\`, \`timeout\`, \`nohup\`, \`nice\`, \`time\`, \`exec\`, \`command\`,
  \`stdbuf\`, \`watch\`, \`xargs\` (with its input when that is literal: \`echo prod | xargs kubectl delete ns\`),
  \`find -exec\`;
- into scripts: \`sh|bash -c '…'\`, \`su -c\`, \`eval\`, \`ssh host '…'\`, \`kubectl exec … -- …\`, \`docker exec\`,
  \`docker compose exec\`, and scripts fed to a shell on stdin (\`bash <<EOF\`, \`echo … | sh\`);
- SQL given to \`psql\`, \`mysql\`, \`mariadb\`, \`sqlite3\` with \`-c\`/\`-e\`, a heredoc, a here-string or a pipe
  (comments and string literals are blanked first, so \`INSERT … VALUES ('drop table x')\` is data).

The line's verdict is the most severe of its commands (deny > ask > allow); the rule, reason, validation and
rollback come from the deciding command. \`commands\` lists every simple command judged, wrappers removed and
credentials redacted.

What the guard cannot read it asks about (it fails closed): a syntax error, \`eval "$CMD"\`, a program name
that is an expansion. A command line over 256 KiB is not parsed and is asked about.

## Protected targets

A target is *protected* when it matches the production pattern — \`production:\` in \`.proagent-devops.yaml\`,
default \`(^|[-_./])(prod|production|prd|live)([-_./]|$)\`, case-insensitive. The guard looks at:

- **Kubernetes context** (kubectl, helm): \`--context\`/\`--kube-context\`; an earlier \`kubectl config use-context X\`
  or \`kubectx X\` on the same line; \`HELM_KUBECONTEXT\` (helm), \`KUBECONTEXT\`, \`KUBE_CONTEXT\` (from the
  environment, \`export\`, \`VAR=… cmd\` or \`env VAR=… cmd\`); else \`current-context\` of the kubeconfig —
  \`--kubeconfig\`, else the first file of \`KUBECONFIG\` that sets one, else \`~/.kube/config\` — read with a YAML
  parser, never by running kubectl;
- the **namespace** (\`-n\`), **manifest paths** (\`-f\`, \`-k overlays/prod\`), helm **release** names and
  **values files**;
- **Terraform**: \`TF_WORKSPACE\`, an earlier \`terraform workspace select|new X\`, \`.terraform/environment\` (or
  \`$TF_DATA_DIR/environment\`) of the working directory (\`-chdir\` and \`cd\` followed), \`-chdir\`, \`-var-file\`,
  and the working directory's name;
- **Compose**: \`-f\` files, \`COMPOSE_FILE\`, \`--env-file\`, \`-p\`/\`COMPOSE_PROJECT_NAME\`;
- **Git**: \`main\`, \`master\` and branch names matching the pattern; with no refspec, the branch checked out
  (\`.git/HEAD\`, worktrees followed).

"Validated in the same command" means an earlier \`kubectl diff\` of the same files, or the same command with
\`--dry-run=client|server\`, in the same context: \`kubectl diff -f x && kubectl apply -f x\` is allowed outside
production, \`kubectl apply -f x\` alone is asked for.

## Project policy

\`\`\`yaml
# .proagent-devops.yaml (searched from the working directory upwards)
production: '(^|[-_./])(prod|production|live)([-_./]|$)'
guard:
  deny:                       # regular expressions, matched against each simple command's text
    - '^kubectl exec\\b'
    - '^aws iam '
  allow:
    - '^helm upgrade --install [a-z-]+ ./charts/'           # relaxes the GRD014 ask for our charts
    - '^terraform destroy -target=module\\.preview_env$'     # anchored and named: may unlock a built-in deny
\`\`\`

- Patterns are JavaScript regular expressions (case-sensitive) matched against the normalised text of each
  simple command: the words that run, wrappers removed (\`sudo terraform plan\` is \`terraform plan\`), quoted
  as a shell would read them (\`git commit -m 'a b'\`).
- A \`deny\` match denies the command (GRD090) whatever the built-in rules say, and wins over \`allow\`.
- An \`allow\` match turns an \`ask\` into \`allow\` (GRD091); the reason keeps the rule it overrode.
- A built-in \`deny\` is unlocked only by an *explicit* pattern: anchored with \`^\` and \`$\`, starting with the
  program's name, and matching the whole command text. A broad pattern (\`.*\`, \`terraform\`) relaxes
  confirmations but never a destroy.
- An invalid \`deny\` pattern makes every command \`ask\` until it is fixed (a typo must not drop a protection);
  an invalid \`allow\` pattern is ignored. A missing or unreadable config file means the defaults.
- Unparseable command lines are never relaxed by \`allow\`.
- The hook asks for confirmation before a Write/Edit changes the \`guard\` section itself.

## Limits

- Scripts run from a file (\`bash deploy.sh\`, \`make deploy\`, \`npm run deploy\`) are not read; only what is on
  the command line is judged (package scripts that migrate a database are recognised by name, as in GHA010).
- Variables are known only from the environment and assignments on the same line; \`kubectl delete ns $NS\` is
  judged by its shape (deny), \`$TOOL …\` is asked about.
- Aliases and shell functions defined outside the command line are not known.
- \`docker run IMAGE cmd\` is not looked into (its options are too many to read reliably).
- \`xargs\` with input that is not literal judges its command without the arguments it will get:
  \`kubectl get ns -o name | xargs kubectl delete\` is asked about (GRD013), not denied.
- Commands run remotely (\`ssh\`, \`kubectl exec\`, \`docker exec\`) are judged with an empty environment: the
  remote host's kubeconfig and workspace are not visible.

## Rules
`;

export function renderGuardDocs(): string {
  const sections = GUARD_RULES.map((rule) => {
    const lines = [`### ${rule.id} ${rule.slug}: ${rule.title}`, ''];
    for (const d of rule.decisions) lines.push(`- ${d}`);
    lines.push('', `**Why:** ${rule.rationale}`);
    if ('validateFirst' in rule) lines.push('', `**Validate first:** ${rule.validateFirst}`);
    if ('rollback' in rule) lines.push('', `**Rollback:** ${rule.rollback}`);
    return lines.join('\n');
  });
  return `${INTRO}\n${sections.join('\n\n')}\n`;
}

export function writeGuardDocs(path = new URL('../../docs/guard.md', import.meta.url).pathname): void {
  writeFileSync(path, renderGuardDocs());
}
