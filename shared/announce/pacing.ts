/**
 * Time for the announcement run's pacing, injected so that tests run on virtual time: `now` in
 * milliseconds and `sleep`. The real one is Date.now and setTimeout.
 */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A platform-wide limit (Telegram's 30 messages a second): each caller reserves the next free
 * slot, first come first served, and waits for it. Channels that wait on their own limits or on a
 * Retry-After hold no slot, so they stall nobody else.
 */
export class Gate {
  private next = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly timer: Timer,
  ) {}

  async pass(): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = this.timer.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await this.timer.sleep(at - now);
  }
}

/** One Gate per platform, made on first use: each platform's own platform-wide limit. */
export function platformGates(
  timer: Timer,
): (sender: { platform: string; pace: { globalMs: number } }) => Gate {
  const gates = new Map<string, Gate>();
  return (sender) => {
    let gate = gates.get(sender.platform);
    if (!gate) {
      gate = new Gate(sender.pace.globalMs, timer);
      gates.set(sender.platform, gate);
    }
    return gate;
  };
}
