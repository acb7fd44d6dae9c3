import { sha256Hex } from '@edu/crypto';
import { ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';

/** What document-submitted says about the canonical bytes: inline, or staged by interchange (claim check). */
export interface ContentReference {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  size: bigint;
  inline: Uint8Array;
}

/**
 * The canonical bytes a submission refers to, proved against its SHA-256 and size before anyone signs them. Read at
 * submission and again at each signing step, so bytes changed in the staging bucket in between are never signed.
 * Content that can never be signed (gone, outside staging, wrong hash) is a permanent DomainError; storage being
 * unreachable is thrown as it is, for the caller to retry.
 */
@Injectable()
export class StagedContent {
  constructor(
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(SIGNING_CONFIG) private readonly config: SigningConfig,
  ) {}

  async read(ref: ContentReference): Promise<Buffer> {
    let content: Buffer;
    if (ref.inline.length) content = Buffer.from(ref.inline.buffer, ref.inline.byteOffset, ref.inline.byteLength); // a view, not a copy
    else {
      if (ref.bucket !== this.config.STAGING_BUCKET) throw SigningErrors.contentOutsideStaging(ref.bucket);
      content = await this.fetch(ref);
    }
    if (sha256Hex(content) !== ref.sha256.toLowerCase() || (ref.size > 0n && BigInt(content.length) !== ref.size))
      throw SigningErrors.contentMismatch();
    return content;
  }

  /** The SHA-256 digest of the content, once its bytes are read and proved: what a detached signature needs. */
  async digest(ref: ContentReference): Promise<Buffer> {
    await this.read(ref);
    return Buffer.from(ref.sha256, 'hex');
  }

  private async fetch(ref: ContentReference): Promise<Buffer> {
    try {
      return await this.store.get(ref.bucket, ref.key, ref.versionId || undefined);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NoSuchKey' || code === 'NoSuchVersion' || code === 'NotFound') throw SigningErrors.contentMissing();
      throw err; // storage unreachable: transient
    }
  }
}
