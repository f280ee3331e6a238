-- Riverton's code tables as one list of code values. {NAME} is quoted for the engine.
SELECT 'licenceStatus' AS {CODE_TABLE}, {STCODE} AS {CODE}, {STDESC} AS {LABEL} FROM {RVSTAT}
UNION ALL
SELECT 'licenceType', {LTCODE}, {LTDESC} FROM {RVLTYP}
