// The inspection rules of a desk: inspections.yaml beside its bridge file (inspection-rules.ts
// reads and checks it). Shared by recording a result, scheduling a visit and showing one.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { Desk } from '../desk/open-desk.ts';
import { inspectionRulesPath, loadInspectionRules } from './inspection-rules.ts';

/** The desk's inspection rules (inspections.yaml beside its bridge file), or null when it has none. */
export function deskInspectionRulesOrNull(desk: Desk) {
  const file = inspectionRulesPath(desk.bridge().dir);
  return file ? loadInspectionRules(file) : null;
}

/** The desk's inspection rules; refused in plain words when the bridge has none. */
export function deskInspectionRules(desk: Desk) {
  const rules = deskInspectionRulesOrNull(desk);
  if (!rules) throw new WorkbenchError('not_configured', errorText('inspection.no_rules', {}));
  return rules;
}
