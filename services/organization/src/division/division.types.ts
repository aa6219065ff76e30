import { Connection } from '@cppcc/toolkit';
import { Division } from './division.entity';

export const DivisionConnection = Connection(Division, 'Division', { cacheAsParent: true });
