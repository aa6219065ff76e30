import { Connection } from '@cppcc/toolkit';
import { Member } from './member.entity';

export const MemberConnection = Connection(Member);
