import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PDO002-skipped-file.js';

ruleTester(rule, {
  valid: [{ name: 'nothing skipped', files: { 'a.yaml': 'a: 1\n' } }],
  invalid: [
    {
      name: 'one finding per skipped file, at its start, with the reason',
      files: { 'a.yaml': 'a: 1\n' },
      skipped: [
        { file: 'big/huge.json', reason: 'too large: 6000000 bytes (limit 5242880)' },
        { file: 'img.bin', reason: 'binary content' },
      ],
      errors: [
        {
          file: 'big/huge.json',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: 'Skipped big/huge.json: too large: 6000000 bytes (limit 5242880).',
        },
        { file: 'img.bin', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Skipped img.bin: binary content.' },
      ],
    },
  ],
});
