import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CommonErrors } from './common-errors.js';
import { DomainError } from './domain-error.js';
import { HTTP_STATUS } from './http-status.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Turns anything thrown on the HTTP edge into `{code, message: {vi, en}, field}`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse();
    const error = this.toDomainError(exception);
    const status = HTTP_STATUS[error.kind];
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(error.toBody());
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') return CommonErrors.malformedJson();
    if (parserError?.type === 'entity.too.large') return CommonErrors.bodyTooLarge(`${parserError.limit ?? ''} bytes`);
    if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported')
      return CommonErrors.unsupportedMediaType('application/json; charset=utf-8');
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return CommonErrors.routeNotFound();
      if (status === 413) return CommonErrors.bodyTooLarge('limit');
      if (status === 400)
        return CommonErrors.invalidParameter('request', exception.message, 'Yêu cầu không hợp lệ');
    }
    return CommonErrors.internal();
  }
}
