"""The GeoPandas anchor of bench/import.bench.ts: which building contains each point.

argv: points file (float64 lon,lat pairs), buildings file (GeoJSON FeatureCollection,
features in the order of Linli's index), rounds, answers file. Each round times one
`sjoin(points, buildings, predicate="intersects")` on an index built before the clock
starts, as Linli's is; the answers (per point the containing building with the smallest
area, ties to the smallest id, or -1) are written after the clock stops, as int32.
Prints one JSON line: versions and the seconds of each round.
"""
import json
import sys
import time

import geopandas as gpd
import numpy as np
import shapely
import shapely.geometry


def geos_version():
    """Shapely 2 has it at the top; Debian 12's Shapely 1.8 in shapely.geos."""
    if hasattr(shapely, "geos_version_string"):
        return shapely.geos_version_string
    from shapely.geos import geos_version_string
    return geos_version_string


def main():
    points_path, buildings_path, rounds, answers_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    xy = np.fromfile(points_path, dtype=np.float64).reshape(-1, 2)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]))
    with open(buildings_path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    buildings = gpd.GeoDataFrame(
        {"id": [f["id"] for f in features]},
        geometry=[shapely.geometry.shape(f["geometry"]) for f in features],
    )
    buildings["order"] = np.arange(len(buildings))
    buildings["area"] = buildings.geometry.area
    buildings.sindex  # built before timing, as Linli's index is
    seconds = []
    joined = None
    for _ in range(rounds):
        started = time.perf_counter()
        joined = gpd.sjoin(points, buildings, how="inner", predicate="intersects")
        seconds.append(time.perf_counter() - started)
    best = joined.sort_values(["area", "id"]).groupby(level=0)["order"].first()
    answers = np.full(len(points), -1, dtype=np.int32)
    answers[best.index.to_numpy()] = best.to_numpy()
    answers.tofile(answers_path)
    print(json.dumps({
        "geopandas": gpd.__version__,
        "shapely": shapely.__version__,
        "geos": geos_version(),
        "seconds": seconds,
    }))


main()
