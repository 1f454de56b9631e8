import { defineRule } from '../../core/rule.js';
import { parseHcl } from '../../parsers/hcl.js';
import { attribute } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'TF011',
  title: 'Document variables and outputs',
  severity: 'info',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  rationale:
    'Variables and outputs are a module’s interface: without a description and a type, callers guess what ' +
    'to pass and a wrong value fails late, at plan or apply time, instead of at validation.',
  fix: 'Add `description = "…"` and `type = …` to every `variable`, and `description` to every `output`.',
  peers: [
    'tflint:terraform_documented_variables',
    'tflint:terraform_documented_outputs',
    'tflint:terraform_typed_variables',
  ],
  check(file, ctx) {
    for (const block of parseHcl(file).body.blocks) {
      const name = block.labels[0]?.value ?? '';
      const missing = (...attrs: string[]) => attrs.filter((a) => !attribute(block.body, a));
      if (block.type === 'variable') {
        const lacks = missing('description', 'type');
        if (lacks.length > 0) {
          ctx.report({ range: block.headRange, message: `Variable \`${name}\` has no ${lacks.join(' and no ')}.` });
        }
      } else if (block.type === 'output' && missing('description').length > 0) {
        ctx.report({ range: block.headRange, message: `Output \`${name}\` has no description.` });
      }
    }
  },
});
