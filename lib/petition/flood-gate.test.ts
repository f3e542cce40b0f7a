import { describe, expect, it } from "vitest";
import { isFlooding } from "@/lib/petition/flood-gate";
import { signingLimits } from "@/lib/petition/limits";
import { unique, uniqueAddress } from "@/lib/test/factories";

const from = (address: string) => new Headers({ "x-forwarded-for": address });

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
});
