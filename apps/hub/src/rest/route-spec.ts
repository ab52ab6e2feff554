import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AccessScope, Ack, Actor, ActorRole, CommandName } from '@yichuang/protocol';
import type { HubContext } from '../hub-context.ts';

export interface RouteRequest {
  actor: Actor | null;
  params: Record<string, string>;
  body: unknown;
  /** The parsed query (see RouteSpec.query). */
  query: Record<string, unknown>;
  ip: string;
  /** The caller's `Authorization: Bearer …` credential, when it sent one (logout revokes it). */
  bearer?: string;
}

export interface RouteSpec {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  /** 'anyone': no credentials needed; otherwise the roles allowed (checked before the handler). */
  auth: 'anyone' | readonly ActorRole[];
  /** The finer rule the engine applies on top of the role (see AccessScope); the role matrix test reads it. */
  scope?: AccessScope;
  body?: z.ZodType;
  /**
   * The query string's schema (an object of string fields). Parsed before the handler runs; a route
   * without one reads no query. Day keys (date, day, from, to) are also bounded to a year after today.
   */
  query?: z.ZodObject;
  /** HTTP status on success. */
  status?: number;
  handle: (hub: HubContext, req: RouteRequest) => Ack<unknown> | Promise<Ack<unknown>>;
}

/** A handler's answer that is a download (a report as CSV or XLSX), sent as an attachment rather than JSON. */
export class FileReply {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body: Buffer | string,
  ) {}
}

export const STAFF: readonly ActorRole[] = ['officer', 'manager'];
/** 导办 guides and managers: the entrance tablet's routes (issue 17). */
export const GUIDES: readonly ActorRole[] = ['guide', 'manager'];
export const ANY_CREDENTIAL: readonly ActorRole[] = ['kiosk', 'display', 'rater', 'officer', 'manager', 'guide'];

export const obj = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

export function requestIdOf(body: unknown): string {
  const r = obj(body).requestId;
  return typeof r === 'string' ? r : `rest-${randomUUID()}`;
}

/** A REST call that is one command: route params and body make its payload. */
export function command(name: CommandName, payload: (req: RouteRequest) => unknown) {
  return (hub: HubContext, req: RouteRequest): Promise<Ack<unknown>> =>
    hub.bus.dispatch(name, payload(req), req.actor!);
}

/** The query of a route, as its own `query` schema parsed it (register-routes parses before the handler runs). */
export const queryOf = <S extends z.ZodObject>(_schema: S, req: RouteRequest): z.output<S> => req.query as z.output<S>;
