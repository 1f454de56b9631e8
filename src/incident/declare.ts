/**
 * `incident declare`: the Slack Block Kit message announcing an incident (severity, summary, commander,
 * channel, next update time), ready for `chat.postMessage` through the Slack integration. The time is given
 * (`now`), never read here, so the message is reproducible.
 */
import { parseDuration, type SeverityDefinition } from './severity-matrix.js';

export interface Declaration {
  definition: SeverityDefinition;
  summary: string;
  commander: string | undefined;
  /** Where the incident is worked (e.g. `#inc-2024-05-02-checkout`). */
  channel: string;
  now: Date;
  title?: string;
  status?: string;
  /** Why this severity (from `classify`), shown in the message. */
  rationale?: readonly string[];
}

export interface SlackMessage {
  channel: string;
  text: string;
  blocks: unknown[];
}

const EMOJI: Readonly<Record<string, string>> = {
  SEV1: ':rotating_light:',
  SEV2: ':red_circle:',
  SEV3: ':large_orange_circle:',
  SEV4: ':white_circle:',
};

export function declareMessage(d: Declaration): SlackMessage {
  const r = d.definition.response;
  const every = parseDuration(r.updateEvery) ?? 60;
  const next = new Date(d.now.getTime() + every * 60_000);
  const nextUpdate = formatUtc(next);
  const emoji = EMOJI[d.definition.level] ?? ':warning:';
  const title = d.title ?? d.summary;
  const commander = d.commander ?? 'unassigned: reply to take command';
  const text = `${d.definition.level} (${d.definition.name}) declared: ${title}. Commander: ${commander}. Next update by ${nextUpdate}.`;
  const fields = [
    field('Severity', `${d.definition.level} — ${d.definition.name}`),
    field('Status', d.status ?? 'Investigating'),
    field('Incident commander', commander),
    field('Channel', d.channel),
    field('Declared', formatUtc(d.now)),
    field('Next update', `by ${nextUpdate} (every ${r.updateEvery})`),
  ];
  const blocks: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`${emoji} ${d.definition.level}: ${title}`, 150), emoji: true },
    },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*Summary:* ${escapeMrkdwn(d.summary)}`, 3000) } },
    { type: 'section', fields },
  ];
  if (d.rationale && d.rationale.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: truncate(`Why ${d.definition.level}: ${escapeMrkdwn(d.rationale.join('; '))}`, 3000) },
      ],
    });
  }
  blocks.push(
    { type: 'divider' },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `Acknowledge within ${r.acknowledge} · resolve within ${r.resolveWithin} · paging ${r.page.length > 0 ? r.page.join(', ') : 'nobody'} · postmortem ${r.postmortem.required ? 'required' : 'optional'}`,
            3000,
          ),
        },
      ],
    },
  );
  return { channel: d.channel, text, blocks };
}

function field(label: string, value: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${escapeMrkdwn(value)}`, 2000) };
}

/** `2024-05-02 14:35 UTC`. */
export function formatUtc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Slack mrkdwn control characters (`&`, `<`, `>`) must be escaped in user text. */
function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
