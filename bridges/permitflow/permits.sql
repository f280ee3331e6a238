-- PermitFlow's permits, without the soft-deleted ones (see businesses.sql for the IsDeleted test).
SELECT {PermitId}, {PermitNumber}, {BusinessId}, {PermitTypeId}, {StatusId}, {IssuedOn}, {ExpiresOn},
       {AnnualFee}, {ModifiedOn}, {RowVer}
FROM {Permits}
WHERE CAST({IsDeleted} AS INTEGER) = 0
