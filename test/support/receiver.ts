import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Received {
  key: string;
  body: any;
  /** the request's headers and its body as sent (a signature covers these bytes) */
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/**
 * An HTTP receiver on loopback standing in for what a webhook reaches (a relay to a messaging
 * app): records every request; `answer` decides each status (e.g. 500 for the first to test retries).
 */
export async function startReceiver(answer: (n: number, r: Received) => number = () => 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let s = '';
      req.on('data', (d) => (s += d));
      req.on('end', () => resolve(s));
    });
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const r = { key: String(req.headers['idempotency-key'] ?? ''), body: JSON.parse(raw), headers: req.headers, raw };
    received.push(r);
    res.statusCode = answer(received.length, r);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
