/** Roles of API clients (systems): a school's management system, the ministry's, the operators' tools, the data hub. */
export type ClientRole = 'school' | 'ministry' | 'operator' | 'hub';
/** Roles of people who sign in through the console; staff of a school see only their own school. */
export type UserRole = 'operator' | 'teacher' | 'principal' | 'clerk';
export type Role = ClientRole | UserRole;

export const Scopes = {
  DocumentsSubmit: 'documents:submit',
  DocumentsRead: 'documents:read',
  FeedRead: 'feed:read',
  Transfers: 'transfers',
  Operations: 'operations',
  /** Approving or refusing one's own signing tasks with one's key in custody. */
  Signing: 'signing',
} as const;

export type Scope = (typeof Scopes)[keyof typeof Scopes];

export const CLIENT_ROLES: readonly ClientRole[] = ['school', 'ministry', 'operator', 'hub'];
export const USER_ROLES: readonly UserRole[] = ['operator', 'teacher', 'principal', 'clerk'];

/**
 * What each role may do (see README.md). The ministry reads and never writes; a school reads only its own records;
 * the hub reads any school's records, submits for the schools it routes transfers for and handles transfers.
 */
export const ROLE_SCOPES: Record<Role, Scope[]> = {
  school: [Scopes.DocumentsSubmit, Scopes.DocumentsRead],
  ministry: [Scopes.DocumentsRead, Scopes.FeedRead],
  operator: [Scopes.DocumentsRead, Scopes.FeedRead, Scopes.Operations],
  hub: [Scopes.DocumentsRead, Scopes.DocumentsSubmit, Scopes.Transfers],
  teacher: [Scopes.DocumentsRead, Scopes.Signing],
  principal: [Scopes.DocumentsRead, Scopes.Signing],
  clerk: [Scopes.DocumentsRead],
};

/** Roles whose tokens read records of every organisation; every other role reads only its own organisation's. */
const READS_EVERY_ORGANISATION: readonly Role[] = ['ministry', 'operator', 'hub'];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.hasOwn(ROLE_SCOPES, value);

export interface Principal {
  /** The token's subject: an API client's id, or a user's id for a token a person got through the console. */
  clientId: string;
  org: string;
  role: Role;
  scopes: string[];
  /** Set for a person's own sign-in: the sector ID of the person the user is. */
  personId?: string;
}

/** True when the principal may see records issued by `issuerCode`. */
export function canReadIssuer(p: Principal, issuerCode: string): boolean {
  return READS_EVERY_ORGANISATION.includes(p.role) || p.org === issuerCode;
}
