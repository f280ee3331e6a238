// Every command is defined once (src-main/common/command-defs/), and the lists the rest of the house
// uses are derived from the definitions: these checks keep each definition consistent with itself
// and with the lists, so a new command that forgets a part fails here, not at a counter.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordPayment } from '../../src-main/common/command-defs/record-payment.ts';
import { renewLicence } from '../../src-main/common/command-defs/renew-licence.ts';
import {
  commandDefinitions,
  commandNames,
  commandPayloads,
  registerCommands,
} from '../../src-main/common/commands.ts';
import { legacyCommandFields, legacyCommandLists } from '../../src-main/common/legacy-commands.ts';
import { entitySchemas } from '../../src-main/common/model.ts';
import { commandWatch } from '../../src-main/common/replay-rules.ts';
import { actionWords } from '../../src-main/common/messages/role-words.ts';
import { serviceRoles } from '../../src-main/common/roles.ts';
import { CommandNameSchema } from '../../src-main/common/sync-model.ts';
import { DuplicateNameError, joinNamedGroups } from '../../src-main/common/named-groups.ts';
import { commandEffects } from '../../src-main/node/commands/command-effects.ts';
import { en } from '../../src-renderer/i18n/en.ts';
import { es } from '../../src-renderer/i18n/es.ts';

const definitions = Object.values(commandDefinitions);

describe('the command registry', () => {
  it('refuses a second definition of one name', () => {
    expect(() => registerCommands(renewLicence, recordPayment, { ...renewLicence })).toThrow(
      DuplicateNameError,
    );
    expect(() => registerCommands(renewLicence, { ...renewLicence })).toThrow(
      'Two commands are named "renewLicence": every command is defined once.',
    );
  });

  it('refuses an action that two groups give roles to', () => {
    expect(() =>
      joinNamedGroups('action', renewLicence.actions, { 'licence.renew': ['admin'] as const }),
    ).toThrow(/Two actions are named "licence.renew"/);
  });

  it('derives every list from the definitions, each naming every command once', () => {
    expect(commandNames).toEqual(definitions.map((d) => d.name));
    expect(CommandNameSchema.options).toEqual(commandNames);
    for (const name of commandNames) {
      expect(commandPayloads[name]).toBe(commandDefinitions[name].payload);
      expect(legacyCommandFields[name]).toEqual([
        'operationId',
        'actor',
        ...commandDefinitions[name].legacyFields,
      ]);
      expect(legacyCommandLists[name]).toEqual(commandDefinitions[name].legacyLists ?? {});
      expect(commandWatch[name]).toBe(commandDefinitions[name].watch);
      expect(commandEffects[name], `${name} has its cache effects`).toBeDefined();
      expect(en.commands[name]).toBe(commandDefinitions[name].label.en);
      expect(es.commands[name]).toBe(commandDefinitions[name].label.es);
      for (const [action, { roles, words }] of Object.entries(commandDefinitions[name].actions)) {
        expect(serviceRoles[action as keyof typeof serviceRoles]).toEqual(roles);
        expect(actionWords.en[action]).toBe(words.en);
        expect(actionWords.es[action]).toBe(words.es);
      }
    }
  });
});

describe.each(definitions.map((d) => [d.name, d] as const))('the definition of %s', (_name, d) => {
  const fields = Object.keys(d.payload.shape);

  it('versions its payload with v, the version the outbox stores', () => {
    expect(d.payload.shape.v.safeParse(d.version).success).toBe(true);
    expect(d.payload.shape.v.safeParse(d.version + 1).success).toBe(false);
  });

  it('binds, edits and re-stamps only fields its payload has', () => {
    for (const f of [...d.legacyFields, ...d.editable, ...(d.restamp ? [d.restamp] : [])])
      expect(fields, `${f} is a payload field`).toContain(f);
  });

  it('repeats bridge statements only over list fields of its payload, binding fields their elements have', () => {
    const shape = d.payload.shape as Record<string, z.ZodType>;
    for (const [list, elementFields] of Object.entries(legacyCommandLists[d.name])) {
      let schema: z.ZodType | undefined = shape[list];
      while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
        schema = schema.unwrap() as z.ZodType;
      expect(schema, `${list} is a list of the payload`).toBeInstanceOf(z.ZodArray);
      const element = (schema as z.ZodArray).element;
      expect(element, `${list} holds records`).toBeInstanceOf(z.ZodObject);
      for (const f of elementFields)
        expect(Object.keys((element as z.ZodObject).shape), `${f} is a field of ${list}`).toContain(f);
      expect(d.legacyFields as readonly string[], `${list} is bound by element, not whole`).not.toContain(
        list,
      );
    }
  });

  it('watches only fields of the record it is based on', () => {
    if (d.watch.length === 0) return;
    expect(d.basedOn).not.toBeNull();
    const recordFields = Object.keys(entitySchemas[d.basedOn!].shape);
    for (const f of d.watch) expect(recordFields, `${f} is a ${d.basedOn} field`).toContain(f);
  });

  it('gives every action it carries out at least one role and its words, and words for itself', () => {
    expect(Object.keys(d.actions).length).toBeGreaterThan(0);
    for (const action of Object.values(d.actions)) {
      expect(action.roles.length).toBeGreaterThan(0);
      expect(action.words.en).not.toBe('');
      expect(action.words.es).not.toBe('');
    }
    for (const words of [d.label, d.sends]) {
      expect(words.en).not.toBe('');
      expect(words.es).not.toBe('');
    }
  });
});
