-- Inspections refer to a permit by its PermitId: the permit number is looked up, as for payments.
SELECT i.{InspectionId}, p.{PermitNumber}, i.{ScheduledFor}, i.{InspectionType}, i.{Outcome},
       i.{InspectorName}, i.{Notes}
FROM {Inspections} i
JOIN {Permits} p ON p.{PermitId} = i.{PermitId}
WHERE CAST(p.{IsDeleted} AS INTEGER) = 0
