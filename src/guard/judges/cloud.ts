/** aws, gcloud, gsutil and az: irreversible deletions (deny) and other live changes (ask). */
import { type Arg, hasLong, hasShort, positionals } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

const AWS_VALUED = new Set([
  '--region',
  '--profile',
  '--output',
  '--endpoint-url',
  '--query',
  '--color',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--ca-bundle',
]);

/** aws operations that change or remove live resources, by prefix or exact name. */
const AWS_MUTATING_PREFIXES = ['delete-', 'terminate-', 'remove-', 'deregister-'];
const AWS_MUTATING = new Set(['update-service', 'update-function-code', 'deploy', 'execute-change-set']);

export function judgeAws(cmd: GuardCommand): Judgement | undefined {
  const argv = cmd.argv;
  const [service, op, ...rest] = positionals(argv, AWS_VALUED);
  const shown = quote(cmd.shownText);
  if (service === undefined || op === undefined || hasLong(argv, '--dry-run')) return undefined;
  if (service === 's3') return judgeS3(cmd, op, rest);
  const snapshotless =
    service === 'rds' &&
    (op === 'delete-db-instance' || op === 'delete-db-cluster') &&
    hasLong(argv, '--skip-final-snapshot');
  if (snapshotless) {
    return judgement('GRD007', 'deny', `${shown} deletes the database with no final snapshot: its data is gone.`, {
      validateFirst: '`aws rds create-db-snapshot --db-instance-identifier <id> --db-snapshot-identifier <name>` first',
    });
  }
  if ((service === 'eks' && op === 'delete-cluster') || (service === 'dynamodb' && op === 'delete-table')) {
    return judgement(
      'GRD007',
      'deny',
      `${shown} deletes a whole ${service === 'eks' ? 'cluster' : 'table and its data'}.`,
    );
  }
  if (AWS_MUTATING.has(op) || AWS_MUTATING_PREFIXES.some((p) => op.startsWith(p))) {
    return judgement('GRD016', 'ask', `${shown} changes live AWS resources (\`${service} ${op}\`).`, {
      validateFirst: `the matching \`aws ${service} describe-*\`/\`get-*\` call, or make the change through IaC with a reviewed plan`,
    });
  }
  return undefined;
}

function judgeS3(cmd: GuardCommand, op: string, rest: Arg[]): Judgement | undefined {
  const argv = cmd.argv;
  const shown = quote(cmd.shownText);
  const target = rest.find((r) => r?.startsWith('s3://'));
  if (op === 'rb') {
    if (hasLong(argv, '--force')) {
      return judgement('GRD007', 'deny', `${shown} deletes every object in the bucket, then the bucket.`, {
        validateFirst: `\`aws s3 ls ${target ?? 's3://<bucket>'} --recursive --summarize\`, and back it up first`,
      });
    }
    return judgement('GRD016', 'ask', `${shown} deletes a bucket.`);
  }
  if (op === 'rm') {
    if (hasLong(argv, '--recursive') && target !== undefined && isBucketRoot(target) && !hasLong(argv, '--dryrun')) {
      return judgement('GRD007', 'deny', `${shown} deletes every object in the bucket \`${target}\`.`, {
        validateFirst: `\`aws s3 rm ${target} --recursive --dryrun\``,
      });
    }
    if (hasLong(argv, '--dryrun')) return undefined;
    return judgement('GRD016', 'ask', `${shown} deletes objects from S3.`, {
      validateFirst: 'the same command with `--dryrun`',
      rollback: 'Restore earlier object versions if the bucket is versioned; otherwise from a backup.',
    });
  }
  if (op === 'sync' && hasLong(argv, '--delete') && !hasLong(argv, '--dryrun')) {
    return judgement('GRD016', 'ask', `${shown} deletes destination objects missing from the source.`, {
      validateFirst: 'the same command with `--dryrun`',
    });
  }
  return undefined;
}

