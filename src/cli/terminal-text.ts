/** C0 controls but tab and newline, DEL, and C1 controls (ESC, CSI and the rest a terminal acts on). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text for the operator's terminal: control characters dropped, so a value
 * that came from outside (a flag, a channel id, a store row) cannot move
 * the cursor, retitle the window or hide a line with escape sequences.
 */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, '');
}

/** An outside value quoted in a message: control characters shown as \u escapes, cut to `max` characters. */
export function quoted(value: string, max = 80): string {
  const shown = value.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${shown.length > max ? `${shown.slice(0, max)}…` : shown}"`;
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls; DEL and C1
 * get \u escapes too (the same value, parsed).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
