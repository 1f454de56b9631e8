import { defineRule } from '../../core/rule.js';
import { DATASTORE_PORTS } from '../../models/service-tiers.js';
import { type LocatedString, stringsWithRanges, type TfModule, terraformModel } from '../../models/terraform.js';
import { asBool, asNumber, asString, type HclValue } from '../../models/terraform-eval.js';
import type { HclBody, HclExpr } from '../../parsers/hcl.js';
import { attribute, childBlocks } from '../../parsers/hcl-ast.js';

type PortSpan = readonly [number, number];
const ALL_PORTS: PortSpan = [0, 65535];
/** Sources that mean "the whole Internet" (Azure also spells it `*`, `Internet`, `Any`). */
const OPEN_SOURCES = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any']);

export const rule = defineRule({
  id: 'TF007',
  title: 'Do not open ingress to the Internet',
  severity: 'error',
  domain: 'cloud',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'A rule admitting `0.0.0.0/0` exposes the port to every scanner on the Internet within minutes; SSH, RDP ' +
    'and database ports are brute-forced and exploited first.',
  fix:
    'Admit only the load balancer’s security group or known CIDRs; reach instances through SSM Session ' +
    'Manager / IAP / Bastion instead of an open port 22 or 3389.',
  rollback:
    'Narrowing a rule can cut off a client that relied on it: apply the narrowed rule next to the old one, ' +
    'watch the flow logs, then remove the open rule.',
  peers: [
    'checkov:CKV_AWS_24',
    'checkov:CKV_AWS_25',
    'checkov:CKV_AWS_260',
    'checkov:CKV_GCP_2',
    'checkov:CKV_AZURE_10',
  ],
  notes:
    'Error for 22, 3389 and datastore ports (5432, 3306, 6379, 27017, 9200 …) and for all ports; warning for ' +
    'other ports; 80 and 443 are fine. Covers `aws_security_group` inline `ingress`, `aws_security_group_rule` ' +
    '(`type = "ingress"`), `aws_vpc_security_group_ingress_rule`, `google_compute_firewall` (`INGRESS` `allow`), ' +
    'and `azurerm_network_security_rule` / inline `security_rule` (`Inbound` `Allow`). Unknown ports or ' +
    'sources are not reported.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        for (const ingress of ingressesOf(module, resource.type, resource.block.body)) {
          const verdict = classify(ingress.spans);
          if (!verdict) continue;
          for (const source of ingress.open) {
            ctx.report({
              file: resource.file,
              range: source.range,
              severity: verdict.severity,
              message: `\`${resource.address}\` admits ${source.value} to ${verdict.text}.`,
            });
          }
        }
      }
    }
  },
});

/** The evaluated value of an attribute of a body (undefined when absent). */
type Lookup = (body: HclBody, name: string) => HclValue | undefined;

interface Ingress {
  open: LocatedString[];
  spans: PortSpan[];
}

