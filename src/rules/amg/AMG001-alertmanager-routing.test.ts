import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './AMG001-alertmanager-routing.js';

ruleTester(rule, {
  valid: [
    {
      name: 'grouped, critical route, resolved notifications (explicit or by default)',
      files: {
        'alertmanager.yml':
          'route:\n  receiver: team\n  group_by: [alertname, service]\n  routes:\n    - matchers: [severity="critical"]\n      receiver: pager\nreceivers:\n  - name: team\n    slack_configs:\n      - channel: "#alerts"\n        send_resolved: true\n  - name: pager\n    pagerduty_configs:\n      - routing_key_file: /etc/alertmanager/pd-key\n',
      },
    },
    {
      name: 'match_re and the legacy match syntax',
      files: {
        'alertmanager.yml':
          'route:\n  receiver: team\n  group_by: [alertname]\n  routes:\n    - match_re:\n        severity: critical|page\n      receiver: team\nreceivers:\n  - name: team\n    webhook_configs:\n      - url: http://hooks.internal/alert\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no group_by, no critical route, Slack and email without send_resolved, webhook turned off',
      files: {
        'monitoring/alertmanager.yml':
          'route:\n  receiver: team\n  routes:\n    - matchers: [severity="warning"]\n      receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - channel: "#alerts"\n    email_configs:\n      - to: ops@example.com\n    webhook_configs:\n      - url: http://hooks.internal/alert\n        send_resolved: false\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          message:
            'No route matches `severity="critical"`: critical alerts go to the default receiver with everything else.',
        },
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          message: 'The route has no `group_by`: every alert of an outage becomes its own notification.',
        },
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 16,
          message:
            'Receiver `team` slack notifications have no `send_resolved: true`: nobody learns the alert resolved.',
        },
        { line: 11, column: 9, endLine: 11, endColumn: 11, message: /^Receiver `team` email notifications/ },
        { line: 14, column: 24, endLine: 14, endColumn: 29, message: /^Receiver `team` webhook notifications/ },
      ],
    },
  ],
});