/** `s3://bucket`, `s3://bucket/` (no key prefix). */
function isBucketRoot(url: string): boolean {
  return /^(s3|gs):\/\/[^/]+\/?$/.test(url);
}

const GCLOUD_VALUED = new Set([
  '--project',
  '--region',
  '--zone',
  '--format',
  '--account',
  '--configuration',
  '--impersonate-service-account',
  '--verbosity',
  '--location',
]);

export function judgeGcloud(cmd: GuardCommand): Judgement | undefined {
  const argv = cmd.argv;
  const all = positionals(argv, GCLOUD_VALUED);
  const words = all[0] === 'alpha' || all[0] === 'beta' ? all.slice(1) : all;
  const path = words.join(' ');
  const shown = quote(cmd.shownText);
  const irreversible: [RegExp, string][] = [
    [/^projects delete\b/, 'deletes the whole project and everything in it'],
    [/^sql instances delete\b/, 'deletes the Cloud SQL instance, its databases and its backups'],
    [/^sql databases delete\b/, 'drops the database'],
    [/^container clusters delete\b/, 'deletes the whole GKE cluster'],
  ];
  for (const [pattern, what] of irreversible) {
    if (pattern.test(path)) return judgement('GRD007', 'deny', `${shown} ${what}.`);
  }
  if (words[0] === 'storage' && words[1] === 'rm' && (hasLong(argv, '--recursive') || hasShort(argv, 'r'))) {
    const bucket = words.slice(2).find((w) => w !== undefined && isBucketRoot(w));
    if (bucket !== undefined) return judgement('GRD007', 'deny', `${shown} deletes every object in \`${bucket}\`.`);
  }
  if (words.includes('delete') || words.includes('deploy') || (words[0] === 'storage' && words[1] === 'rm')) {
    return judgement('GRD016', 'ask', `${shown} changes live Google Cloud resources.`, {
      validateFirst: 'the matching `gcloud … describe` call, or make the change through IaC with a reviewed plan',
    });
  }
  return undefined;
}

export function judgeGsutil(cmd: GuardCommand): Judgement | undefined {
  const pos = positionals(cmd.argv, new Set(['-o', '-h', '-u']));
  const shown = quote(cmd.shownText);
  if (pos[0] === 'rm' && (hasShort(cmd.argv, 'r') || hasShort(cmd.argv, 'R'))) {
    const bucket = pos.slice(1).find((w) => w !== undefined && isBucketRoot(w));
    if (bucket !== undefined) return judgement('GRD007', 'deny', `${shown} deletes every object in \`${bucket}\`.`);
  }
  if (pos[0] === 'rm' || pos[0] === 'rb') return judgement('GRD016', 'ask', `${shown} deletes Cloud Storage data.`);
  return undefined;
}

const AZ_VALUED = new Set([
  '-g',
  '--resource-group',
  '-n',
  '--name',
  '--subscription',
  '-o',
  '--output',
  '--query',
  '-l',
  '--location',
]);

export function judgeAz(cmd: GuardCommand): Judgement | undefined {
  const words = positionals(cmd.argv, AZ_VALUED);
  const path = words.join(' ');
  const shown = quote(cmd.shownText);
  const irreversible: [RegExp, string][] = [
    [/^group delete\b/, 'deletes the resource group and every resource in it'],
    [/^aks delete\b/, 'deletes the whole AKS cluster'],
    [/^sql (db|server) delete\b/, 'deletes the database with its data'],
  ];
  for (const [pattern, what] of irreversible) {
    if (pattern.test(path)) return judgement('GRD007', 'deny', `${shown} ${what}.`);
  }
  if (words.includes('delete') || words.includes('deploy') || (words[0] === 'deployment' && words.includes('create'))) {
    return judgement('GRD016', 'ask', `${shown} changes live Azure resources.`, {
      validateFirst: 'the matching `az … show` call (or `az deployment … what-if`)',
    });
  }
  return undefined;
}
