/**
 * The cooperation pages' one route, as both places serve it: the local stack's HTTP server mounts
 * it (cli/local/routes.ts) and the CDK app maps it to the pages' Lambda on the HTTP API
 * (infra/stack.ts). No imports: the CDK app reads it without loading the pages.
 */
export const COOP_PAGES_PATH = '/coop';

export const COOP_ROUTE = {
  prefix: COOP_PAGES_PATH,
  methods: ['GET', 'POST'] as const,
  describe: 'cooperation exchange pages: portfolio, submit an offer or request (email-verified), report',
  open: COOP_PAGES_PATH,
  /** The pages a person opens first (printed by `npm start`). */
  pages: {
    portfolio: COOP_PAGES_PATH,
    offer: `${COOP_PAGES_PATH}/new?kind=offer`,
    request: `${COOP_PAGES_PATH}/new?kind=request`,
    report: `${COOP_PAGES_PATH}/report`,
  },
} as const;
