import {
  importedAppointmentSchema,
  maskName,
  maskPhone,
  normalizeAppointmentCode,
  type CommandName,
  type CommandPayload,
  type CommandResult,
} from '@yichuang/protocol';
import type { EngineCommand, ImportRow } from '@yichuang/engine';
import { moveContact, saveContacts, type AppointmentContact } from './store/appointment-contacts.ts';
import type { Db } from './store/open-db.ts';
import { saveCaseContacts } from './store/case-contacts.ts';
import { saveGuideContact } from './store/guide-contacts.ts';
import { setContact } from './notify/outbox-store.ts';
import { saveComplaintContact } from './store/complaint-records.ts';

/** Salted hashes of an ID-card number and a phone number (HMAC under the hall's own salt). */
export interface PersonHashers {
  idCard: (idCard: string) => string;
  phone: (phone: string) => string;
}

/** A command as the engine gets it, and what the hub writes beside its events once it is decided. */
export interface PreparedCommand {
  command: EngineCommand;
  /** Runs in the command's transaction (the clear contacts of new appointments and cases); `day` is the business day. */
  write?: (db: Db, result: unknown, at: number, day: string) => void;
}

/**
 * ID-card numbers, phone numbers and names go no further than here: the engine and the log get salted
 * hashes and masked forms (张*, 138****5678); the clear name and phone of a booking go to the contacts
 * table only, in the same transaction.
 */
export function prepareCommand(name: CommandName, payload: unknown, hash: PersonHashers): PreparedCommand {
  switch (name) {
    case 'ticket:take': {
      const { idCard, appointmentPhone, ...rest } = payload as CommandPayload<'ticket:take'>;
      return {
        command: {
          name,
          payload: {
            ...rest,
            ...(idCard === undefined ? {} : { idHash: hash.idCard(idCard) }),
            ...(appointmentPhone === undefined ? {} : { appointmentPhoneHash: hash.phone(appointmentPhone) }),
          },
        },
      };
    }
    case 'appointment:reserve': {
      const { name: person, phone, idCard, ...rest } = payload as CommandPayload<'appointment:reserve'>;
      return {
        command: {
          name,
          payload: {
            ...rest,
            phoneHash: hash.phone(phone),
            ...(idCard === undefined ? {} : { idHash: hash.idCard(idCard) }),
            contact: { name: maskName(person), phone: maskPhone(phone) },
          },
        },
        write: (db, result, at) => {
          const a = (result as CommandResult<'appointment:reserve'>).appointment;
          saveContacts(db, [{ code: a.code, name: person, phone, day: a.day }], at);
        },
      };
    }
    case 'appointment:cancel': {
      const { phone, ...rest } = payload as CommandPayload<'appointment:cancel'>;
      return {
        command: { name, payload: { ...rest, ...(phone === undefined ? {} : { phoneHash: hash.phone(phone) }) } },
      };
    }
    case 'appointment:reschedule': {
      const { phone, ...rest } = payload as CommandPayload<'appointment:reschedule'>;
      return {
        command: { name, payload: { ...rest, ...(phone === undefined ? {} : { phoneHash: hash.phone(phone) }) } },
        write: (db, result) => {
          const a = (result as CommandResult<'appointment:reschedule'>).appointment;
          moveContact(db, normalizeAppointmentCode(a.code), a.day);
        },
      };
    }
    case 'ticket:take-remote': {
      const { phone, ...rest } = payload as CommandPayload<'ticket:take-remote'>;
      return { command: { name, payload: { ...rest, phoneHash: hash.phone(phone) } } };
    }
    case 'ticket:arrive': {
      const { phone, ...rest } = payload as CommandPayload<'ticket:arrive'>;
      return {
        command: { name, payload: { ...rest, ...(phone === undefined ? {} : { phoneHash: hash.phone(phone) }) } },
      };
    }
    case 'window:finish':
      return prepareFinish(payload as CommandPayload<'window:finish'>, hash);
    case 'complaint:record': {
      const { name: person, phone, ...rest } = payload as CommandPayload<'complaint:record'>;
      return {
        command: {
          name,
          payload: {
            ...rest,
            ...(person === undefined ? {} : { name: maskName(person) }),
            ...(phone === undefined ? {} : { phone: { masked: maskPhone(phone), hash: hash.phone(phone) } }),
          },
        },
        write: (db, result, at) => {
          const c = (result as CommandResult<'complaint:record'>).complaint;
          saveComplaintContact(db, c.id, person, phone, at);
        },
      };
    }
    case 'appointment:import':
      return prepareImport(payload as CommandPayload<'appointment:import'>, hash);
    case 'ticket:issue':
      return prepareIssue(payload as CommandPayload<'ticket:issue'>, hash);
    default:
      return { command: { name, payload } as EngineCommand };
  }
}

