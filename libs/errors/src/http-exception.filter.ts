import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
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

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Kafka handlers settle their own failures (retry, then dead-letter); anything left must reach kafkajs.
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse();
    const error = this.toDomainError(exception);
    const status = HTTP_STATUS[error.kind];
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(error.toBody());
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    // Nest wraps body-parser's errors in an HttpException and keeps the original as the cause.
    const parserError = ((exception instanceof HttpException ? exception.cause : undefined) ?? exception) as BodyParserError;
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
