// UI text of the keyboard-shortcut help overlay (F1 or ?), English and Spanish (en.ts and es.ts take them under "help").
export const helpEn = {
  button: 'Keyboard shortcuts',
  title: 'Keyboard shortcuts',
  intro:
    'Press F1 or ? (when you are not typing in a field) to open this list from any screen. Esc closes it.',
  close: 'Close',
  keys: 'Keys',
  action: 'What it does',
  or: 'then',
  goSearch: 'Go to the licence search',
  open: 'Show these shortcuts',
  moveResults: 'Move through the search results',
  openResult: 'Open the selected licence',
  scope: {
    global: 'Anywhere',
    search: 'Licence search',
    licence: 'Licence',
    drawer: 'Cash drawer',
    renewals: 'Renewals',
    batch: 'Batch renewal',
    application: 'New application',
    conflicts: 'Conflicts',
    dashboard: 'Dashboard',
    inspection: 'Inspection visit',
  },
};

export const helpEs: typeof helpEn = {
  button: 'Atajos de teclado',
  title: 'Atajos de teclado',
  intro:
    'Pulse F1 o ? (cuando no esté escribiendo en un campo) para abrir esta lista desde cualquier pantalla. Esc la cierra.',
  close: 'Cerrar',
  keys: 'Teclas',
  action: 'Qué hace',
  or: 'luego',
  goSearch: 'Ir a la búsqueda de licencias',
  open: 'Mostrar estos atajos',
  moveResults: 'Moverse por los resultados de la búsqueda',
  openResult: 'Abrir la licencia seleccionada',
  scope: {
    global: 'En cualquier pantalla',
    search: 'Búsqueda de licencias',
    licence: 'Licencia',
    drawer: 'Caja',
    renewals: 'Renovaciones',
    batch: 'Renovación por lotes',
    application: 'Nueva solicitud',
    conflicts: 'Conflictos',
    dashboard: 'Panel del supervisor',
    inspection: 'Visita de inspección',
  },
};
