import { describe, expect, it } from 'vitest';
import { policySectionChanges } from './config-guard.js';
import { applyEdit } from './pre-write.js';
import { capText, eventFromArgument, parseHookInput } from './protocol.js';

describe('applyEdit (as Claude Code applies an Edit)', () => {
  it('replaces the first occurrence and reports where the new text is', () => {
    expect(applyEdit('a x b x', 'x', 'yy', false)).toEqual({ after: 'a yy b x', written: [[2, 4]] });
  });
  it('replaces every occurrence with replace_all', () => {
    expect(applyEdit('a x b x', 'x', 'yy', true)).toEqual({
      after: 'a yy b yy',
      written: [
        [2, 4],
        [7, 9],
      ],
    });
  });
  it('is undefined when the old text is absent or empty (the Edit fails)', () => {
    expect(applyEdit('abc', 'z', 'y', false)).toBeUndefined();
    expect(applyEdit('abc', '', 'y', false)).toBeUndefined();
  });
});

describe('policySectionChanges', () => {
  it('compares parsed values, not text', () => {
    expect(policySectionChanges('guard:\n  allow: [a]\n', "guard: {allow: ['a']}\n# note\n")).toBeUndefined();
    expect(policySectionChanges('guard:\n  allow: [a]\n', 'guard:\n  allow: [a, b]\n')).toBe(
      'the `guard` section changes',
    );
  });
  it('from an unparseable file, any policy section present is a change', () => {
    expect(policySectionChanges('rules: [', 'rules: {}\n')).toBeUndefined();
    expect(policySectionChanges('rules: [', 'hooks: {stopOnErrors: false}\n')).toBe('the `hooks` section changes');
  });
});

describe('protocol', () => {
  it('accepts registration arguments and event names', () => {
    expect(
      ['pre-tool-use', 'PreToolUse', 'stop', 'Stop', 'UserPromptSubmit', 'toString'].map(eventFromArgument),
    ).toEqual(['PreToolUse', 'PreToolUse', 'Stop', 'Stop', undefined, undefined]);
  });
  it('keeps only the fields it reads, with their types checked', () => {
    expect(
      parseHookInput(
        JSON.stringify({ cwd: '/p', hook_event_name: 'Stop', session_id: 7, stop_hook_active: 'yes', source: 'x' }),
        undefined,
      ),
    ).toEqual({ hookEventName: 'Stop', sessionId: '', cwd: '/p', source: 'x' });
  });
  it('caps long text at a line boundary and says how much was cut', () => {
    const text = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const capped = capText(text, 1000);
    expect(capped.length).toBeLessThanOrEqual(1000);
    expect(capped).toMatch(/\n… \(\d+ more characters cut\)$/);
    expect(capText('short', 1000)).toBe('short');
  });
});
