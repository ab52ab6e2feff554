import { fail, type DomainError } from '@yichuang/protocol';
import type { z } from 'zod';

/** A zod failure as the API's error: the first issue's field and reason. */
export function zodToError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue === undefined ? undefined : issue.path.map(String).join('.');
  const reason = issue?.message ?? 'invalid input';
  return fail('VALIDATION_FAILED', field ? `${field}: ${reason}` : reason, field || undefined);
}
