import { readRawBody } from '@edu/bootstrap';
import { Controller, HttpCode, Inject, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustodyErrors } from './custody-errors.js';
import { TimeStampUnit } from './time-stamp-unit.js';
import { TsaSerials } from './tsa-serials.js';

/** A TimeStampReq is a few hundred bytes; anything near this is not one. */
const MAX_QUERY_BYTES = 16 * 1024;

/**
 * RFC 3161 over HTTP (§3.4): `application/timestamp-query` in, `application/timestamp-reply` out. A malformed query
 * gets a rejection reply with its PKIFailureInfo, as the RFC asks, never an HTTP error; a wrong media type or an
 * oversized body gets the project's error body. Any authenticated client of the platform may ask for time-stamps.
 */
@ApiTags('time-stamping')
@ApiBearerAuth()
@Controller('tsa')
export class TsaHttpController {
  constructor(
    @Inject(TimeStampUnit) private readonly unit: TimeStampUnit,
    @Inject(TsaSerials) private readonly serials: TsaSerials,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'RFC 3161 time-stamp (application/timestamp-query → application/timestamp-reply)' })
  async stamp(@Req() req: AsyncIterable<Buffer> & { headers: Record<string, string | undefined> }): Promise<StreamableFile> {
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/timestamp-query') throw CustodyErrors.timeStampQueryType(contentType);
    const query = await readRawBody(req, MAX_QUERY_BYTES);
    const authority = await this.unit.authority();
    const reply = await authority.reply(query, () => this.serials.allocate(), new Date());
    return new StreamableFile(reply, { type: 'application/timestamp-reply' });
  }
}
