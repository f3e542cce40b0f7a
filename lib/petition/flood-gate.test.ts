import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, markFrontServer } from "@/lib/net/client-address";
import { floodGate, isFlooding } from "@/lib/petition/flood-gate";
import { hashClientAddress } from "@/lib/petition/client";
import { signingLimits } from "@/lib/petition/limits";
import { unique, uniqueAddress } from "@/lib/test/factories";

// As the front server (scripts/server.ts) hands requests to Next: its own header, believed once marked.
markFrontServer();
const from = (address: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: address });

describe("the flood gate in front of the signing form", () => {
  it("lets the flood limit through, then answers 'flooding' for that network and campaign only", async () => {
    const { flood } = signingLimits();
    const slug = unique("flood");
    const address = uniqueAddress();
    for (let i = 0; i < flood.points; i++) expect(await isFlooding(slug, from(address))).toBe(false);
    expect(await isFlooding(slug, from(address))).toBe(true);
    expect(await isFlooding(slug, from(uniqueAddress()))).toBe(false);
    expect(await isFlooding(unique("other-campaign"), from(address))).toBe(false);
  });

  it("is not escaped by a forged X-Forwarded-For: only the front server's header counts", async () => {
    const { flood } = signingLimits();
    const slug = unique("flood");
    const address = uniqueAddress();
    const forged = () => new Headers({ [CLIENT_ADDRESS_HEADER]: address, "x-forwarded-for": uniqueAddress(), "x-real-ip": uniqueAddress() });
    for (let i = 0; i < flood.points; i++) expect(await isFlooding(slug, forged())).toBe(false);
    const verdict = await floodGate(slug, forged());
    expect(verdict).toEqual({ flooding: true, started: true, network: hashClientAddress(address).slice(0, 12) });
    expect(await floodGate(slug, forged())).toMatchObject({ flooding: true, started: false });
  });
});
