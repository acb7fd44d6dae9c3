import { Public } from '@edu/auth';
import type { ValidationReport } from '@edu/crypto';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ASIC_MIMETYPES } from './asic-container.js';
import { VALIDATION_BODY_SCHEMA, VALIDATION_REPORT_SCHEMA } from './validation-openapi.js';
import { readValidationRequest, type ValidationHttpRequest } from './validation-request.js';
import { ValidationsService } from './validations.service.js';
import { WorkflowRoles } from './workflow-roles.js';

/** Public verification (no token): a university, an employer or the ministry checks a record's signatures. */
@ApiTags('validations')
@Public()
@Controller('v1/validations')
export class ValidationsHttpController {
  constructor(
    @Inject(ValidationsService) private readonly service: ValidationsService,
    @Inject(WorkflowRoles) private readonly roles: Pick<WorkflowRoles, 'annotate'>,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Validate CAdES/CMS signatures (ETSI EN 319 102-1 indications), from content and signatures or from an ASiC container',
  })
  @ApiConsumes('application/json', ...ASIC_MIMETYPES)
  @ApiBody({ schema: VALIDATION_BODY_SCHEMA })
  @ApiOkResponse({ description: 'One report per signature and the overall verdict (FAILED if any failed, else INDETERMINATE if any, else PASSED)', schema: VALIDATION_REPORT_SCHEMA })
  @ApiBadRequestResponse({ description: 'SIGNING.VALIDATION_INPUT_INVALID (with the field at fault) or COMMON.MALFORMED_JSON' })
  @ApiPayloadTooLargeResponse({ description: 'COMMON.BODY_TOO_LARGE: more than the JSON limit, or a container of more than 20 MiB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'COMMON.UNSUPPORTED_MEDIA_TYPE' })
  @ApiServiceUnavailableResponse({ description: 'SIGNING.TRUST_ANCHORS_UNAVAILABLE: identity could not be reached yet' })
  async validate(@Req() req: ValidationHttpRequest): Promise<ValidationReport> {
    const request = await readValidationRequest(req);
    return this.roles.annotate(request.content, await this.service.validate(request));
  }
}
