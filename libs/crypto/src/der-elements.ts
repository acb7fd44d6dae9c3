/** A DER element located by its header alone: its one-byte tag, where it starts, its header length and its end. */
export interface DerElement {
  tag: number;
  start: number;
  header: number;
  end: number;
}

/**
 * Reads DER as tag-length headers, without decoding what is inside: enough to find and copy elements byte for byte
 * (certificates, SignerInfos) where an asn1js decode would build an object for every nested value. One-byte tags only,
 * as CMS, OCSP and X.509 use at the levels read this way. `what` names the structure in errors.
 */
export class DerReader {
  constructor(
    readonly der: Buffer,
    private readonly what: string,
  ) {}

  /** The element at `at`. */
  element(at: number, name = 'an element'): DerElement {
    const der = this.der;
    if (at + 2 > der.length) throw new Error(`${this.what}: ${name} is truncated`);
    const tag = der[at];
    let length = der[at + 1];
    let header = 2;
    if (length & 0x80) {
      const bytes = length & 0x7f;
      if (bytes === 0 || bytes > 4 || at + 2 + bytes > der.length) throw new Error(`${this.what}: ${name} has a bad length`);
      length = 0;
      for (let i = 0; i < bytes; i++) length = length * 256 + der[at + 2 + i];
      header += bytes;
    }
    const end = at + header + length;
    if (end > der.length) throw new Error(`${this.what}: ${name} is truncated`);
    return { tag, start: at, header, end };
  }

  /** The whole buffer as one element, which must fill it exactly. */
  root(tag: number, name: string): DerElement {
    const root = this.element(0, name);
    if (root.tag !== tag || root.end !== this.der.length) throw new Error(`${this.what}: not one DER structure`);
    return root;
  }

  children(parent: DerElement): DerElement[] {
    const out: DerElement[] = [];
    for (let at = parent.start + parent.header; at < parent.end; ) {
      const child = this.element(at);
      if (child.end > parent.end) throw new Error(`${this.what}: an element overruns its parent`);
      out.push(child);
      at = child.end;
    }
    return out;
  }

  /** The element's bytes, header included, as a view. */
  raw(e: DerElement): Buffer {
    return this.der.subarray(e.start, e.end);
  }

  /** The element's content, without its header, as a view. */
  content(e: DerElement): Buffer {
    return this.der.subarray(e.start + e.header, e.end);
  }
}
