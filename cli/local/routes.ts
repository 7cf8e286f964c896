import { createSlackFace, createTelegramFace, lazyBotRoute } from '#shared/bot/faces.js';
import { coopRoute } from '#shared/coop/web/http.js';
import { createSubscriptionHandler, EMAIL_ROUTE_PREFIX } from '#shared/digest/http.js';
import { calendarRoutes } from '#shared/events/calendar-http.js';
import { healthReport } from '#shared/health.js';
import type { HttpRoute } from '#shared/http/types.js';
import { jsonResult } from '#shared/http/types.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { adminAnswers } from './admin-answers.js';
import { adminRoute } from './admin-route.js';

/**
 * The HTTP endpoints the local stack serves on its one port; the deployed stack maps each to a
 * Lambda. With `adminToken` (the one in the stack file), also the CLI's admin route, local only.
 */
export function localRoutes(runtime: Runtime, options: { adminToken?: string } = {}): HttpRoute[] {
  const admin = options.adminToken
    ? [adminRoute(adminAnswers(runtime), options.adminToken, runtime.log)]
    : [];
  return [
    ...admin,
    {
      prefix: EMAIL_ROUTE_PREFIX,
      describe: 'email digest pages: subscribe, confirm, preferences, one-click unsubscribe',
      handler: createSubscriptionHandler(runtime),
      open: `${EMAIL_ROUTE_PREFIX}/subscribe`,
    },
    {
      prefix: '/slack/events',
      describe: 'Slack events, slash command and buttons (SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN)',
      handler: lazyBotRoute(() => createSlackFace(runtime).handler),
    },
    {
      prefix: '/telegram/webhook',
      describe: 'Telegram webhook (TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET)',
      handler: lazyBotRoute(() => createTelegramFace(runtime).handler),
    },
    coopRoute(runtime),
    ...calendarRoutes(runtime),
    {
      prefix: '/health',
      describe: 'store reachability, search snapshot age, last run of each job',
      open: '/health',
      handler: async () => {
        const report = await healthReport(runtime);
        return jsonResult(report.ok ? 200 : 503, report);
      },
    },
  ];
}
