export interface FetchBytesOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * One HTTP exchange with a deadline and a size cap, for the PKI data validation reads (PEM bundles, OCSP, CRLs).
 * Only http(s), and no redirects: the addresses come from certificates, which must not steer us elsewhere.
 * Resolves with a 200 body, rejects otherwise.
 */
export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<Buffer> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`unsupported scheme ${protocol}`);
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: options.headers,
    ...(options.body ? { body: options.body } : {}),
    redirect: 'error',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status} from ${url}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > options.maxBytes) {
    await response.body?.cancel();
    throw new Error(`response from ${url} exceeds ${options.maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > options.maxBytes) throw new Error(`response from ${url} exceeds ${options.maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