function ingressesOf(module: TfModule, type: string, body: HclBody): Ingress[] {
  const v: Lookup = (b, name) => {
    const a = attribute(b, name);
    return a ? module.value(a.value) : undefined;
  };
  const open = (b: HclBody, ...names: string[]) =>
    names.flatMap((n) => {
      const a = attribute(b, n);
      return a ? openSources(module, a.value) : [];
    });
  const one = (b: HclBody, cidrs: string[], protocol: string): Ingress[] => {
    const spans = awsSpans(asString(v(b, protocol)), asNumber(v(b, 'from_port')), asNumber(v(b, 'to_port')));
    return spans ? [{ open: open(b, ...cidrs), spans }] : [];
  };
  switch (type) {
    case 'aws_security_group':
      return childBlocks(body, 'ingress').flatMap((b) => one(b.body, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol'));
    case 'aws_security_group_rule':
      return v(body, 'type') === 'ingress' ? one(body, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol') : [];
    case 'aws_vpc_security_group_ingress_rule':
      return one(body, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
    case 'google_compute_firewall': {
      const direction = asString(v(body, 'direction') ?? 'INGRESS')?.toUpperCase();
      if (direction !== 'INGRESS' || asBool(v(body, 'disabled') ?? false) !== false) return [];
      const spans = childBlocks(body, 'allow').map((b) =>
        gcpSpans(asString(v(b.body, 'protocol')), v(b.body, 'ports')),
      );
      if (spans.some((s) => s === undefined)) return [];
      return [{ open: open(body, 'source_ranges'), spans: spans.flat() as PortSpan[] }];
    }
    case 'azurerm_network_security_rule':
      return azureRule(body, v, open);
    case 'azurerm_network_security_group':
      return childBlocks(body, 'security_rule').flatMap((b) => azureRule(b.body, v, open));
    default:
      return [];
  }
}

function openSources(module: TfModule, expr: HclExpr): LocatedString[] {
  return stringsWithRanges(module, expr).filter((s) => OPEN_SOURCES.has(s.value.toLowerCase()));
}

/** AWS protocol + port range; undefined when unknown; no spans for ICMP. */
function awsSpans(
  protocol: string | undefined,
  from: number | undefined,
  to: number | undefined,
): PortSpan[] | undefined {
  const p = protocol?.toLowerCase();
  if (p === undefined) return undefined;
  if (p === '-1' || p === 'all') return [ALL_PORTS];
  if (p === 'icmp' || p === '1' || p === 'icmpv6' || p === '58') return [];
  if (from === undefined || to === undefined) return undefined;
  return [from < 0 ? ALL_PORTS : [from, to]];
}

function gcpSpans(protocol: string | undefined, ports: HclValue | undefined): PortSpan[] | undefined {
  const p = protocol?.toLowerCase();
  if (p === undefined) return undefined;
  if (p === 'icmp' || p === 'esp' || p === 'ah') return [];
  if (ports === undefined || p === 'all') return [ALL_PORTS];
  if (!Array.isArray(ports) || !ports.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
  return parseSpans(ports.map(String));
}

function azureRule(body: HclBody, v: Lookup, open: (b: HclBody, ...names: string[]) => LocatedString[]): Ingress[] {
  if (asString(v(body, 'direction'))?.toLowerCase() !== 'inbound') return [];
  if (asString(v(body, 'access'))?.toLowerCase() !== 'allow') return [];
  if (asString(v(body, 'protocol'))?.toLowerCase() === 'icmp') return [];
  const single = v(body, 'destination_port_range');
  const many = v(body, 'destination_port_ranges');
  const raw = single !== undefined ? [single] : many;
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string' || typeof x === 'number')) return [];
  const spans = parseSpans(raw.map(String));
  return spans ? [{ open: open(body, 'source_address_prefix', 'source_address_prefixes'), spans }] : [];
}

/** `"22"`, `"1000-2000"`, `"*"`. */
function parseSpans(ports: string[]): PortSpan[] | undefined {
  const out: PortSpan[] = [];
  for (const p of ports) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(p);
    if (p.trim() === '*') out.push(ALL_PORTS);
    else if (m) out.push([Number(m[1]), Number(m[2] ?? m[1])]);
    else return undefined;
  }
  return out;
}

const CRITICAL_NAMES: [number, string][] = [
  [22, 'SSH'],
  [3389, 'RDP'],
];

function classify(spans: readonly PortSpan[]): { severity: 'error' | 'warning'; text: string } | undefined {
  const covers = (port: number) => spans.some(([a, b]) => a <= port && port <= b);
  const all = spans.some(([a, b]) => a <= 0 && b >= 65535);
  const single = !all && spans.length === 1 && spans[0]?.[0] === spans[0]?.[1];
  const critical = CRITICAL_NAMES.filter(([port]) => covers(port)).map(([, name]) => name);
  const datastore = [...DATASTORE_PORTS].sort((a, b) => a - b).find(covers);
  if (datastore !== undefined) critical.push(single ? 'datastore' : `datastore port ${datastore}`);
  const web = spans.every(([a, b]) => a === b && (a === 80 || a === 443));
  if (critical.length === 0 && web) return undefined;
  const text = all ? 'all ports' : spans.map(([a, b]) => (a === b ? `port ${a}` : `ports ${a}-${b}`)).join(', ');
  if (critical.length === 0) return { severity: 'warning', text };
  return { severity: 'error', text: `${text} (${single ? '' : 'incl. '}${critical.join(', ')})` };
}
