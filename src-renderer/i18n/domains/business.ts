// UI text of correcting a business's contact details, English and Spanish (en.ts and es.ts take them under "business").
export const businessEn = {
  correct: 'Correct contact details…',
  correctTitle: 'Correct the contact details',
  correctHint:
    'For a business that moved or a phone number keyed wrong. The correction goes to the legacy system with the next sync; the reason is kept with it. A new owner is a transfer, not a correction.',
  addressLine: 'Street address',
  city: 'City',
  state: 'State',
  postalCode: 'Postal code',
  phone: 'Phone',
  reason: 'Why',
  save: 'Save correction',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: 'Correction saved. It waits on this desk until it reaches the legacy system.',
  invalid: {
    addressLine: 'A street address is at most 40 characters.',
    city: 'A city is at most 20 characters.',
    state: 'A state is two letters, like KS.',
    postalCode: 'A postal code is at most 10 characters.',
    phone: 'A phone number is 7 to 14 digits, spaces, brackets, dots or dashes.',
    reason: 'Say why the details are corrected (at most 200 characters).',
  },
};

export const businessEs: typeof businessEn = {
  correct: 'Corregir datos de contacto…',
  correctTitle: 'Corregir los datos de contacto',
  correctHint:
    'Para un negocio que se mudó o un teléfono mal escrito. La corrección va al sistema heredado con la próxima sincronización; el motivo se guarda con ella. Un nuevo propietario es un traspaso, no una corrección.',
  addressLine: 'Dirección',
  city: 'Ciudad',
  state: 'Estado',
  postalCode: 'Código postal',
  phone: 'Teléfono',
  reason: 'Motivo',
  save: 'Guardar corrección',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  saved: 'Corrección guardada. Espera en este puesto hasta llegar al sistema heredado.',
  invalid: {
    addressLine: 'Una dirección tiene como máximo 40 caracteres.',
    city: 'Una ciudad tiene como máximo 20 caracteres.',
    state: 'Un estado son dos letras, como KS.',
    postalCode: 'Un código postal tiene como máximo 10 caracteres.',
    phone: 'Un teléfono tiene de 7 a 14 dígitos, espacios, paréntesis, puntos o guiones.',
    reason: 'Indique por qué se corrigen los datos (como máximo 200 caracteres).',
  },
};
