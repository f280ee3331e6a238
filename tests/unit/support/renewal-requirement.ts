// Riverton's health inspection requirement for a food licence, as a renewal.requirement problem's
// detail names it when the renewal is checked on 2026-11-23 (12 months back: since 2025-11-23).
export const healthRequirementDetail = {
  requirement: 'HEALTH',
  labelEn: 'Passed health inspection',
  labelEs: 'Inspección sanitaria aprobada',
  inspectionKind: 'HLTH',
  withinMonths: 12,
  since: '2025-11-23',
};
