// The drawer.open form: the starting float as typed, checked by the contract's own schema for it.
import { z } from 'zod';
import { operations } from '../../src-main/common/contract.ts';
import { typedAmount } from './money-field.ts';

const open = operations['drawer.open'].input.shape;

/** The starting float; empty is an empty drawer ($0.00). */
export const openDrawerSchema = z.object({ float: typedAmount(open.floatCents, 'zero') });
