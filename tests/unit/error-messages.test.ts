// The error catalog (src-main/common/messages/): every key speaks English and Spanish, each text
// uses only the parameters its key declares and together they use them all, the words a role
// refusal needs exist for every role and service, and an error keeps its key over the contract.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/common/dispatch.ts';
import type { Handlers } from '../../src-main/common/contract.ts';
import {
  errorMessageIn,
  errorText,
  fieldMessagesIn,
  WorkbenchError,
  WorkbenchErrorShape,
} from '../../src-main/common/errors.ts';
import { errorKeys, errorMessages } from '../../src-main/common/messages/error-messages.ts';
import { messageLanguageFrom } from '../../src-main/common/messages/language-choice.ts';
import { messageLanguages } from '../../src-main/common/messages/message-entry.ts';
import { actionWords, roleWords } from '../../src-main/common/messages/role-words.ts';
import { refusal, roleNames, roleRefusal, serviceRoles } from '../../src-main/common/roles.ts';

/** Renders a text with a params object that records which parameters it reads. */
function render(key: string, language: 'en' | 'es', declared: readonly string[]) {
  const read = new Set<string>();
  const values = Object.fromEntries(declared.map((p) => [p, `<${p}>`]));
  const params = new Proxy(values, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  const entry = errorMessages[key as keyof typeof errorMessages] as unknown as Record<
    'en' | 'es',
    (p: Record<string, string>) => string
  >;
  return { text: entry[language](params), read };
}

describe('the error catalog', () => {
  it('has many keys, each with an English and a Spanish text', () => {
    expect(errorKeys.length).toBeGreaterThan(50);
    for (const key of errorKeys)
      for (const language of messageLanguages)
        expect(typeof errorMessages[key][language], `${key} ${language}`).toBe('function');
  });

  it.each(errorKeys)(
    '%s: uses only the parameters it declares, all of them, and says something in each language',
    (key) => {
      const declared = errorMessages[key].params as readonly string[];
      const used = new Set<string>();
      const texts: Record<string, string> = {};
      for (const language of messageLanguages) {
        const { text, read } = render(key, language, declared);
        for (const name of read) expect(declared, `${key} (${language}) reads "${name}"`).toContain(name);
        for (const name of read) used.add(name);
        expect(text.trim(), `${key} (${language})`).not.toBe('');
        expect(text, `${key} (${language})`).not.toMatch(/undefined|\[object Object\]/);
        texts[language] = text;
      }
      expect([...used].sort(), `${key}: a declared parameter no text uses`).toEqual([...declared].sort());
      expect(texts.es, `${key}: the Spanish is not the English`).not.toBe(texts.en);
    },
  );

  it('has the words of every role and every guarded service in every language', () => {
    for (const language of messageLanguages) {
      for (const role of roleNames) expect(roleWords[language][role], `${language} ${role}`).toBeTruthy();
      for (const action of Object.keys(serviceRoles))
        expect(actionWords[language][action], `${language} ${action}`).toBeTruthy();
    }
  });
});

describe('a role refusal', () => {
  it('is a key with the role, the action and who may, in English as before and in Spanish', () => {
    const text = roleRefusal('clerk', 'payment.void')!;
    expect(text).toEqual({
      key: 'roles.refused',
      params: { role: 'clerk', action: 'payment.void', allowed: 'supervisor,admin' },
    });
    expect(refusal('clerk', 'payment.void')).toBe(
      'Your role (clerk) does not allow you to void payments: that takes a supervisor or admin. Ask a supervisor, or ask IT to change your role in the workbench policy file.',
    );
    const error = new WorkbenchError('forbidden', text);
    expect(errorMessageIn(error, 'es')).toBe(
      'Su función (empleado) no le permite anular pagos: eso corresponde a un supervisor o administrador. Pida ayuda a un supervisor, o pida a Informática que cambie su función en el archivo de políticas del puesto.',
    );
    expect(roleRefusal('supervisor', 'payment.void')).toBeNull();
  });
});

describe('a bridge that lacks a command', () => {
  it("names what the command sends in each language, from the command's definition", () => {
    const error = new WorkbenchError(
      'not_configured',
      errorText('bridge.command_missing', { bridge: 'permitflow', command: 'refundPayment' }),
    );
    expect(errorMessageIn(error, 'en')).toBe(
      'This desk\'s legacy system (bridge "permitflow") does not take refunds from the workbench yet: IT must add a "refundPayment" command to the bridge file. Nothing was recorded.',
    );
    expect(errorMessageIn(error, 'es')).toBe(
      'El sistema heredado de este puesto (puente «permitflow») todavía no acepta reembolsos desde el puesto: Informática debe agregar un comando «refundPayment» al archivo del puente. No se registró nada.',
    );
  });
});

describe('an error over the contract', () => {
  it('carries its key, params and field keys, with the English as the fallback, and is rebuilt the same', () => {
    const error = new WorkbenchError(
      'invalid_input',
      errorText('drawer.count_negative', { method: 'cash' }),
      {
        cashCents: errorText('field.zero_or_more', {}),
        statusRefusal: 'a_code',
      },
    );
    const shape = WorkbenchErrorShape.parse(JSON.parse(JSON.stringify(error.toShape())));
    expect(shape).toEqual({
      code: 'invalid_input',
      message: 'The counted cash must be zero or more cents.',
      key: 'drawer.count_negative',
      params: { method: 'cash' },
      fields: { cashCents: 'must be 0 or more', statusRefusal: 'a_code' },
      fieldTexts: { cashCents: { key: 'field.zero_or_more', params: {} } },
    });
    const again = WorkbenchError.fromShape(shape);
    expect(again.message).toBe(error.message);
    expect(errorMessageIn(again, 'es')).toBe('El efectivo contado debe ser de cero centavos o más.');
    expect(fieldMessagesIn(again, 'es')).toEqual({ cashCents: 'debe ser 0 o más', statusRefusal: 'a_code' });
  });

  it('an error given as an English sentence keeps the old shape, and has no text in another language', () => {
    const error = new WorkbenchError('legacy_unavailable', 'The bridge worker was stopped.');
    expect(Object.keys(error.toShape()).sort()).toEqual(['code', 'message']);
    expect(errorMessageIn(error, 'es')).toBeNull();
  });

  it("an unknown key (a newer desk's) renders as nothing, so the UI falls back to the code's sentence", () => {
    const error = WorkbenchError.fromShape({
      code: 'not_found',
      message: 'Gone.',
      key: 'no.such.key',
      params: {},
    });
    expect(error.key).toBe('no.such.key');
    expect(errorMessageIn(error, 'es')).toBeNull();
  });

  it("the dispatcher's own refusals are keys: no such operation, an invalid field, a bug", async () => {
    const bug = new Error('boom');
    const dispatch = createDispatcher(
      { 'desk.status': () => Promise.reject(bug) } as unknown as Handlers,
      () => {},
    );
    const none = await dispatch('no.such.op', {});
    expect(!none.ok && none.error).toMatchObject({
      key: 'contract.no_operation',
      params: { operation: 'no.such.op' },
    });
    const invalid = await dispatch('payments.record', { licenceId: 'L1', amountCents: 1.5, method: 'cash' });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.key).toBe('contract.invalid_request');
    expect(invalid.error.fields?.amountCents).toBe('An amount is a whole number of cents.');
    expect(invalid.error.fieldTexts?.amountCents).toEqual({ key: 'field.whole_cents', params: {} });
    const internal = await dispatch('desk.status', {});
    expect(!internal.ok && internal.error).toMatchObject({ code: 'internal', key: 'contract.internal' });
  });
});

describe('the command line language', () => {
  it('is WB_LANG when set, else the locale (es_* is Spanish), else English', () => {
    expect(messageLanguageFrom({})).toBe('en');
    expect(messageLanguageFrom({ WB_LANG: 'es' })).toBe('es');
    expect(messageLanguageFrom({ WB_LANG: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(messageLanguageFrom({ WB_LANG: 'en', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(messageLanguageFrom({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(messageLanguageFrom({ LC_ALL: 'C.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(messageLanguageFrom({ LC_ALL: '', LC_MESSAGES: 'es_AR', LANG: 'en_US' })).toBe('es');
    expect(messageLanguageFrom({ LANG: 'estonian' })).toBe('en');
  });
});
