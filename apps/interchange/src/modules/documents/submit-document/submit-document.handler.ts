import { Topics, uuidv7 } from '@edu/contracts';
import { OutboxRelay, OutboxWriter } from '@edu/messaging';
import { DataSource, preparedQuery, type EntityManager } from '@edu/persistence';
import { DomainError } from '@edu/errors';
import { ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { INTERCHANGE_CONFIG, type InterchangeConfig } from '../../../config.js';
import { DirectoryRepository, isInstitution } from '../../directory/directory.repository.js';
import { InterchangeErrors } from '../interchange-errors.js';
import { checkAttachments } from './attachment-check.js';
import type { SubmitDocumentCommand } from './submit-document.command.js';

export interface SubmissionReceipt {
  id: string;
  status: string;
  version: number;
  /** True when an earlier identical submission with the same Idempotency-Key is being answered again. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';
const VERSION_CONSTRAINT = 'documents_record_version_key';
/** Concurrent versions of one record each take a number; a request that keeps losing the race gives up. */
const MAX_VERSION_ATTEMPTS = 10;

interface StagedContent {
  inline: Buffer | null;
  bucket: string | null;
  key: string | null;
  versionId: string | null;
}

/**
 * Stages big canonical content, then records the document (a new version superseding the record's previous one that
 * year) and its document-submitted event with one statement. A crash before it commits leaves at most an
 * unreferenced staged object; a retry with the same Idempotency-Key answers with the first document.
 */
@Injectable()
export class SubmitDocumentHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DirectoryRepository) private readonly directory: DirectoryRepository,
    @Inject(INTERCHANGE_CONFIG) private readonly config: InterchangeConfig,
  ) {}

  async execute(cmd: SubmitDocumentCommand): Promise<SubmissionReceipt> {
    await checkAttachments(cmd.attachments);
    // Big content is staged before its row is written: a replay must not stage it again.
    const inline = cmd.canonicalContent.length <= this.config.INLINE_CONTENT_MAX;
    const earlier = inline ? null : await this.findByIdempotencyKey(this.dataSource.manager, cmd);
    if (earlier) return earlier;
    const className = await this.checkAuthority(cmd);
    if (className !== null && typeof className !== 'string') return className;
    const id = uuidv7();
    const staged = await this.stage(cmd, id);
    for (let attempt = 1; ; attempt++) {
      try {
        const receipt = await this.record(cmd, id, staged, className);
        if (!receipt.replayed) this.relay.nudge();
        return receipt;
      } catch (err) {
        // Another version of the same record took the number first: count again.
        const lostRace = (err as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION && (err as { constraint?: string }).constraint === VERSION_CONSTRAINT;
        if (!lostRace || attempt === MAX_VERSION_ATTEMPTS) throw err;
      }
    }
  }

  /**
   * The issuer and the subject, answering the class the document is for; a replay of an earlier submission is answered
   * as the first time, even if the issuer or the student has changed since.
   */
  private async checkAuthority(cmd: SubmitDocumentCommand): Promise<string | null | SubmissionReceipt> {
    try {
      await this.checkIssuer(cmd.issuerCode);
      return await this.checkSubject(cmd);
    } catch (err) {
      const earlier = err instanceof DomainError ? await this.findByIdempotencyKey(this.dataSource.manager, cmd) : null;
      if (earlier) return earlier;
      throw err;
    }
  }

  /** Only an active institution issues: a closed or merged one is told so, with the organisation that took over. */
  private async checkIssuer(code: string): Promise<void> {
    const issuer = await this.directory.issuer(code);
    if (!issuer || !isInstitution(issuer.level)) throw InterchangeErrors.unknownSchool(code);
    if (issuer.status === 'MERGED') throw InterchangeErrors.issuerMerged(code, issuer.mergedInto);
    if (issuer.status !== 'ACTIVE') throw InterchangeErrors.issuerClosed(code);
  }

  /**
   * A student's document needs the student enrolled at the issuer that year; a class document needs the class, with
   * every student it lists in it. Answers the class: signing finds the homeroom or subject teacher by it. An invoice
   * or contract has no class (null).
   */
  private async checkSubject(cmd: SubmitDocumentCommand): Promise<string | null> {
    if (cmd.aboutItself) return null;
    if (cmd.studentId !== null) {
      const className = await this.directory.enrolledClass(cmd.studentId, cmd.schoolYear, cmd.issuerCode);
      if (className === null) throw InterchangeErrors.unknownStudent(cmd.studentId, cmd.schoolYear);
      return className;
    }
    const className = cmd.className!;
    const roster = new Set(await this.directory.classRoster(cmd.issuerCode, cmd.schoolYear, className));
    if (!roster.size) throw InterchangeErrors.unknownClass(className, cmd.schoolYear);
    const stranger = cmd.listedStudents.find((s) => !roster.has(s.studentId));
    if (stranger) throw InterchangeErrors.unknownStudent(stranger.studentId, cmd.schoolYear, stranger.field, className);
    return className;
  }

  /** Small content stays inline (row and event); big content goes to the staging bucket first (claim check). */
  private async stage(cmd: SubmitDocumentCommand, id: string): Promise<StagedContent> {
    if (cmd.canonicalContent.length <= this.config.INLINE_CONTENT_MAX) return { inline: cmd.canonicalContent, bucket: null, key: null, versionId: null };
    const bucket = this.config.STAGING_BUCKET;
    const key = `${cmd.type}/${cmd.issuerCode}/${cmd.schoolYear}/${id}.json`;
    const stored = await this.store.put(bucket, key, cmd.canonicalContent, 'application/json');
    return { inline: null, bucket, key, versionId: stored.versionId };
  }

  /**
   * One statement records the document with the next version of its record and its document-submitted event, unless
   * its Idempotency-Key was used already (then the earlier submission answers, or a conflict). The version is the
   * latest one read just before, plus one: another version of the record written in between takes the same number,
   * the insert fails on the unique version and execute() counts again. `className` is the class signing finds the
   * homeroom or subject teacher by.
   */
  private async record(cmd: SubmitDocumentCommand, id: string, staged: StagedContent, className: string | null): Promise<SubmissionReceipt> {
    const [latest] = await preparedQuery<Array<{ id: string; version: number }>>(
      this.dataSource,
      'submission-latest-version',
      'SELECT id, version FROM documents WHERE document_type = $1 AND record_key = $2 AND school_year = $3 ORDER BY version DESC LIMIT 1',
      [cmd.type, cmd.recordKey, cmd.schoolYear],
    );
    const version = (latest?.version ?? 0) + 1;
    const [inserted] = await this.outbox.appendWith(
      this.dataSource,
      {
        name: 'submission-insert',
        text: `INSERT INTO documents (id, document_type, issuer_code, student_id, school_year, version, supersedes_id, status,
                 idempotency_key, request_sha256, client_id, content_bucket, content_key, content_version_id, content_sha256, content_size, content,
                 record_key, subject, class_name)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
               ON CONFLICT (issuer_code, idempotency_key) DO NOTHING
               RETURNING id`,
        params: [id, cmd.type, cmd.issuerCode, cmd.studentId, cmd.schoolYear, version, latest?.id ?? null, cmd.idempotencyKey, cmd.requestSha256,
          cmd.clientId, staged.bucket, staged.key, staged.versionId, cmd.contentSha256, cmd.canonicalContent.length, staged.inline,
          cmd.recordKey, JSON.stringify(cmd.subject), className],
      },
      id,
      {
        type: Topics.DocumentSubmitted,
        payload: {
          documentId: id,
          documentType: cmd.type,
          version,
          issuerCode: cmd.issuerCode,
          studentId: cmd.studentId ?? '',
          schoolYear: cmd.schoolYear,
          content: {
            bucket: staged.bucket ?? '',
            key: staged.key ?? '',
            versionId: staged.versionId ?? '',
            sha256: cmd.contentSha256,
            size: BigInt(cmd.canonicalContent.length),
            inline: staged.inline ?? new Uint8Array(),
          },
          supersedesDocumentId: latest?.id ?? '',
          className: className ?? '',
        },
      },
    );
    if (!inserted) return (await this.findByIdempotencyKey(this.dataSource.manager, cmd))!;
    return { id, status: 'received', version, replayed: false };
  }

  private async findByIdempotencyKey(em: EntityManager, cmd: SubmitDocumentCommand): Promise<SubmissionReceipt | null> {
    const [row] = await preparedQuery<Array<{ id: string; status: string; version: number; request_sha256: string }>>(
      em,
      'submission-by-idempotency-key',
      'SELECT id, status, version, request_sha256 FROM documents WHERE issuer_code = $1 AND idempotency_key = $2',
      [cmd.issuerCode, cmd.idempotencyKey],
    );
    if (!row) return null;
    if (row.request_sha256 !== cmd.requestSha256) throw InterchangeErrors.idempotencyConflict();
    return { id: row.id, status: row.status, version: row.version, replayed: true };
  }
}
