import type { SchemaObject } from '@nestjs/swagger';

const text: SchemaObject = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } };
const indication: SchemaObject = { type: 'string', enum: ['PASSED', 'FAILED', 'INDETERMINATE'] };
const subIndication: SchemaObject = { type: 'string', description: 'ETSI EN 319 102-1 sub-indication, e.g. HASH_FAILURE, REVOKED, NO_CERTIFICATE_CHAIN_FOUND, TRY_LATER' };

export const VALIDATION_BODY_SCHEMA: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      required: ['content', 'signatures'],
      properties: {
        content: { type: 'string', format: 'byte', description: 'The signed bytes (e.g. the canonical JSON), base64' },
        signatures: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', format: 'byte', description: 'CMS SignedData, DER or PEM, base64' } },
      },
    },
    {
      type: 'object',
      required: ['container'],
      properties: { container: { type: 'string', format: 'byte', description: 'An ASiC container (as GET /v1/documents/{id}/evidence returns), base64' } },
    },
  ],
};

export const VALIDATION_REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    indication,
    subIndication,
    message: text,
    validationTime: { type: 'string', format: 'date-time' },
    signatures: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer', description: 'Position among all SignerInfos, from 0' },
          source: { type: 'object', properties: { signature: { type: 'integer' }, signerInfo: { type: 'integer' } } },
          indication,
          subIndication,
          message: text,
          level: { type: 'string', enum: ['B-B', 'B-T', 'B-LT', 'none'] },
          signer: {
            type: 'object',
            properties: {
              subject: { type: 'string' },
              issuer: { type: 'string' },
              serialNumber: { type: 'string' },
              certificateSha256: { type: 'string' },
              notBefore: { type: 'string', format: 'date-time' },
              notAfter: { type: 'string', format: 'date-time' },
            },
          },
          signingTime: { type: 'string', format: 'date-time', description: 'Claimed by the signer, not proven' },
          timeStamp: {
            type: 'object',
            properties: {
              genTime: { type: 'string', format: 'date-time' },
              policy: { type: 'string' },
              serialNumber: { type: 'string' },
              tsaSubject: { type: 'string' },
              valid: { type: 'boolean' },
            },
          },
          bestSignatureTime: { type: 'string', format: 'date-time' },
          checks: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string', enum: ['format', 'signing-certificate', 'integrity', 'timestamp', 'chain', 'validity', 'revocation', 'signer'] },
                status: { type: 'string', enum: ['passed', 'failed', 'indeterminate', 'skipped'] },
                subIndication,
                detail: text,
              },
            },
          },
        },
      },
    },
  },
};
