import "server-only";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export type MapShape = {
  /** ISO alpha-3 when the shape is a country with an ISO code, else null (e.g. N. Cyprus, Somaliland). */
  iso3: string | null;
  /** The map's own name for the shape. */
  mapName: string;
  d: string;
};

export type WorldMap = { width: number; height: number; shapes: MapShape[] };

const WIDTH = 960;
const HEIGHT = 470;
const ANTARCTICA = "010";

let cached: WorldMap | undefined;

/**
 * Country outlines projected once per process (Natural Earth 1:110m via world-atlas). This scale leaves
 * out small states; callers must list the countries it lacks (`missingFrom`).
 */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const drawn = collection.features.filter((shape) => shape.id !== ANTARCTICA);
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "FeatureCollection", features: drawn });
  const path = geoPath(projection).digits(1);
  const shapes = drawn.flatMap((shape: Feature<Geometry, { name: string }>) => {
    const d = path(shape);
    if (!d) return [];
    const numeric = typeof shape.id === "string" ? shape.id : undefined;
    return [{ iso3: (numeric && countries.numericToAlpha3(numeric)) || null, mapName: shape.properties.name, d }];
  });
  cached = { width: WIDTH, height: HEIGHT, shapes };
  return cached;
}

/** The given ISO alpha-3 codes that the map does not draw. */
export function missingFrom(map: WorldMap, iso3s: readonly string[]): Set<string> {
  const drawn = new Set(map.shapes.map((shape) => shape.iso3));
  return new Set(iso3s.filter((iso3) => !drawn.has(iso3)));
}
