-- Payments refer to a permit by its PermitId, but a desk knows a licence by its number, so the number
-- is looked up here. Payments of soft-deleted permits are left out with them.
SELECT pay.{PaymentId}, p.{PermitNumber}, pay.{ReceivedAt}, pay.{Amount}, pay.{TenderType}, pay.{ReceiptNumber}
FROM {Payments} pay
JOIN {Permits} p ON p.{PermitId} = pay.{PermitId}
WHERE CAST(p.{IsDeleted} AS INTEGER) = 0
