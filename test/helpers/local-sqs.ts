import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '#cli/local/ports.js';

/** One SendMessage request as the stand-in received it. */
export interface SentMessage {
  queueUrl: string;
  body: string;
}

export interface LocalSqs {
  /** `http://127.0.0.1:<port>`: give it as the SQS client's endpoint (or AWS_ENDPOINT_URL_SQS). */
  endpoint: string;
  /** Every message sent, in order. */
  sent: SentMessage[];
  /**
   * What GetQueueAttributes answers for the queue's depth (nothing is delivered here, so a test sets
   * what a real queue would hold: waiting, in a consumer's hands, delayed).
   */
  depth: { visible: number; notVisible: number; delayed: number };
  close(): Promise<void>;
}

/**
 * A local SQS that takes SendMessage over the AWS JSON 1.0 protocol and keeps what it was sent,
 * answering as the real service does (a message id and the body's MD5, which the SDK checks), and
 * answers GetQueueAttributes with the depth a test set. Nothing leaves the machine; nothing is
 * delivered anywhere.
 */
export async function startLocalSqs(): Promise<LocalSqs> {
  const sent: SentMessage[] = [];
  const depth = { visible: 0, notVisible: 0, delayed: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      const target = req.headers['x-amz-target'];
      if (target === 'AmazonSQS.GetQueueAttributes') {
        const counts: Record<string, number> = {
          ApproximateNumberOfMessages: depth.visible,
          ApproximateNumberOfMessagesNotVisible: depth.notVisible,
          ApproximateNumberOfMessagesDelayed: depth.delayed,
        };
        const { AttributeNames = [] } = JSON.parse(body) as { AttributeNames?: string[] };
        const Attributes = Object.fromEntries(
          AttributeNames.filter((name) => name in counts).map((name) => [name, String(counts[name])]),
        );
        res.writeHead(200).end(JSON.stringify({ Attributes }));
        return;
      }
      if (target !== 'AmazonSQS.SendMessage') {
        res.writeHead(400).end(JSON.stringify({ __type: 'UnsupportedOperation', message: `${target}` }));
        return;
      }
      const { QueueUrl, MessageBody } = JSON.parse(body) as { QueueUrl: string; MessageBody: string };
      sent.push({ queueUrl: QueueUrl, body: MessageBody });
      res.writeHead(200).end(
        JSON.stringify({
          MessageId: String(sent.length),
          MD5OfMessageBody: createHash('md5').update(MessageBody).digest('hex'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    depth,
    close: () => closeServer(server),
  };
}
