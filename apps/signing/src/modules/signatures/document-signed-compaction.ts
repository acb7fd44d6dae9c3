import { Topics } from '@edu/contracts';
import type { OutboxCompaction } from '@edu/messaging';
import { SignatureRecords } from './signature-records.js';

const records = new SignatureRecords();

/**
 * A document-signed event is stored in the outbox without its signatures' bytes (~36 KB a record): the same
 * transaction wrote them to `signatures`, from which the relay puts them back when it reads a stored event. Writing
 * them twice cost 235 of the 656 MB of write-ahead log a documents-benchmark run wrote (docs/benchmarks.md).
 */
export const DOCUMENT_SIGNED_COMPACTION: OutboxCompaction<typeof Topics.DocumentSigned> = {
  topic: Topics.DocumentSigned,
  compact: (payload) => ({ ...payload, signatures: (payload.signatures ?? []).map((s) => ({ ...s, cms: new Uint8Array() })) }) as typeof payload,
  async expand(em, payloads) {
    const stored = await records.forDocuments(em, payloads.map((p) => p.documentId));
    for (const p of payloads) {
      for (const s of p.signatures) {
        if (s.cms.length) continue;
        const cms = stored.get(p.documentId)?.find((r) => r.index === s.index)?.cms;
        if (!cms) throw new Error(`signature ${s.index} of document ${p.documentId} is missing from the signatures table`);
        s.cms = cms;
      }
    }
  },
};
