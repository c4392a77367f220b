import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DOMAIN_ERROR_CODES, DomainError } from '../../../../core/platform/errors/domain-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** The one place where errors become HTTP: domain codes map to 4xx, Nest's HttpExceptions keep their status, and only a genuine fault is a 500. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      return;
    }
    const body = this.toBody(exception);
    const retryAfter = exception instanceof DomainError ? exception.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') {
      response.setHeader('Retry-After', String(retryAfter));
    }
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: DOMAIN_ERROR_CODES[exception.code],
        error: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    // Nest wraps body-parser errors in HttpExceptions; the parser's own error (the cause) says what went wrong.
    const bodyParserError = fromBodyParser(exception instanceof HttpException ? exception.cause : exception);
    if (bodyParserError) {
      return bodyParserError;
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    return { statusCode: 500, error: 'internal_error', message: 'Something went wrong on our side' };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = raw.message ?? exception.message;
  return {
    statusCode,
    error:
      statusCode === 400
        ? 'validation_failed'
        : String(raw.error ?? exception.name)
            .toLowerCase()
            .replace(/\s+/g, '_'),
    message: Array.isArray(message) ? message.join('; ') : String(message),
  };
}

/** express body-parser errors carry a status and a type instead of being HttpExceptions. */
function fromBodyParser(exception: unknown): ErrorBody | undefined {
  if (typeof exception !== 'object' || exception === null) {
    return undefined;
  }
  const { status, type } = exception as { status?: number; type?: string };
  if (type === 'entity.too.large' || status === 413) {
    return { statusCode: 413, error: 'payload_too_large', message: 'Request body is larger than the limit' };
  }
  if (type === 'entity.parse.failed') {
    return { statusCode: 400, error: 'malformed_json', message: 'Request body is not valid JSON' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, error: type ?? 'bad_request', message: (exception as Error).message };
  }
  return undefined;
}
