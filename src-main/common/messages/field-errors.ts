// What is wrong with one field, shown beside it (UI) or under the error (CLI). The contract's own
// limits (model.ts) come first, by their English sentence; zod's generic issues by their kind.
import { message } from './message-entry.ts';

export const fieldErrors = {
  'field.required': message(
    [],
    () => 'required',
    () => 'obligatorio',
  ),
  'field.licence_required': message(
    [],
    () => 'A licence number is needed.',
    () => 'Hace falta un número de licencia.',
  ),
  'field.licence_too_long': message(
    ['max'],
    (p) => `A licence number is at most ${p.max} characters.`,
    (p) => `Un número de licencia tiene como máximo ${p.max} caracteres.`,
  ),
  'field.max_cents': message(
    [],
    () => 'An amount is at most $1,000,000.00.',
    () => 'Un importe es como máximo $1,000,000.00.',
  ),
  'field.whole_cents': message(
    [],
    () => 'An amount is a whole number of cents.',
    () => 'Un importe es un número entero de centavos.',
  ),
  'field.positive_cents': message(
    [],
    () => 'An amount is more than $0.00.',
    () => 'Un importe es mayor que $0.00.',
  ),
  'field.counted_cents': message(
    [],
    () => 'An amount is $0.00 or more.',
    () => 'Un importe es de $0.00 o más.',
  ),
  'field.payment_method': message(
    ['methods'],
    (p) => `A payment method is one of ${p.methods}.`,
    (p) => `Un medio de pago es uno de estos: ${p.methods}.`,
  ),
  'field.zero_or_more': message(
    [],
    () => 'must be 0 or more',
    () => 'debe ser 0 o más',
  ),
  'field.more_than_zero': message(
    [],
    () => 'must be more than 0',
    () => 'debe ser mayor que 0',
  ),
  'field.at_least_amount': message(
    [],
    () => 'must be at least the amount',
    () => 'debe ser al menos el importe',
  ),
  'field.between': message(
    ['min', 'max'],
    (p) => `must be between ${p.min} and ${p.max}`,
    (p) => `debe estar entre ${p.min} y ${p.max}`,
  ),
  'field.unknown_licence_type': message(
    [],
    () => 'unknown licence type',
    () => 'tipo de licencia desconocido',
  ),
  'field.required_for_waiver': message(
    [],
    () => 'required for a waiver',
    () => 'obligatorio para una dispensa',
  ),
  'field.date_format': message(
    [],
    () => 'expected YYYY-MM-DD',
    () => 'se espera AAAA-MM-DD',
  ),
  'field.from_before_to': message(
    [],
    () => 'must be on or before to',
    () => 'debe ser igual o anterior a la fecha final',
  ),
  'field.at_most_days': message(
    ['days'],
    (p) => `at most ${p.days} days before to`,
    (p) => `como máximo ${p.days} días antes de la fecha final`,
  ),
  'field.too_small': message(
    ['minimum'],
    (p) => `Too small: expected at least ${p.minimum}`,
    (p) => `Demasiado pequeño: se espera al menos ${p.minimum}`,
  ),
  'field.too_big': message(
    ['maximum'],
    (p) => `Too big: expected at most ${p.maximum}`,
    (p) => `Demasiado grande: se espera como máximo ${p.maximum}`,
  ),
  'field.invalid_type': message(
    ['expected'],
    (p) => `Invalid input: expected ${p.expected}`,
    (p) => `Dato no válido: se espera ${p.expected}`,
  ),
  'field.invalid': message(
    ['detail'],
    (p) => String(p.detail),
    () => 'Este dato no es válido.',
  ),
};
