export const USAGE = `Usage: proagent-devops <command> [options]

Commands:
  review [PATH...]   Review DevOps artifacts against the conventions (default: .)
  rules [ID]         List the rules, or explain one
  run --list | run RECIPE [--out DIR] [--set key=value ...] [--dry-run] [--force]
                     Scaffold convention-compliant artifacts (reviewed before writing)
  hub [PATH]         Posture across the nine domains, with next actions (--format text|json|html)
  guard -- COMMAND   Judge a shell command before it runs (allow|ask|deny)
  incident classify|runbook|postmortem|declare   Incident-response toolkit
  mcp [--http]       Run the MCP server (stdio; --http: streamable HTTP on 127.0.0.1:8787/mcp)
  hook EVENT         Claude Code hook entry, JSON on stdin
  doctor             Which external tools and integration variables are available (values never printed)
  version            Print the version

review options:
  --format text|json|sarif|markdown|html  Report format (default: text)
  --output FILE                       Write the report to FILE instead of stdout
  --fail-on error|warning|info|never  Exit 1 when a finding is at or above this (default: error)
  --config FILE                       Config file (default: .proagent-devops.yaml, searched upwards)
  --baseline FILE                     Accept the findings recorded in FILE
  --write-baseline FILE               Record the current findings in FILE
  --only ID,...  --skip ID,...        Run only / skip these rules or families (DKR,K8S001)
  --changed-since GITREF              Only report on files changed since GITREF (and what they depend on)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/I-O error.
`;
