-- PermitFlow's code tables as one list of code values (all keyed by integers).
SELECT 'licenceStatus' AS {CODE_TABLE}, {StatusId} AS {CODE}, {Name} AS {LABEL} FROM {PermitStatuses}
UNION ALL
SELECT 'licenceType', {PermitTypeId}, {Name} FROM {PermitTypes}
UNION ALL
SELECT 'paymentMethod', {TenderTypeId}, {Name} FROM {TenderTypes}
