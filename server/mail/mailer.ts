import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { makePrivateDir } from '../db/private-files.js';

export interface OutgoingMail {
  /** Names the .eml file in the outbox; unique per delivery. */
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: { cid: string; filename: string; content: Buffer }[];
  /** The one-click unsubscribe address (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
}

export interface Mailer {
  /** Where mail goes, for logs and the admin page. */
  readonly target: string;
  /** Resolves when the mail server (or the outbox) has accepted the message. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** A refused delivery: `permanent` (5xx: bad address, rejected) is not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

function classify(err: unknown): DeliveryError {
  const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new DeliveryError(e.response ?? e.message ?? String(err), permanent);
}

/**
 * SMTP through nodemailer when `smtpUrl` is set (smtp://user:pass@host:port, smtps://…);
 * otherwise every message is written as an .eml file into `outboxDir`.
 */
export function createMailer({
  smtpUrl,
  outboxDir,
  from
}: {
  smtpUrl: string | null;
  outboxDir: string;
  from: string;
}): Mailer {
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: smtpUrl ? smtpUrl.replace(/\/\/[^@/]*@/, '//***@') : `outbox ${outboxDir}`,
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          ...(mail.unsubscribeUrl
            ? {
                list: { unsubscribe: mail.unsubscribeUrl },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
              }
            : {}),
          attachments: mail.attachments.map((a) => ({
            ...a,
            contentType: 'image/png',
            contentDisposition: 'inline' as const
          }))
        });
        if (!smtpUrl) {
          // Mail holds names and assessments: readable by the server's own user only.
          makePrivateDir(outboxDir);
          writeFileSync(join(outboxDir, `${mail.key}.eml`), (info as unknown as { message: Buffer }).message, {
            mode: 0o600
          });
        }
        return { messageId: info.messageId };
      } catch (err) {
        throw classify(err);
      }
    },
    close: () => transport.close()
  };
}
