import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  findConnection,
  BadUserInputError,
  NotFoundError,
  optionalPhone,
  optionalText,
  requireDate,
  requireText,
  type Caller,
  type Page,
  likeEscape,
  checkVersion,
  createOnce,
  inTransaction,
  idempotencyOf,
} from '@cppcc/toolkit';
import { Committee } from '../committee/committee.entity';
import { CommitteeMembership } from '../committee/committee-membership.entity';
import { requireDivision } from '../division/division.service';
import { Member } from './member.entity';
import type {
  CommitteeSeatInput,
  CreateMemberInput,
  MembersFilter,
  UpdateMemberInput,
} from './member.inputs';

export async function listMembers(em: EntityManager, filter: MembersFilter, page: Page) {
  const where: FilterQuery<Member> & Record<string, unknown> = {};
  if (filter.divisionCode) where.divisionCode = { $like: `${likeEscape(filter.divisionCode)}%` };
  if (filter.sector) where.sector = filter.sector;
  if (filter.party) where.party = filter.party;
  if (filter.nameContains) where.name = { $like: `%${likeEscape(filter.nameContains)}%` };
  if (filter.committeeId) {
    const seats = await em.find(CommitteeMembership, {
      committeeId: filter.committeeId,
      termEnd: null,
    });
    where.id = { $in: seats.map((seat) => seat.memberId) };
  }
  return findConnection(em, Member, where, { name: 'asc', id: 'asc' }, page);
}

async function validateSeats(
  em: EntityManager,
  seats: CommitteeSeatInput[],
): Promise<CommitteeSeatInput[]> {
  const committees = await em.find(Committee, {
    id: { $in: seats.map((seat) => seat.committeeId) },
  });
  return seats.map((seat, index) => {
    const field = `input.committees.${index}`;
    if (!committees.some((committee) => committee.id === seat.committeeId)) {
      throw new BadUserInputError('There is no such committee.', `${field}.committeeId`);
    }
    const termStart = requireDate(seat.termStart, `${field}.termStart`);
    const termEnd = seat.termEnd == null ? null : requireDate(seat.termEnd, `${field}.termEnd`);
    if (termEnd && termEnd < termStart) {
      throw new BadUserInputError('termEnd must not be before termStart.', `${field}.termEnd`);
    }
    return { committeeId: seat.committeeId, termStart, termEnd };
  });
}

export async function createMember(
  em: EntityManager,
  caller: Caller,
  input: CreateMemberInput,
): Promise<Member> {
  const name = requireText(input.name, 'input.name', 50);
  const division = await requireDivision(em, caller, input.divisionCode, 'input.divisionCode');
  const phone = optionalPhone(input.phone, 'input.phone');
  const seats = await validateSeats(em, input.committees ?? []);
  const idempotency = idempotencyOf(caller, input);
  return createOnce(em, Member, idempotency, async (tx, columns) => {
    const member = tx.create(Member, {
      name,
      gender: input.gender,
      divisionCode: division.code,
      sector: optionalText(input.sector, 'input.sector', 50),
      party: optionalText(input.party, 'input.party', 50),
      expertise: optionalText(input.expertise, 'input.expertise', 200),
      phone,
      ...columns,
    });
    // Seats are plain foreign-key columns, not ORM relations: write the member first.
    await tx.flush();
    for (const seat of seats) {
      tx.create(CommitteeMembership, {
        ...seat,
        memberId: member.id,
        termEnd: seat.termEnd ?? null,
      });
    }
    await tx.flush();
    return member;
  });
}

export async function updateMember(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: UpdateMemberInput,
): Promise<Member> {
  return inTransaction(em, 'Member', async (tx) => {
    const member = await tx.findOne(Member, { id });
    if (!member) throw new NotFoundError('Member', { field: 'input.id' });
    checkVersion('Member', member, input.expectedVersion);
    if (input.name != null) member.name = requireText(input.name, 'input.name', 50);
    if (input.divisionCode != null) {
      member.divisionCode = (
        await requireDivision(tx, caller, input.divisionCode, 'input.divisionCode')
      ).code;
    }
    if (input.sector !== undefined) member.sector = optionalText(input.sector, 'input.sector', 50);
    if (input.party !== undefined) member.party = optionalText(input.party, 'input.party', 50);
    if (input.expertise !== undefined)
      member.expertise = optionalText(input.expertise, 'input.expertise', 200);
    if (input.phone !== undefined) member.phone = optionalPhone(input.phone, 'input.phone');
    await tx.flush();
    return member;
  });
}
