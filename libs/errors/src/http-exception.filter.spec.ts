import { BadRequestException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { CommonErrors } from './common-errors.js';
import { HttpErrorFilter } from './http-exception.filter.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const res = { status: (n: number) => ((sent.status = n), { json: (b: unknown) => (sent.body = b) }) };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

describe('HttpErrorFilter', () => {
  it('maps domain errors to their status and stable body', () => {
    expect(run(CommonErrors.unsupportedMediaType('application/json'))).toEqual({
      status: 415,
      body: {
        code: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
        message: { vi: 'Kiểu nội dung không được hỗ trợ, cần application/json', en: 'Unsupported content type, expected application/json' },
        field: 'content-type',
      },
    });
  });

  it('recognises body-parser failures that Nest wrapped', () => {
    const parse = Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 });
    expect(run(new BadRequestException('x', { cause: parse })).body).toMatchObject({ code: 'COMMON.MALFORMED_JSON', field: 'body' });
    const tooLarge = { type: 'entity.too.large', statusCode: 413, limit: 100 };
    expect(run(new HttpException('too large', 413, { cause: tooLarge }))).toMatchObject({ status: 413, body: { code: 'COMMON.BODY_TOO_LARGE' } });
  });

  it('never leaks an unknown error: 503 with a generic body', () => {
    expect(run(new NotFoundException())).toMatchObject({ status: 404, body: { code: 'COMMON.ROUTE_NOT_FOUND' } });
    expect(run(new Error('secret detail'))).toEqual({
      status: 503,
      body: { code: 'COMMON.INTERNAL', message: expect.objectContaining({ en: 'Internal error, please retry later' }), field: null },
    });
  });
});
