export type Role = 'school' | 'ministry' | 'operator';

export const Scopes = {
  DocumentsSubmit: 'documents:submit',
  DocumentsRead: 'documents:read',
  FeedRead: 'feed:read',
  Operations: 'operations',
} as const;

export type Scope = (typeof Scopes)[keyof typeof Scopes];

/** What each role may do. The ministry reads and never writes; a school reads only its own records. */
export const ROLE_SCOPES: Record<Role, Scope[]> = {
  school: [Scopes.DocumentsSubmit, Scopes.DocumentsRead],
  ministry: [Scopes.DocumentsRead, Scopes.FeedRead],
  operator: [Scopes.DocumentsRead, Scopes.FeedRead, Scopes.Operations],
};

export interface Principal {
  clientId: string;
  org: string;
  role: Role;
  scopes: string[];
}

/** True when the principal may see records issued by `issuerCode`. */
export function canReadIssuer(p: Principal, issuerCode: string): boolean {
  return p.role !== 'school' || p.org === issuerCode;
}
