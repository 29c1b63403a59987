/** What a fault does to a matching request. */
export type FaultAction =
  /** Waits, then answers normally (combines with one other fault). */
  | { kind: 'latency'; ms: number }
  /** Answers with a fixed status (typically 500, 502, 503); the default body is Norman's for 500, an ingress page otherwise. */
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  /** Destroys the connection with a TCP RST before any response. */
  | { kind: 'reset' }
  /** Sends the real response in chunks of `chunkBytes` every `intervalMs`. */
  | { kind: 'slow-body'; intervalMs: number; chunkBytes?: number }
  /**
   * Sends only the first `fraction` (default 0.5) of the real body. `abort: false` (default) ends the
   * response cleanly (a complete HTTP message holding broken JSON); `abort: true` declares the full
   * Content-Length and then drops the connection (a premature close).
   */
  | { kind: 'truncated-json'; fraction?: number; abort?: boolean }
  /** 200 `application/json` whose body is not JSON. */
  | { kind: 'invalid-json'; body?: string }
  /** 200 `text/html`, as a captive portal or the dashboard's index page. */
  | { kind: 'html'; status?: number; body?: string }
  /** A redirect; a `location` starting with `/` stays on this origin, else it leaves it. */
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Never answers; the socket stays open until the client gives up or the simulator closes. */
  | { kind: 'hang' };

/** A fault rule: which requests it hits, what it does, how often. */
export interface FaultRule {
  /** HTTP method to match (case-insensitive); any when omitted. */
  method?: string;
  /** A path prefix (string) or a pattern tested against `path?query`. */
  path: string | RegExp;
  action: FaultAction;
  /** Stop after this many hits; unlimited when omitted. */
  times?: number;
}

/** A registered rule, with the number of requests it has hit. */
export interface ActiveFault {
  readonly id: number;
  readonly rule: FaultRule;
  hits: number;
  /** Unregisters this rule. */
  remove(): void;
}

/** The faults to apply to one request: a total delay and at most one terminal action. */
export interface FaultPlan {
  delayMs: number;
  action: Exclude<FaultAction, { kind: 'latency' }> | undefined;
}

/** Per-route fault injection; first matching non-latency rule wins, latencies add up. */
export class FaultRegistry {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a rule; returns a handle whose `remove()` unregisters it. */
  add(rule: FaultRule): ActiveFault {
    const fault: ActiveFault = {
      id: this.nextId++,
      rule,
      hits: 0,
      remove: () => {
        this.rules = this.rules.filter((r) => r !== fault);
      },
    };
    this.rules.push(fault);
    return fault;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Rules currently registered. */
  list(): readonly ActiveFault[] {
    return this.rules;
  }

  /** Works out what to do with a request, counting hits. */
  plan(method: string, pathAndQuery: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, action: undefined };
    if (this.rules.length === 0) return plan;
    const path = pathAndQuery.split('?')[0] ?? '';
    for (const fault of [...this.rules]) {
      const { rule } = fault;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      const hit =
        typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(pathAndQuery);
      if (!hit) continue;
      if (rule.action.kind !== 'latency' && plan.action) continue;
      fault.hits++;
      if (rule.times !== undefined && fault.hits >= rule.times) fault.remove();
      if (rule.action.kind === 'latency') plan.delayMs += rule.action.ms;
      else plan.action = rule.action;
    }
    return plan;
  }
}

/** Default body for a fixed-status fault: Norman's for 500, an ingress page for 502/503. */
export function defaultStatusBody(status: number): { body: string; contentType: string } {
  if (status === 500) {
    return {
      body: `{"baseType":"error","code":"ServerError","message":"simulated failure","status":500,"type":"error"}\n`,
      contentType: 'application/json',
    };
  }
  const text =
    status === 502
      ? '502 Bad Gateway'
      : status === 503
        ? '503 Service Temporarily Unavailable'
        : `${status}`;
  return {
    body: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    contentType: 'text/html',
  };
}
