import { CommonErrors, HTTP_STATUS } from '@edu/errors';

interface GateRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface GateResponse {
  once(event: 'close', listener: () => void): void;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

export interface LargeBodyGateOptions {
  /** Bodies above this many bytes (by Content-Length; any body without one) go through the gate. */
  threshold: number;
  /** How many such requests run at once. */
  concurrent: number;
  /** How many may wait; the next is answered 503 COMMON.BUSY with Retry-After. */
  queue: number;
}

/**
 * Admits requests with large bodies a few at a time, before their bodies are read. A JSON body costs several times
 * its size while it is parsed, canonicalised and checked (an 8 MiB PDF in base64 is ~45 MB of strings), so sixteen
 * at once took a service past its heap limit. Waiting requests wait with their uploads unread; a client that gives up
 * leaves the queue. Small bodies never wait.
 */
export function largeBodyGate(opts: LargeBodyGateOptions) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return (req: GateRequest, res: GateResponse, next: () => void): void => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length <= opts.threshold && req.headers['transfer-encoding'] === undefined) return next();
    const admit = () => {
      res.once('close', release);
      next();
    };
    if (running < opts.concurrent) {
      running++;
      return admit();
    }
    if (waiting.length >= opts.queue) {
      const busy = CommonErrors.busy();
      res.setHeader('Retry-After', '5');
      return res.status(HTTP_STATUS[busy.kind]).json(busy.toBody());
    }
    waiting.push(admit);
    res.once('close', () => {
      const i = waiting.indexOf(admit);
      if (i >= 0) waiting.splice(i, 1);
    });
  };
}
