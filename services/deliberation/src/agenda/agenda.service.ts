import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, optionalText, requireText, type Caller, isUuid } from '@cppcc/toolkit';
import { editSession } from '../session/session.edits';
import type { Session } from '../session/session.entity';
import { AgendaItem } from './agenda.entity';
import type { AgendaItemInput } from './agenda.inputs';

/** Sets the agenda of a planned or held session (replacing the one it had). */
export function setAgenda(
  em: EntityManager,
  caller: Caller,
  sessionId: string,
  items: AgendaItemInput[],
  expectedVersion?: number | null,
): Promise<Session> {
  const valid = items.map((item, index) => {
    const field = `items.${index}`;
    const demandIds = [...new Set(item.demandIds ?? [])];
    demandIds.forEach((id, position) => {
      if (!isUuid(id))
        throw new BadUserInputError('This is not an id.', `${field}.demandIds.${position}`);
    });
    return {
      position: index + 1,
      title: requireText(item.title, `${field}.title`, 200),
      description: optionalText(item.description, `${field}.description`, 2_000),
      presenter: optionalText(item.presenter, `${field}.presenter`, 100),
      demandIds,
    };
  });
  return editSession(em, caller, sessionId, expectedVersion, 'setAgenda', async (tx, session) => {
    await tx.nativeDelete(AgendaItem, { sessionId: session.id });
    for (const item of valid) {
      tx.create(AgendaItem, {
        ...item,
        sessionId: session.id,
        homeId: session.homeId,
        divisionCode: session.divisionCode,
      });
    }
    return { items: valid.length };
  });
}
