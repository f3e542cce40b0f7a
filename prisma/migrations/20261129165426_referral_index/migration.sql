-- CreateIndex
CREATE INDEX "Signature_referredById_idx" ON "Signature"("referredById");
