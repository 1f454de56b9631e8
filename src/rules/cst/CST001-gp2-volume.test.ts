import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST001-gp2-volume.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'gp3 volumes everywhere',
      files: {
        'main.tf':
          'resource "aws_ebs_volume" "data" {\n  type = "gp3"\n  size = 100\n}\n' +
          'resource "aws_instance" "web" {\n  root_block_device {\n    volume_type = "gp3"\n  }\n}\n' +
          'resource "aws_launch_template" "lt" {\n  block_device_mappings {\n    ebs {\n      volume_type = "gp3"\n    }\n  }\n}\n',
      },
    },
    {
      name: 'an unknown type and a block device without a type are not reported',
      files: {
        'main.tf':
          'variable "volume_type" {}\nresource "aws_ebs_volume" "data" {\n  type = var.volume_type\n}\n' +
          'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'explicit gp2 volume, and a volume whose type defaults to gp2',
      files: {
        'ebs.tf':
          'resource "aws_ebs_volume" "data" {\n  type = "gp2"\n}\nresource "aws_ebs_volume" "logs" {\n  size = 50\n}\n',
      },
      errors: [
        { line: 2, column: 10, endLine: 2, endColumn: 15, message: '`aws_ebs_volume.data` is a gp2 volume: use gp3.' },
        {
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 33,
          message: '`aws_ebs_volume.logs` has no `type`, which defaults to gp2: use gp3.',
        },
      ],
    },
    {
      name: 'instance block devices and a launch template mapping, type from a variable default',
      files: {
        'compute.tf':
          'variable "disk" {\n  default = "gp2"\n}\n' +
          'resource "aws_instance" "web" {\n  root_block_device {\n    volume_type = "gp2"\n  }\n  ebs_block_device {\n    volume_type = var.disk\n  }\n}\n' +
          'resource "aws_launch_template" "lt" {\n  block_device_mappings {\n    ebs {\n      volume_type = "GP2"\n    }\n  }\n}\n',
      },
      errors: [
        {
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 24,
          message: '`aws_instance.web` has a gp2 root volume: use gp3.',
        },
        {
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 27,
          message: '`aws_instance.web` has a gp2 EBS volume: use gp3.',
        },
        {
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 26,
          message: '`aws_launch_template.lt` has a gp2 EBS volume mapping: use gp3.',
        },
      ],
    },
  ],
});
