import ipaddr from 'ipaddr.js';
import { secretMatches } from '#shared/chat/telegram/http.js';
import { describeError, RelayError } from '#shared/errors.js';
import { type HttpEvent, type HttpRoute, header, jsonResult } from '#shared/http/types.js';
import type { Log } from '#shared/log.js';
import { searchRequestFromParams } from '#shared/search/request.js';
import type { AdminAnswers, AdminQuestion, AdminQuestions } from './admin-answers.js';
import { ADMIN_PREFIX } from './stack-file.js';

/** Reads each question's parameters from a query string, refusing what the CLI would refuse. */
const READ_PARAMS: { [Q in AdminQuestion]: (params: Record<string, string>) => AdminQuestions[Q]['params'] } =
  {
    search: searchRequestFromParams,
    feeds: noParams,
    status: noParams,
  };

function noParams(params: Record<string, string>): Record<string, never> {
  const names = Object.keys(params);
  if (names.length)
    throw new RelayError('admin_request_invalid', `unknown parameter ${names[0]} (expected none)`);
  return {};
}

const isQuestion = (name: string): name is AdminQuestion => Object.hasOwn(READ_PARAMS, name);

function fromLoopback(event: HttpEvent): boolean {
  try {
    return ipaddr.process(event.requestContext.http.sourceIp).range() === 'loopback';
  } catch {
    return false;
  }
}

/**
 * `GET /admin/<question>?<params>`: the local stack answers a CLI command run beside it, as JSON.
 * Only from loopback (the stack may listen on all interfaces with IASPN_HOST), and only with the
 * token of the stack file, which its owner alone can read: a web page the admin opens (DNS
 * rebinding included) cannot send it.
 */
export function adminRoute(answers: AdminAnswers, token: string, log: Log): HttpRoute {
  return {
    prefix: ADMIN_PREFIX,
    describe: "the CLI's questions to this stack: search, feeds, status (loopback, the stack file's token)",
    async handler(event) {
      if (!fromLoopback(event)) return jsonResult(403, { error: 'loopback only' });
      if (!secretMatches(token, header(event, 'authorization')?.replace(/^Bearer /, '')))
        return jsonResult(401, { error: 'the token of the stack file is required' });
      if (event.requestContext.http.method !== 'GET')
        return jsonResult(405, { error: 'GET only' }, { allow: 'GET' });
      const name = event.rawPath.replace(/^\//, '');
      if (!isQuestion(name)) return jsonResult(404, { error: `no question ${name}` });
      let params: AdminQuestions[typeof name]['params'];
      try {
        params = READ_PARAMS[name](Object.fromEntries(new URLSearchParams(event.rawQueryString)));
      } catch (error) {
        // The readers are pure: what they refuse is the caller's mistake, said as the CLI says it.
        if (!(error instanceof RelayError)) throw error;
        return jsonResult(400, { error: error.message });
      }
      try {
        const answer = await (answers[name] as (p: typeof params) => Promise<unknown>)(params);
        log.debug('admin question answered', { question: name });
        return jsonResult(200, answer);
      } catch (error) {
        log.warn('admin question failed', { question: name, error: describeError(error) });
        return jsonResult(500, { error: describeError(error) });
      }
    },
  };
}
