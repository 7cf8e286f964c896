import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { closeServer } from '#cli/local/ports.js';

/** One GetParameter request as the stand-in received it. */
export interface GetParameterCall {
  name: string;
  withDecryption: boolean;
}

export interface LocalSsm {
  /** `http://127.0.0.1:<port>`: give it as the SSM client's endpoint. */
  endpoint: string;
  /** Every GetParameter request, in order. */
  calls: GetParameterCall[];
  /** `aws ssm put-parameter --type SecureString --overwrite`: a new version of the value. */
  put(name: string, value: string): void;
  /** A Powertools SSMProvider (its own cache) that talks to this stand-in. */
  provider(): SSMProvider;
  close(): Promise<void>;
}

/**
 * A local SSM Parameter Store: GetParameter over the AWS JSON 1.1 protocol, for SecureString
 * parameters put with `put`. As the real service does, it answers the ciphertext (opaque base64)
 * unless the request asks WithDecryption, ParameterNotFound for a name never put, and counts each
 * request, so tests see what Powertools' cache asks and when. Nothing leaves the machine.
 */
export async function startLocalSsm(): Promise<LocalSsm> {
  const parameters = new Map<
    string,
    { value: string; version: number; ciphertext: string; modified: number }
  >();
  const calls: GetParameterCall[] = [];
  const answer = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      if (target !== 'AmazonSSM.GetParameter') {
        answer(res, 400, { __type: 'UnknownOperationException', message: `${target} is not served here` });
        return;
      }
      const { Name, WithDecryption } = JSON.parse(body) as { Name: string; WithDecryption?: boolean };
      calls.push({ name: Name, withDecryption: WithDecryption === true });
      const stored = parameters.get(Name);
      if (!stored) {
        answer(res, 400, { __type: 'ParameterNotFound', message: `Parameter ${Name} not found.` });
        return;
      }
      answer(res, 200, {
        Parameter: {
          Name,
          Type: 'SecureString',
          Value: WithDecryption ? stored.value : stored.ciphertext,
          Version: stored.version,
          LastModifiedDate: stored.modified,
          ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${Name.startsWith('/') ? '' : '/'}${Name}`,
          DataType: 'text',
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    put(name, value) {
      const version = (parameters.get(name)?.version ?? 0) + 1;
      const ciphertext = randomBytes(48).toString('base64');
      parameters.set(name, { value, version, ciphertext, modified: Date.now() / 1000 });
    },
    provider: () =>
      new SSMProvider({
        clientConfig: {
          endpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        },
      }),
    close: () => closeServer(server),
  };
}
