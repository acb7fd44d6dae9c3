import { describe, expect, it } from 'vitest';
import { toDocumentView } from './document.view.js';

const row = (over: Record<string, unknown>) => ({
  id: 'd1', document_type: 'hoc-ba', issuer_code: 'THPT01', student_id: '3150000002', subject: { studentId: '3150000002' }, school_year: '2025-2026', version: 1,
  content_sha256: 'ab', content_size: 10, submitted_at: new Date('2026-05-01T00:00:00Z'), pending_step: 2, pending_role: 'principal',
  rejected_step: null, ...over,
});

describe('document view', () => {
  it('names the pending signing step only while the document is being signed', () => {
    expect(toDocumentView(row({ status: 'signing' }), [])).toMatchObject({ status: 'signing', pendingStep: { step: 2, role: 'principal' }, rejection: null });
    expect(toDocumentView(row({ status: 'signed' }), []).pendingStep).toBeNull();
    expect(toDocumentView(row({ status: 'received', pending_step: null }), []).pendingStep).toBeNull();
  });

  it('shows who rejected the document, at which step and why', () => {
    const view = toDocumentView(row({
      status: 'rejected', pending_step: null, rejected_step: 2, rejected_role: 'principal', rejected_by: '3100000002',
      rejected_reason: 'Sai điểm', rejected_at: new Date('2026-05-20T08:00:00Z'),
    }), []);
    expect(view.rejection).toEqual({ step: 2, role: 'principal', by: '3100000002', reason: 'Sai điểm', at: '2026-05-20T08:00:00.000Z' });
    expect(view.pendingStep).toBeNull();
  });
});