/**
 * A finish that opens cases or refusals: the engine gets the phone's hash and the masked name; the clear
 * name and phone, for the printed receipt or notice, go to the case contacts under each case's and refusal's id.
 */
function prepareFinish(p: CommandPayload<'window:finish'>, hash: PersonHashers): PreparedCommand {
  const { citizenName, phone, ...rest } = p;
  return {
    command: {
      name: 'window:finish',
      payload: {
        ...rest,
        ...(phone === undefined ? {} : { phoneHash: hash.phone(phone) }),
        ...(citizenName === undefined ? {} : { contactName: maskName(citizenName) }),
      },
    },
    write: (db, result, at, day) => {
      if (citizenName === undefined && phone === undefined) return;
      const r = result as CommandResult<'window:finish'>;
      const ids = r.matters.flatMap((m) => [m.caseId, m.refusalId]).filter((x): x is string => x !== null);
      saveCaseContacts(
        db,
        ids.map((slipId) => ({ slipId, name: citizenName ?? '', phone: phone ?? '', day })),
        at,
      );
    },
  };
}

/** Each row of an import parsed on its own: a bad row is reported, not a reason to refuse the batch. */
function prepareImport(p: CommandPayload<'appointment:import'>, hash: PersonHashers): PreparedCommand {
  const contacts = new Map<number, AppointmentContact>();
  const rows: ImportRow[] = p.items.map((item, i) => {
    const row = i + 1;
    const parsed = importedAppointmentSchema.safeParse(item);
    if (!parsed.success) {
      const code = (item as { code?: unknown } | null)?.code;
      const issue = parsed.error.issues[0];
      return {
        row,
        code: typeof code === 'string' ? code.slice(0, 32) : null,
        refused: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      };
    }
    const { name, phone, idCard, ...rest } = parsed.data;
    const code = normalizeAppointmentCode(rest.code);
    if (name !== undefined && phone !== undefined) contacts.set(row, { code, name, phone, day: rest.day });
    return {
      row,
      ...rest,
      code,
      ...(phone === undefined ? {} : { phoneHash: hash.phone(phone) }),
      ...(idCard === undefined ? {} : { idHash: hash.idCard(idCard) }),
      ...(name === undefined && phone === undefined
        ? {}
        : {
            contact: {
              name: name === undefined ? '' : maskName(name),
              phone: phone === undefined ? '' : maskPhone(phone),
            },
          }),
    };
  });
  return {
    command: { name: 'appointment:import', payload: { requestId: p.requestId, rows } },
    write: (db, result, at) => {
      const refused = new Set((result as CommandResult<'appointment:import'>).report.refused.map((r) => r.row));
      saveContacts(
        db,
        [...contacts].filter(([row]) => !refused.has(row)).map(([, c]) => c),
        at,
      );
    },
  };
}

/**
 * 导办: the person a guide issues a ticket for. The engine gets the name and phone masked and the phone
 * hashed; the clear ones go to guide_contacts, and the phone to ticket_contacts for the ticket's notices.
 */
function prepareIssue(p: CommandPayload<'ticket:issue'>, hash: PersonHashers): PreparedCommand {
  const { citizenName, phone, ...rest } = p;
  const given = citizenName !== undefined || phone !== undefined;
  return {
    command: {
      name: 'ticket:issue',
      payload: {
        ...rest,
        ...(given
          ? {
              person: {
                name: citizenName === undefined ? '' : maskName(citizenName),
                phone: phone === undefined ? '' : maskPhone(phone),
                phoneHash: phone === undefined ? null : hash.phone(phone),
              },
            }
          : {}),
      },
    },
    ...(given && {
      write: (db: Db, result: unknown, at: number) => {
        const t = (result as CommandResult<'ticket:issue'>).ticket;
        const day = (result as CommandResult<'ticket:issue'>).day;
        saveGuideContact(
          db,
          { ticketId: t.id, name: citizenName ?? '', phone: phone ?? '', day, officerId: t.issuedBy ?? '' },
          at,
        );
        if (phone !== undefined) setContact(db, t.id, phone, 'sms', at);
      },
    }),
  };
}
