/**
 * The load run's store and mail endpoint, in a child process of their own so that the peak memory
 * the load run reports per job is the relay's, not dynalite's. dynalite persists to LevelDB under the
 * directory it is given, as `npm start` does.
 *
 * Mail goes to a counting endpoint that speaks SES's SendRawEmail (the query protocol the relay's
 * mailer uses) and keeps only each message's recipients. The SES emulator of the local stack parses
 * every message with mailparser (about 50 ms a message on this machine under load, 90 minutes for
 * 100,000 digests): at this scale it would measure the emulator, not the relay. The tests show the
 * digests themselves against the emulator.
 *
 * Started by scripts/load/world.ts with `fork`; it reports its endpoints and, on request, the emails
 * counted, over the IPC channel.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDynalite } from '#cli/local/services.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: services.ts <data-dir>');
const dynamo = await startDynalite({ dataDir });

let received = 0;
const recipients = new Map<string, number>();
const toOf = (raw: string) => /^To:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';

const ses = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const form = new URLSearchParams(body);
    if (form.get('Action') !== 'SendRawEmail') {
      res
        .writeHead(400, { 'content-type': 'text/xml' })
        .end('<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>');
      return;
    }
    const raw = Buffer.from(form.get('RawMessage.Data') ?? '', 'base64').toString('utf8');
    const to = form.get('Destinations.member.1') ?? toOf(raw.slice(0, 4096));
    received += 1;
    recipients.set(to, (recipients.get(to) ?? 0) + 1);
    res
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(
        `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>${randomUUID()}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SendRawEmailResponse>`,
      );
  });
});
await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));

process.on('message', async (message: { ask: 'emails' | 'close' }) => {
  if (message.ask === 'emails') {
    let repeated = 0;
    for (const n of recipients.values()) if (n > 1) repeated += 1;
    process.send?.({ emails: received, recipients: recipients.size, repeated });
  } else {
    ses.closeAllConnections();
    await new Promise((resolve) => ses.close(resolve));
    await dynamo.close();
    process.send?.({ closed: true });
    process.exit(0);
  }
});
process.send?.({ dynamo: dynamo.endpoint, ses: `http://127.0.0.1:${(ses.address() as AddressInfo).port}` });
