/** Shows at most the first 4 characters of a secret, then `****` (the catalog's redaction contract). */
export function redactValue(value: string): string {
  const visible = value.length > 8 ? value.slice(0, 4) : '';
  return `${visible}****`;
}

/** Replaces the span [start, end) of `text` with its redacted form. */
export function redactSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + redactValue(text.slice(start, end)) + text.slice(end);
}
