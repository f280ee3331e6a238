-- Reserved for issue 5: fee rules, holds and balances (fees helper).
-- Numbers are reserved so work on several parts can land in any order; an unused one stays a no-op.
SELECT 1;
