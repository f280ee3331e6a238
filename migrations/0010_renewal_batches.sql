-- Reserved for issue 5: batch renewal runs (batch helper).
-- Numbers are reserved so work on several parts can land in any order; an unused one stays a no-op.
SELECT 1;
