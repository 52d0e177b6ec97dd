import { SMTPServer } from 'smtp-server';

/** The message with quoted-printable undone (soft breaks joined, =3D → =), to search as a reader sees it. */
export function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (ephemeral port) that records what it accepts; `reject` lists
 * recipients refused permanently (550), as a mail server does for an unknown mailbox; `delayMs`
 * holds each accepted message that long before answering, as a slow mail server does.
 */
export async function startSmtp(options: { reject?: string[]; delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject?.includes(address.address)) {
        return callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        if (options.delayMs) setTimeout(callback, options.delayMs);
        else callback();
      });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    recipients: () => received.flatMap((m) => m.to).sort(),
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
}
