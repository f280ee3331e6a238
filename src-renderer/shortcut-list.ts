// Every keyboard shortcut of the workbench, in one list: the help overlay (F1 or ?) shows it, so a
// shortcut that is not listed here does not exist for the person at the desk. Each screen that
// adds a shortcut adds its line here; `labelKey` is the i18n key of what it does.
export interface ShortcutEntry {
  /** The keys pressed together, as printed, e.g. ['Ctrl', 'K']; alternatives are separate entries (or one label such as '↑ / ↓'). */
  keys: readonly string[];
  labelKey: string;
  /** Where it works: everywhere, or on one screen (its i18n key in help.scope*). */
  scope:
    | 'global'
    | 'search'
    | 'licence'
    | 'drawer'
    | 'renewals'
    | 'batch'
    | 'application'
    | 'conflicts'
    | 'dashboard'
    | 'inspection';
}

export const shortcuts: readonly ShortcutEntry[] = [
  { keys: ['Ctrl', 'K'], labelKey: 'help.goSearch', scope: 'global' },
  { keys: ['/'], labelKey: 'help.goSearch', scope: 'global' },
  { keys: ['F1'], labelKey: 'help.open', scope: 'global' },
  { keys: ['?'], labelKey: 'help.open', scope: 'global' },
  { keys: ['↑ / ↓'], labelKey: 'help.moveResults', scope: 'search' },
  { keys: ['Enter'], labelKey: 'help.openResult', scope: 'search' },
  { keys: ['V'], labelKey: 'licenceActions.shortcutVerify', scope: 'global' },
  { keys: ['C'], labelKey: 'licenceActions.shortcutCertificate', scope: 'licence' },
  { keys: ['Ctrl', 'Enter'], labelKey: 'licenceActions.shortcutConfirm', scope: 'licence' },
  { keys: ['Ctrl', 'Enter'], labelKey: 'applications.shortcutCreate', scope: 'application' },
  { keys: ['Ctrl', 'Enter'], labelKey: 'applications.shortcutIssue', scope: 'application' },
  { keys: ['F'], labelKey: 'fees.shortcutFocusFilters', scope: 'renewals' },
  { keys: ['↑ / ↓'], labelKey: 'fees.shortcutMoveRows', scope: 'renewals' },
  { keys: ['Enter'], labelKey: 'fees.shortcutOpenRow', scope: 'renewals' },
  { keys: ['B'], labelKey: 'fees.shortcutStartBatch', scope: 'renewals' },
  { keys: ['Ctrl', 'Enter'], labelKey: 'batch.shortcut.primary', scope: 'batch' },
  { keys: ['['], labelKey: 'batch.shortcut.previous', scope: 'batch' },
  { keys: [']'], labelKey: 'batch.shortcut.next', scope: 'batch' },
  { keys: ['Ctrl', 'Enter'], labelKey: 'drawer.shortcutSubmit', scope: 'drawer' },
  { keys: ['['], labelKey: 'dashboard.shortcutPrevious', scope: 'dashboard' },
  { keys: [']'], labelKey: 'dashboard.shortcutNext', scope: 'dashboard' },
  { keys: ['P'], labelKey: 'inspections.shortcutPass', scope: 'inspection' },
  { keys: ['F'], labelKey: 'inspections.shortcutFail', scope: 'inspection' },
  { keys: ['N'], labelKey: 'inspections.shortcutNa', scope: 'inspection' },
];
