-- Reserved for issue 5: cash drawer sessions, payment details, voids and refunds (drawer helper).
-- Numbers are reserved so work on several parts can land in any order; an unused one stays a no-op.
SELECT 1;
