/** Longest line the batch reader keeps; the rest of a longer line is dropped unread. */
export const MAX_LINE_CHARS = 100_000;

export interface Line {
  text: string;
  /** Whether characters past MAX_LINE_CHARS were dropped. */
  cut: boolean;
}

/**
 * Lines of a stream, split on "\n" only: a CRLF line loses its "\r", a lone
 * "\r" is part of the text. A line is capped before anything else sees it,
 * so one huge line costs no more memory than the cap.
 */
export async function* readLines(input: NodeJS.ReadableStream, max = MAX_LINE_CHARS): AsyncGenerator<Line> {
  let buf = '';
  let cut = false;
  const finish = (text: string): Line => {
    const line = { text: text.endsWith('\r') ? text.slice(0, -1) : text, cut };
    cut = false;
    return line;
  };
  input.setEncoding?.('utf8');
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    let data = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n')) {
      yield finish(keep(buf, data.slice(0, nl)));
      buf = '';
      data = data.slice(nl + 1);
    }
    buf = keep(buf, data);
  }
  if (buf.length > 0 || cut) yield finish(buf);

  // One char past the cap is kept so a cut line whose "\r" fell past it is still marked.
  function keep(have: string, more: string): string {
    if (have.length >= max + 1) {
      if (more.length) cut = true;
      return have;
    }
    const next = have + more;
    if (next.length > max + 1) cut = true;
    return next.length > max + 1 ? next.slice(0, max + 1) : next;
  }
}
