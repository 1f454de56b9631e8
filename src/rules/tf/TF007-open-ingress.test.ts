import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF007-open-ingress.js';

beforeAll(() => initHcl());

const sg = (ingress: string) => `resource "aws_security_group" "web" {\n  ingress {\n${ingress}  }\n}\n`;
const ports = (from: number, to: number, cidr = '["0.0.0.0/0"]') =>
  `    from_port   = ${from}\n    to_port     = ${to}\n    protocol    = "tcp"\n    cidr_blocks = ${cidr}\n`;

ruleTester(rule, {
  valid: [
    { name: 'HTTPS from anywhere', files: { 'sg.tf': sg(ports(443, 443)) } },
    { name: 'SSH from the office only', files: { 'sg.tf': sg(ports(22, 22, '["203.0.113.0/24"]')) } },
    {
      name: 'unknown CIDR is not reported',
      files: { 'sg.tf': `variable "cidr" {}\n${sg(ports(22, 22, '[var.cidr]'))}` },
    },
    {
      name: 'egress rule',
      files: {
        'sg.tf':
          'resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      },
    },
    {
      name: 'GCP firewall for HTTP(S) and Azure deny rule',
      files: {
        'fw.tf':
          'resource "google_compute_firewall" "web" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["80", "443"]\n  }\n}\nresource "azurerm_network_security_rule" "deny" {\n  direction                  = "Inbound"\n  access                     = "Deny"\n  protocol                   = "Tcp"\n  source_address_prefix      = "*"\n  destination_port_range     = "22"\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'open SSH on an inline ingress block',
      files: { 'sg.tf': sg(ports(22, 22)) },
      errors: [
        {
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 31,
          severity: 'error',
          message: '`aws_security_group.web` admits 0.0.0.0/0 to port 22 (SSH).',
        },
      ],
    },
    {
      name: 'other port from anywhere is a warning; the CIDR comes from a variable default',
      files: {
        'sg.tf': `variable "open" {\n  default = "0.0.0.0/0"\n}\n${sg(ports(8080, 8080, '["10.0.0.0/8", var.open]'))}`,
      },
      errors: [
        {
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 42,
          severity: 'warning',
          message: '`aws_security_group.web` admits 0.0.0.0/0 to port 8080.',
        },
      ],
    },
    {
      name: 'all protocols over IPv6 with a standalone rule',
      files: {
        'sg.tf':
          'resource "aws_security_group_rule" "all" {\n  type             = "ingress"\n  from_port        = 0\n  to_port          = 0\n  protocol         = "-1"\n  ipv6_cidr_blocks = ["::/0"]\n}\n',
      },
      errors: [
        {
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 29,
          severity: 'error',
          message: '`aws_security_group_rule.all` admits ::/0 to all ports (incl. SSH, RDP, datastore port 1433).',
        },
      ],
    },
    {
      name: 'VPC ingress rule to Postgres',
      files: {
        'sg.tf':
          'resource "aws_vpc_security_group_ingress_rule" "db" {\n  cidr_ipv4   = "0.0.0.0/0"\n  from_port   = 5432\n  to_port     = 5432\n  ip_protocol = "tcp"\n}\n',
      },
      errors: [
        {
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 28,
          severity: 'error',
          message: '`aws_vpc_security_group_ingress_rule.db` admits 0.0.0.0/0 to port 5432 (datastore).',
        },
      ],
    },
    {
      name: 'GCP firewall with RDP and Azure inbound rule with a port range',
      files: {
        'fw.tf':
          'resource "google_compute_firewall" "rdp" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["3389"]\n  }\n}\nresource "azurerm_network_security_rule" "apps" {\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = "Internet"\n  destination_port_range     = "8443-8444"\n}\n',
      },
      errors: [
        { line: 2, column: 20, endLine: 2, endColumn: 31, severity: 'error', message: /port 3389 \(RDP\)\.$/ },
        {
          line: 12,
          column: 32,
          endLine: 12,
          endColumn: 42,
          severity: 'warning',
          message: '`azurerm_network_security_rule.apps` admits Internet to ports 8443-8444.',
        },
      ],
    },
  ],
});
