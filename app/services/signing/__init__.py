"""Token signing: PKCS#11 tokens (one worker thread), pyHanko signatures in the leader → number → seal order, and
verification reports. See /work/shared/signing-recipe.md for why the steps are exactly these."""
