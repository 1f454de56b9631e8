import { defineRule } from '../../core/rule.js';
import {
  type AmRoute,
  alertmanagerConfig,
  allRoutes,
  type RouteMatcher,
  sendResolvedDefault,
} from '../../models/alertmanager.js';

export const rule = defineRule({
  id: 'AMG001',
  title: 'Alertmanager groups alerts, reports resolution and routes critical alerts',
  severity: 'warning',
  domain: 'observability',
  kinds: ['alertmanager-config'],
  rationale:
    'Without `group_by` an outage that trips fifty alerts sends fifty notifications; without `send_resolved` ' +
    'nobody learns the incident is over; without a route for `severity="critical"` a page-worthy alert lands ' +
    'in the same channel as the noise.',
  fix:
    'Set `route.group_by: [alertname, cluster, service]`, `send_resolved: true` on every receiver config, and a ' +
    'child route `matchers: [severity="critical"]` to the paging receiver.',
  rollback: 'Revert alertmanager.yml and reload (`POST /-/reload`); validate first with `amtool check-config`.',
  peers: ['amtool:check-config'],
  notes:
    "`send_resolved` is judged with Alertmanager's defaults: it is off unless set for `email_configs`, " +
    '`slack_configs` and `wechat_configs`, and on by default for the other notifiers (webhook, PagerDuty, ' +
    'Opsgenie, …), which are reported only when set to `false`. A critical route is any route whose `match`, ' +
    '`match_re` or `matchers` selects `severity` values including `critical`.',
  check(file, ctx) {
    const config = alertmanagerConfig(file);
    if (!config) return;
    const route = config.route;
    if (!route) {
      ctx.report({ range: config.firstKeyRange, message: 'No `route:`: Alertmanager cannot route any alert.' });
    } else {
      if (route.groupBy === undefined || route.groupBy.length === 0) {
        ctx.report({
          range: route.range,
          message: 'The route has no `group_by`: every alert of an outage becomes its own notification.',
        });
      }
      if (!allRoutes(route).some(routesCritical)) {
        ctx.report({
          range: route.range,
          message:
            'No route matches `severity="critical"`: critical alerts go to the default receiver with everything else.',
        });
      }
    }
    for (const receiver of config.receivers) {
      for (const c of receiver.configs) {
        const effective = c.sendResolved ?? sendResolvedDefault(c.type);
        if (effective) continue;
        ctx.report({
          range: c.sendResolvedRange ?? c.range,
          message: `Receiver \`${receiver.name}\` ${c.type.replace(/_configs$/, '')} notifications have no \`send_resolved: true\`: nobody learns the alert resolved.`,
        });
      }
    }
  },
});

function routesCritical(route: AmRoute): boolean {
  return route.matchers.some((m) => m.label === 'severity' && selectsCritical(m));
}

function selectsCritical(m: RouteMatcher): boolean {
  if (m.op === '=') return m.value === 'critical';
  if (m.op === '!=') return m.value !== 'critical';
  let matches: boolean;
  try {
    matches = new RegExp(`^(?:${m.value})$`).test('critical');
  } catch {
    return false;
  }
  return m.op === '=~' ? matches : !matches;
}
