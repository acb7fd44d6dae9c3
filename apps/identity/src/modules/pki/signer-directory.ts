import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';

export interface RegisteredOrganisation {
  code: string;
  name: string;
  status: string;
}

export interface RegisteredSigner {
  personId: string;
  fullName: string;
  role: string;
}

/** Roles whose people sign records in their own name (domain.md: homeroom and subject teachers, principals). */
const SIGNING_ROLES = ['TEACHER', 'PRINCIPAL'];

/** The registry facts a certificate's subject is checked against: organisations and the staff of each. */
@Injectable()
export class SignerDirectory {
  async organisation(em: EntityManager, code: string): Promise<RegisteredOrganisation | undefined> {
    const [row] = await em.query('SELECT code, name, status FROM organisations WHERE code = $1', [code]);
    return row;
  }

  /** An active teacher or principal of `orgCode` with this sector ID, or nothing. */
  async signer(em: EntityManager, personId: string, orgCode: string): Promise<RegisteredSigner | undefined> {
    const [row] = await em.query(
      `SELECT person_id AS "personId", full_name AS "fullName", role FROM persons
       WHERE person_id = $1 AND org_code = $2 AND status = 'ACTIVE' AND role = ANY($3)`,
      [personId, orgCode, SIGNING_ROLES],
    );
    return row;
  }
}
