import { z } from 'zod';

/** Stable error codes (UPPER_SNAKE) and the HTTP status each maps to. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_ROSTERED: 403,
  NOT_HOLDER: 403,
  NOT_FOUND: 404,
  UNKNOWN_SERVICE: 404,
  UNKNOWN_QUEUE: 404,
  UNKNOWN_WINDOW: 404,
  UNKNOWN_TICKET: 404,
  UNKNOWN_APPOINTMENT: 404,
  UNKNOWN_NOTICE: 404,
  UNKNOWN_CASE: 404,
  UNKNOWN_REFUSAL: 404,
  CASE_DONE: 409,
  UNKNOWN_ALERT: 404,
  UNKNOWN_OFFICER: 404,
  UNKNOWN_PRINTER: 404,
  UNKNOWN_MESSAGE: 404,
  /** No open complaint or follow-up with that id (it may be closed already). Issue 17. */
  UNKNOWN_COMPLAINT: 404,
  UNKNOWN_FOLLOWUP: 404,
  METHOD_NOT_ALLOWED: 405,
  WINDOW_BUSY: 409,
  WINDOW_CONFLICT: 409,
  WINDOW_CLOSED: 409,
  HOLDS_OTHER_WINDOW: 409,
  INVALID_STATE: 409,
  REQUEST_ID_REUSED: 409,
  APPOINTMENT_USED: 409,
  /** The slot has no place left (another booking took the last one). */
  SLOT_FULL: 409,
  /** The slot cannot be booked (past, closing soon, beyond the booking horizon, not a slot of that day). */
  SLOT_CLOSED: 409,
  /** The matter takes no appointments (or booking is off in this hall). */
  NOT_BOOKABLE: 409,
  /** This phone number or ID card already holds the most bookings allowed that day. */
  LIMIT_REACHED: 409,
  /** 线上取号 is not open for that queue now (off, outside its hours, or the hall is closed). */
  REMOTE_CLOSED: 409,
  /** The queue's remote tickets for today are all taken. */
  QUOTA_REACHED: 409,
  /** The one-time code is wrong or expired. */
  BAD_CODE: 401,
  /** The appointment was cancelled. */
  APPOINTMENT_CANCELLED: 409,
  /** Checked in before the appointment's check-in window opens (or on another day): the message says when. */
  APPOINTMENT_TOO_EARLY: 409,
  /** Checked in after the appointment's check-in window closed. */
  APPOINTMENT_TOO_LATE: 409,
  DUPLICATE_TICKET: 409,
  /** 暂缓: the ticket is on hold (a guide's) and cannot be called until released. */
  TICKET_HELD: 409,
  HALL_CLOSED: 409,
  ALREADY_RATED: 409,
  NOT_RATEABLE: 409,
  NO_PRINTER: 409,
  PRINTER_FAULT: 409,
  OUTSIDE_HOURS: 409,
  CONFIG_CONFLICT: 409,
  CONFIG_UNSAFE: 409,
  BACKUPS_OFF: 409,
  SIMULATION_BUSY: 409,
  /** Messages to citizens are off in the hall config (notify.enabled). */
  NOTIFY_OFF: 409,
  /** Too many complaints are open at once (MAX_OPEN_COMPLAINTS): close some first. Issue 17. */
  TOO_MANY_OPEN: 409,
  PROTOCOL_MISMATCH: 426,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database cannot be written (disk full, I/O error): nothing was changed; retry later. */
  STORAGE_UNAVAILABLE: 503,
  /** An outside service the request needs (the SMS gateway) did not answer. */
  SMS_UNAVAILABLE: 503,
  BACKUP_FAILED: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export interface DomainError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Every problem found, when there is more than one (a config edit). */
  issues?: { path: string; message: string }[];
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: DomainError };

export function fail(code: ErrorCode, message: string, field?: string): DomainError {
  return field === undefined ? { code, message } : { code, message, field };
}
