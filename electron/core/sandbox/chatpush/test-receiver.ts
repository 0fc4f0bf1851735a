import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support: a loopback endpoint that records the POSTs the sandbox makes (status callbacks, webhooks) and
 * answers each with the next scripted status (then 200).
 */
export interface PostReceiver {
  url: string;
  received: { path: string; contentType: string | undefined; body: unknown }[];
  /** Statuses for the next answers, in order; 200 once they run out. */
  answerWith(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startPostReceiver(): Promise<PostReceiver> {
  const received: PostReceiver['received'] = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      received.push({ path: req.url ?? '/', contentType: req.headers['content-type'], body });
      res.writeHead(script.shift() ?? 200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answerWith: (...statuses) => script.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
