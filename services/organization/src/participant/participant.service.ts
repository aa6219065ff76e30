import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  findConnection,
  BadUserInputError,
  NotFoundError,
  optionalPhone,
  optionalText,
  requireText,
  type Caller,
  type Page,
  likeEscape,
  checkVersion,
  createOnce,
  inTransaction,
  idempotencyOf,
} from '@cppcc/toolkit';
import { requireDivision } from '../division/division.service';
import { Participant } from './participant.entity';
import type {
  CreateParticipantInput,
  ParticipantsFilter,
  UpdateParticipantInput,
} from './participant.inputs';

const ID_NUMBER = /^\d{17}[\dX]$/;

/** An 18-character resident ID number (身份证号) whose check digit is right (GB 11643). */
export function optionalIdNumber(value: string | null | undefined, field: string): string | null {
  if (value == null || value === '') return null;
  const idNumber = value.trim().toUpperCase();
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = ID_NUMBER.test(idNumber)
    ? weights.reduce((total, weight, i) => total + weight * Number(idNumber[i]), 0)
    : -1;
  if (sum < 0 || '10X98765432'[sum % 11] !== idNumber[17]) {
    throw new BadUserInputError(`${field} is not a valid resident ID number.`, field);
  }
  return idNumber;
}

export async function listParticipants(em: EntityManager, filter: ParticipantsFilter, page: Page) {
  const where: FilterQuery<Participant> & Record<string, unknown> = {};
  if (filter.divisionCode) where.divisionCode = { $like: `${likeEscape(filter.divisionCode)}%` };
  if (filter.kind?.length) where.kind = { $in: filter.kind };
  if (filter.nameContains) where.name = { $like: `%${likeEscape(filter.nameContains)}%` };
  return findConnection(em, Participant, where, { name: 'asc', id: 'asc' }, page);
}

export async function createParticipant(
  em: EntityManager,
  caller: Caller,
  input: CreateParticipantInput,
) {
  const name = requireText(input.name, 'input.name', 50);
  const division = await requireDivision(em, caller, input.divisionCode, 'input.divisionCode');
  const phone = optionalPhone(input.phone, 'input.phone');
  const idNumber = optionalIdNumber(input.idNumber, 'input.idNumber');
  const organisation = optionalText(input.organisation, 'input.organisation', 100);
  const idempotency = idempotencyOf(caller, input);
  return createOnce(em, Participant, idempotency, async (tx, columns) => {
    const participant = tx.create(Participant, {
      name,
      kind: input.kind,
      divisionCode: division.code,
      organisation,
      phone,
      idNumber,
      ...columns,
    });
    await tx.flush();
    return participant;
  });
}

export async function updateParticipant(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: UpdateParticipantInput,
) {
  return inTransaction(em, 'Participant', async (tx) => {
    const participant = await tx.findOne(Participant, { id });
    if (!participant) throw new NotFoundError('Participant', { field: 'input.id' });
    checkVersion('Participant', participant, input.expectedVersion);
    if (input.name != null) participant.name = requireText(input.name, 'input.name', 50);
    if (input.kind != null) participant.kind = input.kind;
    if (input.divisionCode != null) {
      participant.divisionCode = (
        await requireDivision(tx, caller, input.divisionCode, 'input.divisionCode')
      ).code;
    }
    if (input.organisation !== undefined)
      participant.organisation = optionalText(input.organisation, 'input.organisation', 100);
    if (input.phone !== undefined) participant.phone = optionalPhone(input.phone, 'input.phone');
    if (input.idNumber !== undefined)
      participant.idNumber = optionalIdNumber(input.idNumber, 'input.idNumber');
    await tx.flush();
    return participant;
  });
}
