-- Reserved for issue 5: licence status changes and certificates (status helper).
-- Numbers are reserved so work on several parts can land in any order; an unused one stays a no-op.
SELECT 1;
