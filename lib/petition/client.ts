import "server-only";
import { createHmac } from "node:crypto";
import { headers } from "next/headers";
import { clientAddressFrom, clientNetwork } from "@/lib/net/client-address";
import { persistentSecret } from "@/lib/secrets";

// The signer's network is used for rate limits and stored only as a keyed hash (HMAC-SHA256, key
// from CLIENT_HASH_KEY or DATA_DIR/client-hash-key): staff can see that many signatures came from one
// network without learning which. See docs/decisions/011. Which address that is: lib/net/client-address.ts.

/** The client's network for the request being handled (server actions and route handlers only). */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}

/** The keyed hash stored in Signature.clientHash and used in rate-limit keys (64 hex characters). */
export function hashClientAddress(address: string): string {
  return createHmac("sha256", persistentSecret("CLIENT_HASH_KEY", "client-hash-key")).update(clientNetwork(address)).digest("hex");
}
