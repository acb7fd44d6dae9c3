import { RequireScopes, Scopes } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DocumentRepository } from '../documents/read-documents/document.repository.js';

export const FEED_MAX_LIMIT = 1000;

@ApiTags('feed')
@ApiBearerAuth()
@Controller('v1/feed')
export class FeedHttpController {
  constructor(@Inject(DocumentRepository) private readonly documents: DocumentRepository) {}

  /** Archived, signed records oldest first. Resume from `nextCursor`; an empty page means caught up. */
  @Get()
  @RequireScopes(Scopes.FeedRead)
  @ApiQuery({ name: 'after', required: false, description: 'cursor from the previous page (exclusive)' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${FEED_MAX_LIMIT}, default 100` })
  @ApiOkResponse({ description: '{ items, nextCursor, hasMore }' })
  feed(@Query('after') after?: string, @Query('limit') limit?: string) {
    if (after !== undefined && !/^\d{1,18}$/.test(after))
      throw CommonErrors.invalidParameter('after', 'after must be a cursor returned by the feed', 'after phải là con trỏ do feed trả về');
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > FEED_MAX_LIMIT)
      throw CommonErrors.invalidParameter('limit', `limit must be an integer from 1 to ${FEED_MAX_LIMIT}`, `limit phải là số nguyên từ 1 đến ${FEED_MAX_LIMIT}`);
    return this.documents.feed(BigInt(after ?? '0'), n);
  }
}
