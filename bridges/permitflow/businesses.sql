-- PermitFlow's businesses, without the soft-deleted ones. {NAME} is quoted for the engine, so the
-- PascalCase names survive on PostgreSQL.
-- IsDeleted is a bit on SQL Server, a boolean after a migration to PostgreSQL, TINYINT(1) on
-- MariaDB: CAST(... AS INTEGER) = 0 reads all of them.
-- The owner is two columns. No string concatenation is spelled the same on every engine (|| is OR
-- on MariaDB, CONCAT is missing from SQLite before 3.44, and the SQLite ODBC driver passes
-- {fn CONCAT} through untranslated), but REPLACE is: the two names are put into a pattern.
SELECT {BusinessId}, {LegalName}, {TradeName},
       REPLACE(REPLACE('<first> <last>', '<first>', COALESCE({OwnerFirstName}, '')),
               '<last>', COALESCE({OwnerLastName}, '')) AS {OwnerName},
       {Street1}, {City}, {StateCode}, {Zip}, {PhoneNumber}, {FEIN}, {DateEstablished},
       {ModifiedOn}, {RowVer}
FROM {Businesses}
WHERE CAST({IsDeleted} AS INTEGER) = 0
